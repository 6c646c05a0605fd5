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

import { entityRefKey } from '@backstage-itsm/plugin-itsm-common';
import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ItsmMeasurementBatch,
  ItsmMeasurementSource,
} from '@backstage-itsm/plugin-itsm-node';
import { MeasurementStore } from '../database/MeasurementStore';
import { MeasurementAccess } from '../measurements/MeasurementAccess';

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

/** One scheduled run of a measurement source registered on itsm-node. */
export function measurementSourceTask(options: {
  source: ItsmMeasurementSource;
  access: MeasurementAccess;
  logger: LoggerService;
}) {
  const { source, access } = options;
  const logger = options.logger.child({ measurementSource: source.id });
  return async (signal?: AbortSignal) => {
    const batch = await source.pull({ logger, signal });
    const result = await ingestBatch(access, batch);
    // A run that changed nothing is not news.
    const log = result.created + result.updated > 0 ? 'info' : 'debug';
    logger[log](
      `Measurement source ${source.id}: ${result.created} created, ${result.updated} updated, ${result.unchanged} unchanged`,
    );
  };
}

/**
 * One run of pruning: measurements of services the catalog no longer has are
 * deleted once they have been missing for the grace period.
 */
export function pruningTask(options: {
  catalog: CatalogService;
  auth: AuthService;
  store: MeasurementStore;
  logger: LoggerService;
  gracePeriodMs: number;
}) {
  const { catalog, auth, store, logger, gracePeriodMs } = options;
  return async () => {
    const { items } = await catalog.getEntities(
      {
        filter: { kind: 'ITService' },
        fields: ['kind', 'metadata.namespace', 'metadata.name'],
      },
      { credentials: await auth.getOwnServiceCredentials() },
    );
    const existing = new Set(items.map(entity => entityRefKey(entity)));
    const { missing, pruned } = await store.reconcileServices({
      existing,
      now: Date.now(),
      gracePeriodMs,
    });
    logger.info(
      `Pruning: ${existing.size} services in the catalog, ${
        missing.length
      } with measurements missing from it; pruned ${pruned.length}: ${
        pruned.join(', ') || 'none'
      }`,
    );
  };
}
