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
  itsmJsonBodyParser,
  itsmMeasurementSourcesExtensionPoint,
} from '@backstage-itsm/plugin-itsm-node';
import {
  ALERTMANAGER_TOPIC,
  createAlertmanagerValidator,
  readAlertmanagerSettings,
} from './config';
import { AlertmanagerReceiver } from './receiver';
import { parseAlertmanagerWebhook } from './webhook';

/**
 * The events backend's HTTP ingress for Alertmanager's webhook, with the
 * credential and format checks: `POST /api/events/http/itsm.alertmanager`.
 *
 * @public
 */
export const eventsModuleItsmAlertmanager = createBackendModule({
  pluginId: 'events',
  moduleId: 'itsm-alertmanager',
  register(reg) {
    reg.registerInit({
      deps: {
        events: eventsExtensionPoint,
        config: coreServices.rootConfig,
      },
      async init({ events, config }) {
        const settings = readAlertmanagerSettings(config);
        if (!settings) return;
        // Malformed JSON gets a 400 with the reason rather than a 500.
        events.addHttpPostBodyParser({
          contentType: 'application/json',
          parser: itsmJsonBodyParser,
        });
        events.addHttpPostIngress({
          topic: ALERTMANAGER_TOPIC,
          validator: createAlertmanagerValidator(
            settings,
            parseAlertmanagerWebhook,
          ),
        });
      },
    });
  },
});

/**
 * Outages from the Alertmanager webhooks the events backend received, as a
 * push source of the itsm backend. Off unless `itsm.alertmanager` is set.
 *
 * @public
 */
export const itsmModuleAlertmanager = createBackendModule({
  pluginId: 'itsm',
  moduleId: 'alertmanager',
  register(reg) {
    reg.registerInit({
      deps: {
        sources: itsmMeasurementSourcesExtensionPoint,
        events: eventsServiceRef,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        auth: coreServices.auth,
        catalog: catalogServiceRef,
      },
      async init({ sources, events, config, logger, auth, catalog }) {
        const settings = readAlertmanagerSettings(config);
        if (!settings) {
          logger.info('itsm.alertmanager is not configured; the module is off');
          return;
        }
        sources.addPushSource({
          id: settings.source,
          async connect({ intake, logger: log }) {
            const receiver = new AlertmanagerReceiver({
              settings,
              intake,
              logger: log,
              catalog,
              auth,
            });
            // One subscriber id across replicas: each webhook is handled once.
            await events.subscribe({
              id: 'itsm-alertmanager',
              topics: [ALERTMANAGER_TOPIC],
              onEvent: async ({ eventPayload }) =>
                receiver.receive(eventPayload),
            });
          },
        });
      },
    });
  },
});

/**
 * Both modules: `backend.add(import('@backstage-itsm/plugin-itsm-backend-module-alertmanager'))`.
 *
 * @public
 */
export default createBackendFeatureLoader({
  loader() {
    return [eventsModuleItsmAlertmanager, itsmModuleAlertmanager];
  },
});
