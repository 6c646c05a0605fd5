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
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import eventsPlugin from '@backstage/plugin-events-backend';
import { eventsServiceFactory } from '@backstage/plugin-events-node';
// The real itsm backend is what this module's intake is tested against.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import itsmPlugin from '@backstage-itsm/plugin-itsm-backend';
import request from 'supertest';
import alertmanagerModule from './module';
import { MATCHERS_ANNOTATION } from './receiver';
import { eventually, startAlertmanager } from '@backstage-itsm/tool-processes';

jest.setTimeout(120_000);

const TOKEN = 'alertmanager-test-token';
const service = (name: string, annotations: Record<string, string> = {}) => ({
  apiVersion: 'itsm.backstage.io/v1alpha1',
  kind: 'ITService',
  metadata: { name, namespace: 'default', annotations },
  spec: { owner: 'group:default/sre', lifecycle: 'live' },
});

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

describe.each(databases.eachSupportedId())(
  'Alertmanager outages through the events backend, on %s',
  databaseId => {
    let backend: Awaited<ReturnType<typeof startTestBackend>>;
    let alertmanager: Awaited<ReturnType<typeof startAlertmanager>>;

    beforeAll(async () => {
      // Each plugin its own database, as in a real backend.
      const knexes = {
        itsm: await databases.init(databaseId),
        events: await databases.init(databaseId),
      };
      backend = await startTestBackend({
        features: [
          itsmPlugin,
          eventsPlugin,
          // The real events service: the test backend's mock gives each
          // plugin its own, which would never deliver the ingress' events.
          eventsServiceFactory,
          alertmanagerModule,
          catalogServiceMock.factory({
            entities: [
              service('checkout'),
              service('payments', {
                [MATCHERS_ANNOTATION]: 'job="payments-api", env="prod"',
              }),
            ],
          }),
          createServiceFactory({
            service: coreServices.database,
            deps: { plugin: coreServices.pluginMetadata },
            factory: ({ plugin }) =>
              mockServices.database({
                knex: knexes[plugin.getId() as keyof typeof knexes],
              }),
          }),
          mockServices.rootConfig.factory({
            data: {
              // One backend: no events bus, whose long poll holds stop() ~50 s.
              events: { useEventBus: 'never' },
              itsm: { alertmanager: { webhook: { token: TOKEN } } },
            },
          }),
        ],
      });
      const { port } = backend.server.address() as { port: number };
      // Short waits: a group's first notice, re-sends and the resolved
      // notice within seconds.
      alertmanager = await startAlertmanager({
        config: `route:
  receiver: itsm
  group_by: [alertname, itsm_service]
  group_wait: 1s
  group_interval: 2s
  repeat_interval: 3s
receivers:
  - name: itsm
    webhook_configs:
      - url: http://127.0.0.1:${port}/api/events/http/itsm.alertmanager
        send_resolved: true
        http_config:
          authorization:
            type: Bearer
            credentials: ${TOKEN}
`,
      });
    });

    afterAll(async () => {
      await alertmanager?.stop();
      await backend?.stop();
    });

    const outagesOf = async (name: string) => {
      const res = await request(backend.server)
        .get('/api/itsm/v1/outages')
        .query({ service: `itservice:default/${name}` })
        .set('Authorization', mockCredentials.service.header());
      expect(res.status).toBe(200);
      return res.body.items as Array<Record<string, unknown>>;
    };
    const sources = async () => {
      const res = await request(backend.server)
        .get('/api/itsm/v1/sources')
        .set('Authorization', mockCredentials.service.header());
      expect(res.status).toBe(200);
      return res.body.items as Array<Record<string, any>>;
    };

    it('opens an outage on firing, keeps it through re-sends, and ends it on resolve', async () => {
      const startsAt = new Date(Date.now() - 60_000).toISOString();
      const alert = {
        labels: {
          alertname: 'CheckoutDown',
          itsm_service: 'checkout',
          itsm_impact: 'partial',
        },
        annotations: { summary: 'Checkout answers 5xx' },
        startsAt,
      };
      await alertmanager.postAlerts([alert]);

      const [open] = await eventually(
        () => `the firing outage (Alertmanager said: ${alertmanager.log()})`,
        async () => {
          const items = await outagesOf('checkout');
          return items.length ? items : undefined;
        },
      );
      expect(open).toMatchObject({
        source: 'alertmanager',
        service: 'itservice:default/checkout',
        start: startsAt,
        impact: 'partial',
        planned: false,
        title: 'Checkout answers 5xx',
      });
      expect(open.end).toBeUndefined();

      // Alertmanager re-sends the group every repeat_interval: still one outage.
      const sent = await alertmanager.notificationsSent();
      await eventually('a re-send', async () =>
        (await alertmanager.notificationsSent()) > sent ? true : undefined,
      );
      expect(await outagesOf('checkout')).toEqual([
        expect.objectContaining({
          externalId: open.externalId,
          start: startsAt,
        }),
      ]);
      expect((await outagesOf('checkout'))[0].end).toBeUndefined();

      const endsAt = new Date(Date.now() - 5_000).toISOString();
      await alertmanager.postAlerts([{ ...alert, endsAt }]);
      const [resolved] = await eventually('the resolved outage', async () => {
        const items = await outagesOf('checkout');
        return items[0]?.end ? items : undefined;
      });
      expect(resolved).toMatchObject({
        externalId: open.externalId,
        start: startsAt,
        end: endsAt,
      });

      // A late firing notice of the same firing (same fingerprint and
      // start) does not reopen the outage.
      const afterResolve = await alertmanager.notificationsSent();
      await alertmanager.postAlerts([alert]);
      await eventually('the late firing notice', async () =>
        (await alertmanager.notificationsSent()) > afterResolve
          ? true
          : undefined,
      );
      expect(await outagesOf('checkout')).toEqual([
        expect.objectContaining({ externalId: open.externalId, end: endsAt }),
      ]);

      const health = (await sources()).find(s => s.source === 'alertmanager');
      expect(health).toMatchObject({ status: 'ok', services: 1 });
      const perService = await request(backend.server)
        .get('/api/itsm/v1/services/default/checkout/sources')
        .set('Authorization', mockCredentials.service.header());
      expect(perService.body.items).toEqual([
        expect.objectContaining({
          source: 'alertmanager',
          status: 'ok',
          lastStored: { outages: expect.any(String) },
        }),
      ]);
    });

    it('maps an alert without a service label by the matchers an ITService declares', async () => {
      const startsAt = new Date(Date.now() - 30_000).toISOString();
      await alertmanager.postAlerts([
        {
          labels: {
            alertname: 'PaymentsLatency',
            job: 'payments-api',
            env: 'prod',
            itsm_planned: 'true',
          },
          startsAt,
        },
      ]);
      const [outage] = await eventually('the payments outage', async () => {
        const items = await outagesOf('payments');
        return items.length ? items : undefined;
      });
      expect(outage).toMatchObject({
        service: 'itservice:default/payments',
        start: startsAt,
        impact: 'full',
        planned: true,
        title: 'PaymentsLatency',
      });
    });

    it('counts alerts for unknown services in the source-health view and stores nothing', async () => {
      const before =
        (await sources()).find(s => s.source === 'alertmanager')?.unmatched
          .count ?? 0;
      await alertmanager.postAlerts([
        {
          labels: { alertname: 'GhostDown', itsm_service: 'ghost' },
          startsAt: new Date().toISOString(),
        },
        {
          labels: { alertname: 'NobodysAlert', job: 'unknown' },
          startsAt: new Date().toISOString(),
        },
      ]);
      const health = await eventually('two unmatched alerts', async () => {
        const found = (await sources()).find(s => s.source === 'alertmanager');
        return found && found.unmatched.count >= before + 2 ? found : undefined;
      });
      expect(health.unmatched.last).toMatch(/GhostDown|NobodysAlert/);
      expect(await outagesOf('ghost').catch(() => [])).toEqual([]);
      expect(alertmanager.log()).not.toMatch(/status code 5\d\d/);
    });

    it('answers 401 without the token and 400 for a body that is no webhook, storing nothing', async () => {
      const valid = {
        version: '4',
        groupKey: '{}:{}',
        status: 'firing',
        receiver: 'itsm',
        alerts: [
          {
            status: 'firing',
            labels: { alertname: 'X', itsm_service: 'checkout' },
            annotations: {},
            startsAt: '2026-11-01T00:00:00Z',
            endsAt: '0001-01-01T00:00:00Z',
            fingerprint: 'f00',
          },
        ],
      };
      const post = (body: unknown, authorization?: string) => {
        const req = request(backend.server)
          .post('/api/events/http/itsm.alertmanager')
          .set('content-type', 'application/json');
        return (
          authorization ? req.set('Authorization', authorization) : req
        ).send(JSON.stringify(body));
      };
      const unsigned = await post(valid);
      expect(unsigned.status).toBe(401);
      expect(unsigned.body.error.message).toBe(
        'The request has no Authorization header; the sender must send the one configured at itsm.alertmanager.webhook',
      );
      const wrong = await post(valid, 'Bearer nope');
      expect(wrong.status).toBe(401);
      expect(wrong.body.error.message).toBe(
        'The bearer token does not match itsm.alertmanager.webhook.token',
      );
      const malformed = await post(
        { ...valid, alerts: [{ ...valid.alerts[0], startsAt: 'yesterday' }] },
        `Bearer ${TOKEN}`,
      );
      expect(malformed.status).toBe(400);
      expect(malformed.body.error.message).toBe(
        'alerts[0].startsAt: must be an RFC 3339 timestamp',
      );
      const oldVersion = await post(
        { ...valid, version: '3' },
        `Bearer ${TOKEN}`,
      );
      expect(oldVersion.status).toBe(400);
      expect(oldVersion.body.error.message).toMatch(/^version: must be "4"/);
      const notJson = await request(backend.server)
        .post('/api/events/http/itsm.alertmanager')
        .set('content-type', 'application/json')
        .set('Authorization', `Bearer ${TOKEN}`)
        .send('{"version": "4", "alerts": [');
      expect(notJson.status).toBe(400);
      expect(notJson.body.error.message).toMatch(
        /^Malformed itsm.alertmanager webhook: the body is not JSON/,
      );
      const stored = await outagesOf('checkout');
      expect(stored.map(o => o.externalId)).not.toContain(
        'f00@2026-11-01T00:00:00.000Z',
      );
    });
  },
);
