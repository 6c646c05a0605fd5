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

import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import knexFactory from 'knex';
import request from 'supertest';
import { itsmPlugin } from '../plugin';
import { isDatabaseUnavailable } from './databaseErrors';

describe('isDatabaseUnavailable', () => {
  it.each([
    Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), {
      code: 'ECONNREFUSED',
    }),
    Object.assign(
      new Error('terminating connection due to administrator command'),
      { code: '57P01' },
    ),
    Object.assign(new Error('Knex: Timeout acquiring a connection'), {
      name: 'KnexTimeoutError',
    }),
    new Error('Connection terminated unexpectedly'),
    Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' }),
  ])('recognises %p', error => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    Object.assign(new Error('duplicate key value'), { code: '23505' }),
    new Error('syntax error at or near "selec"'),
    undefined,
  ])('leaves %p to the ordinary error handling', error => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});

describe('a request while the database is down', () => {
  it('answers 503 with Retry-After, quickly', async () => {
    // Nothing listens on port 1; migrations are skipped so the plugin starts.
    const knex = knexFactory({
      client: 'pg',
      connection: 'postgresql://postgres@127.0.0.1:1/itsm',
      pool: { min: 0, max: 2 },
      acquireConnectionTimeout: 2000,
    });
    const { server } = await startTestBackend({
      features: [
        itsmPlugin,
        catalogServiceMock.factory({
          entities: [
            {
              apiVersion: 'itsm.backstage.io/v1alpha1',
              kind: 'ITService',
              metadata: { name: 'online-banking', namespace: 'default' },
              spec: {},
            },
          ],
        }),
        mockServices.database.factory({ knex, migrations: { skip: true } }),
      ],
    });
    const started = Date.now();
    const res = await request(server)
      .get('/api/itsm/v1/incidents?service=online-banking')
      .set('Authorization', 'Bearer mock-user-token');
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toBe('5');
    expect(res.body.error).toMatchObject({
      name: 'ServiceUnavailableError',
      message: expect.stringMatching(
        /^The ITSM database is unavailable; retry later/,
      ),
    });
    expect(Date.now() - started).toBeLessThan(5000);
    await knex.destroy();
  });
});
