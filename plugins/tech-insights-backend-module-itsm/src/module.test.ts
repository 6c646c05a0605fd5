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

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  coreServices,
  createBackendModule,
  createServiceFactory,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import techInsightsPlugin from '@backstage-community/plugin-tech-insights-backend';
import jsonfcModule from '@backstage-community/plugin-tech-insights-backend-module-jsonfc';
// The real itsm backend is what the facts are read from.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import itsmPlugin from '@backstage-itsm/plugin-itsm-backend';
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import scoringModule from '@backstage-itsm/plugin-itsm-backend-module-sla-scoring';
import { itsmFixedClockServiceFactory } from '@backstage-itsm/plugin-itsm-node';
import request from 'supertest';
import { parse } from 'yaml';
import { ITSM_SERVICE_FACT_RETRIEVER_ID, itsmServiceFactSchema } from './facts';
import { techInsightsModuleItsm } from './module';

jest.setTimeout(120_000);

/** The itsm clock: November 2026 (UTC, 30 days), 10 whole days gone. */
const NOW = '2026-11-11T00:00:00Z';

/**
 * The configuration the README shows (its `techInsights:` YAML blocks: the
 * retriever's schedule and the example checks), used as it is.
 */
function readmeConfig() {
  const readme = readFileSync(resolve(__dirname, '../README.md'), 'utf8');
  const blocks = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)]
    .map(([, text]) => parse(text))
    .filter(block => block?.techInsights);
  if (blocks.length !== 2) {
    throw new Error(`README: ${blocks.length} techInsights blocks, not 2`);
  }
  return {
    techInsights: Object.assign({}, ...blocks.map(b => b.techInsights)),
  };
}

const itService = (name: string, spec: Record<string, unknown>): Entity => ({
  apiVersion: 'itsm.backstage.io/v1alpha1',
  kind: 'ITService',
  metadata: { name, namespace: 'default' },
  spec: { owner: 'group:default/digital-channels', ...spec },
});

const entities: Entity[] = [
  {
    apiVersion: 'itsm.backstage.io/v1alpha1',
    kind: 'Stakeholder',
    metadata: { name: 'retail-customers', namespace: 'default' },
    spec: { type: 'external', roles: ['customer'], organization: 'Retail' },
  },
  // A live business service with an SLA (availability 99.9 %, credits) and
  // an OLA (availability 99.5 %), both monthly, 24x7, UTC.
  itService('online-banking', {
    type: 'business',
    lifecycle: 'live',
    customers: ['retail-customers'],
    agreements: [
      {
        name: 'retail-sla',
        type: 'SLA',
        with: 'stakeholder:default/retail-customers',
        window: 'calendar-month',
        objectives: [
          { name: 'availability', type: 'availability', target: 99.9 },
        ],
        fee: { amount: 10000, currency: 'EUR' },
        credits: {
          tiers: [
            { below: 99.9, credit: 5 },
            { below: 99.5, credit: 10 },
          ],
        },
      },
      {
        name: 'ops-ola',
        type: 'OLA',
        with: 'group:default/ops',
        window: 'calendar-month',
        objectives: [
          { name: 'availability', type: 'availability', target: 99.5 },
        ],
      },
    ],
  }),
  // A live business service without agreements: fails "has an SLA".
  itService('branch-kiosk', { type: 'business', lifecycle: 'live' }),
  // A technical one without agreements: the implication holds.
  itService('internal-dns', { type: 'technical', lifecycle: 'live' }),
];

/**
 * A module of the tech-insights plugin that hands out the plugin's
 * scheduler, so the test runs the retriever when the data is in.
 */
function schedulerCapture() {
  let scheduler: SchedulerService | undefined;
  const feature = createBackendModule({
    pluginId: 'tech-insights',
    moduleId: 'test-scheduler',
    register(reg) {
      reg.registerInit({
        deps: { s: coreServices.scheduler },
        async init({ s }) {
          scheduler = s;
        },
      });
    },
  });
  return { feature, scheduler: () => scheduler! };
}

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

describe.each(databases.eachSupportedId())(
  'ITSM facts in the real Tech Insights backend, on %s',
  databaseId => {
    let backend: Awaited<ReturnType<typeof startTestBackend>>;
    const auth = mockCredentials.user.header();

    beforeAll(async () => {
      // Each plugin its own database, as in a real backend.
      const knexes: Record<string, any> = {
        itsm: await databases.init(databaseId),
        'tech-insights': await databases.init(databaseId),
      };
      const capture = schedulerCapture();
      backend = await startTestBackend({
        features: [
          itsmPlugin,
          scoringModule,
          techInsightsPlugin,
          jsonfcModule,
          techInsightsModuleItsm,
          capture.feature,
          catalogServiceMock.factory({ entities }),
          createServiceFactory({
            service: coreServices.database,
            deps: { plugin: coreServices.pluginMetadata },
            factory: ({ plugin }) => {
              const knex = knexes[plugin.getId()];
              if (!knex) throw new Error(`No database for ${plugin.getId()}`);
              return mockServices.database({ knex });
            },
          }),
          itsmFixedClockServiceFactory(NOW),
          mockServices.rootConfig.factory({ data: readmeConfig() }),
          // Nothing runs at start-up: the retriever runs below, after the
          // outage is in.
          mockServices.scheduler.factory({ skipTaskRunOnStartup: true }),
        ],
      });

      // One hour down on Nov 2, 10:00–11:00 UTC: 60 minutes, unplanned;
      // and two hours on Oct 5, which closed October with a credit.
      const pushed = await request(backend.server)
        .post('/api/itsm/v1/outages')
        .set('Authorization', mockCredentials.service.header())
        .send({
          items: [
            {
              source: 'monitoring',
              externalId: 'out-1',
              service: 'online-banking',
              start: '2026-11-02T10:00:00Z',
              end: '2026-11-02T11:00:00Z',
              impact: 'full',
            },
            {
              source: 'monitoring',
              externalId: 'out-0',
              service: 'online-banking',
              start: '2026-10-05T10:00:00Z',
              end: '2026-10-05T12:00:00Z',
              impact: 'full',
            },
          ],
        });
      if (pushed.status !== 200) {
        throw new Error(
          `pushing the outage answered ${pushed.status}: ${pushed.text}`,
        );
      }

      // The tech-insights backend's own task, as its cadence would run it.
      await capture.scheduler().triggerTask(ITSM_SERVICE_FACT_RETRIEVER_ID);
    });

    afterAll(async () => {
      await backend?.stop();
    });

    const latestFacts = async (name: string) => {
      const res = await request(backend.server)
        .get('/api/tech-insights/facts/latest')
        .query({
          entity: `itservice:default/${name}`,
          ids: ITSM_SERVICE_FACT_RETRIEVER_ID,
        })
        .set('Authorization', auth);
      expect(res.status).toBe(200);
      return res.body[ITSM_SERVICE_FACT_RETRIEVER_ID];
    };

    const runChecks = async (name: string) => {
      const res = await request(backend.server)
        .post(`/api/tech-insights/checks/run/default/ITService/${name}`)
        .set('Authorization', auth)
        .send({});
      expect(res.status).toBe(200);
      return Object.fromEntries(
        res.body.map((r: { check: { id: string }; result: boolean }) => [
          r.check.id,
          r.result,
        ]),
      );
    };

    it('publishes the schema of the facts', async () => {
      const res = await request(backend.server)
        .get('/api/tech-insights/fact-schemas')
        .set('Authorization', auth);
      expect(res.status).toBe(200);
      const schema = res.body.find(
        (s: { id: string }) => s.id === ITSM_SERVICE_FACT_RETRIEVER_ID,
      );
      // The schema's facts, each with its description, next to the id.
      expect(schema).toEqual({
        id: ITSM_SERVICE_FACT_RETRIEVER_ID,
        version: '0.1.0',
        entityFilter: [{ kind: 'ITService' }],
        ...itsmServiceFactSchema,
      });
      expect(Object.keys(itsmServiceFactSchema).sort()).toEqual([
        'attainment',
        'breachedSlas',
        'creditPercent',
        'creditsOwedLastMonth',
        'errorBudgetLeftPercent',
        'hasAgreement',
        'lifecycle',
        'serviceType',
        'slaStatus',
      ]);
    });

    it('stores the facts of a service whose SLA the outage breached', async () => {
      // November has 30 × 1,440 = 43,200 minutes; at Nov 11 00:00 UTC
      // 10 days = 14,400 minutes have gone, 60 of them down.
      // - attainment (both objectives): 100 × (14,400 − 60) ÷ 14,400
      //   = 99.58333… %
      // - retail-sla (99.9 %): budget 0.1 % × 43,200 = 43.2 minutes, 60
      //   spent > 43.2: the month can no longer be met, breached;
      //   left 100 × (43.2 − 60) ÷ 43.2 = −38.888… %
      // - ops-ola (99.5 %): budget 0.5 % × 43,200 = 216 minutes, 156 left
      //   = 72.22… %; 99.583 ≥ 99.5, forecast 60 × 3 = 180 ≤ 216: met
      // - errorBudgetLeftPercent: the lower, −38.888… %
      // - credit: 99.583 < 99.9 but not < 99.5: the 5 % tier (projected:
      //   the month is open, so nothing is owed)
      const facts = await latestFacts('online-banking');
      expect(facts).toEqual({
        id: ITSM_SERVICE_FACT_RETRIEVER_ID,
        entity: {
          namespace: 'default',
          kind: 'itservice',
          name: 'online-banking',
        },
        timestamp: expect.any(String),
        version: '0.1.0',
        facts: {
          slaStatus: 'breached',
          hasAgreement: true,
          lifecycle: 'live',
          serviceType: 'business',
          attainment: {
            'retail-sla/availability': (100 * (14_400 - 60)) / 14_400,
            'ops-ola/availability': (100 * (14_400 - 60)) / 14_400,
          },
          errorBudgetLeftPercent: (100 * (43.2 - 60)) / 43.2,
          creditPercent: 5,
          // October: 31 × 1,440 = 44,640 minutes, 120 down:
          // 100 × (44,640 − 120) ÷ 44,640 = 99.731 % < 99.9: 5 % owed.
          creditsOwedLastMonth: true,
          breachedSlas: 1,
        },
      });
      // An explicit timestamp, also on SQLite: the time of the run.
      expect(Date.parse(facts.timestamp)).toBeGreaterThan(
        Date.now() - 10 * 60_000,
      );
    });

    it('stores the facts of services without agreements', async () => {
      const empty = {
        slaStatus: 'no-data',
        hasAgreement: false,
        lifecycle: 'live',
        attainment: {},
        creditPercent: 0,
        creditsOwedLastMonth: false,
        breachedSlas: 0,
      };
      expect((await latestFacts('branch-kiosk')).facts).toEqual({
        ...empty,
        serviceType: 'business',
      });
      expect((await latestFacts('internal-dns')).facts).toEqual({
        ...empty,
        serviceType: 'technical',
      });
    });

    it('runs the README checks on the facts', async () => {
      expect(await runChecks('online-banking')).toEqual({
        itsmLiveBusinessServiceHasSla: true,
        itsmNoBreachedSla: false,
        itsmErrorBudgetLeft: false,
      });
      // No error budget: that check is skipped, not failed.
      expect(await runChecks('branch-kiosk')).toEqual({
        itsmLiveBusinessServiceHasSla: false,
        itsmNoBreachedSla: true,
      });
      expect(await runChecks('internal-dns')).toEqual({
        itsmLiveBusinessServiceHasSla: true,
        itsmNoBreachedSla: true,
      });
    });
  },
);
