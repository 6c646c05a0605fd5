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
import { NotificationStore } from '../notifications/NotificationStore';
import {
  ItsmClockService,
  ItsmMeasurementIntake,
  ItsmMeasurementSource,
} from '@backstage-itsm/plugin-itsm-node';
import { MeasurementStore } from '../database/MeasurementStore';
import { SourceHealthStore } from '../database/SourceHealthStore';
import { SliRetention, sliKeptFrom } from '../rollups/retention';

/** One scheduled run of a measurement source registered on itsm-node. */
export function measurementSourceTask(options: {
  source: ItsmMeasurementSource;
  intake: ItsmMeasurementIntake;
  logger: LoggerService;
}) {
  const { source, intake } = options;
  const logger = options.logger.child({ measurementSource: source.id });
  return async (signal?: AbortSignal) => {
    let result;
    try {
      const batch = await source.pull({ logger, signal, intake });
      result = await intake.ingest(batch);
    } catch (error) {
      // Recorded for the source-health view, then thrown for the scheduler.
      await intake.reportHealth({
        source: source.id,
        outcome: 'failed',
        message: String((error as Error)?.message ?? error),
      });
      throw error;
    }
    await intake.reportHealth({ source: source.id, outcome: 'ok' });
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
  health: SourceHealthStore;
  /** Notification states and notices, forgotten with the measurements. */
  notices?: NotificationStore;
  logger: LoggerService;
  gracePeriodMs: number;
}) {
  const { catalog, auth, store, health, logger, gracePeriodMs } = options;
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
    await health.forgetServices(pruned);
    await options.notices?.forget(pruned);
    logger.info(
      `Pruning: ${existing.size} services in the catalog, ${
        missing.length
      } with measurements missing from it; pruned ${pruned.length}: ${
        pruned.join(', ') || 'none'
      }`,
    );
  };
}

/**
 * One run of retention: the raw SLI slices before the horizon are deleted;
 * their rollups stay, and reports of those months read them (rule 15).
 */
export function sliRetentionTask(options: {
  store: MeasurementStore;
  retention: SliRetention;
  clock: ItsmClockService;
  logger: LoggerService;
}) {
  const { store, retention, clock, logger } = options;
  return async () => {
    const boundary = sliKeptFrom(retention, clock.now().getTime());
    const deleted = await store.deleteSliEventsBefore(boundary);
    logger.info(
      `Retention: deleted ${deleted} raw SLI slices before ${new Date(
        boundary,
      ).toISOString()}`,
    );
  };
}
