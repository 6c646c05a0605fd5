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
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { Knex } from 'knex';
import request from 'supertest';
import { startItsmTestBackend } from '../__testUtils__/startItsmTestBackend';

jest.setTimeout(60_000);

// Rows of issue 16 that a client can show through the HTTP API alone.
const shop: Entity = {
  apiVersion: 'itsm.backstage.io/v1alpha1',
  kind: 'ITService',
  metadata: { name: 'shop', namespace: 'default' },
  spec: {
    type: 'business',
    lifecycle: 'live',
    owner: 'group:default/ops',
    customers: ['acme'],
    // Finer than validation allows: catalog data that skipped it.
    maintenance: [
      {
        name: 'sweep',
        rrule: 'FREQ=SECONDLY',
        start: '2026-01-01T00:00:00',
        duration: '1s',
      },
    ],
    agreements: [
      {
        name: 'shop-sla',
        type: 'SLA',
        with: 'acme',
        window: 'calendar-month',
        objectives: [
          { name: "=cmd|' /C calc'!A0", type: 'availability', target: 99.9 },
        ],
      },
    ],
  },
};
const acme: Entity = {
  apiVersion: 'itsm.backstage.io/v1alpha1',
  kind: 'Stakeholder',
  metadata: { name: 'acme', namespace: 'default' },
  spec: { type: 'external', roles: ['customer'], organization: 'ACME' },
};

describe('client input that must never hurt', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  describe.each(databases.eachSupportedId())(
    'on %p',
    (databaseId: TestDatabaseId) => {
      let knex: Knex;
      let server: any;
      let push: Awaited<ReturnType<typeof startItsmTestBackend>>['push'];

      beforeAll(async () => {
        knex = await databases.init(databaseId);
        ({ server, push } = await startItsmTestBackend({
          knex,
          catalog: [shop, acme],
        }));
      });

      const incident = (fields: object) => ({
        source: 'pd',
        externalId: 'PD-1',
        service: 'shop',
        priority: 'P1',
        openedAt: '2026-10-05T08:00:00Z',
        ...fields,
      });
      const stored = async (table: string) =>
        Number((await knex(table).count({ n: '*' }))[0].n);

      it.each([
        // eslint-disable-next-line no-script-url -- the attack under test
        'javascript:alert(document.domain)',
        // eslint-disable-next-line no-script-url -- the attack under test
        'JAVASCRIPT:alert(1)',
        'data:text/html,<script>alert(1)</script>',
        'vbscript:msgbox(1)',
      ])('refuses %p as an incident url, storing nothing', async url => {
        const res = await push('/incidents', [incident({ url })]);
        expect(res.status).toBe(400);
        expect(res.body.error.message).toContain('url');
        expect(await stored('itsm_incidents')).toBe(0);
      });

      it('accepts http and https incident urls', async () => {
        const res = await push('/incidents', [
          incident({ url: 'https://acme.pagerduty.com/incidents/PD-1' }),
          incident({ externalId: 'PD-2', url: 'http://tickets/PD-2' }),
        ]);
        expect(res.status).toBe(200);
      });

      it.each([
        ['title', incident({ externalId: 'PD-9', title: 'bad\u0000title' })],
        ['source', incident({ source: 'p\u0000d' })],
      ])(
        'refuses a NUL character in %s with a 400, storing nothing',
        async (field, item) => {
          const before = await stored('itsm_incidents');
          const res = await push('/incidents', [item]);
          expect(res.status).toBe(400);
          expect(res.body.error.message).toContain(field);
          expect(res.body.error.message).toContain('NUL');
          expect(await stored('itsm_incidents')).toBe(before);
        },
      );

      it('refuses a NUL character in a query parameter', async () => {
        const res = await request(server)
          .get('/api/itsm/v1/incidents')
          .query({ service: 'shop\u0000' })
          .set('Authorization', mockCredentials.user.header());
        expect(res.status).toBe(400);
        expect(res.body.error.message).toContain('query.service');
      });

      it.each(['1000000', '100000', 'abc', '-5', '0', '1.5'])(
        'validates limit=%s on GET and HEAD alike',
        async limit => {
          for (const method of ['get', 'head'] as const) {
            const res = await request(server)
              [method]('/api/itsm/v1/sli-events')
              .query({ service: 'shop', limit })
              .set('Authorization', mockCredentials.user.header());
            expect([method, res.status]).toEqual([method, 400]);
          }
        },
      );

      it.each([
        ['from', { from: '1969-12-31T23:59:59Z' }],
        ['to', { to: '+275760-09-13T00:00:00Z' }],
        ['from', { from: 'not a date' }],
      ])('answers a bad %s with a 400 that names it', async (name, query) => {
        const send = (method: 'get' | 'head') =>
          request(server)
            [method]('/api/itsm/v1/outages')
            .query({ service: 'shop', ...query })
            .set('Authorization', mockCredentials.user.header());
        const [get, head] = [await send('get'), await send('head')];
        expect([get.status, head.status]).toEqual([400, 400]);
        expect(get.body.error.message).toContain(name);
      });

      it.each([
        [
          {
            service: 'component:default/shop',
            sliceStart: '2026-10-01T00:00:00Z',
          },
          'service',
        ],
        [{ service: 'shop', sliceStart: '1960-01-01T00:00:00Z' }, 'sliceStart'],
      ])(
        'refuses to delete SLI slices by %j with a 400',
        async (query, name) => {
          const res = await request(server)
            .delete('/api/itsm/v1/sli-events')
            .query({ source: 'prom', objective: 'x', ...query })
            .set('Authorization', mockCredentials.service.header());
          expect(res.status).toBe(400);
          expect(res.body.error.message).toContain(name);
        },
      );

      it('answers HEAD like GET, without a body', async () => {
        const res = await request(server)
          .head('/api/itsm/v1/incidents')
          .query({ service: 'shop', limit: 5 })
          .set('Authorization', mockCredentials.user.header());
        expect(res.status).toBe(200);
        expect(res.text ?? '').toBe('');
      });

      it('scores a pathological maintenance rule in bounded time', async () => {
        await push('/outages', [
          {
            source: 'mon',
            externalId: 'o1',
            service: 'shop',
            start: '2026-10-10T10:00:00Z',
            end: '2026-10-10T10:30:00Z',
            impact: 'full',
          },
        ]).expect(200);
        const started = Date.now();
        const res = await request(server)
          .get('/api/itsm/v1/services/default/shop/sla?period=2026-10')
          .set('Authorization', mockCredentials.user.header());
        expect(res.status).toBe(200);
        expect(Date.now() - started).toBeLessThan(2_000);
      });

      it('writes cells a spreadsheet would run as formulas as text', async () => {
        const res = await request(server)
          .get('/api/itsm/v1/stakeholders/default/acme/sla/report.csv')
          .query({ month: '2026-10' })
          .set('Authorization', mockCredentials.user.header());
        expect(res.status).toBe(200);
        const [, row] = res.text.split('\r\n');
        expect(row).toContain(",'=cmd|' /C calc'!A0,");
        expect(row).not.toMatch(/(^|,)=/);
      });
    },
  );
});
