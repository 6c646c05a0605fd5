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
  mockServices,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type {
  AgreementWindow,
  ITServiceEntity,
} from '@backstage-itsm/plugin-itsm-common';
import type { ItsmObjectiveScorer } from '@backstage-itsm/plugin-itsm-node';
import { DatabaseMeasurementStore } from '../database/DatabaseMeasurementStore';
import { MeasurementStore } from '../database/MeasurementStore';
import { MeasurementAccess } from '../measurements/MeasurementAccess';
import { ServiceDirectory } from './ServiceDirectory';
import { SlaReportService } from './SlaReportService';
import { SnapshotStore } from './SnapshotStore';

jest.setTimeout(120_000);

const T0 = Date.parse('2026-11-20T12:00:00Z');
const MINUTE = 60_000;
const MAX_AGE = 5 * MINUTE;
const ref = (name: string) => `itservice:default/${name}`;

const service = (
  name: string,
  window: AgreementWindow = 'calendar-month',
  target = 90,
): ITServiceEntity => ({
  apiVersion: 'itsm.backstage.io/v1alpha1',
  kind: 'ITService',
  metadata: { name, namespace: 'default' },
  spec: {
    type: 'business',
    lifecycle: 'live',
    owner: 'group:default/ops',
    agreements: [
      {
        name: `${name}-ola`,
        type: 'OLA',
        with: 'group:default/ops',
        window,
        objectives: [{ name: 'count', type: 'x-count', target }],
      },
    ],
  },
});

/**
 * Attainment 100 minus every measurement the report read of the service;
 * counts the services it scored, so a test can tell a kept row from one
 * made again.
 */
function countingScorer(fingerprint = 'v1') {
  const scored: string[] = [];
  const scorer: ItsmObjectiveScorer = {
    objectiveType: 'x-count',
    fingerprint,
    score: ({ service: entity, measurements }) => {
      scored.push(entity.metadata.name);
      const { incidents, outages, sliEvents } = measurements;
      return {
        attainment: 100 - incidents.length - outages.length - sliEvents.length,
        met: true,
      };
    },
  };
  return { scorer, scored };
}

/** The services scored since last asked (each scored once per burn window, trend point…). */
const made = (scored: string[]) => [...new Set(scored.splice(0))].sort();

const incident = (name: string, id: string, openedAt = T0 - 3_600_000) => ({
  source: 'pager',
  externalId: id,
  service: ref(name),
  priority: 'P3' as const,
  openedAt,
});
const outage = (name: string, id: string) => ({
  source: 'mon',
  externalId: id,
  service: ref(name),
  start: T0 - 7_200_000,
  end: T0 - 7_000_000,
  impact: 'full' as const,
  planned: false,
});
const slice = (name: string, sliceStart: number, good = 99) => ({
  source: 'prom',
  service: ref(name),
  objective: 'count',
  sliceStart,
  sliceSeconds: 60,
  good,
  total: 100,
});

describe('kept portfolio rows (rule 16)', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  async function setUp(
    databaseId: TestDatabaseId,
    options: {
      services?: ITServiceEntity[];
      maxAgeMs?: number;
      fingerprint?: string;
      wrap?: (store: MeasurementStore) => MeasurementStore;
    } = {},
  ) {
    const knex = await databases.init(databaseId);
    const store = await DatabaseMeasurementStore.create({
      database: mockServices.database({ knex }),
    });
    const clock = { time: T0, now: () => new Date(clock.time) };
    const reporterOf = (
      fingerprint = options.fingerprint,
      entities = options.services ?? ['alpha', 'gamma'].map(n => service(n)),
    ) => {
      const catalog = catalogServiceMock({ entities });
      const access = new MeasurementAccess({
        store,
        catalog,
        auth: mockServices.auth(),
        permissions: mockServices.permissions(),
      });
      const { scorer, scored } = countingScorer(fingerprint);
      const scorers = new Map([['x-count', scorer]]);
      const readFrom = options.wrap ? options.wrap(store) : store;
      const reporter = new SlaReportService({
        store: readFrom,
        directory: new ServiceDirectory({ catalog, access }),
        snapshots: new SnapshotStore({ store: readFrom, scorers }),
        access,
        scorers,
        clock,
        portfolioMaxAgeMs: options.maxAgeMs ?? MAX_AGE,
      });
      return { reporter, scored };
    };
    const { reporter, scored } = reporterOf();
    /** The portfolio now: each row's attainment and evaluatedAt, by name. */
    const read = async (from = reporter) => {
      const { items } = await from.portfolio(
        {},
        mockCredentials.user(),
        clock.now(),
      );
      return Object.fromEntries(
        items.map(row => [
          row.service.split('/')[1],
          {
            attainment: row.worstObjective?.attainment,
            evaluatedAt: Date.parse(row.evaluatedAt),
          },
        ]),
      );
    };
    return { knex, store, clock, reporter, reporterOf, scored, read };
  }

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('serves a kept row until the service is written to; a replay keeps it, and other services keep theirs', async () => {
      const { knex, store, clock, scored, read } = await setUp(databaseId);
      await store.upsertIncidents([incident('alpha', 'A-1')]);
      expect(await read()).toEqual({
        alpha: { attainment: 99, evaluatedAt: T0 },
        gamma: { attainment: 100, evaluatedAt: T0 },
      });
      expect(made(scored)).toEqual(['alpha', 'gamma']);

      clock.time = T0 + MINUTE;
      expect(await read()).toEqual({
        alpha: { attainment: 99, evaluatedAt: T0 },
        gamma: { attainment: 100, evaluatedAt: T0 },
      });
      expect(made(scored)).toEqual([]);

      // A replay changes no row.
      await store.upsertIncidents([incident('alpha', 'A-1')]);
      expect((await read()).alpha.evaluatedAt).toBe(T0);
      expect(made(scored)).toEqual([]);

      clock.time = T0 + 2 * MINUTE;
      await store.upsertIncidents([incident('alpha', 'A-2')]);
      expect(await read()).toEqual({
        alpha: { attainment: 98, evaluatedAt: T0 + 2 * MINUTE },
        gamma: { attainment: 100, evaluatedAt: T0 },
      });
      expect(made(scored)).toEqual(['alpha']);
      await knex.destroy();
    });

    // Each write that changes a service's measurements; what it makes again.
    const writes: Array<
      [string, (store: MeasurementStore) => Promise<unknown>, string[]]
    > = [
      [
        'a new incident',
        s => s.upsertIncidents([incident('alpha', 'A-9')]),
        ['alpha'],
      ],
      [
        'an updated incident',
        s => s.upsertIncidents([incident('alpha', 'A-1', T0 - 60_000)]),
        ['alpha'],
      ],
      [
        'an incident moved to another service',
        s =>
          s.upsertIncidents([incident('gamma', 'A-1')], {
            moves: [
              { service: ref('alpha'), source: 'pager', externalId: 'A-1' },
            ],
          }),
        ['alpha', 'gamma'],
      ],
      [
        'a deleted incident',
        s =>
          s.deleteIncidents([
            { service: ref('alpha'), source: 'pager', externalId: 'A-1' },
          ]),
        ['alpha'],
      ],
      [
        'a new outage',
        s => s.upsertOutages([outage('gamma', 'O-9')]),
        ['gamma'],
      ],
      [
        'a deleted outage',
        s =>
          s.deleteOutages([
            { service: ref('gamma'), source: 'mon', externalId: 'O-1' },
          ]),
        ['gamma'],
      ],
      [
        'an updated SLI slice',
        s => s.upsertSliEvents([slice('alpha', T0 - 10 * MINUTE, 50)]),
        ['alpha'],
      ],
      [
        'a deleted SLI slice',
        s =>
          s.deleteSliEvent({
            source: 'prom',
            service: ref('alpha'),
            objective: 'count',
            sliceStart: T0 - 10 * MINUTE,
          }),
        ['alpha'],
      ],
      [
        "retention's deletion of old slices",
        s => s.deleteSliEventsBefore(T0 - 40 * 86_400_000 + 15 * MINUTE),
        ['gamma'],
      ],
      [
        'the pruning of a service the catalog lost',
        s =>
          s.reconcileServices({
            existing: new Set([ref('alpha')]),
            now: T0,
            gracePeriodMs: 0,
          }),
        ['gamma'],
      ],
    ];

    it.each(writes)(
      'makes the row again after %s, and only the services it changed',
      async (_name, write, remade) => {
        const { knex, store, clock, scored, read } = await setUp(databaseId);
        await store.upsertIncidents([incident('alpha', 'A-1')]);
        await store.upsertOutages([outage('gamma', 'O-1')]);
        await store.upsertSliEvents([
          slice('alpha', T0 - 10 * MINUTE),
          slice('gamma', T0 - 40 * 86_400_000),
        ]);
        await read();
        made(scored);

        clock.time = T0 + MINUTE;
        await write(store);
        const rows = await read();
        expect(made(scored)).toEqual(remade);
        for (const name of ['alpha', 'gamma']) {
          expect(rows[name].evaluatedAt).toBe(
            remade.includes(name) ? T0 + MINUTE : T0,
          );
        }
        await knex.destroy();
      },
    );

    it('makes a row again for a changed spec or scoring configuration', async () => {
      const { knex, clock, reporterOf, scored, read } = await setUp(databaseId);
      await read();
      made(scored);
      clock.time = T0 + MINUTE;
      // A scorer with other settings.
      const rescored = reporterOf('v2');
      expect((await read(rescored.reporter)).alpha.evaluatedAt).toBe(
        T0 + MINUTE,
      );
      expect(made(rescored.scored)).toEqual(['alpha', 'gamma']);
      // alpha's agreement with another target.
      clock.time = T0 + 2 * MINUTE;
      const edited = reporterOf('v2', [
        service('alpha', 'calendar-month', 95),
        service('gamma'),
      ]);
      const rows = await read(edited.reporter);
      expect(made(edited.scored)).toEqual(['alpha']);
      expect(rows.gamma.evaluatedAt).toBe(T0 + MINUTE);
      await knex.destroy();
    });

    it('makes a row again once older than maxAge, and serves it at exactly maxAge', async () => {
      const { knex, clock, scored, read } = await setUp(databaseId);
      await read();
      made(scored);
      clock.time = T0 + MAX_AGE;
      expect((await read()).alpha.evaluatedAt).toBe(T0);
      expect(made(scored)).toEqual([]);
      clock.time = T0 + MAX_AGE + 1;
      expect((await read()).alpha.evaluatedAt).toBe(T0 + MAX_AGE + 1);
      expect(made(scored)).toEqual(['alpha', 'gamma']);
      await knex.destroy();
    });

    it("never serves last period's row as the current one; a rolling window's row stays", async () => {
      const { knex, clock, scored, read } = await setUp(databaseId, {
        services: [service('alpha'), service('gamma', 'rolling-30d')],
      });
      clock.time = Date.parse('2026-11-30T23:58:00Z');
      await read();
      made(scored);
      clock.time = Date.parse('2026-12-01T00:01:00Z');
      await read();
      expect(made(scored)).toEqual(['alpha']);
      await knex.destroy();
    });

    it('makes a row of an older figures format again, and keeps its evaluatedAt once', async () => {
      const { knex, clock, scored, read } = await setUp(databaseId);
      await read();
      made(scored);
      const [kept] = await knex('itsm_portfolio_rows')
        .where('service_ref', ref('alpha'))
        .select('figures', 'evaluated_at');
      const { format, figures } = JSON.parse(kept.figures);
      expect(figures).not.toHaveProperty('evaluatedAt');
      expect(Number(kept.evaluated_at)).toBe(T0);
      await knex('itsm_portfolio_rows')
        .where('service_ref', ref('alpha'))
        .update({ figures: JSON.stringify({ format: format - 1, figures }) });
      clock.time = T0 + MINUTE;
      expect((await read()).alpha.evaluatedAt).toBe(T0 + MINUTE);
      expect(made(scored)).toEqual(['alpha']);
      await knex.destroy();
    });

    it('keeps no row with maxAge 0', async () => {
      const { knex, clock, scored, read } = await setUp(databaseId, {
        maxAgeMs: 0,
      });
      await read();
      expect(made(scored)).toEqual(['alpha', 'gamma']);
      clock.time = T0 + 1;
      await read();
      expect(made(scored)).toEqual(['alpha', 'gamma']);
      const [{ n }] = await knex('itsm_portfolio_rows').count('* as n');
      expect(Number(n)).toBe(0);
      await knex.destroy();
    });

    it('serves no row made from measurements a write changed while it was being made', async () => {
      let raced = false;
      const { knex, store, scored, read } = await setUp(databaseId, {
        // The write lands after the generations are read and before the
        // measurements are: the row is made from the new measurements, or
        // the old ones, but never served after.
        wrap: inner =>
          new Proxy(inner, {
            get(target, key) {
              const value = Reflect.get(target, key);
              if (key !== 'loadMeasurementsOfServices') {
                return typeof value === 'function' ? value.bind(target) : value;
              }
              return async (options: any) => {
                if (!raced) {
                  raced = true;
                  await target.upsertIncidents([incident('alpha', 'RACE')]);
                }
                return target.loadMeasurementsOfServices(options);
              };
            },
          }),
      });
      await read();
      expect(raced).toBe(true);
      made(scored);
      // Same instant: only the generation can tell the row is stale.
      expect((await read()).alpha.attainment).toBe(99);
      expect(made(scored)).toEqual(['alpha']);
      await store.upsertIncidents([incident('alpha', 'RACE')]);
      await read();
      expect(made(scored)).toEqual([]);
      await knex.destroy();
    });

    it('serves the rows the scheduled evaluation keeps', async () => {
      const { knex, clock, reporter, scored, read } = await setUp(databaseId);
      const services = ['alpha', 'gamma'].map(n => service(n));
      for await (const scoredReport of reporter.reportsOf(
        services,
        { kind: 'current' },
        mockCredentials.service(),
        clock.now(),
      )) {
        expect('report' in scoredReport).toBe(true);
      }
      made(scored);
      clock.time = T0 + MINUTE;
      expect(await read()).toEqual({
        alpha: { attainment: 100, evaluatedAt: T0 },
        gamma: { attainment: 100, evaluatedAt: T0 },
      });
      expect(scored).toEqual([]);
      await knex.destroy();
    });
  });
});
