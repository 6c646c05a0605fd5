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

import { InputError } from '@backstage/errors';
import type {
  ItsmMeasurementBatch,
  ItsmMeasurementIntake,
} from '@backstage-itsm/plugin-itsm-node';
import { MeasurementStore } from '../database/MeasurementStore';
import { SourceHealthStore } from '../database/SourceHealthStore';
import { MeasurementAccess } from '../measurements/MeasurementAccess';
import {
  normalizeServiceRef,
  toIncident,
  toOutage,
} from '../measurements/records';

/** The REST API's batch limit, kept for every other path into the store too. */
export const MAX_BATCH = 5000;

function batches<T>(items: T[] | undefined): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < (items?.length ?? 0); i += MAX_BATCH) {
    result.push(items!.slice(i, i + MAX_BATCH));
  }
  return result;
}

/** Ingests what a source or the demo seeder produced, in API-sized batches. */
export async function ingestBatch(
  access: MeasurementAccess,
  batch: ItsmMeasurementBatch,
) {
  const totals = { created: 0, updated: 0, unchanged: 0 };
  const add = (r: typeof totals) => {
    totals.created += r.created;
    totals.updated += r.updated;
    totals.unchanged += r.unchanged;
  };
  for (const items of batches(batch.incidents))
    add(await access.ingestIncidents(items));
  for (const items of batches(batch.outages))
    add(await access.ingestOutages(items));
  for (const items of batches(batch.sliEvents))
    add(await access.ingestSliEvents(items));
  return totals;
}

// A source's ref, as the store keeps it; a bad one is the source's input error.
function serviceKey(ref: string) {
  try {
    return normalizeServiceRef(ref);
  } catch (error) {
    throw new InputError(`service: ${(error as Error).message}`);
  }
}

/** What the backend hands its measurement sources (see itsm-node). */
export function createMeasurementIntake(deps: {
  access: MeasurementAccess;
  store: MeasurementStore;
  health: SourceHealthStore;
}): ItsmMeasurementIntake {
  const { access, store, health } = deps;
  return {
    ingest: batch => ingestBatch(access, batch),
    reportHealth: report =>
      health.report(
        report.service
          ? { ...report, service: serviceKey(report.service) }
          : report,
      ),
    findIncidents: async keys =>
      (await store.findIncidents(keys)).map(toIncident),
    findOutages: async keys => (await store.findOutages(keys)).map(toOutage),
    latestSliSliceEnd: key =>
      store.latestSliSliceEnd({ ...key, service: serviceKey(key.service) }),
  };
}
