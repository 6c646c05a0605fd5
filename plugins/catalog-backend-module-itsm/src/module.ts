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

import { createBackendModule } from '@backstage/backend-plugin-api';
import { CatalogModelSources } from '@backstage/catalog-model/alpha';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { catalogModelExtensionPoint } from '@backstage/plugin-catalog-node/alpha';
import { itsmCatalogModelLayer } from './model/itsmCatalogModel';
import { ItsmEntitiesProcessor } from './processor/ItsmEntitiesProcessor';

/**
 * Adds the ITSM kinds (ITService, Stakeholder, Supplier) to the catalog: their
 * processor, and their declaration in the catalog model.
 *
 * @public
 */
export const catalogModuleItsm = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'itsm',
  register(reg) {
    reg.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        catalogModel: catalogModelExtensionPoint,
      },
      async init({ catalog, catalogModel }) {
        catalog.addProcessor(new ItsmEntitiesProcessor());
        catalogModel.addModelSource(
          CatalogModelSources.static([itsmCatalogModelLayer]),
        );
      },
    });
  },
});
