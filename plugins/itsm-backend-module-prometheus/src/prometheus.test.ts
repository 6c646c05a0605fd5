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
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
// The real itsm backend is what this module's intake is tested against.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import itsmPlugin from '@backstage-itsm/plugin-itsm-backend';
import scoringModule from '@backstage-itsm/plugin-itsm-backend-module-sla-scoring';
import request from 'supertest';
import { itsmModulePrometheus as prometheusModule } from './module';
import {
  eventually,
  freePort,
  startExporter,
  startPrometheus,
} from '@backstage-itsm/tool-processes';

jest.setTimeout(180_000);

const METRIC = 'itsm_test_requests_total';
const OK = 'code="200"';
const FAILED = 'code="500"';
const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

const itService = (name: string, prometheus: Record<string, string>) => ({
  apiVersion: 'itsm.backstage.io/v1alpha1',
  kind: 'ITService',
  metadata: { name, namespace: 'default' },
  spec: {
    type: 'business',
    lifecycle: 'live',
    owner: 'group:default/sre',
    customers: ['stakeholder:default/shoppers'],
    agreements: [
      {
        name: `${name}-sla`,
        type: 'SLA',
        with: 'stakeholder:default/shoppers',
        window: 'calendar-month',
        objectives: [
          {
            name: 'request-success',
            type: 'sli',
            indicator: 'request-success',
            target: 99,
            prometheus,
          },
        ],
      },
    ],
  },
});

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

describe.each(databases.eachSupportedId())(
  'SLIs from a real Prometheus, on %s',
  databaseId => {
    let exporter: Awaited<ReturnType<typeof startExporter>>;
    let prometheus: Awaited<ReturnType<typeof startPrometheus>>;
    let backend: Awaited<ReturnType<typeof startTestBackend>> | undefined;
    /** What the exporter served and Prometheus scraped, by counter. */
    const served = { total: 0, failed: 0 };

    /** Adds events, then waits for a scrape to have seen them. */
    async function serve(ok: number, failed: number) {
      exporter.set(METRIC, OK, exporter.get(METRIC, OK) + ok);
      exporter.set(METRIC, FAILED, exporter.get(METRIC, FAILED) + failed);
      served.total += ok + failed;
      served.failed += failed;
      await sleep(1_500);
    }

    beforeAll(async () => {
      exporter = await startExporter();
      exporter.set(METRIC, OK, 0);
      exporter.set(METRIC, FAILED, 0);
      prometheus = await startPrometheus({ targets: [exporter.address] });
      await eventually('the first scrape', async () =>
        (await prometheus.query('itsm_test_requests_total')).length === 2
          ? true
          : undefined,
      );
    });

    afterAll(async () => {
      await backend?.stop();
      await prometheus?.stop();
      await exporter?.stop();
    });

    it('stores exact counts per slice, back-fills, survives a counter reset, never double counts, and reports failing sources', async () => {
      // Events before the backend starts: the first run back-fills them.
      await serve(40, 2);
      await serve(13, 0);

      const knexes = {
        itsm: await databases.init(databaseId),
      };
      const closedPort = await freePort();
      backend = await startTestBackend({
        features: [
          itsmPlugin,
          scoringModule,
          prometheusModule,
          // The real scheduler: the test backend's mock runs no schedules.
          schedulerServiceFactory,
          catalogServiceMock.factory({
            entities: [
              itService('checkout', {
                errors: `itsm_test_requests_total{${FAILED}}`,
                total: 'itsm_test_requests_total',
              }),
              itService('ghost', {
                good: 'itsm_nothing_total',
                total: 'itsm_nothing_total',
              }),
            ],
          }),
          createServiceFactory({
            service: coreServices.database,
            deps: {},
            factory: () => mockServices.database({ knex: knexes.itsm }),
          }),
          mockServices.rootConfig.factory({
            data: {
              itsm: {
                prometheus: {
                  servers: {
                    default: { baseUrl: prometheus.url },
                    down: { baseUrl: `http://127.0.0.1:${closedPort}` },
                  },
                  slice: { seconds: 5 },
                  delay: { seconds: 3 },
                  // The default: a week of 6-hour queries before the data.
                  backfill: { days: 7 },
                  schedule: {
                    frequency: { seconds: 2 },
                    timeout: { seconds: 30 },
                    initialDelay: { seconds: 1 },
                  },
                  mappings: [
                    // Not in the catalog: fails alone.
                    {
                      service: 'itservice:default/not-in-catalog',
                      objective: 'request-success',
                      errors: `${METRIC}{${FAILED}}`,
                      total: METRIC,
                    },
                    {
                      service: 'search',
                      objective: 'request-success',
                      server: 'down',
                      good: 'x_total',
                      total: 'y_total',
                    },
                  ],
                },
              },
            },
          }),
        ],
      });
      const server = backend.server;
      const get = (path: string, query: Record<string, string> = {}) =>
        request(server)
          .get(`/api/itsm/v1${path}`)
          .query(query)
          .set('Authorization', mockCredentials.service.header());
      const storedSlices = async () => {
        const items: Array<Record<string, any>> = [];
        let cursor: string | undefined;
        do {
          const res = await get('/sli-events', {
            service: 'itservice:default/checkout',
            limit: '1000',
            ...(cursor ? { cursor } : {}),
          });
          expect(res.status).toBe(200);
          items.push(...res.body.items);
          cursor = res.body.nextCursor;
        } while (cursor);
        return items;
      };
      const sums = (items: Array<Record<string, any>>) => ({
        total: items.reduce((s, e) => s + e.total, 0),
        failed: items.reduce((s, e) => s + e.total - e.good, 0),
      });

      await serve(25, 1);
      // A counter reset: the exporter restarts from zero.
      exporter.set(METRIC, OK, 0);
      exporter.set(METRIC, FAILED, 0);
      await sleep(1_500);
      await serve(9, 3);
      await serve(30, 0);

      const expected = { ...served };
      let got: unknown;
      const slices = await eventually(
        () =>
          `slices adding up to ${JSON.stringify(
            expected,
          )} (stored: ${JSON.stringify(got)})`,
        async () => {
          const items = await storedSlices();
          got = { ...sums(items), health: (await get('/sources')).body };
          return sums(items).total === expected.total ? items : undefined;
        },
        60_000,
      );
      expect(sums(slices)).toEqual(expected);
      for (const slice of slices) {
        expect(slice).toMatchObject({
          source: 'prometheus',
          objective: 'request-success',
          sliceSeconds: 5,
        });
        expect(Date.parse(slice.sliceStart) % 5000).toBe(0);
        expect(slice.good).toBeLessThanOrEqual(slice.total);
      }
      const keys = slices.map(s => s.sliceStart);
      expect(new Set(keys).size).toBe(keys.length);

      // More runs over the same samples change nothing.
      await sleep(6_000);
      expect(sums(await storedSlices())).toEqual(expected);

      const report = await get('/services/default/checkout/sla');
      expect(report.status).toBe(200);
      const objective = report.body.agreements[0].objectives[0];
      expect(objective.name).toBe('request-success');
      expect(objective.attainment).toBeCloseTo(
        ((expected.total - expected.failed) / expected.total) * 100,
        9,
      );
      // The month is open: the events so far, projected to its end.
      expect(objective.budget).toMatchObject({
        unit: 'events',
        spent: expected.failed,
      });

      const health = await get('/services/default/checkout/sources');
      expect(health.body.items).toEqual([
        expect.objectContaining({
          source: 'prometheus',
          status: 'ok',
          lastStored: { sliEvents: expect.any(String) },
        }),
      ]);
      const ghost = await eventually('the ghost service to fail', async () => {
        const res = await get('/services/default/ghost/sources');
        return res.body.items?.[0];
      });
      expect(ghost).toMatchObject({ source: 'prometheus', status: 'failing' });
      expect(ghost.lastFailure).toMatch(
        /^request-success: "itsm_nothing_total" matched no series on Prometheus server "default"/,
      );
      const summary = (await get('/sources')).body.items.find(
        (s: any) => s.source === 'prometheus',
      );
      // checkout ok; ghost, search (server down) and not-in-catalog fail.
      expect(summary).toMatchObject({ status: 'ok', failingServices: 3 });
      const notInCatalog = await get(
        '/services/default/not-in-catalog/sources',
      );
      expect(notInCatalog.status).toBe(404);
      const ghostEvents = await get('/sli-events', {
        service: 'itservice:default/ghost',
      });
      expect(ghostEvents.body.items).toEqual([]);
    });
  },
);
