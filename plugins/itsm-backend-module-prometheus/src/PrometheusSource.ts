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

import { LoggerService } from '@backstage/backend-plugin-api';
import {
  entityRefKey,
  ITServiceEntity,
  SliEventInput,
} from '@backstage-itsm/plugin-itsm-common';
import type {
  ItsmMeasurementBatch,
  ItsmMeasurementIntake,
} from '@backstage-itsm/plugin-itsm-node';
import { PrometheusSettings, PrometheusTarget } from './config';
import { PrometheusClient } from './PrometheusClient';
import {
  CounterSeries,
  increasesPerSlice,
  sliceCounts,
  sliceWindow,
  sumSlices,
} from './slices';

/** One query covers at most this much time. */
const CHUNK_MS = 6 * 3600_000;

/** The sli objectives of these services that name a Prometheus indicator. */
export function targetsOfServices(
  services: ITServiceEntity[],
): PrometheusTarget[] {
  return services.flatMap(service =>
    (service.spec.agreements ?? []).flatMap(agreement =>
      agreement.objectives.flatMap(objective =>
        objective.type === 'sli' && objective.prometheus
          ? [
              {
                service: entityRefKey(service),
                objective: objective.name,
                indicator: objective.prometheus,
              },
            ]
          : [],
      ),
    ),
  );
}

/**
 * One run: for each objective, the slices since the last one stored (or the
 * back-fill horizon), counted from the raw samples of its counters. Each
 * service's slices are stored through the intake, and its health recorded:
 * ok, or failed with the reason, so that a query that fails is never read
 * as zero events. Returns nothing more to store.
 */
export async function pullPrometheus(options: {
  settings: PrometheusSettings;
  services: ITServiceEntity[];
  intake: ItsmMeasurementIntake;
  logger: LoggerService;
  now: number;
  signal?: AbortSignal;
}): Promise<ItsmMeasurementBatch> {
  const { settings, intake, logger, signal } = options;
  // Objectives mapped in config win over the same objective in the YAML.
  const targets = new Map<string, PrometheusTarget>();
  for (const target of [
    ...targetsOfServices(options.services),
    ...settings.mappings,
  ]) {
    targets.set(JSON.stringify([target.service, target.objective]), target);
  }
  const byService = new Map<string, PrometheusTarget[]>();
  for (const target of targets.values()) {
    byService.set(target.service, [
      ...(byService.get(target.service) ?? []),
      target,
    ]);
  }
  // Each service is stored on its own: one that cannot be (not in the
  // catalog) fails alone, not the run of every other.
  for (const [service, serviceTargets] of byService) {
    const noted: string[] = [];
    const sliEvents: SliEventInput[] = [];
    for (const target of serviceTargets) {
      try {
        const { events, problem } = await measure(target, options, signal);
        sliEvents.push(...events);
        if (problem) noted.push(`${target.objective}: ${problem}`);
      } catch (error) {
        noted.push(`${target.objective}: ${(error as Error).message}`);
      }
    }
    if (sliEvents.length > 0) {
      try {
        await intake.ingest({ sliEvents });
      } catch (error) {
        noted.push(`not stored: ${(error as Error).message}`);
      }
    }
    if (noted.length > 0) {
      logger.warn(`Prometheus SLIs of ${service}: ${noted.join('; ')}`);
    }
    await intake.reportHealth({
      source: settings.source,
      service,
      ...(noted.length > 0
        ? { outcome: 'failed', message: noted.join('; ') }
        : { outcome: 'ok' }),
    });
  }
  return {};
}

async function measure(
  target: PrometheusTarget,
  options: {
    settings: PrometheusSettings;
    intake: ItsmMeasurementIntake;
    now: number;
  },
  signal?: AbortSignal,
): Promise<{ events: SliEventInput[]; problem?: string }> {
  const { settings, intake, now } = options;
  const serverName = target.indicator.server ?? 'default';
  const server = settings.servers.get(serverName);
  if (!server) {
    throw new Error(
      `names Prometheus server "${serverName}", which itsm.prometheus.servers does not have (it has ${[
        ...settings.servers.keys(),
      ].join(', ')})`,
    );
  }
  const window = sliceWindow({
    now,
    width: settings.slice,
    delay: settings.delay,
    horizon: settings.backfill,
    storedUntil: await intake.latestSliSliceEnd({
      source: settings.source,
      service: target.service,
      objective: target.objective,
    }),
  });
  if (!window) return { events: [] };
  const client = new PrometheusClient(server);
  const width = settings.slice;
  const events: SliEventInput[] = [];
  let lastSample: number | undefined;
  for (let from = window.from; from < window.to; from += CHUNK_MS) {
    const to = Math.min(window.to, from + CHUNK_MS);
    const span = { from, to, lookback: settings.lookback };
    const read = async (selector?: string) =>
      selector ? client.counterSeries(selector, span, signal) : undefined;
    const [total, good, errors] = await Promise.all([
      read(target.indicator.total),
      read(target.indicator.good),
      read(target.indicator.errors),
    ]);
    // No total series: nothing is known of these slices, not zero events.
    const latest = Math.max(
      -Infinity,
      ...total!.flatMap(s =>
        s.samples.filter(([, v]) => Number.isFinite(v)).map(([at]) => at),
      ),
    );
    if (!Number.isFinite(latest)) continue;
    lastSample = latest;
    const slices = Math.ceil((to - from) / width);
    const count = (series?: CounterSeries[]) =>
      series &&
      sumSlices(
        series.map(s => increasesPerSlice(s, { from, to, width })),
        slices,
      );
    for (const slice of sliceCounts({
      from,
      width,
      total: count(total)!,
      good: count(good),
      errors: count(errors),
      coveredUntil: latest,
    })) {
      events.push({
        source: settings.source,
        service: target.service,
        objective: target.objective,
        sliceStart: new Date(slice.sliceStart).toISOString(),
        sliceSeconds: width / 1000,
        good: slice.good,
        total: slice.total,
      });
    }
  }
  if (lastSample === undefined) {
    return {
      events,
      problem: `"${
        target.indicator.total
      }" matched no series on Prometheus server "${serverName}" between ${new Date(
        window.from,
      ).toISOString()} and ${new Date(window.to).toISOString()}`,
    };
  }
  if (lastSample < now - settings.staleAfter) {
    return {
      events,
      problem: `no samples of "${target.indicator.total}" since ${new Date(
        lastSample,
      ).toISOString()}`,
    };
  }
  return { events };
}
