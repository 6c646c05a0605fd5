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
  createBackendFeatureLoader,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { eventsExtensionPoint } from '@backstage/plugin-events-node/alpha';
import {
  createItsmServiceIndexCache,
  itsmClockServiceRef,
  itsmJsonBodyParser,
  itsmMeasurementSourcesExtensionPoint,
  lookupWithRefresh,
} from '@backstage-itsm/plugin-itsm-node';
import { readPagerDutyConfig } from './config';
import { createPagerDutyEventHandler } from './eventHandler';
import { PAGERDUTY_SOURCE } from './mapping';
import {
  buildPagerDutyServiceIndex,
  matchPagerDutyService,
} from './serviceIndex';
import { createPagerDutyRequestValidator, PAGERDUTY_TOPIC } from './validator';

/**
 * The events backend's side: `POST /api/events/http/itsm.pagerduty`, whose
 * requests must carry a valid PagerDuty signature. Off without
 * `itsm.pagerduty`.
 *
 * @public
 */
export const eventsModuleItsmPagerDuty = createBackendModule({
  pluginId: 'events',
  moduleId: 'itsm-pagerduty',
  register(reg) {
    reg.registerInit({
      deps: {
        config: coreServices.rootConfig,
        events: eventsExtensionPoint,
        clock: itsmClockServiceRef,
      },
      async init({ config, events, clock }) {
        const options = readPagerDutyConfig(config);
        if (!options) return;
        events.addHttpPostBodyParser({
          contentType: 'application/json',
          parser: itsmJsonBodyParser,
        });
        events.addHttpPostIngress({
          topic: PAGERDUTY_TOPIC,
          validator: createPagerDutyRequestValidator({
            webhookSecrets: options.webhookSecrets,
            maxEventAgeMs: options.maxEventAgeMs,
            now: () => clock.now().getTime(),
          }),
        });
      },
    });
  },
});

/**
 * The itsm backend's side: a push source (`pagerduty`) that stores the
 * incidents of the events on the `itsm.pagerduty` topic in the ITServices
 * whose `pagerduty.com/service-id` annotation names their PagerDuty
 * service. Off without `itsm.pagerduty`.
 *
 * @public
 */
export const itsmModulePagerDuty = createBackendModule({
  pluginId: 'itsm',
  moduleId: 'pagerduty',
  register(reg) {
    reg.registerInit({
      deps: {
        sources: itsmMeasurementSourcesExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        auth: coreServices.auth,
        catalog: catalogServiceRef,
        events: eventsServiceRef,
      },
      async init({ sources, config, logger, auth, catalog, events }) {
        const options = readPagerDutyConfig(config);
        if (!options) {
          logger.info(
            'PagerDuty incidents are off: itsm.pagerduty is not configured',
          );
          return;
        }
        sources.addPushSource({
          id: PAGERDUTY_SOURCE,
          async connect({ logger: log, intake }) {
            const index = createItsmServiceIndexCache({
              catalog,
              auth,
              build: buildPagerDutyServiceIndex,
              onStaleUse: error =>
                log.warn(
                  `Could not read the ITServices from the catalog; mapping PagerDuty services with the previous list: ${error}`,
                ),
            });
            const handle = createPagerDutyEventHandler({
              intake,
              logger: log,
              priorities: options,
              lookupService: serviceId =>
                lookupWithRefresh(index, i =>
                  matchPagerDutyService(i, serviceId),
                ),
            });
            await events.subscribe({
              id: 'itsm-pagerduty',
              topics: [PAGERDUTY_TOPIC],
              onEvent: ({ eventPayload }) => handle(eventPayload),
            });
            log.info(
              `Storing PagerDuty incidents received on POST /api/events/http/${PAGERDUTY_TOPIC}`,
            );
          },
        });
      },
    });
  },
});

/**
 * Both modules, so that one `backend.add` installs them.
 *
 * @public
 */
export const itsmPagerDutyFeature = createBackendFeatureLoader({
  loader() {
    return [eventsModuleItsmPagerDuty, itsmModulePagerDuty];
  },
});
