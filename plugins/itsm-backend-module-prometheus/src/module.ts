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
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import {
  isITServiceEntity,
  ITServiceEntity,
} from '@backstage-itsm/plugin-itsm-common';
import {
  itsmClockServiceRef,
  itsmMeasurementSourcesExtensionPoint,
} from '@backstage-itsm/plugin-itsm-node';
import { readPrometheusSettings } from './config';
import { pullPrometheus } from './PrometheusSource';

/**
 * SLI objectives measured from Prometheus counters: a scheduled measurement
 * source of the itsm backend (once per tick across replicas). Off unless
 * `itsm.prometheus` is set.
 *
 * @public
 */
export const itsmModulePrometheus = createBackendModule({
  pluginId: 'itsm',
  moduleId: 'prometheus',
  register(reg) {
    reg.registerInit({
      deps: {
        sources: itsmMeasurementSourcesExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        auth: coreServices.auth,
        catalog: catalogServiceRef,
        clock: itsmClockServiceRef,
      },
      async init({ sources, config, logger, auth, catalog, clock }) {
        const settings = readPrometheusSettings(config);
        if (!settings) {
          logger.info('itsm.prometheus is not configured; the module is off');
          return;
        }
        sources.addSource({
          id: settings.source,
          schedule: settings.schedule,
          async pull({ logger: log, intake, signal }) {
            const { items } = await catalog.getEntities(
              { filter: { kind: 'ITService' } },
              { credentials: await auth.getOwnServiceCredentials() },
            );
            return pullPrometheus({
              settings,
              services: items.filter((e): e is ITServiceEntity =>
                isITServiceEntity(e),
              ),
              intake,
              logger: log,
              now: clock.now().getTime(),
              signal,
            });
          },
        });
      },
    });
  },
});
