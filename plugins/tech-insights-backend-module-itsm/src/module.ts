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
import {
  FactRetriever,
  techInsightsFactRetrieversExtensionPoint,
} from '@backstage-community/plugin-tech-insights-node';
import { itsmServiceRef } from '@backstage-itsm/plugin-itsm-node';
import { DateTime } from 'luxon';
import {
  ITSM_SERVICE_FACT_RETRIEVER_ID,
  ITSM_SERVICE_FACT_RETRIEVER_KEY,
  itsmServiceFactSchema,
  readItsmServiceFacts,
} from './facts';

/**
 * Per-ITService ITSM facts for Tech Insights: one fact retriever,
 * `itsmServiceFactRetriever`, reading the itsm backend's portfolio and each
 * service's current SLA report with the module's own service credentials.
 * Scheduled only when `techInsights.factRetrievers.itsmServiceFactRetriever`
 * is configured.
 *
 * @public
 */
export const techInsightsModuleItsm = createBackendModule({
  pluginId: 'tech-insights',
  moduleId: 'itsm',
  register(reg) {
    reg.registerInit({
      deps: {
        retrievers: techInsightsFactRetrieversExtensionPoint,
        itsm: itsmServiceRef,
        auth: coreServices.auth,
      },
      async init({ retrievers, itsm, auth }) {
        const retriever: FactRetriever = {
          id: ITSM_SERVICE_FACT_RETRIEVER_ID,
          version: '0.1.0',
          title: 'ITSM service facts',
          description:
            'SLA status, attainment per objective, error budget left and credits of each ITService in the current period',
          entityFilter: [{ kind: 'ITService' }],
          schema: itsmServiceFactSchema,
          handler: async ({ logger }) =>
            readItsmServiceFacts({
              itsm,
              credentials: await auth.getOwnServiceCredentials(),
              timestamp: DateTime.now(),
              logger,
            }),
        };
        retrievers.addFactRetrievers({
          [ITSM_SERVICE_FACT_RETRIEVER_KEY]: retriever,
        });
      },
    });
  },
});
