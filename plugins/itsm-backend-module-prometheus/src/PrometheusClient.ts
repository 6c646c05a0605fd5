/*
 * Copyright 2026 The Backstage ITSM Authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

import { CounterSeries } from './slices';

/** A Prometheus server of `itsm.prometheus.servers`. @public */
export type PrometheusServer = {
  name: string;
  baseUrl: string;
  /** Sent with every query, e.g. Authorization. */
  headers: Record<string, string>;
};

type QueryResult =
  | {
      resultType: 'matrix';
      result: Array<{
        metric: Record<string, string>;
        values: Array<[number, string]>;
      }>;
    }
  | {
      resultType: 'vector';
      result: Array<{
        metric: Record<string, string>;
        value: [number, string];
      }>;
    };

/** The labels of a series without its name: how a series is matched across queries. */
function seriesKey(metric: Record<string, string>): string {
  const { __name__: _name, ...labels } = metric;
  return JSON.stringify(
    Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : 1)),
  );
}

const seconds = (ms: number) => (ms / 1000).toFixed(3);

/**
 * Reads raw counter samples from Prometheus' HTTP API
 * (https://prometheus.io/docs/prometheus/latest/querying/api/).
 */
export class PrometheusClient {
  constructor(
    private readonly server: PrometheusServer,
    private readonly timeoutMs = 30_000,
  ) {}

  /**
   * The samples of every series the selector matches in (from, to], each
   * with its last value at or before `from` (looking back `lookback` ms).
   */
  async counterSeries(
    selector: string,
    window: { from: number; to: number; lookback: number },
    signal?: AbortSignal,
  ): Promise<CounterSeries[]> {
    const { from, to, lookback } = window;
    // Range selectors of Prometheus 2 include both ends; a sample at `from`
    // is then also the baseline, and counts as no increase.
    const [samples, baselines] = await Promise.all([
      this.query(`${selector}[${to - from}ms]`, to, signal),
      this.query(`last_over_time(${selector}[${lookback}ms])`, from, signal),
    ]);
    if (samples.resultType !== 'matrix' || baselines.resultType !== 'vector') {
      throw new Error(
        `prometheus server "${this.server.name}": "${selector}" must be a series selector of counters (got a ${samples.resultType} result)`,
      );
    }
    const baseline = new Map(
      baselines.result.map(r => [seriesKey(r.metric), Number(r.value[1])]),
    );
    return samples.result.map(r => ({
      key: seriesKey(r.metric),
      baseline: baseline.get(seriesKey(r.metric)),
      samples: r.values.map(([at, value]) => [
        Math.round(at * 1000),
        Number(value),
      ]),
    }));
  }

  private async query(
    query: string,
    at: number,
    signal?: AbortSignal,
  ): Promise<QueryResult> {
    const { name, baseUrl, headers } = this.server;
    const url = `${baseUrl.replace(/\/+$/, '')}/api/v1/query`;
    const timeout = AbortSignal.timeout(this.timeoutMs);
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: {
          ...headers,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: new URLSearchParams({ query, time: seconds(at) }),
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      });
    } catch (error) {
      const cause = (error as { cause?: Error }).cause?.message;
      throw new Error(
        `prometheus server "${name}" at ${baseUrl}: ${
          (error as Error).message
        }${cause ? ` (${cause})` : ''}`,
      );
    }
    const text = await response.text();
    let body: any;
    try {
      body = JSON.parse(text);
    } catch {
      throw new Error(
        `prometheus server "${name}" at ${baseUrl}: HTTP ${
          response.status
        }, not a Prometheus API answer: ${text.slice(0, 200)}`,
      );
    }
    if (!response.ok || body.status !== 'success') {
      throw new Error(
        `prometheus server "${name}": ${
          body.errorType ?? `HTTP ${response.status}`
        }: ${body.error ?? text.slice(0, 200)} (query ${query})`,
      );
    }
    return body.data as QueryResult;
  }
}
