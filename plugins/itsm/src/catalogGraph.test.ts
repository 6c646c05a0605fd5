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
  RELATION_DEPENDS_ON,
  RELATION_OWNED_BY,
} from '@backstage/catalog-model';
import {
  RELATION_CUSTOMER_OF,
  RELATION_HAS_CUSTOMER,
  RELATION_IMPLEMENTED_BY,
  RELATION_REPRESENTS,
  RELATION_SUPPLIED_BY,
} from '@backstage-itsm/plugin-itsm-common';
import { createItsmCatalogGraphApi } from './catalogGraph';

describe('createItsmCatalogGraphApi', () => {
  const api = createItsmCatalogGraphApi();

  it('knows Backstage relations and the ITSM ones', () => {
    expect(api.knownRelations).toEqual(
      expect.arrayContaining([
        RELATION_OWNED_BY,
        RELATION_DEPENDS_ON,
        RELATION_HAS_CUSTOMER,
        RELATION_SUPPLIED_BY,
        RELATION_IMPLEMENTED_BY,
        RELATION_REPRESENTS,
      ]),
    );
    expect(new Set(api.knownRelations).size).toBe(api.knownRelations.length);
  });

  it('pairs each ITSM relation with its reverse', () => {
    expect(api.knownRelationPairs).toContainEqual([
      RELATION_HAS_CUSTOMER,
      RELATION_CUSTOMER_OF,
    ]);
    expect(api.knownRelationPairs).toContainEqual(['ownerOf', 'ownedBy']);
  });

  it('draws the ITSM relations by default', () => {
    expect(api.defaultRelations).toEqual(
      expect.arrayContaining([RELATION_HAS_CUSTOMER, RELATION_SUPPLIED_BY]),
    );
  });
});
