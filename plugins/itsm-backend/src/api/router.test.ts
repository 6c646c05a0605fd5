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
  createServiceFactory,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { Knex } from 'knex';
import request from 'supertest';
import { itsmPlugin } from '../plugin';

jest.setTimeout(60_000);

const service = (name: string): Entity => ({
  apiVersion: 'itsm.backstage.io/v1alpha1',
  kind: 'ITService',
  metadata: { name, namespace: 'default' },
  spec: { type: 'business', lifecycle: 'live', owner: 'group:default/ops' },
});
const entities: Entity[] = [
  service('online-banking'),
  service('payroll'),
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'banking-web', namespace: 'default' },
    spec: {
      type: 'website',
      lifecycle: 'production',
      owner: 'group:default/ops',
    },
  },
];

// payroll is hidden from this user, as a catalog permission policy would.
const outsider = 'user:default/outsider';
function visibilityCatalog() {
  const catalog = catalogServiceMock({ entities });
  const getEntityByRef = catalog.getEntityByRef.bind(catalog);
  catalog.getEntityByRef = async (ref, options) => {
    const credentials = (options as { credentials: BackstageCredentials })
      .credentials as BackstageCredentials<{
      userEntityRef?: string;
    }>;
    if (
      credentials.principal.userEntityRef === outsider &&
      String(ref).includes('payroll')
    ) {
      return undefined;
    }
    return getEntityByRef(ref, options);
  };
  const getEntitiesByRefs = catalog.getEntitiesByRefs.bind(catalog);
  catalog.getEntitiesByRefs = async (refs, options) => {
    const { items } = await getEntitiesByRefs(refs, options);
    const credentials = (options as { credentials: BackstageCredentials })
      .credentials as BackstageCredentials<{ userEntityRef?: string }>;
    const hides = credentials.principal.userEntityRef === outsider;
    return {
      items: items.map(entity =>
        hides && entity?.metadata.name === 'payroll' ? undefined : entity,
      ),
    };
  };
  return createServiceFactory({
    service: catalogServiceRef,
    deps: {},
    factory: () => catalog,
  });
}

type AuditRecord = {
  eventId: string;
  meta?: unknown;
  outcome?: 'success' | 'fail';
  /** What the event's success reported. */
  done?: unknown;
};

async function startBackend(knex: Knex, options: { deny?: boolean } = {}) {
  const audit: AuditRecord[] = [];
  const auditor = mockServices.auditor.mock({
    createEvent: async ({ eventId, meta }) => {
      const record: AuditRecord = { eventId, meta };
      audit.push(record);
      return {
        success: async outcome => {
          record.outcome = 'success';
          if (outcome?.meta) record.done = outcome.meta;
        },
        fail: async () => {
          record.outcome = 'fail';
        },
      };
    },
  });
  const { server } = await startTestBackend({
    features: [
      itsmPlugin,
      visibilityCatalog(),
      auditor.factory,
      mockServices.database.factory({ knex }),
      // A request without a token is anonymous, as in a real backend.
      mockServices.httpAuth.factory({
        defaultCredentials: mockCredentials.none(),
      }),
      mockServices.rootConfig.factory({
        data: { itsm: { maxBodySize: '1mb' } },
      }),
      ...(options.deny
        ? [mockServices.permissions.factory({ result: AuthorizeResult.DENY })]
        : []),
    ],
  });
  return { server, audit };
}

const asTool = mockCredentials.service.header();
const asUser = mockCredentials.user.header();

const incident = (n: number, changes: Record<string, unknown> = {}) => ({
  source: 'pagerduty',
  externalId: `INC-${n}`,
  service: 'online-banking',
  priority: 'P2',
  openedAt: new Date(Date.UTC(2026, 9, 1, n)).toISOString(),
  ...changes,
});

async function rows(knex: Knex, table: string) {
  const [{ n }] = await knex(table).count({ n: '*' });
  return Number(n);
}

describe('itsm REST API', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  describe.each(databases.eachSupportedId())(
    'on %p',
    (databaseId: TestDatabaseId) => {
      let knex: Knex;
      let server: Awaited<ReturnType<typeof startBackend>>['server'];
      let audit: AuditRecord[];

      beforeAll(async () => {
        knex = await databases.init(databaseId);
        ({ server, audit } = await startBackend(knex));
      });

      const post = (path: string, body: unknown) =>
        request(server)
          .post(`/api/itsm/v1${path}`)
          .set('Authorization', asTool)
          .send(body as object);

      it('stores a batch of incidents idempotently and lists them back', async () => {
        const items = [
          incident(1, {
            acknowledgedAt: '2026-10-01T01:05:00Z',
            pauses: [
              { from: '2026-10-01T01:10:00Z', to: '2026-10-01T01:20:00Z' },
            ],
          }),
          incident(2, {
            resolvedAt: '2026-10-01T04:00:00.000Z',
            title: 'Login failures',
            url: 'https://incidents.example.com/2',
          }),
          incident(3, { service: 'itservice:default/Online-Banking' }),
        ];
        const first = await post('/incidents', { items });
        expect(first.status).toBe(200);
        expect(first.body).toEqual({ created: 3, updated: 0, unchanged: 0 });
        expect((await post('/incidents', { items })).body).toEqual({
          created: 0,
          updated: 0,
          unchanged: 3,
        });
        expect(
          (
            await post('/incidents', {
              items: [incident(3, { priority: 'P1' })],
            })
          ).body,
        ).toEqual({ created: 0, updated: 1, unchanged: 0 });

        const page1 = await request(server)
          .get(
            '/api/itsm/v1/incidents?service=itservice:default/online-banking&limit=2',
          )
          .set('Authorization', asUser);
        expect(page1.status).toBe(200);
        expect(page1.body.items.map((i: any) => i.externalId)).toEqual([
          'INC-3',
          'INC-2',
        ]);
        expect(page1.body.items[0]).toMatchObject({
          service: 'itservice:default/online-banking',
          priority: 'P1',
        });
        expect(page1.body.items[1]).toMatchObject({
          resolvedAt: '2026-10-01T04:00:00.000Z',
          title: 'Login failures',
        });
        const page2 = await request(server)
          .get(
            `/api/itsm/v1/incidents?service=online-banking&limit=2&cursor=${page1.body.nextCursor}`,
          )
          .set('Authorization', asUser);
        expect(page2.body).toEqual({
          items: [
            expect.objectContaining({
              externalId: 'INC-1',
              acknowledgedAt: '2026-10-01T01:05:00.000Z',
              pauses: [
                {
                  from: '2026-10-01T01:10:00.000Z',
                  to: '2026-10-01T01:20:00.000Z',
                },
              ],
            }),
          ],
        });

        const open = await request(server)
          .get('/api/itsm/v1/incidents?service=online-banking&open=true')
          .set('Authorization', asUser);
        expect(open.body.items.map((i: any) => i.externalId)).toEqual([
          'INC-3',
          'INC-1',
        ]);

        const ranged = await request(server)
          .get(
            '/api/itsm/v1/incidents?service=online-banking&from=2026-10-01T02:00:00Z&to=2026-10-01T03:00:00Z',
          )
          .set('Authorization', asUser);
        expect(ranged.body.items.map((i: any) => i.externalId)).toEqual([
          'INC-2',
        ]);
        expect(audit).toContainEqual({
          eventId: 'measurements-push',
          meta: { kind: 'incidents', count: 3 },
          outcome: 'success',
          done: {
            created: 3,
            updated: 0,
            unchanged: 0,
            services: {
              'itservice:default/online-banking': [
                'pagerduty/INC-1',
                'pagerduty/INC-2',
                'pagerduty/INC-3',
              ],
            },
            moved: [],
          },
        });
      });

      it('stores outages and SLI events, and deletes by key', async () => {
        const outages = [
          {
            source: 'statuspage',
            externalId: 'OUT-1',
            service: 'online-banking',
            start: '2026-10-02T10:00:00Z',
            end: '2026-10-02T10:30:00Z',
            impact: 'full',
          },
          {
            source: 'statuspage',
            externalId: 'OUT-2',
            service: 'online-banking',
            start: '2026-10-03T10:00:00Z',
            impact: 'partial',
            planned: true,
            title: 'Patching',
          },
        ];
        expect((await post('/outages', { items: outages })).body).toEqual({
          created: 2,
          updated: 0,
          unchanged: 0,
        });
        const listed = await request(server)
          .get('/api/itsm/v1/outages?service=online-banking')
          .set('Authorization', asUser);
        expect(listed.body.items).toEqual([
          expect.objectContaining({
            externalId: 'OUT-2',
            planned: true,
            impact: 'partial',
            title: 'Patching',
          }),
          expect.objectContaining({
            externalId: 'OUT-1',
            planned: false,
            end: '2026-10-02T10:30:00.000Z',
          }),
        ]);
        expect(listed.body.items[0].end).toBeUndefined();

        const slice = {
          source: 'prometheus',
          service: 'online-banking',
          objective: 'login-success',
          sliceStart: '2026-10-02T10:00:00Z',
          sliceSeconds: 3600,
          good: 990,
          total: 1000,
        };
        expect((await post('/sli-events', { items: [slice] })).body).toEqual({
          created: 1,
          updated: 0,
          unchanged: 0,
        });
        const slices = await request(server)
          .get(
            '/api/itsm/v1/sli-events?service=online-banking&objective=login-success',
          )
          .set('Authorization', asUser);
        expect(slices.body.items).toEqual([
          expect.objectContaining({
            good: 990,
            total: 1000,
            sliceStart: '2026-10-02T10:00:00.000Z',
          }),
        ]);

        const del = (path: string) =>
          request(server)
            .delete(`/api/itsm/v1${path}`)
            .set('Authorization', asTool);
        expect((await del('/outages/statuspage/OUT-1')).status).toBe(204);
        const again = await del('/outages/statuspage/OUT-1');
        expect(again.status).toBe(404);
        expect(again.body.error.message).toContain('No outage with');
        expect(
          (
            await del(
              `/sli-events?source=prometheus&service=online-banking&objective=login-success&sliceStart=${encodeURIComponent(
                slice.sliceStart,
              )}`,
            )
          ).status,
        ).toBe(204);
        expect(await rows(knex, 'itsm_sli_events')).toBe(0);
        expect(audit).toContainEqual({
          eventId: 'measurement-delete',
          meta: { kind: 'outage', source: 'statuspage', externalId: 'OUT-1' },
          outcome: 'fail',
        });
      });

      it.each([
        [
          'an unknown field',
          { items: [incident(10, { severity: 'high' })] },
          /items\[0\]\.severity: is not a known field/,
        ],
        [
          'a wrong type',
          { items: [incident(10, { priority: 7 })] },
          /items\/0\/priority/,
        ],
        [
          'a malformed timestamp',
          { items: [incident(10, { openedAt: 'yesterday' })] },
          /items\/0\/openedAt/,
        ],
        [
          'a resolution before opening',
          {
            items: [
              incident(10),
              incident(11, { resolvedAt: '2026-09-01T00:00:00Z' }),
            ],
          },
          /items\[1\]\.resolvedAt: must not be before openedAt/,
        ],
        [
          'a pause ending before it starts',
          {
            items: [
              incident(10, {
                pauses: [
                  { from: '2026-10-01T12:00:00Z', to: '2026-10-01T11:00:00Z' },
                ],
              }),
            ],
          },
          /items\[0\]\.pauses\[0\]\.to: must not be before pauses\[0\]\.from/,
        ],
        [
          'an unknown service',
          { items: [incident(10), incident(11, { service: 'nope' })] },
          /items\[1\]\.service: "itservice:default\/nope" is not in the catalog/,
        ],
        [
          'a service that is not an ITService',
          {
            items: [incident(10, { service: 'component:default/banking-web' })],
          },
          /items\[0\]\.service: must be an ITService ref, got a component/,
        ],
        [
          'a duplicate key',
          { items: [incident(10), incident(10)] },
          /items\[1\]\.key: duplicates the key of items\[0\]/,
        ],
        ['an empty batch', { items: [] }, /items/],
        [
          'a batch over 5,000',
          { items: Array.from({ length: 5001 }, (_, i) => incident(i)) },
          /items.*5000/,
        ],
        ['no items', { incidents: [] }, /items/],
      ])(
        'rejects incidents with %s, naming it, and writes nothing',
        async (_, body, message) => {
          const before = await rows(knex, 'itsm_incidents');
          const res = await post('/incidents', body);
          expect(res.status).toBe(400);
          expect(res.body.error.name).toBe('InputError');
          expect(res.body.error.message).toMatch(message);
          expect(await rows(knex, 'itsm_incidents')).toBe(before);
        },
      );

      it('rejects outages ending before they start and SLI counts above the total', async () => {
        const outage = await post('/outages', {
          items: [
            {
              source: 's',
              externalId: 'x',
              service: 'online-banking',
              start: '2026-10-02T10:00:00Z',
              end: '2026-10-02T09:00:00Z',
              impact: 'full',
            },
          ],
        });
        expect(outage.status).toBe(400);
        expect(outage.body.error.message).toBe(
          'items[0].end: must not be before start',
        );
        const sli = await post('/sli-events', {
          items: [
            {
              source: 's',
              service: 'online-banking',
              objective: 'o',
              sliceStart: '2026-10-02T10:00:00Z',
              sliceSeconds: 60,
              good: 11,
              total: 10,
            },
          ],
        });
        expect(sli.status).toBe(400);
        expect(sli.body.error.message).toBe(
          'items[0].good: must not exceed total (11 > 10)',
        );
      });

      it('rejects malformed JSON and oversized bodies', async () => {
        const malformed = await request(server)
          .post('/api/itsm/v1/incidents')
          .set('Authorization', asTool)
          .set('Content-Type', 'application/json')
          .send('{"items": [');
        expect(malformed.status).toBe(400);
        const huge = await post('/incidents', {
          items: [incident(1, { title: 'x'.repeat(2_000_000) })],
        });
        expect(huge.status).toBe(413);
      });

      it('rejects bad list queries', async () => {
        const get = (query: string) =>
          request(server)
            .get(`/api/itsm/v1/incidents?${query}`)
            .set('Authorization', asUser);
        expect((await get('')).status).toBe(400);
        expect((await get('service=online-banking&limit=5000')).status).toBe(
          400,
        );
        expect((await get('service=online-banking&color=red')).status).toBe(
          400,
        );
        const cursor = await get('service=online-banking&cursor=garbage');
        expect(cursor.status).toBe(400);
        expect(cursor.body.error.message).toContain('cursor');
        const component = await get('service=component:default/banking-web');
        expect(component.status).toBe(400);
        expect(component.body.error.message).toContain(
          'service: must be an ITService ref',
        );
      });

      it('requires authentication', async () => {
        expect(
          (
            await request(server).get(
              '/api/itsm/v1/incidents?service=online-banking',
            )
          ).status,
        ).toBe(401);
        expect(
          (
            await request(server)
              .post('/api/itsm/v1/incidents')
              .send({ items: [incident(1)] })
          ).status,
        ).toBe(401);
      });

      it('lets an external tool read back what it pushed', async () => {
        const res = await request(server)
          .get(
            '/api/itsm/v1/incidents?service=itservice%3Adefault%2Fonline-banking&limit=1',
          )
          .set('Authorization', asTool);
        expect(res.status).toBe(200);
        expect(res.body.items).toHaveLength(1);
      });

      it('does not reveal a service the caller cannot see in the catalog', async () => {
        await post('/incidents', {
          items: [incident(20, { service: 'payroll' })],
        });
        const hidden = await request(server)
          .get('/api/itsm/v1/incidents?service=payroll')
          .set('Authorization', mockCredentials.user.header(outsider));
        const missing = await request(server)
          .get('/api/itsm/v1/incidents?service=does-not-exist')
          .set('Authorization', mockCredentials.user.header(outsider));
        expect(hidden.status).toBe(404);
        expect(missing.status).toBe(404);
        expect(hidden.body.error.message).toBe(
          'No ITService "itservice:default/payroll" in the catalog',
        );
        const seen = await request(server)
          .get('/api/itsm/v1/incidents?service=payroll')
          .set('Authorization', asUser);
        expect(seen.body.items).toHaveLength(1);
      });

      it('lets no one write to or delete from a service they cannot see', async () => {
        await post('/incidents', {
          items: [incident(21, { service: 'payroll' })],
        });
        const asOutsider = mockCredentials.user.header(outsider);
        const write = await request(server)
          .post('/api/itsm/v1/incidents')
          .set('Authorization', asOutsider)
          .send({
            items: [incident(21, { service: 'payroll', priority: 'P1' })],
          });
        expect(write.status).toBe(400);
        expect(write.body.error.message).toContain(
          '"itservice:default/payroll" is not in the catalog',
        );
        const removal = await request(server)
          .delete('/api/itsm/v1/incidents/pagerduty/INC-21')
          .set('Authorization', asOutsider);
        expect(removal.status).toBe(404);
        expect(removal.body.error.message).toBe(
          'No incident with {"source":"pagerduty","externalId":"INC-21"}',
        );
        const stored = await request(server)
          .get('/api/itsm/v1/incidents?service=payroll')
          .set('Authorization', asUser);
        expect(
          stored.body.items.find(
            (item: { externalId: string }) => item.externalId === 'INC-21',
          ),
        ).toMatchObject({ priority: 'P2' });
      });

      // Issue 16, row 2.
      it.each([
        [
          '/incidents',
          'incident',
          (changes: Record<string, unknown>) => incident(30, changes),
        ],
        [
          '/outages',
          'outage',
          (changes: Record<string, unknown>) => ({
            source: 'statuspage',
            externalId: 'INC-30',
            service: 'online-banking',
            start: '2026-10-02T00:00:00Z',
            end: '2026-10-02T01:00:00Z',
            impact: 'full',
            ...changes,
          }),
        ],
      ] as const)(
        'never lets a write to one service touch or reveal %s rows of a hidden one',
        async (path, kind, item) => {
          const asOutsider = mockCredentials.user.header(outsider);
          const hiddenItem = item({ service: 'payroll' });
          const { source, externalId } = hiddenItem as any;
          await post(path, { items: [hiddenItem] }).expect(200);
          const list = async (svc: string) =>
            (
              await request(server)
                .get(`/api/itsm/v1${path}?service=${svc}`)
                .set('Authorization', asTool)
            ).body.items.filter((i: any) => i.externalId === externalId);

          // The same key pushed to a visible service: counted as new.
          const write = await request(server)
            .post(`/api/itsm/v1${path}`)
            .set('Authorization', asOutsider)
            .send({ items: [item({ title: 'mine' })] });
          expect([write.status, write.body]).toEqual([
            200,
            { created: 1, updated: 0, unchanged: 0 },
          ]);
          expect(await list('payroll')).toHaveLength(1);
          expect(await list('online-banking')).toMatchObject([
            { title: 'mine' },
          ]);
          expect(audit).toContainEqual({
            eventId: 'measurements-push',
            meta: { kind: `${kind}s`, count: 1 },
            outcome: 'success',
            done: {
              created: 1,
              updated: 0,
              unchanged: 0,
              services: {
                'itservice:default/online-banking': [`${source}/${externalId}`],
              },
              moved: [],
            },
          });

          // A delete by key reaches only the rows the caller can see.
          const removal = () =>
            request(server)
              .delete(`/api/itsm/v1${path}/${source}/${externalId}`)
              .set('Authorization', asOutsider);
          expect((await removal()).status).toBe(204);
          expect((await removal()).status).toBe(404);
          expect(await list('payroll')).toHaveLength(1);
          expect(await list('online-banking')).toHaveLength(0);

          // Someone who sees both services moves the key: it leaves payroll.
          const move = await request(server)
            .post(`/api/itsm/v1${path}`)
            .set('Authorization', asUser)
            .send({ items: [item({})] });
          expect(move.body).toEqual({ created: 0, updated: 1, unchanged: 0 });
          expect(await list('payroll')).toHaveLength(0);
          expect(await list('online-banking')).toHaveLength(1);
          expect(audit[audit.length - 1].done).toMatchObject({
            moved: [
              {
                from: 'itservice:default/payroll',
                key: `${source}/${externalId}`,
              },
            ],
          });
        },
      );

      // Issue 16, row 9.
      it('audits refused writes and deletes', async () => {
        const asOutsider = mockCredentials.user.header(outsider);
        const before = audit.length;
        await request(server)
          .post('/api/itsm/v1/incidents')
          .set('Authorization', asOutsider)
          .send({ items: [incident(40, { service: 'payroll' })] })
          .expect(400);
        await request(server)
          .delete('/api/itsm/v1/incidents/pagerduty/INC-40')
          .set('Authorization', asOutsider)
          .expect(404);
        expect(audit.slice(before)).toEqual([
          {
            eventId: 'measurements-push',
            meta: { kind: 'incidents', count: 1 },
            outcome: 'fail',
          },
          {
            eventId: 'measurement-delete',
            meta: {
              kind: 'incident',
              source: 'pagerduty',
              externalId: 'INC-40',
            },
            outcome: 'fail',
          },
        ]);
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'answers 403 without the permissions on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const { server, audit } = await startBackend(knex, { deny: true });
      const push = await request(server)
        .post('/api/itsm/v1/incidents')
        .set('Authorization', asTool)
        .send({ items: [incident(1)] });
      expect(push.status).toBe(403);
      expect(push.body.error.message).toBe(
        'Not allowed: itsm.measurement.create',
      );
      const read = await request(server)
        .get('/api/itsm/v1/incidents?service=online-banking')
        .set('Authorization', asUser);
      expect(read.status).toBe(403);
      const del = await request(server)
        .delete('/api/itsm/v1/incidents/pagerduty/INC-1')
        .set('Authorization', asTool);
      expect(del.status).toBe(403);
      expect(await rows(knex, 'itsm_incidents')).toBe(0);
      // Refused for want of a permission, and audited as such.
      expect(audit.map(a => [a.eventId, a.outcome])).toEqual([
        ['measurements-push', 'fail'],
        ['measurement-delete', 'fail'],
      ]);
    },
  );
});
