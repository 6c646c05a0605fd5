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
import { durationToMilliseconds } from '@backstage/types';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { itsmPermissions } from '@backstage-itsm/plugin-itsm-common';
import {
  itsmClockServiceRef,
  ItsmMeasurementSource,
  itsmMeasurementSourcesExtensionPoint,
  ItsmPushMeasurementSource,
  ItsmObjectiveScorer,
  itsmScorersExtensionPoint,
} from '@backstage-itsm/plugin-itsm-node';
import { DatabaseMeasurementStore } from './database/DatabaseMeasurementStore';
import { SlaReportService } from './reports/SlaReportService';
import { ServiceDirectory } from './reports/ServiceDirectory';
import { SnapshotStore } from './reports/SnapshotStore';
import { MeasurementService } from './measurements/MeasurementService';
import { registerActions } from './api/actions';
import { MeasurementAccess } from './measurements/MeasurementAccess';
import { createRouter } from './api/router';
import { scheduleTasks } from './tasks/scheduleTasks';
import { readSliRetention } from './rollups/retention';
import { SourceHealthStore } from './database/SourceHealthStore';
import { createMeasurementIntake } from './sources/intake';
import { uniqueRegistry } from './extensionPoints';
import { createNotificationEvaluator } from './notifications/createNotificationEvaluator';

/**
 * The ITSM backend plugin: ingests and serves measurements of IT services.
 *
 * @public
 */
export const itsmPlugin = createBackendPlugin({
  pluginId: 'itsm',
  register(env) {
    // Pull and push sources share one id space: the source names the
    // measurements it stores and its row in the source-health view.
    const sources = uniqueRegistry<
      | { kind: 'pull'; id: string; source: ItsmMeasurementSource }
      | { kind: 'push'; id: string; source: ItsmPushMeasurementSource }
    >(
      source => source.id,
      id => `Measurement source "${id}" is registered twice`,
    );
    env.registerExtensionPoint(itsmMeasurementSourcesExtensionPoint, {
      addSource: (...added) =>
        sources.add(
          ...added.map(source => ({
            kind: 'pull' as const,
            id: source.id,
            source,
          })),
        ),
      addPushSource: (...added) =>
        sources.add(
          ...added.map(source => ({
            kind: 'push' as const,
            id: source.id,
            source,
          })),
        ),
    });
    const scorers = uniqueRegistry<ItsmObjectiveScorer>(
      scorer => scorer.objectiveType,
      type => `Two scorers for objective type "${type}"`,
    );
    env.registerExtensionPoint(itsmScorersExtensionPoint, {
      addScorer: (...added) => scorers.add(...added),
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
        notifications: notificationService,
        lifecycle: coreServices.lifecycle,
      },
      async init(deps) {
        const { config, logger, scheduler, auth, catalog } = deps;
        deps.permissionsRegistry.addPermissions(itsmPermissions);

        const store = await DatabaseMeasurementStore.create({
          database: deps.database,
        });
        const health = new SourceHealthStore(await deps.database.getClient());
        const retention = readSliRetention(config);
        const access = new MeasurementAccess({
          store,
          catalog,
          auth,
          permissions: deps.permissions,
          health,
        });
        const intake = createMeasurementIntake({ access, store, health });

        const atRiskRemaining = config.getOptionalNumber(
          'itsm.atRiskBudgetRemaining',
        );
        const reporter = new SlaReportService({
          store,
          directory: new ServiceDirectory({ catalog, access }),
          snapshots: new SnapshotStore({
            store,
            scorers: scorers.items,
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
          scorers: scorers.items,
          clock: deps.clock,
          atRiskRemaining,
          portfolioMaxAgeMs: config.has('itsm.portfolio.maxAge')
            ? durationToMilliseconds(
                readDurationFromConfig(config, {
                  key: 'itsm.portfolio.maxAge',
                }),
              )
            : undefined,
        });
        const notifier = createNotificationEvaluator({
          config,
          database: await deps.database.getClient(),
          reporter,
          catalog,
          auth,
          notifications: deps.notifications,
          logger,
          clock: deps.clock,
        });
        if (notifier) {
          access.onStored(services =>
            notifier.evaluator.requestEvaluation(services),
          );
        }
        const measurements = new MeasurementService({ store, access });
        deps.httpRouter.use(
          await createRouter({
            measurements,
            access,
            reporter,
            health,
            notices: notifier?.store,
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

        await scheduleTasks({
          config,
          scheduler,
          logger,
          catalog,
          auth,
          store,
          health,
          intake,
          reporter,
          notifier: notifier?.evaluator,
          notices: notifier?.store,
          clock: deps.clock,
          retention,
          sources: [...sources.items.values()].flatMap(s =>
            s.kind === 'pull' ? [s.source] : [],
          ),
        });
        for (const registered of sources.items.values()) {
          if (registered.kind === 'push') {
            await registered.source.connect({
              logger: logger.child({ measurementSource: registered.id }),
              intake,
            });
          }
        }
      },
    });
  },
});
