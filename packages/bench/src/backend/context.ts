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

import { performance } from 'node:perf_hooks';
import { Knex } from 'knex';
import { BackendProcess } from '../backendProcess';
import { rebuildSliRollups } from '@backstage-itsm/plugin-itsm-backend';
import {
  incidentRow,
  incidents,
  outageRows,
  serviceRef,
  sliRows,
} from '../data';
import { BenchRow } from '../stats';

export const DAY = 86_400_000;
export const TOKEN = 'itsm-bench-token';
export const BATCH = 5000;

export type Sizes = {
  ingest: number;
  heavyIncidents: number;
  heavyOutages: number;
  /** SLI slices of history outside the current period, per growth service; the last is the sla-report service. */
  growth: [number, number, number];
  /** ITServices the catalog benchmark registers (the first of the portfolio). */
  catalog: number;
  portfolio: number;
  memory: number;
  samples: number;
  /** Services whose year of minute slices the storage benchmark stores. */
  storageServices: number;
};

/**
 * The heap limit the README recommends for production backends; the bench
 * runs its backend with it, as the memory target is stated for it.
 */
export const HEAP_LIMIT_MB = 1024;

export const FULL: Sizes = {
  ingest: 200_000,
  heavyIncidents: 50_000,
  heavyOutages: 3_000,
  growth: [10_000, 100_000, 1_000_000],
  catalog: 2_000,
  portfolio: 10_000,
  memory: 1_000_000,
  samples: 15,
  storageServices: 10,
};

export const QUICK: Sizes = {
  // Eight batches: four left the ratio too near its target to hold.
  ingest: 40_000,
  heavyIncidents: 5_000,
  heavyOutages: 300,
  growth: [1_000, 10_000, 100_000],
  catalog: 200,
  portfolio: 200,
  memory: 50_000,
  // More than the full run's: at these sizes a report is short, and the
  // machine's noise a larger part of it.
  samples: 25,
  storageServices: 1,
};

export function count(n: number): string {
  if (n >= 1_000_000 && n % 1_000_000 === 0) return `${n / 1_000_000}M`;
  if (n >= 1000 && n % 1000 === 0) return `${n / 1000}k`;
  return String(n);
}

export async function timed(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

export async function repeat(
  times: number,
  fn: () => Promise<unknown>,
): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) samples.push(await timed(fn));
  return samples;
}

export const total = (samples: number[]) => samples.reduce((a, b) => a + b, 0);

/** The backend's REST API with the bench's static token. */
export class Api {
  constructor(private readonly baseUrl: string) {}

  /**
   * `body` is JSON text already. A request whose connection fails is sent
   * again, twice at most: every request the bench makes is idempotent (reads,
   * and ingests the API promises to be), and a kept-alive socket the server
   * closes under a request should not end a run of half an hour.
   */
  async request(method: string, url: string, body?: string) {
    const send = () =>
      fetch(`${this.baseUrl}${url}`, {
        method,
        headers: {
          authorization: `Bearer ${TOKEN}`,
          ...(body !== undefined && { 'content-type': 'application/json' }),
        },
        body,
      });
    let response: Response | undefined;
    for (let attempt = 1; !response; attempt++) {
      try {
        response = await send();
      } catch (error) {
        const cause = (error as { cause?: unknown }).cause;
        if (attempt === 3) {
          throw new Error(`${method} ${url} failed: ${error} (${cause})`);
        }
        process.stderr.write(
          `[bench] ${method} ${url} failed (${
            cause ?? error
          }); sending it again\n`,
        );
      }
    }
    const text = await response.text();
    if (!response.ok) {
      throw new Error(
        `${method} ${url} answered ${response.status}: ${text.slice(0, 500)}`,
      );
    }
    return text ? JSON.parse(text) : undefined;
  }

  get(url: string) {
    return this.request('GET', url);
  }

  post(url: string, body: unknown) {
    return this.request('POST', url, JSON.stringify(body));
  }
}

export async function waitFor(
  what: string,
  check: () => Promise<boolean>,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let failure: unknown;
  for (;;) {
    try {
      if (await check()) return;
      failure = undefined;
    } catch (error) {
      // A poll that fails (a kept-alive socket the server has just closed)
      // is asked again; only the timeout ends the wait.
      failure = error;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `Timed out waiting for ${what}${
          failure ? `; the last check failed: ${failure}` : ''
        }`,
      );
    }
    await new Promise(resolve => setTimeout(resolve, 100));
  }
}

async function insertAll(db: Knex, table: string, rows: Iterable<object>) {
  let batch: object[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const rowsNow = batch;
    batch = [];
    await db.transaction(tx => tx.batchInsert(table, rowsNow as any[], 500));
  };
  for (const r of rows) {
    batch.push(r);
    if (batch.length >= 20_000) await flush();
  }
  await flush();
}

/** Set-up, not measured: a service's history straight into the tables. */
export async function loadMeasurements(
  db: Knex,
  options: {
    service: string;
    from: number;
    to: number;
    incidents: number;
    outages: number;
    slices: number;
    sliceMinutes?: number;
    seed: number;
    /** false: the caller rebuilds the rollups, for many services at once. */
    rollups?: boolean;
    /** Of the external ids; default the service's name. */
    prefix?: string;
    /** When the incidents were exported (see `incidents`); default `to`. */
    exportedAt?: number;
  },
) {
  const { service, from, to, seed, prefix = service } = options;
  await insertAll(
    db,
    'itsm_incidents',
    incidents({
      service,
      count: options.incidents,
      from,
      to,
      prefix,
      seed,
      exportedAt: options.exportedAt,
    }).map(item => incidentRow(item, to)),
  );
  await insertAll(
    db,
    'itsm_outages',
    outageRows({
      service,
      count: options.outages,
      from,
      to,
      seed: seed + 1,
      updatedAt: to,
      prefix,
    }),
  );
  await insertAll(
    db,
    'itsm_sli_events',
    sliRows({
      service,
      count: options.slices,
      to,
      seed: seed + 2,
      updatedAt: to,
      sliceMinutes: options.sliceMinutes,
    }),
  );
  // Straight into the table: the rollups the store would have kept.
  if (options.rollups !== false) {
    await rebuildSliRollups(db, [serviceRef(service)]);
  }
}

export function monthStart(now: number): number {
  const d = new Date(now);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
}

export function monthText(time: number) {
  return new Date(time).toISOString().slice(0, 7);
}

/** How many entities of a kind the catalog holds. */
export async function catalogCount(api: Api, kind: string): Promise<number> {
  const page = await api.get(
    `/api/catalog/entities/by-query?filter=kind=${kind}&limit=1&fields=metadata.name`,
  );
  return page.totalItems;
}

/** The services the scenarios measure, by role. */
export type BenchServices = {
  ingest: string;
  memory: string;
  /** The growth services, least history first; the last is the sla-report service. */
  growth: string[];
  /** The portfolio's services, each with a month of measurements. */
  portfolio: string[];
};

/** What every scenario of one engine's run shares. */
export type BenchContext = {
  engineName: BenchRow['engine'];
  sizes: Sizes;
  /** The pinned now of the data and of the backend's ITSM clock. */
  now: number;
  api: Api;
  db: Knex;
  backend: BackendProcess;
  services: BenchServices;
  log(line: string): void;
  /** Serves entities as a YAML file the catalog can register; returns its URL. */
  publish(file: string, entities: object[]): string;
  /**
   * Before a timed phase: brings the database's statistics up to date (as
   * autovacuum would have), then waits for the backend to go quiet.
   */
  settle(phase: string): Promise<void>;
  /** Rows measured so far in this run, for scenarios whose baseline is another's result. */
  measured(benchmark: string): BenchRow;
  /** The same, undefined when that benchmark did not run. */
  measuredIfRun(benchmark: string): BenchRow | undefined;
};

/** One benchmark (or a family of rows) against a running backend. */
export interface BackendScenario {
  name: string;
  run(context: BenchContext): Promise<BenchRow[]>;
}
