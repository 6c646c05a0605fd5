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
  BackendFeature,
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import type { JsonObject } from '@backstage/types';
import emailModule from '@backstage/plugin-notifications-backend-module-email';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import notificationsPlugin from '@backstage/plugin-notifications-backend';
import catalogModuleItsm from '@backstage-itsm/plugin-catalog-backend-module-itsm';
import scoringModule from '@backstage-itsm/plugin-itsm-backend-module-sla-scoring';
import { itsmClockServiceRef } from '@backstage-itsm/plugin-itsm-node';
import { eventually, startSmtpSink } from '@backstage-itsm/tool-processes';
import { Knex } from 'knex';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { itsmPlugin } from '../plugin';

jest.setTimeout(180_000);

/*
 * The evaluator against the real catalog and notifications backends: the
 * organisation below in catalog YAML, measurements pushed over HTTP, and
 * every user's notifications read from the notifications backend.
 */
const ORG = `
apiVersion: backstage.io/v1alpha1
kind: Group
metadata: { name: shop-team }
spec: { type: team, children: [] }
---
apiVersion: backstage.io/v1alpha1
kind: Group
metadata: { name: platform-ops }
spec: { type: team, children: [] }
---
apiVersion: backstage.io/v1alpha1
kind: Group
metadata: { name: vendor-management }
spec: { type: team, children: [] }
---
apiVersion: backstage.io/v1alpha1
kind: User
metadata: { name: alice }
spec: { profile: { email: alice@example.com }, memberOf: [shop-team, platform-ops] }
---
apiVersion: backstage.io/v1alpha1
kind: User
metadata: { name: bob }
spec: { memberOf: [shop-team] }
---
apiVersion: backstage.io/v1alpha1
kind: User
metadata: { name: carol }
spec: { memberOf: [platform-ops] }
---
apiVersion: backstage.io/v1alpha1
kind: User
metadata: { name: dave }
spec: { memberOf: [] }
---
apiVersion: backstage.io/v1alpha1
kind: User
metadata: { name: erin }
spec: { memberOf: [] }
---
apiVersion: backstage.io/v1alpha1
kind: User
metadata: { name: frank }
spec: { memberOf: [vendor-management] }
---
apiVersion: itsm.backstage.io/v1alpha1
kind: Stakeholder
metadata: { name: shoppers }
spec: { type: external, roles: [customer], organization: Shoppers Ltd }
---
apiVersion: itsm.backstage.io/v1alpha1
kind: Supplier
metadata: { name: cloudco, title: CloudCo }
spec:
  category: strategic
  owner: vendor-management
  contract: { reference: C-7, start: '2025-01-01', end: '2026-12-31', noticePeriod: 90d, renewal: auto }
---
apiVersion: itsm.backstage.io/v1alpha1
kind: ITService
metadata: { name: shop, title: Shop }
spec:
  type: business
  lifecycle: live
  owner: shop-team
  customers: [shoppers]
  suppliers: [cloudco]
  agreements:
    - name: shop-sla
      type: SLA
      with: shoppers
      window: calendar-month
      notify: [user:default/dave]
      fee: { amount: 1000, currency: EUR }
      credits: { objective: p1-response, tiers: [{ below: 90, credit: 10 }] }
      objectives:
        - { name: availability, type: availability, target: 99.9 }
        - { name: p1-response, type: response, priority: P1, threshold: 1h, calendar: 24x7, target: 90 }
    - name: shop-ola
      type: OLA
      with: group:default/platform-ops
      window: calendar-month
      objectives:
        - { name: availability, type: availability, target: 99.5 }
    - name: shop-uc
      type: UC
      with: cloudco
      window: calendar-month
      objectives:
        - { name: availability, type: availability, target: 99 }
`;

const USERS = ['alice', 'bob', 'carol', 'dave', 'erin', 'frank'];
const MINUTE = 60_000;

type Notice = {
  id: string;
  kind: string;
  agreement?: string;
  objective?: string;
  subject?: string;
  state: string;
  severity: string;
  title: string;
  description: string;
  link: string;
  recipients: string[];
  delivery: string;
};

/** Who each notice reaches: its user refs, and the members of its groups. */
const MEMBERS: Record<string, string[]> = {
  'group:default/shop-team': ['alice', 'bob'],
  'group:default/platform-ops': ['alice', 'carol'],
  'group:default/vendor-management': ['frank'],
};
const reaches = (notice: Notice, user: string) =>
  notice.recipients.some(
    ref => ref === `user:default/${user}` || MEMBERS[ref]?.includes(user),
  );

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

/** One replica of a backend with the catalog, notifications and itsm plugins on these databases. */
async function startReplica(options: {
  knexes: Record<'itsm' | 'catalog' | 'notifications', Knex>;
  catalogFile: string;
  clock: { now: number };
  frequency: { seconds: number } | { hours: number };
  /** More plugins or modules, and the config of theirs. */
  features?: BackendFeature[];
  config?: JsonObject;
}) {
  const { knexes } = options;
  return startTestBackend({
    features: [
      itsmPlugin,
      scoringModule,
      catalogPlugin,
      catalogModuleItsm,
      notificationsPlugin,
      schedulerServiceFactory,
      ...(options.features ?? []),
      createServiceFactory({
        service: itsmClockServiceRef,
        deps: {},
        factory: () => ({ now: () => new Date(options.clock.now) }),
      }),
      // Each plugin its own database, as in a real backend.
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
          app: { baseUrl: 'http://localhost:3000' },
          catalog: {
            processingInterval: { seconds: 1 },
            rules: [
              {
                allow: [
                  'Group',
                  'User',
                  'Location',
                  'ITService',
                  'Stakeholder',
                  'Supplier',
                ],
              },
            ],
            locations: [{ type: 'file', target: options.catalogFile }],
          },
          itsm: {
            notifications: {
              frequency: options.frequency,
              recoveryDelay: { minutes: 10 },
              afterIngestDelay: { milliseconds: 200 },
              recipients: ['user:default/erin'],
            },
          },
          ...options.config,
        },
      }),
    ],
  });
}

type Backend = Awaited<ReturnType<typeof startTestBackend>>;

/** The catalog has read the organisation once the service is there. */
function catalogHoldsShop(server: Backend['server']) {
  return eventually(
    'the catalog to hold the service',
    async () => {
      const res = await request(server)
        .get('/api/catalog/entities/by-name/itservice/default/shop')
        .set('Authorization', mockCredentials.user.header());
      return res.status === 200 ? true : undefined;
    },
    60_000,
  );
}

function client(backend: Backend) {
  const server = backend.server;
  return {
    async push(path: string, items: unknown[]) {
      const res = await request(server)
        .post(`/api/itsm/v1${path}`)
        .set('Authorization', mockCredentials.service.header())
        .send({ items });
      expect(res.status).toBe(200);
    },
    async notices(): Promise<Notice[]> {
      const res = await request(server)
        .get('/api/itsm/v1/services/default/shop/notifications')
        .set('Authorization', mockCredentials.user.header());
      expect(res.status).toBe(200);
      return res.body.items;
    },
    /** The itsm notifications a user has in the notifications backend. */
    async inbox(user: string) {
      const res = await request(server)
        .get('/api/notifications/notifications?limit=200')
        .set(
          'Authorization',
          mockCredentials.user.header(`user:default/${user}`),
        );
      expect(res.status).toBe(200);
      return (
        res.body.notifications as Array<{
          origin: string;
          payload: {
            title: string;
            scope?: string;
            link?: string;
            topic?: string;
          };
        }>
      ).filter(n => n.origin === 'plugin:itsm');
    },
  };
}

type Client = ReturnType<typeof client>;

/**
 * Every user has exactly one notification per notice that reaches them,
 * once every notice is delivered; returns the notices.
 */
async function expectDeliveredOncePerRecipient(api: Client) {
  const notices = await eventually('every notice delivered', async () => {
    const all = await api.notices();
    return all.every(n => n.delivery === 'sent') ? all : undefined;
  });
  for (const user of USERS) {
    const inbox = await api.inbox(user);
    const expected = notices
      .filter(n => reaches(n, user))
      .map(n => `itsm-notice-${n.id}`)
      .sort();
    const got = inbox
      .filter(n => n.payload.topic === 'itservice:default/shop')
      .map(n => n.payload.scope)
      .sort();
    expect({ user, scopes: got }).toEqual({ user, scopes: expected });
    // The supplier's contract: its manager and the configured recipient.
    const contract = inbox.filter(
      n => n.payload.topic === 'supplier:default/cloudco',
    );
    expect({ user, contract: contract.map(n => n.payload.title) }).toEqual({
      user,
      contract: ['frank', 'erin'].includes(user)
        ? ['CloudCo: contract C-7 is inside its notice period']
        : [],
    });
  }
  return notices;
}

const settle = () => new Promise(r => setTimeout(r, 3_500));

describe.each(databases.eachSupportedId())(
  'notifications through the real notifications backend, on %s',
  databaseId => {
    const dir = mkdtempSync(join(tmpdir(), 'itsm-notify-'));
    const catalogFile = join(dir, 'catalog.yaml');
    writeFileSync(catalogFile, ORG);
    const clock = { now: Date.parse('2026-11-20T12:00:00Z') };
    let backend: Backend;
    let api: Client;

    beforeAll(async () => {
      backend = await startReplica({
        knexes: {
          itsm: await databases.init(databaseId),
          catalog: await databases.init(databaseId),
          notifications: await databases.init(databaseId),
        },
        catalogFile,
        clock,
        frequency: { seconds: 1 },
      });
      api = client(backend);
      await catalogHoldsShop(backend.server);
      // Coverage since the month began: availability is met, not no-data.
      await api.push('/outages', [
        {
          source: 'mon',
          externalId: 'coverage-2026-11',
          service: 'shop',
          start: '2026-11-01T00:00:00Z',
          end: '2026-11-20T11:00:00Z',
          impact: 'none',
        },
      ]);
    });

    afterAll(async () => {
      await backend?.stop();
      rmSync(dir, { recursive: true, force: true });
    });

    it('tells each recipient once per change, and nothing when nothing changed', async () => {
      // Met everywhere: nothing to tell about the service.
      await settle();
      expect(await api.notices()).toEqual([]);

      // An outage of an hour so far: the SLA (43.2 min budget) is breached,
      // every availability objective burns its budget fast.
      await api.push('/outages', [
        {
          source: 'mon',
          externalId: 'o1',
          service: 'shop',
          start: '2026-11-20T11:00:00Z',
          impact: 'full',
        },
      ]);
      const breach = await eventually('the breach notice', async () =>
        (
          await api.notices()
        ).find(n => n.kind === 'status' && n.agreement === 'shop-sla'),
      );
      expect(breach).toMatchObject({
        objective: 'availability',
        state: 'breached',
        severity: 'high',
        title: 'Shop: availability breached',
        link: '/catalog/default/itservice/shop/sla?period=2026-11',
      });
      // 60 min down in the 28,080 min from Nov 1 to Nov 20 12:00:
      // 100 × (1 − 60 / 28080) = 99.786 %.
      expect(breach.description).toBe(
        'Shop: availability 99.786 % against 99.9 % in shop-sla (SLA with stakeholder:default/shoppers), 2026-11; error budget spent.',
      );
      expect(breach.recipients.sort()).toEqual([
        'group:default/shop-team',
        'user:default/dave',
        'user:default/erin',
      ]);
      // The OLA's counterparty group and the UC's supplier manager hear of
      // theirs (one evaluation writes its changes one after the other).
      const statusOf = async (agreement: string) =>
        eventually(`the status notice of ${agreement}`, async () =>
          (await api.notices()).find(
            n => n.kind === 'status' && n.agreement === agreement,
          ),
        );
      expect((await statusOf('shop-ola')).recipients).toContain(
        'group:default/platform-ops',
      );
      expect((await statusOf('shop-uc')).recipients).toContain(
        'group:default/vendor-management',
      );
      const pageFast = await eventually('the page-fast alert', async () =>
        (
          await api.notices()
        ).find(
          n =>
            n.kind === 'burn-alert' &&
            n.agreement === 'shop-sla' &&
            n.subject === 'page-fast',
        ),
      );
      expect(pageFast).toMatchObject({ state: 'firing', severity: 'critical' });

      // A P1 open for 50 of its 60 minutes: past 75 %.
      await api.push('/incidents', [
        {
          source: 'desk',
          externalId: 'INC-1',
          service: 'shop',
          priority: 'P1',
          title: 'Checkout fails',
          openedAt: '2026-11-20T11:10:00Z',
        },
      ]);
      const at75 = await eventually('the 75 % notice', async () =>
        (await api.notices()).find(n => n.kind === 'incident-milestone'),
      );
      expect(at75).toMatchObject({
        subject: 'desk/INC-1',
        state: '75%',
        title: 'Shop: P1 incident INC-1 at 75 % of its 1h response time',
      });

      // Re-reads, re-runs and a repeated batch change nothing.
      await api.push('/outages', [
        {
          source: 'mon',
          externalId: 'o1',
          service: 'shop',
          start: '2026-11-20T11:00:00Z',
          impact: 'full',
        },
      ]);
      // (Compared by id: a delivery may complete in between.)
      const ids = async () => (await api.notices()).map(n => n.id);
      const before = await ids();
      await settle();
      expect(await ids()).toEqual(before);
      await expectDeliveredOncePerRecipient(api);

      // Ten minutes on, the incident has run past its threshold.
      clock.now += 15 * MINUTE;
      const missed = await eventually('the missed-threshold notice', async () =>
        (
          await api.notices()
        ).find(n => n.kind === 'incident-milestone' && n.state === 'breached'),
      );
      expect(missed.title).toBe(
        'Shop: P1 incident INC-1 missed its 1h response time',
      );

      // The outage was a false alarm: corrected to no impact. Better states
      // wait out the recovery delay, then one recovery notice per objective.
      await api.push('/outages', [
        {
          source: 'mon',
          externalId: 'o1',
          service: 'shop',
          start: '2026-11-20T11:00:00Z',
          end: '2026-11-20T11:01:00Z',
          impact: 'none',
        },
      ]);
      await settle();
      expect((await api.notices()).filter(n => n.kind === 'recovery')).toEqual(
        [],
      );
      clock.now += 11 * MINUTE;
      const recoveries = await eventually('the recoveries', async () => {
        const found = (await api.notices()).filter(n => n.kind === 'recovery');
        return found.length === 3 ? found : undefined;
      });
      expect(recoveries.map(n => n.agreement).sort()).toEqual([
        'shop-ola',
        'shop-sla',
        'shop-uc',
      ]);
      expect(recoveries[0].title).toBe('Shop: availability met again');

      // The incident is resolved; in December, November is final with the
      // P1 response missed: 10 % of the EUR 1,000 fee owed, told once.
      await api.push('/incidents', [
        {
          source: 'desk',
          externalId: 'INC-1',
          service: 'shop',
          priority: 'P1',
          title: 'Checkout fails',
          openedAt: '2026-11-20T11:10:00Z',
          resolvedAt: '2026-11-20T12:30:00Z',
        },
      ]);
      clock.now = Date.parse('2026-12-02T09:00:00Z');
      const credit = await eventually('the credit notice', async () =>
        (await api.notices()).find(n => n.kind === 'credit'),
      );
      expect(credit).toMatchObject({
        agreement: 'shop-sla',
        subject: '2026-11',
        title: 'Shop: €100.00 credit owed for 2026-11',
        link: '/catalog/default/itservice/shop/sla?period=2026-11',
      });
      await settle();
      const all = await expectDeliveredOncePerRecipient(api);
      // Exactly once per change: no two notices of one state.
      const changes = all.map(n =>
        [n.kind, n.agreement, n.objective, n.subject, n.state].join(' '),
      );
      expect(new Set(changes).size).toBe(changes.length);
    });
  },
);

// Replicas share one database per plugin; only PostgreSQL runs replicas.
const postgres = databases
  .eachSupportedId()
  .filter(([id]) => id === 'POSTGRES_15');
if (postgres.length > 0) {
  describe.each(postgres)('two replicas on %s', databaseId => {
    const dir = mkdtempSync(join(tmpdir(), 'itsm-notify-replicas-'));
    const catalogFile = join(dir, 'catalog.yaml');
    writeFileSync(catalogFile, ORG);
    const clock = { now: Date.parse('2026-11-20T12:00:00Z') };
    const replicas: Backend[] = [];

    beforeAll(async () => {
      const knexes = {
        itsm: await databases.init(databaseId),
        catalog: await databases.init(databaseId),
        notifications: await databases.init(databaseId),
      };
      for (let i = 0; i < 2; i++) {
        replicas.push(
          await startReplica({
            knexes,
            catalogFile,
            clock,
            frequency: { seconds: 1 },
          }),
        );
      }
      await catalogHoldsShop(replicas[0].server);
    });

    afterAll(async () => {
      for (const replica of replicas) await replica.stop();
      rmSync(dir, { recursive: true, force: true });
    });

    it('send one notification per change and recipient while both evaluate at once', async () => {
      const [a, b] = replicas.map(client);
      await a.push('/outages', [
        {
          source: 'mon',
          externalId: 'coverage-2026-11',
          service: 'shop',
          start: '2026-11-01T00:00:00Z',
          end: '2026-11-20T11:00:00Z',
          impact: 'none',
        },
      ]);
      await settle();
      // The same outage pushed to both replicas, again and again (each time
      // a new title, so each write triggers an evaluation on its replica),
      // while both run the scheduled evaluation.
      for (let round = 0; round < 5; round++) {
        const outage = {
          source: 'mon',
          externalId: 'o1',
          service: 'shop',
          start: '2026-11-20T11:00:00Z',
          impact: 'full',
          title: `Checkout down (update ${round})`,
        };
        await Promise.all([
          a.push('/outages', [outage]),
          b.push('/outages', [outage]),
        ]);
      }
      await eventually('the breach notice', async () =>
        (
          await b.notices()
        ).find(n => n.kind === 'status' && n.agreement === 'shop-sla'),
      );
      await settle();
      const notices = await expectDeliveredOncePerRecipient(a);
      const changes = notices.map(n =>
        [n.kind, n.agreement, n.objective, n.subject, n.state].join(' '),
      );
      expect(new Set(changes).size).toBe(changes.length);
      expect(changes).toContain('status shop-sla availability  breached');
      // Both replicas read the same.
      expect(await b.notices()).toEqual(notices);
    });
  });
}

describe('e-mail through the notifications e-mail module to a real SMTP server', () => {
  const dir = mkdtempSync(join(tmpdir(), 'itsm-notify-email-'));
  const catalogFile = join(dir, 'catalog.yaml');
  writeFileSync(catalogFile, ORG);
  const clock = { now: Date.parse('2026-11-20T12:00:00Z') };
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let backend: Backend;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    backend = await startReplica({
      knexes: {
        itsm: await databases.init('SQLITE_3'),
        catalog: await databases.init('SQLITE_3'),
        notifications: await databases.init('SQLITE_3'),
      },
      catalogFile,
      clock,
      frequency: { seconds: 1 },
      features: [emailModule],
      config: {
        notifications: {
          processors: {
            email: {
              transportConfig: {
                transport: 'smtp',
                hostname: smtp.host,
                port: smtp.port,
                secure: false,
              },
              sender: 'backstage@example.com',
            },
          },
        },
      },
    });
    await catalogHoldsShop(backend.server);
  });

  afterAll(async () => {
    await backend?.stop();
    await smtp?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('mails the breach to the owner group member who has an e-mail address', async () => {
    const api = client(backend);
    await api.push('/outages', [
      {
        source: 'mon',
        externalId: 'coverage-2026-11',
        service: 'shop',
        start: '2026-11-01T00:00:00Z',
        end: '2026-11-20T11:00:00Z',
        impact: 'none',
      },
      {
        source: 'mon',
        externalId: 'o1',
        service: 'shop',
        start: '2026-11-20T11:00:00Z',
        impact: 'full',
      },
    ]);
    const mail = await smtp.waitForMail(
      m => m.subject === 'Shop: availability breached',
      60_000,
    );
    // alice (shop-team) is the only user with an address.
    expect(mail.to).toEqual(['alice@example.com']);
    expect(mail.from).toBe('backstage@example.com');
    expect(mail.text).toContain(
      'Shop: availability 99.786 % against 99.9 % in shop-sla',
    );
    expect(mail.text).toContain(
      'http://localhost:3000/catalog/default/itservice/shop/sla?period=2026-11',
    );
    // One mail per notice and address, however often it is evaluated.
    await settle();
    const breaches = smtp
      .messages()
      .filter(m => m.subject === 'Shop: availability breached');
    expect(breaches).toHaveLength(1);
  });
});
