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
  itsmJsonBodyParser,
  itsmMeasurementSourcesExtensionPoint,
  lookupWithRefresh,
} from '@backstage-itsm/plugin-itsm-node';
import { readOpsgenieConfig } from './config';
import { createOpsgenieEventHandler } from './eventHandler';
import { OPSGENIE_SOURCE } from './mapping';
import { buildOpsgenieServiceIndex, matchOpsgenieAlert } from './serviceIndex';
import { createOpsgenieRequestValidator, OPSGENIE_TOPIC } from './validator';

/**
 * The events backend's side: `POST /api/events/http/itsm.opsgenie`, whose
 * requests must carry the configured Authorization. Off without
 * `itsm.opsgenie`.
 *
 * @public
 */
export const eventsModuleItsmOpsgenie = createBackendModule({
  pluginId: 'events',
  moduleId: 'itsm-opsgenie',
  register(reg) {
    reg.registerInit({
      deps: {
        config: coreServices.rootConfig,
        events: eventsExtensionPoint,
      },
      async init({ config, events }) {
        const options = readOpsgenieConfig(config);
        if (!options) return;
        events.addHttpPostBodyParser({
          contentType: 'application/json',
          parser: itsmJsonBodyParser,
        });
        events.addHttpPostIngress({
          topic: OPSGENIE_TOPIC,
          validator: createOpsgenieRequestValidator({
            credentials: options.webhook,
          }),
        });
      },
    });
  },
});

/**
 * The itsm backend's side: a push source (`opsgenie`) that stores the
 * alerts of the events on the `itsm.opsgenie` topic as incidents of the
 * ITServices their tags or teams map to. Off without `itsm.opsgenie`.
 *
 * @public
 */
export const itsmModuleOpsgenie = createBackendModule({
  pluginId: 'itsm',
  moduleId: 'opsgenie',
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
        const options = readOpsgenieConfig(config);
        if (!options) {
          logger.info(
            'Opsgenie incidents are off: itsm.opsgenie is not configured',
          );
          return;
        }
        sources.addPushSource({
          id: OPSGENIE_SOURCE,
          async connect({ logger: log, intake }) {
            const index = createItsmServiceIndexCache({
              catalog,
              auth,
              build: buildOpsgenieServiceIndex,
              onStaleUse: error =>
                log.warn(
                  `Could not read the ITServices from the catalog; mapping Opsgenie alerts with the previous list: ${error}`,
                ),
            });
            const handle = createOpsgenieEventHandler({
              intake,
              logger: log,
              mapping: options,
              lookupService: alert =>
                lookupWithRefresh(index, i => matchOpsgenieAlert(i, alert)),
            });
            await events.subscribe({
              id: 'itsm-opsgenie',
              topics: [OPSGENIE_TOPIC],
              onEvent: ({ eventPayload }) => handle(eventPayload),
            });
            log.info(
              `Storing Opsgenie alerts received on POST /api/events/http/${OPSGENIE_TOPIC}`,
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
export const itsmOpsgenieFeature = createBackendFeatureLoader({
  loader() {
    return [eventsModuleItsmOpsgenie, itsmModuleOpsgenie];
  },
});
