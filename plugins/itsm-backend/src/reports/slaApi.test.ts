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

const stakeholder: Entity = {
  apiVersion: 'itsm.backstage.io/v1alpha1',
  kind: 'Stakeholder',
  metadata: { name: 'retail-customers', namespace: 'default' },
  spec: { type: 'external', roles: ['customer'], organization: 'Retail' },
};
const service: Entity = {
  apiVersion: 'itsm.backstage.io/v1alpha1',
  kind: 'ITService',
  metadata: {
    name: 'online-banking',
    namespace: 'default',
    title: 'Online Banking',
  },
  spec: {
    type: 'business',
    lifecycle: 'live',
    owner: 'group:default/digital-channels',
    customers: ['retail-customers'],
    implementedBy: ['system:default/digital-banking'],
    agreements: [
      {
        name: 'retail-sla',
        type: 'SLA',
        with: 'stakeholder:default/retail-customers',
        window: 'calendar-month',
        objectives: [
          { name: 'availability', type: 'availability', target: 99.9 },
          {
            name: 'p1-resolution',
            type: 'resolution',
            priority: 'P1',
            threshold: '4h',
            calendar: '24x7',
            target: 50,
          },
        ],
        fee: { amount: 10000, currency: 'EUR' },
        credits: {
          tiers: [
            { below: 99.9, credit: 5 },
            { below: 99.5, credit: 10 },
          ],
          cap: 10,
        },
      },
    ],
  },
};

const component: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'banking-web', namespace: 'default' },
  spec: {
    type: 'website',
    lifecycle: 'production',
    owner: 'digital-channels',
    system: 'digital-banking',
  },
};

const asTool = mockCredentials.service.header();
const asUser = mockCredentials.user.header();

describe('SLA report API', () => {
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
          catalog: [service, stakeholder, component],
        });
        server = backend.server;
        const push = backend.seed;
        // October 2026 has 31 days = 44,640 minutes: 89.28 minutes down is 99.8 %.
        await push('/outages', [
          {
            source: 'mon',
            externalId: 'o1',
            service: 'online-banking',
            start: '2026-10-10T10:00:00Z',
            end: '2026-10-10T11:00:00Z',
            impact: 'full',
          },
          {
            source: 'mon',
            externalId: 'o2',
            service: 'online-banking',
            start: '2026-10-10T10:30:00Z',
            end: '2026-10-10T11:29:16.800Z',
            impact: 'full',
          },
          {
            source: 'mon',
            externalId: 'o3',
            service: 'online-banking',
            start: '2026-10-20T02:00:00Z',
            end: '2026-10-20T04:00:00Z',
            impact: 'full',
            planned: true,
          },
        ]);
        // Two P1 incidents: one resolved in 3 h (met), one in 5 h (breached).
        await push('/incidents', [
          {
            source: 'pd',
            externalId: 'i1',
            service: 'online-banking',
            priority: 'P1',
            openedAt: '2026-10-05T08:00:00Z',
            resolvedAt: '2026-10-05T11:00:00Z',
          },
          {
            source: 'pd',
            externalId: 'i2',
            service: 'online-banking',
            priority: 'P1',
            openedAt: '2026-10-06T08:00:00Z',
            resolvedAt: '2026-10-06T13:00:00Z',
          },
        ]);
      });

      const get = (path: string) =>
        request(server).get(`/api/itsm/v1${path}`).set('Authorization', asUser);

      it('reports a closed month from the measurements, and keeps it as a snapshot', async () => {
        const res = await get(
          '/services/default/online-banking/sla?period=2026-10',
        );
        expect(res.status).toBe(200);
        const [agreement] = res.body.agreements;
        expect(agreement).toMatchObject({
          name: 'retail-sla',
          status: 'breached',
          period: {
            start: '2026-10-01T00:00:00.000Z',
            end: '2026-11-01T00:00:00.000Z',
            label: '2026-10',
          },
          credit: {
            percent: 5,
            objective: 'availability',
            amount: { amount: 500, currency: 'EUR' },
          },
        });
        const [availability, resolution] = agreement.objectives;
        // Agreed time: 44,640 min less the 120-minute planned window.
        expect(availability.details.agreedMinutes).toBeCloseTo(44_520, 6);
        expect(availability.details.downtimeMinutes).toBeCloseTo(89.28, 6);
        expect(availability.attainment).toBeCloseTo(
          (100 * (44_520 - 89.28)) / 44_520,
          9,
        );
        expect(availability.status).toBe('breached');
        expect(resolution).toMatchObject({
          attainment: 50,
          status: 'met',
          details: { incidents: 2, met: 1, breached: 1 },
        });
        expect(res.body.status).toBe('breached');

        const [{ n }] = await knex('itsm_sla_snapshots').count({ n: '*' });
        expect(Number(n)).toBe(1);
      });

      it('recomputes a closed month when late measurements arrive', async () => {
        const late = await request(server)
          .post('/api/itsm/v1/incidents')
          .set('Authorization', asTool)
          .send({
            items: [
              {
                source: 'pd',
                externalId: 'i3',
                service: 'online-banking',
                priority: 'P1',
                openedAt: '2026-10-07T08:00:00Z',
                resolvedAt: '2026-10-07T09:00:00Z',
              },
            ],
          });
        expect(late.status).toBe(200);
        const res = await get(
          '/services/default/online-banking/sla?period=2026-10',
        );
        expect(res.body.agreements[0].objectives[1]).toMatchObject({
          details: { incidents: 3, met: 2 },
        });
      });

      it('serves history, the portfolio and what was agreed with a stakeholder', async () => {
        const history = await get(
          '/services/default/online-banking/sla/history?from=2026-09&to=2026-10',
        );
        expect(history.status).toBe(200);
        expect(history.body.items.map((h: any) => [h.month, h.status])).toEqual(
          [
            ['2026-09', 'no-data'],
            ['2026-10', 'breached'],
          ],
        );

        const portfolio = await get('/portfolio?lifecycle=live');
        expect(portfolio.body.items).toEqual([
          expect.objectContaining({
            service: 'itservice:default/online-banking',
            title: 'Online Banking',
            owner: 'group:default/digital-channels',
          }),
        ]);
        expect((await get('/portfolio?lifecycle=retired')).body.items).toEqual(
          [],
        );
        const filtered = async (query: string) =>
          (await get(`/portfolio?${query}`)).body.items.length;
        expect(await filtered('customer=retail-customers')).toBe(1);
        expect(await filtered('owner=digital-channels')).toBe(1);
        expect(await filtered('supplier=nimbus-cloud')).toBe(0);
        expect(await filtered('customer=%3A%3A')).toBe(0);
        // A component of the System that implements the service supports it.
        const supports = await get(
          '/portfolio?supports=component:default/banking-web',
        );
        expect(supports.body.items).toEqual([
          expect.objectContaining({
            service: 'itservice:default/online-banking',
          }),
        ]);
        expect(supports.body.items[0].supportedThrough).toBeUndefined();
        expect(
          await filtered('supports=stakeholder:default/retail-customers'),
        ).toBe(0);
        const unknown = await get('/portfolio?supports=component:default/nope');
        expect(unknown.status).toBe(404);
        expect(unknown.body.error.message).toBe(
          'No entity component:default/nope in the catalog',
        );
        const malformed = await get('/portfolio?supports=%3A%3A');
        expect(malformed.status).toBe(400);
        expect(malformed.body.error.message).toContain(
          'supports: must be an entity ref',
        );

        const party = await get(
          '/stakeholders/default/retail-customers/sla?period=2026-10',
        );
        expect(party.status).toBe(200);
        expect(party.body).toMatchObject({
          party: 'stakeholder:default/retail-customers',
          services: [
            { service: 'itservice:default/online-banking', status: 'breached' },
          ],
          // October is closed: its credit is owed, and we pay it.
          credits: {
            owed: {
              payable: [{ amount: 500, currency: 'EUR' }],
              receivable: [],
            },
            projected: { payable: [], receivable: [] },
          },
        });

        const csv = await get(
          '/stakeholders/default/retail-customers/sla/report.csv?month=2026-10',
        );
        expect(csv.status).toBe(200);
        expect(csv.headers['content-type']).toContain('text/csv');
        const lines = csv.text.trim().split('\r\n');
        expect(lines[0]).toBe(
          'service,agreement,type,period_start,period_end,closed,final,objective,objective_type,target_percent,attainment_percent,status,agreement_status,credit_percent,credit_basis,credit_direction,credit_amount,currency',
        );
        expect(lines[1]).toMatch(
          /^itservice:default\/online-banking,retail-sla,SLA,2026-10-01T00:00:00.000Z,2026-11-01T00:00:00.000Z,true,true,availability,availability,99.9,99.799,breached,breached,5,owed,payable,500,EUR$/,
        );
      });

      it('rejects bad periods and unknown parties', async () => {
        const bad = await get(
          '/services/default/online-banking/sla?period=2026-13',
        );
        expect(bad.status).toBe(400);
        expect(bad.body.error.message).toContain('period');
        expect(
          (
            await get(
              '/services/default/online-banking/sla/history?from=2026-10&to=2026-01',
            )
          ).status,
        ).toBe(400);
        const unknown = await get('/suppliers/default/nobody/sla');
        expect(unknown.status).toBe(404);
        expect(unknown.body.error.message).toBe(
          'No Supplier "supplier:default/nobody" in the catalog',
        );
      });
    },
  );
});
