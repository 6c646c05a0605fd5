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
import {
  ItsmClient,
  partyTotals,
  PartySlaReport,
} from '@backstage-itsm/plugin-itsm-common';
import { AddressInfo } from 'node:net';
import request from 'supertest';
import { startItsmTestBackend } from '../__testUtils__/startItsmTestBackend';

jest.setTimeout(60_000);

// Issue 16: portfolio and party reports score a bounded page of services per
// request; a client that follows the cursors gets the whole report.
const NAMES = ['echo', 'alpha', 'delta', 'bravo', 'charlie'];
const customer: Entity = {
  apiVersion: 'itsm.backstage.io/v1alpha1',
  kind: 'Stakeholder',
  metadata: { name: 'retail', namespace: 'default' },
  spec: { type: 'external', roles: ['customer'], organization: 'Retail' },
};
const services: Entity[] = NAMES.map((name, i) => ({
  apiVersion: 'itsm.backstage.io/v1alpha1',
  kind: 'ITService',
  metadata: { name, namespace: 'default' },
  spec: {
    type: 'business',
    lifecycle: 'live',
    owner: 'group:default/ops',
    customers: ['retail'],
    agreements: [
      {
        name: `${name}-sla`,
        type: 'SLA',
        with: 'retail',
        window: 'calendar-month',
        fee: { amount: 1000 * (i + 1), currency: 'EUR' },
        objectives: [
          { name: 'availability', type: 'availability', target: 99.9 },
        ],
        credits: { tiers: [{ below: 99.9, credit: 10 }] },
      },
    ],
  },
}));

describe('paged portfolio and party reports', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  describe.each(databases.eachSupportedId())(
    'on %p',
    (databaseId: TestDatabaseId) => {
      let server: any;
      const get = (path: string) =>
        request(server)
          .get(`/api/itsm/v1${path}`)
          .set('Authorization', mockCredentials.user.header());

      beforeAll(async () => {
        const backend = await startItsmTestBackend({
          knex: await databases.init(databaseId),
          catalog: [customer, ...services],
          now: '2026-11-20T00:00:00Z',
        });
        server = backend.server;
        // October: three services breach (an hour down), the others are met.
        await backend.seed(
          '/outages',
          NAMES.map((service, i) => ({
            source: 'mon',
            externalId: `${service}-october`,
            service,
            start: '2026-10-10T10:00:00Z',
            end: i % 2 === 0 ? '2026-10-10T11:00:00Z' : '2026-10-10T10:00:01Z',
            impact: 'full',
          })),
        );
      });

      async function follow(path: string, limit: number) {
        const pages = [];
        let cursor: string | undefined;
        do {
          const query = new URLSearchParams({ limit: String(limit) });
          if (cursor) query.set('cursor', cursor);
          const res = await get(
            `${path}${path.includes('?') ? '&' : '?'}${query}`,
          );
          expect([res.status, res.status === 200 ? '' : res.text]).toEqual([
            200,
            '',
          ]);
          pages.push(res.body);
          cursor = res.body.nextCursor;
        } while (cursor);
        return pages;
      }

      it("pages the portfolio from the catalog's pages in name order, every service once", async () => {
        const pages = await follow('/portfolio?period=2026-10', 2);
        expect(pages.map(p => p.items.map((r: any) => r.service))).toEqual([
          ['itservice:default/alpha', 'itservice:default/bravo'],
          ['itservice:default/charlie', 'itservice:default/delta'],
          ['itservice:default/echo'],
        ]);
        const whole = await get('/portfolio?period=2026-10');
        expect(whole.body.nextCursor).toBeUndefined();
        expect(pages.flatMap(p => p.items)).toEqual(whole.body.items);
      });

      it('pages a party report; the client sums the pages into the whole report', async () => {
        const pages: Array<PartySlaReport & { nextCursor?: string }> =
          await follow('/stakeholders/default/retail/sla?period=2026-10', 2);
        expect(pages.map(p => p.services.length)).toEqual([2, 2, 1]);
        // Each page's totals are those of its services.
        for (const page of pages) {
          expect({ score: page.score, credits: page.credits }).toEqual(
            partyTotals(page.services),
          );
        }
        const whole = (
          await get('/stakeholders/default/retail/sla?period=2026-10')
        ).body;
        // echo, delta and charlie breached: 10 % of 1000, 3000 and 5000 EUR.
        expect(whole.credits.owed.payable).toEqual([
          { amount: 900, currency: 'EUR' },
        ]);
        const { port } = (server.address() as AddressInfo) ?? {};
        const client = new ItsmClient({
          discoveryApi: {
            getBaseUrl: async () => `http://localhost:${port}/api/itsm`,
          },
          reportPageSize: 2,
        });
        const merged = await client.getStakeholderSla(
          'retail',
          { period: '2026-10' },
          { token: mockCredentials.user.token() },
        );
        expect(merged).toEqual(whole);
        const portfolio = await client.getPortfolio(
          { period: '2026-10' },
          { token: mockCredentials.user.token() },
        );
        expect(portfolio.items).toHaveLength(5);
      });

      it('serves 200 services a page unless asked for fewer, the most a request may ask', async () => {
        const many = Array.from({ length: 201 }, (_, i) => ({
          ...services[0],
          metadata: {
            name: `service-${String(i).padStart(3, '0')}`,
            namespace: 'default',
          },
        }));
        const backend = await startItsmTestBackend({
          knex: await databases.init(databaseId),
          catalog: [customer, ...many],
          now: '2026-11-20T00:00:00Z',
        });
        const read = (path: string) =>
          request(backend.server)
            .get(`/api/itsm/v1${path}`)
            .set('Authorization', mockCredentials.user.header());
        const first = await read('/portfolio');
        expect(first.body.items).toHaveLength(200);
        const second = await read(
          `/portfolio?cursor=${encodeURIComponent(first.body.nextCursor)}`,
        );
        expect(second.body.items.map((r: any) => r.service)).toEqual([
          'itservice:default/service-200',
        ]);
        expect(second.body.nextCursor).toBeUndefined();
        const party = await read('/stakeholders/default/retail/sla');
        expect(party.body.services).toHaveLength(200);
        expect(party.body.nextCursor).toBeDefined();
      });

      it.each([
        ['cursor=abc', 'cursor'],
        ['limit=201', 'limit'],
        ['limit=0', 'limit'],
      ])('answers ?%s with a 400 naming %s', async (query, name) => {
        for (const path of ['/portfolio', '/stakeholders/default/retail/sla']) {
          const res = await get(`${path}?${query}`);
          expect([path, res.status]).toEqual([path, 400]);
          expect(res.body.error.message).toContain(name);
        }
      });
    },
  );
});
