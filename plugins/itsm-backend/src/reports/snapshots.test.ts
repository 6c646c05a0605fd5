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
import { createServiceFactory } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { itsmClockServiceRef } from '@backstage-itsm/plugin-itsm-node';
import { Knex } from 'knex';
import request from 'supertest';
import { startItsmTestBackend } from '../__testUtils__/startItsmTestBackend';

jest.setTimeout(60_000);

const service: Entity = {
  apiVersion: 'itsm.backstage.io/v1alpha1',
  kind: 'ITService',
  metadata: { name: 'payroll', namespace: 'default' },
  spec: {
    type: 'business',
    lifecycle: 'live',
    owner: 'group:default/hr',
    agreements: [
      {
        name: 'hr-ola',
        type: 'OLA',
        with: 'group:default/hr',
        window: 'calendar-month',
        objectives: [
          {
            name: 'p1-resolution',
            type: 'resolution',
            priority: 'P1',
            threshold: '1d',
            calendar: '24x7',
            target: 90,
          },
        ],
      },
    ],
  },
};

// Rule 4 of docs/sla-semantics.md: a closed month is stored once it is
// final, or once its grace period is over; a stored report computed from
// another configuration or format is computed again.
describe('SLA snapshots of closed months', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  describe.each(databases.eachSupportedId())(
    'on %p',
    (databaseId: TestDatabaseId) => {
      let knex: Knex;
      let server: any;
      let now = new Date('2026-11-01T00:00:00Z');

      beforeAll(async () => {
        knex = await databases.init(databaseId);
        ({ server } = await startItsmTestBackend({
          knex,
          catalog: [service],
          config: {
            itsm: {
              snapshots: { gracePeriod: { days: 3 } },
              atRiskBudgetRemaining: 0.4,
            },
          },
          features: [
            createServiceFactory({
              service: itsmClockServiceRef,
              deps: {},
              factory: () => ({ now: () => new Date(now) }),
            }),
          ],
        }));
        // Opened on the last day of October, still running at its end.
        const pushed = await request(server)
          .post('/api/itsm/v1/incidents')
          .set('Authorization', mockCredentials.service.header())
          .send({
            items: [
              {
                source: 'pd',
                externalId: 'late',
                service: 'payroll',
                priority: 'P1',
                openedAt: '2026-10-31T20:00:00Z',
              },
            ],
          });
        if (pushed.status !== 200) {
          throw new Error(`Seeding failed: ${JSON.stringify(pushed.body)}`);
        }
      });

      const october = async () => {
        const res = await request(server)
          .get('/api/itsm/v1/services/default/payroll/sla?period=2026-10')
          .set('Authorization', mockCredentials.user.header());
        expect(res.status).toBe(200);
        return res.body;
      };
      const stored = async () =>
        (await knex('itsm_sla_snapshots').select('report')).map(row =>
          JSON.parse(row.report),
        );

      it('keeps a month with a running incident provisional, and stores nothing', async () => {
        now = new Date('2026-11-01T08:00:00Z');
        const report = await october();
        expect(report).toMatchObject({ closed: true, final: false });
        // The configured at-risk share, for the portal to explain statuses.
        expect(report.atRiskBudgetRemaining).toBe(0.4);
        expect(report.agreements[0].objectives[0].details).toMatchObject({
          pending: 1,
          breached: 0,
        });
        expect(await stored()).toEqual([]);
      });

      it('counts the incident late once its clock runs past the threshold, and stores the month, final now', async () => {
        now = new Date('2026-11-02T00:00:00Z');
        const report = await october();
        expect(report.agreements[0].objectives[0].details).toMatchObject({
          pending: 0,
          breached: 1,
        });
        // Final now: nothing about October can change any more.
        expect(report.final).toBe(true);
        const [snapshot] = await stored();
        expect(snapshot).toMatchObject({
          format: expect.any(Number),
          fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/),
          report: { period: '2026-10', final: true },
        });
      });

      it('recomputes a stored report of another format or configuration', async () => {
        await knex('itsm_sla_snapshots').update({
          report: JSON.stringify({
            format: 1,
            fingerprint: 'old',
            report: { period: '2026-10', status: 'met', agreements: [] },
          }),
        });
        const report = await october();
        expect(report.agreements[0].status).toBe('breached');
        const [snapshot] = await stored();
        expect(snapshot.fingerprint).not.toBe('old');
      });

      it('stores a month that is not final once the grace period is over', async () => {
        await request(server)
          .post('/api/itsm/v1/incidents')
          .set('Authorization', mockCredentials.service.header())
          .send({
            items: [
              {
                source: 'pd',
                externalId: 'slow',
                service: 'payroll',
                priority: 'P1',
                openedAt: '2026-10-31T23:00:00Z',
                // Waiting on the customer since: its clock stands still.
                pauses: [{ from: '2026-11-01T00:00:00Z' }],
              },
            ],
          })
          .expect(200);
        // The new incident dropped October's snapshot. Paused after 1 h, it
        // stays pending; the grace period (3 days) ends on Nov 4.
        expect(await stored()).toEqual([]);
        now = new Date('2026-11-03T23:59:00Z');
        expect((await october()).final).toBe(false);
        expect(await stored()).toEqual([]);
        now = new Date('2026-11-04T00:00:00Z');
        const report = await october();
        expect(report.final).toBe(false);
        expect(report.agreements[0].objectives[0].details).toMatchObject({
          pending: 1,
        });
        const snapshots = await stored();
        expect(snapshots).toHaveLength(1);
        expect(snapshots[0].report.final).toBe(false);
        // Later reads serve what was stored.
        now = new Date('2026-12-20T00:00:00Z');
        expect((await october()).evaluatedAt).toBe('2026-11-04T00:00:00.000Z');
      });

      it('drops the stored months of a service when one of its measurements is deleted', async () => {
        expect(await stored()).toHaveLength(1);
        await request(server)
          .delete('/api/itsm/v1/incidents/pd/slow')
          .set('Authorization', mockCredentials.service.header())
          .expect(204);
        expect(await stored()).toEqual([]);
        const report = await october();
        expect(report.agreements[0].objectives[0].details).toMatchObject({
          incidents: 1,
          pending: 0,
        });
      });

      it('drops the stored month an incident leaves when its times move to another month', async () => {
        now = new Date('2026-12-20T00:00:00Z');
        await october();
        expect(await stored()).toHaveLength(1);
        // The October incident is corrected: it really opened in December.
        await request(server)
          .post('/api/itsm/v1/incidents')
          .set('Authorization', mockCredentials.service.header())
          .send({
            items: [
              {
                source: 'pd',
                externalId: 'late',
                service: 'payroll',
                priority: 'P1',
                openedAt: '2026-12-01T20:00:00Z',
                resolvedAt: '2026-12-01T21:00:00Z',
              },
            ],
          })
          .expect(200);
        expect(await stored()).toEqual([]);
        // No incident of October is left to count.
        const report = await october();
        expect(report.agreements[0].objectives[0].details).toEqual({});
      });
    },
  );
});
