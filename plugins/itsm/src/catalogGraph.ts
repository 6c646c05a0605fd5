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
  ApiBlueprint,
  createFrontendModule,
} from '@backstage/frontend-plugin-api';
import {
  ALL_RELATION_PAIRS,
  ALL_RELATIONS,
  catalogGraphApiRef,
  DefaultCatalogGraphApi,
} from '@backstage/plugin-catalog-graph';
import { ITSM_RELATION_PAIRS } from '@backstage-itsm/plugin-itsm-common';

/**
 * A catalog graph API that knows Backstage's relations and the ITSM ones
 * (hasCustomer/customerOf, hasUser/userOf, suppliedBy/supplies,
 * implementedBy/implements, representedBy/represents). For legacy apps,
 * register it as the `catalogGraphApiRef` factory.
 *
 * @public
 */
export function createItsmCatalogGraphApi(): DefaultCatalogGraphApi {
  const itsmRelations = ITSM_RELATION_PAIRS.flat();
  return new DefaultCatalogGraphApi({
    // The options replace the defaults, so Backstage's own come first.
    knownRelations: [
      ...ALL_RELATIONS,
      ...itsmRelations.filter(r => !ALL_RELATIONS.includes(r)),
    ],
    knownRelationPairs: [
      ...ALL_RELATION_PAIRS,
      ...ITSM_RELATION_PAIRS.map(([a, b]) => [a, b] as [string, string]),
    ],
    // Required whenever options are given; show every known relation.
    defaultRelationTypes: { exclude: [] },
  });
}

/**
 * Frontend module that makes the catalog graph draw the ITSM relations.
 *
 * @public
 */
export const itsmCatalogGraphModule = createFrontendModule({
  pluginId: 'catalog-graph',
  extensions: [
    ApiBlueprint.make({
      params: defineParams =>
        defineParams({
          api: catalogGraphApiRef,
          deps: {},
          factory: () => createItsmCatalogGraphApi(),
        }),
    }),
  ],
});
