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
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import request from 'supertest';

// The catalog backend of the installed release, started by the test utilities
// of the installed release, against each database engine we support: a mix of
// two Backstage releases fails here at start-up rather than in production.
describe('the installed Backstage release', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'starts the catalog backend on %p and serves entities',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const { server } = await startTestBackend({
        features: [
          catalogPlugin,
          mockServices.database.factory({ knex }),
          mockServices.rootConfig.factory({
            data: { catalog: { rules: [{ allow: ['Component'] }] } },
          }),
        ],
      });

      await expect(knex.schema.hasTable('final_entities')).resolves.toBe(true);

      const validated = await request(server)
        .post('/api/catalog/validate-entity')
        .set('Authorization', mockCredentials.user.header())
        .send({
          location: 'url:https://example.com/catalog-info.yaml',
          entity: {
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'Component',
            metadata: { name: 'release-check' },
            spec: { type: 'service', lifecycle: 'production', owner: 'guests' },
          },
        });
      expect(validated.status).toBe(200);

      const entities = await request(server)
        .get('/api/catalog/entities')
        .set('Authorization', mockCredentials.user.header());
      expect(entities.status).toBe(200);
      expect(entities.body).toEqual([]);
    },
  );
});
