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
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds, HumanDuration } from '@backstage/types';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { itsmPermissions } from '@backstage-itsm/plugin-itsm-common';
import {
  itsmClockServiceRef,
  ItsmMeasurementSource,
  itsmMeasurementSourcesExtensionPoint,
  ItsmObjectiveScorer,
  itsmScorersExtensionPoint,
} from '@backstage-itsm/plugin-itsm-node';
import { DatabaseMeasurementStore } from './database/DatabaseMeasurementStore';
import { SlaReportService } from './reports/SlaReportService';
import { ServiceDirectory } from './reports/ServiceDirectory';
import { SnapshotStore } from './reports/SnapshotStore';
import { snapshotTask } from './tasks/snapshotTask';
import { MeasurementService } from './measurements/MeasurementService';
import { registerActions } from './api/actions';
import { MeasurementAccess } from './measurements/MeasurementAccess';
import { createRouter } from './api/router';
import { measurementSourceTask, pruningTask } from './tasks/tasks';

/**
 * The ITSM backend plugin: ingests and serves measurements of IT services.
 *
 * @public
 */
export const itsmPlugin = createBackendPlugin({
  pluginId: 'itsm',
  register(env) {
    const sources = new Map<string, ItsmMeasurementSource>();
    env.registerExtensionPoint(itsmMeasurementSourcesExtensionPoint, {
      addSource(...added) {
        for (const source of added) {
          if (sources.has(source.id)) {
            throw new Error(
              `Measurement source "${source.id}" is registered twice`,
            );
          }
          sources.set(source.id, source);
        }
      },
    });
    const scorers = new Map<string, ItsmObjectiveScorer>();
    env.registerExtensionPoint(itsmScorersExtensionPoint, {
      addScorer(...added) {
        for (const scorer of added) {
          if (scorers.has(scorer.objectiveType)) {
            throw new Error(
              `Two scorers for objective type "${scorer.objectiveType}"`,
            );
          }
          scorers.set(scorer.objectiveType, scorer);
        }
      },
    });

    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        database: coreServices.database,
        scheduler: coreServices.scheduler,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        auth: coreServices.auth,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        auditor: coreServices.auditor,
        catalog: catalogServiceRef,
        actionsRegistry: actionsRegistryServiceRef,
        clock: itsmClockServiceRef,
      },
      async init(deps) {
        const { config, logger, scheduler, auth, catalog } = deps;
        deps.permissionsRegistry.addPermissions(itsmPermissions);

        const store = await DatabaseMeasurementStore.create({
          database: deps.database,
        });
        const access = new MeasurementAccess({
          store,
          catalog,
          auth,
          permissions: deps.permissions,
        });

        const atRiskRemaining = config.getOptionalNumber(
          'itsm.atRiskBudgetRemaining',
        );
        const reporter = new SlaReportService({
          store,
          directory: new ServiceDirectory({ catalog, access }),
          snapshots: new SnapshotStore({
            store,
            scorers,
            atRiskRemaining,
            graceMs: config.has('itsm.snapshots.gracePeriod')
              ? durationToMilliseconds(
                  readDurationFromConfig(config, {
                    key: 'itsm.snapshots.gracePeriod',
                  }),
                )
              : undefined,
          }),
          access,
          scorers,
          clock: deps.clock,
          atRiskRemaining,
        });
        const measurements = new MeasurementService({ store, access });
        deps.httpRouter.use(
          await createRouter({
            measurements,
            access,
            reporter,
            httpAuth: deps.httpAuth,
            auditor: deps.auditor,
            maxBodySize: config.getOptionalString('itsm.maxBodySize') ?? '10mb',
          }),
        );
        registerActions({
          actionsRegistry: deps.actionsRegistry,
          measurements,
          access,
          reporter,
        });

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
            logger,
            gracePeriodMs: durationToMilliseconds(
              duration('itsm.pruning.gracePeriod', { days: 7 }),
            ),
          }),
        });

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
            clock: deps.clock,
          }),
        });

        for (const source of sources.values()) {
          await scheduler.scheduleTask({
            scope: 'global',
            ...source.schedule,
            id: `itsm-source-${source.id}`,
            fn: measurementSourceTask({ source, access, logger }),
          });
        }
      },
    });
  },
});
