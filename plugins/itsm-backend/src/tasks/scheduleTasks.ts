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

import {
  AuthService,
  LoggerService,
  RootConfigService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { readDurationFromConfig } from '@backstage/config';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { durationToMilliseconds, HumanDuration } from '@backstage/types';
import type {
  ItsmClockService,
  ItsmMeasurementIntake,
  ItsmMeasurementSource,
} from '@backstage-itsm/plugin-itsm-node';
import { DatabaseMeasurementStore } from '../database/DatabaseMeasurementStore';
import { SlaReportService } from '../reports/SlaReportService';
import { NotificationEvaluator } from '../notifications/NotificationEvaluator';
import { NotificationStore } from '../notifications/NotificationStore';
import { SourceHealthStore } from '../database/SourceHealthStore';
import { snapshotTask } from './snapshotTask';
import { SliRetention } from '../rollups/retention';
import { measurementSourceTask, pruningTask, sliRetentionTask } from './tasks';

/**
 * Schedules the plugin's tasks: pruning, closing months and each measurement
 * source, with the frequencies of `itsm.pruning` and `itsm.snapshots`.
 */
export async function scheduleTasks(options: {
  config: RootConfigService;
  scheduler: SchedulerService;
  logger: LoggerService;
  catalog: CatalogService;
  auth: AuthService;
  store: DatabaseMeasurementStore;
  health: SourceHealthStore;
  intake: ItsmMeasurementIntake;
  reporter: SlaReportService;
  notifier?: NotificationEvaluator;
  notices?: NotificationStore;
  clock: ItsmClockService;
  sources: ItsmMeasurementSource[];
  retention?: SliRetention;
}) {
  const { config, scheduler, logger, catalog, auth, store, intake, reporter } =
    options;
  const duration = (key: string, fallback: HumanDuration) =>
    config.has(key) ? readDurationFromConfig(config, { key }) : fallback;
  // A task runs first after its usual delay, or after one period when
  // that is shorter (a test's seconds-long schedule).
  const firstRun = (frequency: HumanDuration, delay: HumanDuration) =>
    durationToMilliseconds(frequency) < durationToMilliseconds(delay)
      ? frequency
      : delay;
  const pruneEvery = duration('itsm.pruning.frequency', { hours: 1 });
  const snapshotEvery = duration('itsm.snapshots.frequency', {
    hours: 1,
  });
  // scope 'global': one run per tick across all replicas.
  await scheduler.scheduleTask({
    id: 'itsm-prune-measurements',
    frequency: pruneEvery,
    timeout: { minutes: 15 },
    initialDelay: firstRun(pruneEvery, { minutes: 1 }),
    scope: 'global',
    fn: pruningTask({
      catalog,
      auth,
      store,
      health: options.health,
      notices: options.notices,
      logger,
      gracePeriodMs: durationToMilliseconds(
        duration('itsm.pruning.gracePeriod', { days: 7 }),
      ),
    }),
  });

  if (options.retention) {
    const retentionEvery = duration('itsm.retention.frequency', { hours: 1 });
    await scheduler.scheduleTask({
      id: 'itsm-sli-retention',
      frequency: retentionEvery,
      timeout: { minutes: 30 },
      initialDelay: firstRun(retentionEvery, { minutes: 3 }),
      scope: 'global',
      fn: sliRetentionTask({
        store,
        retention: options.retention,
        clock: options.clock,
        logger,
      }),
    });
  }

  // Closes the books: last month's report of every service, once.
  await scheduler.scheduleTask({
    id: 'itsm-sla-snapshots',
    frequency: snapshotEvery,
    timeout: { minutes: 30 },
    initialDelay: firstRun(snapshotEvery, { minutes: 2 }),
    scope: 'global',
    fn: snapshotTask({
      catalog,
      auth,
      reporter,
      logger,
      clock: options.clock,
    }),
  });

  // Tells owners what changed; evaluations after ingests add to it.
  if (options.notifier) {
    const notifier = options.notifier;
    const notifyEvery = duration('itsm.notifications.frequency', {
      minutes: 5,
    });
    await scheduler.scheduleTask({
      id: 'itsm-notifications',
      frequency: notifyEvery,
      timeout: { minutes: 30 },
      initialDelay: firstRun(notifyEvery, { minutes: 1 }),
      scope: 'global',
      fn: () => notifier.evaluateAll(),
    });
  }

  for (const source of options.sources) {
    await scheduler.scheduleTask({
      scope: 'global',
      ...source.schedule,
      id: `itsm-source-${source.id}`,
      fn: measurementSourceTask({ source, intake, logger }),
    });
  }
}
