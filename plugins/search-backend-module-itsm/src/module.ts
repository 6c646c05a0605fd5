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
import { readDurationFromConfig } from '@backstage/config';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { catalogCollatorExtensionPoint } from '@backstage/plugin-search-backend-module-catalog';
import { itsmServiceRef } from '@backstage-itsm/plugin-itsm-node';
import { itsmCatalogDocument, ItsmSearchFacts, titledRef } from './documents';

/**
 * Catalog search documents of ITServices, Stakeholders and Suppliers with
 * their ITSM fields and SLA status (the catalog collator's entity
 * transformer). Other kinds keep the catalog's default documents.
 *
 * @public
 */
export const searchModuleItsmDocuments = createBackendModule({
  pluginId: 'search',
  moduleId: 'itsm-documents',
  register(reg) {
    reg.registerInit({
      deps: {
        collator: catalogCollatorExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        auth: coreServices.auth,
        catalog: catalogServiceRef,
        itsm: itsmServiceRef,
      },
      async init({ collator, config, logger, scheduler, auth, catalog, itsm }) {
        // The transformer runs synchronously inside the collator: it reads
        // what the last refresh fetched.
        let facts: ItsmSearchFacts = { rows: new Map(), titles: new Map() };
        collator.setEntityTransformer(entity =>
          itsmCatalogDocument(entity, facts),
        );
        const refresh = async () => {
          const credentials = await auth.getOwnServiceCredentials();
          const [{ items: parties }, { items: rows }] = await Promise.all([
            catalog.getEntities(
              {
                filter: [
                  { kind: 'ITService' },
                  { kind: 'Stakeholder' },
                  { kind: 'Supplier' },
                ],
                fields: [
                  'kind',
                  'metadata.namespace',
                  'metadata.name',
                  'metadata.title',
                ],
              },
              { credentials },
            ),
            itsm.getPortfolio({}, { credentials }),
          ]);
          facts = {
            rows: new Map(rows.map(row => [row.service, row])),
            titles: new Map(parties.map(titledRef)),
          };
        };
        const key = 'search.itsm.refresh';
        await scheduler.scheduleTask({
          id: 'search-itsm-documents-refresh',
          frequency: config.has(key)
            ? readDurationFromConfig(config, { key })
            : { minutes: 5 },
          timeout: { minutes: 5 },
          initialDelay: { seconds: 15 },
          // Every replica indexes with its own facts.
          scope: 'local',
          fn: async () => {
            try {
              await refresh();
            } catch (error) {
              logger.warn(
                `Could not read the ITSM statuses for search documents; documents keep the previous ones: ${error}`,
              );
            }
          },
        });
      },
    });
  },
});
