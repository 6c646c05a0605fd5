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

import { BackendFeature } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { JsonObject } from '@backstage/types';
import scoringModule from '@backstage-itsm/plugin-itsm-backend-module-sla-scoring';
import { itsmFixedClockServiceFactory } from '@backstage-itsm/plugin-itsm-node';
import { Knex } from 'knex';
import request from 'supertest';
import { itsmPlugin } from '../plugin';

/**
 * The itsm plugin with the scoring module on a test database, as the HTTP
 * API tests start it, with helpers to push measurements.
 */
export async function startItsmTestBackend(options: {
  knex: Knex;
  /** The catalog's entities, or a catalog service of the test's own. */
  catalog: Entity[] | BackendFeature;
  /** A fixed instant for the plugin's clock; the real clock without it. */
  now?: string;
  config?: JsonObject;
  features?: BackendFeature[];
}) {
  const { knex, catalog, now, config } = options;
  const backend = await startTestBackend({
    features: [
      itsmPlugin,
      scoringModule,
      Array.isArray(catalog)
        ? catalogServiceMock.factory({ entities: catalog })
        : catalog,
      mockServices.database.factory({ knex }),
      ...(now ? [itsmFixedClockServiceFactory(now)] : []),
      ...(config ? [mockServices.rootConfig.factory({ data: config })] : []),
      ...(options.features ?? []),
    ],
  });
  /** POSTs a batch as a tool with a service token; the answer as it is. */
  const push = (
    path: '/incidents' | '/outages' | '/sli-events',
    items: unknown[],
    authorization = mockCredentials.service.header(),
  ) =>
    request(backend.server)
      .post(`/api/itsm/v1${path}`)
      .set('Authorization', authorization)
      .send({ items });
  /** Pushes test data that must be stored: any other answer throws. */
  const seed = async (
    path: '/incidents' | '/outages' | '/sli-events',
    items: unknown[],
  ) => {
    const res = await push(path, items);
    if (res.status !== 200) {
      throw new Error(`seeding ${path} answered ${res.status}: ${res.text}`);
    }
    return res.body;
  };
  return {
    server: backend.server,
    stop: () => backend.stop(),
    push,
    seed,
  };
}
