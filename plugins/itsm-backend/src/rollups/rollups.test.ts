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

// Rule 15: reports read quarter-hour rollups for closed quarter hours, and
// every figure stays what the raw slices give. Random streams of SLI writes,
// replays, updates and deletes, on SQLite and PostgreSQL.

import {
  mockServices,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import {
  ITSM_API_VERSION,
  ITSM_KIND_IT_SERVICE,
  ITServiceEntity,
} from '@backstage-itsm/plugin-itsm-common';
import { sliScorer } from '@backstage-itsm/plugin-itsm-backend-module-sla-scoring';
import type { SliEventRecord } from '@backstage-itsm/plugin-itsm-node';
import fc from 'fast-check';
import { DatabaseMeasurementStore } from '../database/DatabaseMeasurementStore';
import { scoringMeasurements } from '../measurements/records';
import {
  buildServiceReport,
  ReportPeriod,
} from '../reports/buildServiceReport';
import { measurementWindow } from '../reports/SlaReportService';
import { SLI_BUCKET_MS } from './readPlan';
import { DEFAULT_SLI_HORIZON_MS, sliKeptFrom } from './retention';

jest.setTimeout(600_000);

const MINUTE = 60_000;
const DAY = 86_400_000;
// The streams cover 2026-10-20 to 2026-12-05; reports are read between
// November 2 and December 4.
const FIRST = Date.UTC(2026, 9, 20);
const QUARTERS = (46 * DAY) / SLI_BUCKET_MS;
const scorers = new Map([['sli', sliScorer]]);

function serviceEntity(name: string, timezone: string): ITServiceEntity {
  const objectives = [
    {
      name: 'checkout',
      type: 'sli' as const,
      indicator: 'checkout-success',
      target: 99,
    },
    { name: 'latency', type: 'sli' as const, indicator: 'latency', target: 95 },
  ];
  return {
    apiVersion: ITSM_API_VERSION,
    kind: ITSM_KIND_IT_SERVICE,
    metadata: { name, namespace: 'default' },
    spec: {
      type: 'business',
      lifecycle: 'live',
      owner: 'group:default/payments-team',
      serviceHours: {
        timezone,
        intervals: [
          {
            days: ['mon', 'tue', 'wed', 'thu', 'fri'],
            start: '08:00',
            end: '17:00',
          },
        ],
      },
      agreements: (
        ['calendar-month', 'rolling-30d', 'calendar-quarter'] as const
      ).map(window => ({
        name: `sla-${window}`,
        type: 'OLA' as const,
        with: 'group:default/payments-team',
        window,
        objectives,
      })),
    },
  } as ITServiceEntity;
}

type Slice = Omit<SliEventRecord, 'service'>;

const countsArb = fc
  .record({
    total: fc.integer({ min: 0, max: 1000 }),
    share: fc.integer({ min: 0, max: 100 }),
  })
  .map(({ total, share }) => ({
    total,
    good: Math.floor((total * share) / 100),
  }));

const keyArb = fc.record({
  source: fc.constantFrom('prometheus', 'synthetics'),
  objective: fc.constantFrom('checkout-success', 'latency'),
});

// Series of consecutive slices, as a source sends them: most one minute
// long, some longer than a quarter hour, some starting off the minute;
// anywhere, or around the instants where reading changes (a rolling
// period's start, where raw reading begins, the look-backs, now).
const seriesArb = (anchors: number[]) =>
  fc
    .record({
      key: keyArb,
      start: fc.oneof(
        fc
          .integer({ min: 0, max: QUARTERS - 1 })
          .map(quarter => FIRST + quarter * SLI_BUCKET_MS),
        fc
          .record({
            anchor: fc.constantFrom(...anchors),
            minutes: fc.integer({ min: -90, max: 30 }),
          })
          .map(({ anchor, minutes }) => anchor + minutes * MINUTE),
      ),
      offsetSeconds: fc.constantFrom(0, 0, 0, 30, 419),
      sliceSeconds: fc.constantFrom(60, 60, 60, 300, 900, 3600, 21_600),
      count: fc.integer({ min: 1, max: 60 }),
      counts: fc.array(countsArb, { minLength: 60, maxLength: 60 }),
    })
    .map(s =>
      Array.from(
        { length: s.count },
        (_, i): Slice => ({
          ...s.key,
          sliceStart: Math.max(
            0,
            s.start + s.offsetSeconds * 1000 + i * s.sliceSeconds * 1000,
          ),
          sliceSeconds: s.sliceSeconds,
          ...s.counts[i],
        }),
      ),
    );

type Op =
  | { kind: 'write'; slices: Slice[] }
  | { kind: 'replay'; index: number }
  | { kind: 'update'; index: number; counts: { good: number; total: number } }
  | { kind: 'delete'; index: number };

const opsArb = (anchors: number[]): fc.Arbitrary<Op[]> =>
  fc.array(
    fc.oneof(
      {
        weight: 5,
        arbitrary: fc
          .array(seriesArb(anchors), { minLength: 1, maxLength: 3 })
          .map(s => ({ kind: 'write' as const, slices: s.flat() })),
      },
      {
        weight: 1,
        arbitrary: fc.nat().map(index => ({ kind: 'replay' as const, index })),
      },
      {
        weight: 2,
        arbitrary: fc
          .record({ index: fc.nat(), counts: countsArb })
          .map(u => ({ kind: 'update' as const, ...u })),
      },
      {
        weight: 2,
        arbitrary: fc.nat().map(index => ({ kind: 'delete' as const, index })),
      },
    ),
    { minLength: 1, maxLength: 8 },
  );

const keyOf = (s: Slice) => `${s.source}/${s.objective}/${s.sliceStart}`;

// One write per key and batch, the last one: as the API would refuse the
// batch otherwise.
function distinct(slices: Slice[]): Slice[] {
  return [...new Map(slices.map(s => [keyOf(s), s])).values()];
}

describe('SLI rollups (rule 15)', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  async function createStore(databaseId: TestDatabaseId) {
    const knex = await databases.init(databaseId);
    const store = await DatabaseMeasurementStore.create({
      database: mockServices.database({ knex }),
    });
    return { knex, store };
  }

  it.each(databases.eachSupportedId())(
    'give every report figure the raw slices give, under replays, updates, deletes and late data, on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      let run = 0;
      let rolledUp = 0;
      await fc.assert(
        fc.asyncProperty(
          fc
            .record({
              timezone: fc.constantFrom(
                'UTC',
                'Asia/Kolkata',
                'Asia/Kathmandu',
                'America/Los_Angeles',
              ),
              now: fc
                .record({
                  quarter: fc.integer({ min: 0, max: 32 * 24 * 4 - 1 }),
                  offset: fc.integer({ min: 0, max: SLI_BUCKET_MS - 1 }),
                })
                .map(
                  n =>
                    Date.UTC(2026, 10, 2) +
                    n.quarter * SLI_BUCKET_MS +
                    n.offset,
                ),
            })
            .chain(({ timezone, now }) => {
              const entity = serviceEntity('anchors', timezone);
              const { sli } = measurementWindow(
                entity,
                { kind: 'current' },
                new Date(now),
              );
              const anchors = [
                now,
                now - 30 * DAY,
                sli.rawFrom,
                now - 3 * DAY,
                ...sli.cuts,
              ];
              return fc.tuple(
                opsArb(anchors),
                fc.constant(timezone),
                fc.constant(now),
              );
            }),
          async ([ops, timezone, nowTime]) => {
            const name = `rollup-${run++}`;
            const service = `itservice:default/${name}`;
            const batches: Slice[][] = [];
            const stored = new Map<string, Slice>();
            for (const op of ops) {
              if (op.kind === 'write') {
                const batch = distinct(op.slices);
                batches.push(batch);
                await store.upsertSliEvents(
                  batch.map(s => ({ ...s, service })),
                );
                batch.forEach(s => stored.set(keyOf(s), s));
              } else if (op.kind === 'replay' && batches.length > 0) {
                const batch = batches[op.index % batches.length];
                await store.upsertSliEvents(
                  batch.map(s => ({ ...s, service })),
                );
                batch.forEach(s => stored.set(keyOf(s), s));
              } else if (stored.size > 0) {
                const slice = [...stored.values()][op.index % stored.size];
                if (op.kind === 'update') {
                  const updated = { ...slice, ...op.counts };
                  await store.upsertSliEvents([{ ...updated, service }]);
                  stored.set(keyOf(slice), updated);
                } else if (op.kind === 'delete') {
                  await store.deleteSliEvent({ ...slice, service });
                  stored.delete(keyOf(slice));
                }
              }
            }

            const entity = serviceEntity(name, timezone);
            const now = new Date(nowTime);
            const periods: ReportPeriod[] = [
              { kind: 'current' },
              { kind: 'month', month: '2026-10' },
              { kind: 'month', month: '2026-11' },
            ];
            for (const period of periods) {
              const window = measurementWindow(entity, period, now);
              const raw = await store.loadMeasurements({
                service,
                from: window.from,
                to: window.to,
              });
              const rolled = await store.loadMeasurements({
                service,
                ...window,
              });
              const many = await store.loadMeasurementsOfServices({
                services: [service],
                ...window,
              });
              if (rolled.sliEvents.length < raw.sliEvents.length) rolledUp++;
              const report = (measurements: typeof raw) =>
                buildServiceReport({
                  service: entity,
                  scorers,
                  measurements: scoringMeasurements(measurements),
                  period,
                  now,
                  dependencies: [],
                  withTrend: true,
                });
              const expected = report(raw);
              expect(report(rolled)).toEqual(expected);
              expect(report(many.get(service)!)).toEqual(expected);
            }
            expect(await store.compareSliRollups()).toEqual([]);
          },
        ),
        { numRuns: 25 },
      );
      // The property held where rollups stood in for slices, not only
      // where the windows left nothing to roll up.
      expect(rolledUp).toBeGreaterThan(10);
    },
  );

  it.each(databases.eachSupportedId())(
    'keep reports of older months the same after retention deletes their raw slices, on %p',
    async databaseId => {
      const { knex, store } = await createStore(databaseId);
      // A minute-level series from August to December: 28 days of it a
      // quarter hour off, one long slice in each hour of September 3.
      const slices: SliEventRecord[] = [];
      const service = 'itservice:default/kept';
      const from = Date.UTC(2026, 7, 25);
      const to = Date.UTC(2026, 11, 1);
      for (let t = from, i = 0; t < to; t += MINUTE, i++) {
        slices.push({
          source: 'prometheus',
          service,
          objective: 'checkout-success',
          sliceStart: t,
          sliceSeconds: 60,
          total: 100 + (i % 7),
          good: 100 + (i % 7) - (i % 13 === 0 ? 9 : 0),
        });
      }
      for (let h = 0; h < 24; h++) {
        slices.push({
          source: 'synthetics',
          service,
          objective: 'latency',
          sliceStart: Date.UTC(2026, 8, 3, h, 10),
          sliceSeconds: 3600,
          total: 60,
          good: 57,
        });
      }
      for (let i = 0; i < slices.length; i += 5000) {
        await store.upsertSliEvents(slices.slice(i, i + 5000));
      }
      const now = new Date(Date.UTC(2026, 11, 1, 10, 7));
      const zones = [
        'UTC',
        'Asia/Kolkata',
        'Asia/Kathmandu',
        'America/Los_Angeles',
      ];
      const months = ['2026-09', '2026-10', '2026-11'];
      const reports = async () => {
        const all = [];
        for (const timezone of zones) {
          const entity = serviceEntity('kept', timezone);
          const periods: ReportPeriod[] = [
            ...months.map(month => ({ kind: 'month' as const, month })),
            { kind: 'current' },
          ];
          for (const period of periods) {
            const window = measurementWindow(entity, period, now);
            all.push(
              buildServiceReport({
                service: entity,
                scorers,
                measurements: scoringMeasurements(
                  await store.loadMeasurements({ service, ...window }),
                ),
                period,
                now,
                dependencies: [],
                withTrend: true,
              }),
            );
          }
        }
        return all;
      };
      const before = await reports();
      const boundary = sliKeptFrom(
        { horizonMs: DEFAULT_SLI_HORIZON_MS },
        now.getTime(),
      );
      expect(new Date(boundary).toISOString()).toBe('2026-10-27T10:00:00.000Z');
      const deleted = await store.deleteSliEventsBefore(boundary);
      const [{ n }] = await knex('itsm_sli_events').count({ n: '*' });
      expect(deleted).toBe(slices.filter(s => s.sliceStart < boundary).length);
      expect(Number(n)).toBe(slices.length - deleted);
      // September and most of October have no raw slices left.
      expect(deleted).toBeGreaterThan(80_000);
      const after = await reports();
      expect(after).toEqual(before);
      // A figure that is there to compare: September's attainment.
      expect(before[0].agreements[0].objectives[0].attainment).toBeGreaterThan(
        90,
      );
      expect(await store.compareSliRollups({ from: boundary })).toEqual([]);
      // Before the boundary nothing can change any more: a slice is
      // refused, a delete finds nothing, and the reports stay.
      await expect(
        store.upsertSliEvents([{ ...slices[0], good: 0 }]),
      ).rejects.toThrow(
        'items[0].sliceStart: before 2026-10-27T10:00:00.000Z, up to which retention',
      );
      expect(await store.deleteSliEvent(slices[0])).toBe(false);
      expect(await reports()).toEqual(before);
    },
  );
  it.each(databases.eachSupportedId())(
    "read a window's rollups without going through the service's history, on %p",
    async databaseId => {
      const { knex, store } = await createStore(databaseId);
      const service = 'itservice:default/old';
      const now = Date.UTC(2026, 10, 28, 10);
      // A year and a month of quarter hours of two objectives, the table's
      // only service: a read of the window that walked the service's
      // history would touch every row.
      const start = now - 400 * DAY;
      const rows = Array.from({ length: (400 * DAY) / SLI_BUCKET_MS }, (_, i) =>
        ['checkout', 'search'].map(objective => ({
          service_ref: service,
          objective,
          bucket_start: start + i * SLI_BUCKET_MS,
          good: 9,
          total: 10,
          slices: 15,
          last_end: start + (i + 1) * SLI_BUCKET_MS,
          updated_at: now,
        })),
      ).flat();
      for (let i = 0; i < rows.length; i += 500) {
        await knex('itsm_sli_rollups').insert(rows.slice(i, i + 500));
      }
      if (databaseId === 'POSTGRES_15') await knex.raw('ANALYZE');
      const window = measurementWindow(
        serviceEntity('old', 'UTC'),
        { kind: 'current' },
        new Date(now),
      );
      const queries: Array<{ sql: string; bindings: unknown[] }> = [];
      const record = (q: { sql: string; bindings: unknown[] }) => {
        if (q.sql.includes('itsm_sli_rollups')) queries.push(q);
      };
      knex.on('query', record);
      const loaded = await store.loadMeasurements({ service, ...window });
      knex.off('query', record);
      expect(loaded.sliEvents.length).toBeGreaterThan(0);
      expect(queries).toHaveLength(1);
      const [{ sql, bindings }] = queries;
      // The index the read seeks with, as each engine's plan names it.
      let index: string;
      if (databaseId === 'SQLITE_3') {
        const plan: Array<{ detail: string }> = await knex.raw(
          `EXPLAIN QUERY PLAN ${sql}`,
          bindings as any[],
        );
        index = plan.map(p => p.detail).join('; ');
      } else {
        // Positional placeholders, as knex sends them to pg.
        let n = 0;
        const text = sql.replace(/\?/g, () => `$${++n}`);
        const [{ 'QUERY PLAN': plan }] = (
          await knex.raw(
            `PREPARE rollup_read AS ${text}; EXPLAIN (FORMAT JSON) EXECUTE rollup_read(${bindings
              .map(b => knex.raw('?', [b as any]).toQuery())
              .join(', ')})`,
          )
        )[1].rows;
        index = JSON.stringify(plan);
      }
      // Without it, SQLite searched by service_ref alone and PostgreSQL
      // scanned the table (1,024 blocks here, against about 170).
      expect(index).toMatch(
        databaseId === 'SQLITE_3'
          ? /USING INDEX itsm_sli_rollups_service_time \(service_ref=\? AND bucket_start>\? AND bucket_start<\?\)/
          : /"Index Name":"itsm_sli_rollups_service_time"/,
      );
    },
  );
});
