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
import { itsmFixedClockServiceFactory } from '@backstage-itsm/plugin-itsm-node';
import type { Knex } from 'knex';
import request from 'supertest';
import { fixtureText, pagerDutyEvent } from './__testUtils__/fixtures';
import pagerDutyFeature from './index';
import { signPagerDutyPayload } from './signature';

jest.setTimeout(120_000);

const SECRET = 'the-current-signing-secret';
const OLD_SECRET = 'the-previous-signing-secret';
/** The itsm clock, which the webhooks' maxEventAge is measured against. */
const NOW = '2020-10-02T19:00:00Z';

const itService = (name: string, annotations: Record<string, string> = {}) =>
  ({
    apiVersion: 'itsm.backstage.io/v1alpha1',
    kind: 'ITService',
    metadata: { name, namespace: 'default', annotations },
    spec: { type: 'business', lifecycle: 'live', owner: 'group:default/ops' },
  } as Entity);

// PF9KMXH is the service of PagerDuty's documented webhook.
const entities = [
  itService('api', { 'pagerduty.com/service-id': 'PF9KMXH' }),
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

describe('PagerDuty webhooks through the events backend into the itsm backend', () => {
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
            pagerDutyFeature,
            eventsServiceFactory,
            catalogServiceMock.factory({ entities }),
            databaseFactory(knex, eventsKnex),
            itsmFixedClockServiceFactory(NOW),
            // A request without a token is anonymous, as in a real backend.
            mockServices.httpAuth.factory({
              defaultCredentials: mockCredentials.none(),
            }),
            mockServices.rootConfig.factory({
              data: {
                events: { useEventBus: 'never' },
                itsm: {
                  pagerduty: {
                    webhookSecrets: [SECRET, OLD_SECRET],
                    maxEventAge: '30m',
                  },
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

      /** POSTs a body as PagerDuty would, signed unless told otherwise. */
      const deliver = (
        body: string | object,
        options: { secret?: string; signature?: string | null } = {},
      ) => {
        const text = typeof body === 'string' ? body : JSON.stringify(body);
        const req = request(server)
          .post('/api/events/http/itsm.pagerduty')
          .set('Content-Type', 'application/json')
          .set('User-Agent', 'PagerDuty-Webhook/V3.0');
        const signature =
          options.signature === undefined
            ? signPagerDutyPayload(text, options.secret ?? SECRET)
            : options.signature;
        if (signature !== null) req.set('X-PagerDuty-Signature', signature);
        return req.send(text);
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
        return res.body.items as Array<Record<string, unknown>>;
      };

      const pagerDutySource = async () => {
        const res = await request(server)
          .get('/api/itsm/v1/sources')
          .set('Authorization', mockCredentials.service.header());
        expect(res.status).toBe(200);
        return (res.body.items as Array<Record<string, any>>).find(
          s => s.source === 'pagerduty',
        );
      };

      const documented = fixtureText('incident-priority-updated.json');

      it('refuses unsigned, badly signed, malformed and stale requests with 4xx and the reason, and stores nothing', async () => {
        const unsigned = await deliver(documented, { signature: null });
        expect(unsigned.status).toBe(401);
        expect(unsigned.body).toEqual({
          error: {
            name: 'AuthenticationError',
            message: 'The request has no X-PagerDuty-Signature header',
          },
        });

        const forged = await deliver(documented, { secret: 'guessed' });
        expect(forged.status).toBe(401);
        expect(forged.body.error.message).toBe(
          'X-PagerDuty-Signature matches none of the 2 configured webhook secrets (itsm.pagerduty.webhookSecrets)',
        );

        const tampered = await deliver(documented.replace('"P1"', '"P5"'), {
          signature: signPagerDutyPayload(documented, SECRET),
        });
        expect(tampered.status).toBe(401);

        const notJson = await deliver('{"event": {');
        expect(notJson.status).toBe(400);
        expect(notJson.body.error).toMatchObject({
          name: 'InputError',
          message: expect.stringMatching(
            /^Malformed itsm\.pagerduty webhook: the body is not JSON/,
          ),
        });

        const wrongShape = await deliver({ messages: [{ event: 'x' }] });
        expect(wrongShape.status).toBe(400);
        expect(wrongShape.body).toEqual({
          error: {
            name: 'InputError',
            message:
              'Malformed PagerDuty webhook: event must be an object, got nothing',
          },
        });

        const noService = pagerDutyEvent(
          'incident.triggered',
          '2020-10-02T18:59:00Z',
        );
        delete (noService.event.data as { service?: unknown }).service;
        const incomplete = await deliver(noService);
        expect(incomplete.status).toBe(400);
        expect(incomplete.body.error.message).toBe(
          'Malformed PagerDuty webhook: event.data.service must be an object, got nothing',
        );

        const stale = await deliver(
          pagerDutyEvent('incident.resolved', '2020-10-02T18:29:59Z'),
        );
        expect(stale.status).toBe(401);
        expect(stale.body.error.message).toBe(
          'The event occurred at 2020-10-02T18:29:59.000Z, more than 30 minutes ago (itsm.pagerduty.maxEventAge); refused as a possible replay',
        );

        expect(await incidents('api')).toEqual([]);
        expect(await pagerDutySource()).toBeUndefined();
      });

      it("stores PagerDuty's documented webhook as an incident of the ITService that names its service", async () => {
        const res = await deliver(documented);
        expect(res.status).toBe(202);
        expect(res.body).toEqual({ status: 'accepted' });

        const stored = await eventually(
          () => incidents('api'),
          items => items.length > 0,
        );
        expect(stored).toEqual([
          {
            source: 'pagerduty',
            externalId: 'PGR0VU2',
            service: 'itservice:default/api',
            priority: 'P1',
            openedAt: '2020-04-09T15:16:27.000Z',
            title: 'A little bump in the road',
            url: 'https://acme.pagerduty.com/incidents/PGR0VU2',
            updatedAt: expect.any(String),
          },
        ]);
        expect(await pagerDutySource()).toMatchObject({
          status: 'ok',
          services: 1,
          failingServices: 0,
          unmatched: { count: 0 },
          lastStored: { incidents: expect.any(String) },
        });
      });

      it('merges events that come out of order or twice, and a reopening', async () => {
        // Resolved before acknowledged: both are kept.
        expect(
          (
            await deliver(
              pagerDutyEvent('incident.resolved', '2020-10-02T18:50:00Z'),
            )
          ).status,
        ).toBe(202);
        expect(
          (
            await deliver(
              pagerDutyEvent('incident.acknowledged', '2020-10-02T18:47:30Z'),
              { secret: OLD_SECRET },
            )
          ).status,
        ).toBe(202);
        let [incident] = await eventually(
          () => incidents('api'),
          ([i]) => i?.acknowledgedAt !== undefined,
        );
        expect(incident).toMatchObject({
          openedAt: '2020-04-09T15:16:27.000Z',
          acknowledgedAt: '2020-10-02T18:47:30.000Z',
          resolvedAt: '2020-10-02T18:50:00.000Z',
          priority: 'P1',
        });

        // A late priority change after the resolution changes the priority
        // and does not reopen.
        const p3 = {
          html_url: 'https://acme.pagerduty.com/account/incident_priorities',
          id: 'PQ3X9ZC',
          self: 'https://api.pagerduty.com/priorities/PQ3X9ZC',
          summary: 'P3',
          type: 'priority_reference',
        };
        await deliver(
          pagerDutyEvent('incident.priority_updated', '2020-10-02T18:49:00Z', {
            data: { priority: p3 },
          }),
        );
        [incident] = await eventually(
          () => incidents('api'),
          ([i]) => i?.priority === 'P3',
        );
        expect(incident).toMatchObject({
          acknowledgedAt: '2020-10-02T18:47:30.000Z',
          resolvedAt: '2020-10-02T18:50:00.000Z',
        });

        // The same event twice changes nothing, not even updatedAt.
        const before = await incidents('api');
        const again = await deliver(
          pagerDutyEvent('incident.resolved', '2020-10-02T18:50:00Z'),
        );
        expect(again.status).toBe(202);
        await new Promise(resolve => setTimeout(resolve, 100));
        expect(await incidents('api')).toEqual(before);

        // Reopened after the resolution: running again, still acknowledged.
        await deliver(
          pagerDutyEvent('incident.reopened', '2020-10-02T18:55:00Z'),
        );
        [incident] = await eventually(
          () => incidents('api'),
          ([i]) => i?.resolvedAt === undefined,
        );
        expect(incident).toEqual({
          source: 'pagerduty',
          externalId: 'PGR0VU2',
          service: 'itservice:default/api',
          priority: 'P1',
          openedAt: '2020-04-09T15:16:27.000Z',
          acknowledgedAt: '2020-10-02T18:47:30.000Z',
          title: 'A little bump in the road',
          url: 'https://acme.pagerduty.com/incidents/PGR0VU2',
          updatedAt: expect.any(String),
        });

        // A late acknowledgement does not resolve it; a new resolution does.
        await deliver(
          pagerDutyEvent('incident.acknowledged', '2020-10-02T18:48:00Z'),
        );
        await deliver(
          pagerDutyEvent('incident.resolved', '2020-10-02T18:58:00Z'),
        );
        [incident] = await eventually(
          () => incidents('api'),
          ([i]) => i?.resolvedAt !== undefined,
        );
        expect(incident).toMatchObject({
          acknowledgedAt: '2020-10-02T18:47:30.000Z',
          resolvedAt: '2020-10-02T18:58:00.000Z',
        });
        expect(await incidents('api')).toHaveLength(1);
      });

      it('counts an event of a PagerDuty service no ITService names as unmatched, naming it, and stores nothing', async () => {
        const res = await deliver(
          pagerDutyEvent('incident.triggered', '2020-10-02T18:59:00Z', {
            data: {
              id: 'Q1UNMAPPED',
              created_at: '2020-10-02T18:59:00Z',
              service: {
                html_url: 'https://acme.pagerduty.com/services/PUNKNWN',
                id: 'PUNKNWN',
                self: 'https://api.pagerduty.com/services/PUNKNWN',
                summary: 'Mail Service',
                type: 'service_reference',
              },
            },
          }),
        );
        expect(res.status).toBe(202);
        const source = await eventually(
          () => pagerDutySource(),
          s => s?.unmatched.count === 1,
        );
        expect(source?.unmatched).toEqual({
          count: 1,
          lastAt: expect.any(String),
          last: 'PagerDuty service PUNKNWN ("Mail Service") of incident Q1UNMAPPED maps to no ITService: none in the catalog has the annotation pagerduty.com/service-id: PUNKNWN',
        });
        for (const service of ['api', 'checkout']) {
          expect(
            (await incidents(service)).filter(
              i => i.externalId === 'Q1UNMAPPED',
            ),
          ).toEqual([]);
        }
      });

      it('accepts and ignores event types it does not handle', async () => {
        const before = await incidents('api');
        const sourceBefore = await pagerDutySource();
        const res = await deliver(fixtureText('service-updated.json'));
        expect(res.status).toBe(202);
        await new Promise(resolve => setTimeout(resolve, 100));
        expect(await incidents('api')).toEqual(before);
        expect((await pagerDutySource())?.unmatched).toEqual(
          sourceBefore?.unmatched,
        );
      });
    },
  );
});
