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
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import eventsPlugin from '@backstage/plugin-events-backend';
import { eventsServiceFactory } from '@backstage/plugin-events-node';
// The test runs the real itsm backend, which the module extends at runtime.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import itsmPlugin from '@backstage-itsm/plugin-itsm-backend';
import scoringModule from '@backstage-itsm/plugin-itsm-backend-module-sla-scoring';
import type { Knex } from 'knex';
import request from 'supertest';
import { fixtureText, opsgenieAction } from './__testUtils__/fixtures';
import opsgenieFeature from './index';

jest.setTimeout(120_000);

const TOKEN = 'the-webhook-token';
const ALERT = '052652ac-5d1c-464a-812a-7dd18bbfba8c';
const ALERT_URL =
  'https://acme.app.opsgenie.com/alert/detail/{alertId}/details';

const itService = (name: string, annotations: Record<string, string> = {}) =>
  ({
    apiVersion: 'itsm.backstage.io/v1alpha1',
    kind: 'ITService',
    metadata: { name, namespace: 'default', annotations },
    spec: { type: 'business', lifecycle: 'live', owner: 'group:default/ops' },
  } as Entity);

// tag1 is a tag of the alert in Opsgenie's documented examples.
const entities = [
  itService('web-shop', { 'itsm.backstage.io/opsgenie-tag': 'tag1' }),
  itService('payments', { 'opsgenie.com/team': 'payments-team' }),
  itService('checkout'),
];

/** The itsm plugin on the database under test; the events backend beside it. */
function databaseFactory(itsm: Knex, others: Knex) {
  return createServiceFactory({
    service: coreServices.database,
    deps: { plugin: coreServices.pluginMetadata },
    factory: ({ plugin }) =>
      mockServices.database({
        knex: plugin.getId() === 'itsm' ? itsm : others,
      }),
  });
}

/** Reads until `done` holds (events may be handled after the answer), or fails. */
async function eventually<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) {
      throw new Error(`Timed out; last read: ${JSON.stringify(value)}`);
    }
    await new Promise(resolve => setTimeout(resolve, 50));
  }
}

describe('Opsgenie webhooks through the events backend into the itsm backend', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  describe.each(databases.eachSupportedId())(
    'on %p',
    (databaseId: TestDatabaseId) => {
      let server: Awaited<ReturnType<typeof startTestBackend>>['server'];
      let stop: () => Promise<void>;

      beforeAll(async () => {
        const knex = await databases.init(databaseId);
        const eventsKnex = await databases.init('SQLITE_3');
        const backend = await startTestBackend({
          features: [
            eventsPlugin,
            itsmPlugin,
            scoringModule,
            opsgenieFeature,
            eventsServiceFactory,
            catalogServiceMock.factory({ entities }),
            databaseFactory(knex, eventsKnex),
            mockServices.httpAuth.factory({
              defaultCredentials: mockCredentials.none(),
            }),
            mockServices.rootConfig.factory({
              data: {
                events: { useEventBus: 'never' },
                itsm: {
                  opsgenie: { webhook: { token: TOKEN }, alertUrl: ALERT_URL },
                },
              },
            }),
          ],
        });
        server = backend.server;
        stop = () => backend.stop();
      });

      afterAll(async () => {
        await stop?.();
      });

      /** POSTs a body as Opsgenie would, with the configured header unless told otherwise. */
      const deliver = (
        body: string,
        authorization: string | null = `Bearer ${TOKEN}`,
      ) => {
        const req = request(server)
          .post('/api/events/http/itsm.opsgenie')
          .set('Content-Type', 'application/json');
        if (authorization !== null) req.set('Authorization', authorization);
        return req.send(body);
      };

      const incidents = async (service: string) => {
        const res = await request(server)
          .get(
            `/api/itsm/v1/incidents?service=${encodeURIComponent(
              `itservice:default/${service}`,
            )}`,
          )
          .set('Authorization', mockCredentials.service.header());
        expect(res.status).toBe(200);
        return res.body.items as Array<Record<string, any>>;
      };
      const incident = async (service: string, externalId: string) =>
        (await incidents(service)).find(i => i.externalId === externalId);

      const opsgenieSource = async () => {
        const res = await request(server)
          .get('/api/itsm/v1/sources')
          .set('Authorization', mockCredentials.service.header());
        expect(res.status).toBe(200);
        return (res.body.items as Array<Record<string, any>>).find(
          s => s.source === 'opsgenie',
        );
      };

      const create = fixtureText('create.json');
      const acknowledge = fixtureText('acknowledge.json');

      it('refuses unauthenticated and malformed requests with 4xx and the reason, and stores nothing', async () => {
        const anonymous = await deliver(create, null);
        expect(anonymous.status).toBe(401);
        expect(anonymous.body).toEqual({
          error: {
            name: 'AuthenticationError',
            message:
              'The request has no Authorization header; the sender must send the one configured at itsm.opsgenie.webhook',
          },
        });

        const guessed = await deliver(create, 'Bearer guessed');
        expect(guessed.status).toBe(401);
        expect(guessed.body.error.message).toBe(
          'The bearer token does not match itsm.opsgenie.webhook.token',
        );

        const basic = await deliver(
          create,
          `Basic ${Buffer.from(`opsgenie:${TOKEN}`).toString('base64')}`,
        );
        expect(basic.status).toBe(401);
        expect(basic.body.error.message).toBe(
          'Basic authentication is not accepted: itsm.opsgenie.webhook has no username and password',
        );

        const notJson = await deliver('{"action": "Create", "alert": {');
        expect(notJson.status).toBe(400);
        expect(notJson.body.error).toMatchObject({
          name: 'InputError',
          message: expect.stringMatching(
            /^Malformed itsm\.opsgenie webhook: the body is not JSON/,
          ),
        });

        const noAlert = await deliver('{"action":"Close"}');
        expect(noAlert.status).toBe(400);
        expect(noAlert.body).toEqual({
          error: {
            name: 'InputError',
            message:
              'Malformed Opsgenie webhook: alert must be an object, got nothing',
          },
        });

        const noTime = await deliver(
          acknowledge.replace('"updatedAt": 1420452224764002246,', ''),
        );
        expect(noTime.status).toBe(400);
        expect(noTime.body.error.message).toBe(
          'Malformed Opsgenie webhook: alert.updatedAt must be an epoch time, got nothing',
        );

        expect(await incidents('web-shop')).toEqual([]);
        expect(await opsgenieSource()).toBeUndefined();
      });

      it("stores Opsgenie's documented Create and Acknowledge as an incident of the ITService tagged like the alert", async () => {
        const created = await deliver(create);
        expect(created.status).toBe(202);
        expect(created.body).toEqual({ status: 'accepted' });
        await eventually(
          () => incidents('web-shop'),
          items => items.length === 1,
        );
        expect((await deliver(acknowledge)).status).toBe(202);

        const stored = await eventually(
          () => incidents('web-shop'),
          ([i]) => i?.acknowledgedAt !== undefined,
        );
        expect(stored).toEqual([
          {
            source: 'opsgenie',
            externalId: ALERT,
            service: 'itservice:default/web-shop',
            priority: 'P3',
            openedAt: '2015-01-05T10:03:11.104Z',
            acknowledgedAt: '2015-01-05T10:03:44.764Z',
            title: 'test alert',
            url: `https://acme.app.opsgenie.com/alert/detail/${ALERT}/details`,
            updatedAt: expect.any(String),
          },
        ]);
        expect(await opsgenieSource()).toMatchObject({
          status: 'ok',
          services: 1,
          unmatched: { count: 0 },
        });
      });

      it('keeps the resolution against duplicates and late actions, and reopens on a later Create', async () => {
        await deliver(opsgenieAction('Close', '2015-01-05T10:30:00Z'));
        let stored = await eventually(
          () => incident('web-shop', ALERT),
          i => i?.resolvedAt !== undefined,
        );
        expect(stored).toMatchObject({
          acknowledgedAt: '2015-01-05T10:03:44.764Z',
          resolvedAt: '2015-01-05T10:30:00.000Z',
        });

        // A late priority change: new priority, still resolved.
        await deliver(
          opsgenieAction('UpdatePriority', '2015-01-05T10:20:00Z', {
            priority: 'P1',
            oldPriority: 'P3',
          }),
        );
        stored = await eventually(
          () => incident('web-shop', ALERT),
          i => i?.priority === 'P1',
        );
        expect(stored?.resolvedAt).toBe('2015-01-05T10:30:00.000Z');

        // The documented Create and Acknowledge again: nothing changes.
        const before = await incidents('web-shop');
        expect((await deliver(create)).status).toBe(202);
        expect((await deliver(acknowledge)).status).toBe(202);
        await new Promise(resolve => setTimeout(resolve, 100));
        expect(await incidents('web-shop')).toEqual(before);

        // Created again after it was closed: running again.
        await deliver(
          opsgenieAction('Create', '2015-01-05T11:00:00Z', { priority: 'P2' }),
        );
        stored = await eventually(
          () => incident('web-shop', ALERT),
          i => i?.resolvedAt === undefined,
        );
        expect(stored).toEqual({
          source: 'opsgenie',
          externalId: ALERT,
          service: 'itservice:default/web-shop',
          priority: 'P2',
          openedAt: '2015-01-05T10:03:11.104Z',
          acknowledgedAt: '2015-01-05T10:03:44.764Z',
          title: 'test alert',
          url: `https://acme.app.opsgenie.com/alert/detail/${ALERT}/details`,
          updatedAt: expect.any(String),
        });
      });

      it('keeps both times when Close comes before Acknowledge', async () => {
        const other = 'a0b1c2d3-0000-4000-8000-000000000001';
        await deliver(
          opsgenieAction('Close', '2015-01-05T12:30:00Z', {
            alertId: other,
            createdAt: Date.parse('2015-01-05T12:00:00Z'),
          }),
        );
        await deliver(
          opsgenieAction('Acknowledge', '2015-01-05T12:10:00Z', {
            alertId: other,
            createdAt: Date.parse('2015-01-05T12:00:00Z'),
          }),
        );
        const stored = await eventually(
          () => incident('web-shop', other),
          i => i?.acknowledgedAt !== undefined,
        );
        expect(stored).toMatchObject({
          openedAt: '2015-01-05T12:00:00.000Z',
          acknowledgedAt: '2015-01-05T12:10:00.000Z',
          resolvedAt: '2015-01-05T12:30:00.000Z',
        });
      });

      it('maps an alert by its team, and keeps it there for actions without the team', async () => {
        const teamAlert = 'a0b1c2d3-0000-4000-8000-000000000002';
        await deliver(
          opsgenieAction('Create', '2015-01-05T13:00:01Z', {
            alertId: teamAlert,
            createdAt: Date.parse('2015-01-05T13:00:00Z'),
            tags: ['db'],
            team: 'payments-team',
            priority: 'P2',
          }),
        );
        await deliver(
          opsgenieAction('Acknowledge', '2015-01-05T13:05:00Z', {
            alertId: teamAlert,
            createdAt: Date.parse('2015-01-05T13:00:00Z'),
            tags: ['db'],
          }),
        );
        const stored = await eventually(
          () => incident('payments', teamAlert),
          i => i?.acknowledgedAt !== undefined,
        );
        expect(stored).toMatchObject({
          service: 'itservice:default/payments',
          priority: 'P2',
          openedAt: '2015-01-05T13:00:00.000Z',
          acknowledgedAt: '2015-01-05T13:05:00.000Z',
        });
      });

      it('counts an alert that maps to no ITService as unmatched, naming its tags, and stores nothing', async () => {
        const lost = 'a0b1c2d3-0000-4000-8000-000000000003';
        const res = await deliver(
          opsgenieAction('Create', '2015-01-05T14:00:00Z', {
            alertId: lost,
            tinyId: '24',
            tags: ['nomatch'],
          }),
        );
        expect(res.status).toBe(202);
        const source = await eventually(
          () => opsgenieSource(),
          s => s?.unmatched.count === 1,
        );
        expect(source?.unmatched).toEqual({
          count: 1,
          lastAt: expect.any(String),
          last: `Opsgenie alert ${lost} (#24) with tags nomatch and teams none maps to no ITService: none in the catalog has one of its tags as itsm.backstage.io/opsgenie-tag or one of its teams as opsgenie.com/team`,
        });
        for (const service of ['web-shop', 'payments', 'checkout']) {
          expect(await incident(service, lost)).toBeUndefined();
        }
      });

      it('accepts and ignores actions it does not handle', async () => {
        const before = await incidents('web-shop');
        const res = await deliver(
          opsgenieAction('AddNote', '2015-01-05T15:00:00Z', { note: 'hello' }),
        );
        expect(res.status).toBe(202);
        await new Promise(resolve => setTimeout(resolve, 100));
        expect(await incidents('web-shop')).toEqual(before);
      });
    },
  );
});
