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
  BackstageCredentials,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Knex } from 'knex';
import request from 'supertest';
import { startItsmTestBackend } from '../__testUtils__/startItsmTestBackend';

jest.setTimeout(60_000);

const availability = {
  name: 'availability',
  type: 'availability',
  target: 99.9,
};
const banking: Entity = {
  apiVersion: 'itsm.backstage.io/v1alpha1',
  kind: 'ITService',
  metadata: { name: 'online-banking', namespace: 'default' },
  spec: {
    type: 'business',
    lifecycle: 'live',
    owner: 'group:default/ops',
    dependsOn: ['payroll'],
    agreements: [
      {
        name: 'retail-sla',
        type: 'SLA',
        with: 'stakeholder:default/retail',
        window: 'calendar-month',
        objectives: [availability],
      },
    ],
  },
};
// Hidden from the outsider; its UC is weaker than the SLA it underpins.
const payroll: Entity = {
  apiVersion: 'itsm.backstage.io/v1alpha1',
  kind: 'ITService',
  metadata: { name: 'payroll', namespace: 'default' },
  spec: {
    type: 'technical',
    lifecycle: 'live',
    owner: 'group:default/hr',
    agreements: [
      {
        name: 'secret-vendor-uc',
        type: 'UC',
        with: 'supplier:default/secret-vendor',
        window: 'calendar-quarter',
        objectives: [availability],
      },
    ],
  },
};
const outsider = 'user:default/outsider';

// The catalog as a permission policy would show it: payroll is invisible
// to the outsider, everything is visible to everyone else.
function visibilityCatalog() {
  const catalog = catalogServiceMock({ entities: [banking, payroll] });
  const getEntitiesByRefs = catalog.getEntitiesByRefs.bind(catalog);
  catalog.getEntitiesByRefs = async (refs, options) => {
    const { items } = await getEntitiesByRefs(refs, options);
    const who = (
      (options as { credentials: BackstageCredentials })
        .credentials as BackstageCredentials<{ userEntityRef?: string }>
    ).principal.userEntityRef;
    return {
      items: items.map(e =>
        who === outsider && e?.metadata.name === 'payroll' ? undefined : e,
      ),
    };
  };
  return createServiceFactory({
    service: catalogServiceRef,
    deps: {},
    factory: () => catalog,
  });
}

// Issue 16, row 4: a closed month is stored once, computed on the whole
// catalog, and every reader gets it cut to what they may see.
describe('stored reports and what each reader may see', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  describe.each(databases.eachSupportedId())(
    'on %p',
    (databaseId: TestDatabaseId) => {
      let knex: Knex;
      let server: any;

      beforeAll(async () => {
        knex = await databases.init(databaseId);
        const backend = await startItsmTestBackend({
          knex,
          catalog: visibilityCatalog(),
          now: '2026-11-20T00:00:00Z',
        });
        server = backend.server;
        await backend.seed(
          '/outages',
          ['online-banking', 'payroll'].map(service => ({
            source: 'mon',
            externalId: `${service}-heartbeat`,
            service,
            start: '2026-10-01T00:00:00Z',
            end: '2026-11-01T00:00:00Z',
            impact: 'none',
          })),
        );
      });

      const october = (as: string) =>
        request(server)
          .get(
            '/api/itsm/v1/services/default/online-banking/sla?period=2026-10',
          )
          .set('Authorization', as);
      const names = (body: any) => ({
        chain: body.composite.chain.map((c: any) => c.service),
        warnings: body.warnings.length,
      });

      it('never shows a hidden dependency, first read or from the stored month', async () => {
        const first = await october(mockCredentials.user.header(outsider));
        expect(first.status).toBe(200);
        expect(names(first.body)).toEqual({ chain: [], warnings: 0 });
        expect(JSON.stringify(first.body)).not.toContain('payroll');
        expect(JSON.stringify(first.body)).not.toContain('secret-vendor');

        const insider = await october(mockCredentials.user.header());
        expect(names(insider.body)).toEqual({
          chain: ['itservice:default/payroll'],
          warnings: 1,
        });

        const again = await october(mockCredentials.user.header(outsider));
        expect(names(again.body)).toEqual({ chain: [], warnings: 0 });
        // One stored month, the same for both readers.
        const rows = await knex('itsm_sla_snapshots').select('report');
        expect(rows).toHaveLength(1);
        expect(again.body.composite.availability).toBe(
          insider.body.composite.availability,
        );
      });
    },
  );
});
