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
  mockServices,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { DatabaseMeasurementStore } from './DatabaseMeasurementStore';
import {
  IncidentRecord,
  OutageRecord,
  SliEventRecord,
} from './MeasurementStore';

jest.setTimeout(60_000);

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 9, 1);
const service = 'itservice:default/online-banking';

function incident(
  n: number,
  changes: Partial<IncidentRecord> = {},
): IncidentRecord {
  return {
    source: 'pagerduty',
    externalId: `INC-${n}`,
    service,
    priority: 'P2',
    openedAt: T0 + n * HOUR,
    ...changes,
  };
}

describe('DatabaseMeasurementStore', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  async function createStore(databaseId: TestDatabaseId) {
    const knex = await databases.init(databaseId);
    const store = await DatabaseMeasurementStore.create({
      database: mockServices.database({ knex }),
    });
    return { knex, store };
  }

  it.each(databases.eachSupportedId())(
    'lets replicas that start together migrate one database on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const database = mockServices.database({ knex });
      // Both take the migration lock at once; one has to wait for the other.
      const stores = await Promise.all(
        [1, 2, 3].map(() => DatabaseMeasurementStore.create({ database })),
      );
      expect(stores).toHaveLength(3);
      await stores[0].upsertIncidents([incident(1)]);
      const { items } = await stores[2].listIncidents({ service, limit: 10 });
      expect(items.map(i => i.externalId)).toEqual(['INC-1']);
    },
  );

  it.each(databases.eachSupportedId())(
    'upserts incidents idempotently on %p',
    async databaseId => {
      const { knex, store } = await createStore(databaseId);
      const batch = [
        incident(1, {
          acknowledgedAt: T0 + HOUR + 60_000,
          pauses: [{ from: T0 + 2 * HOUR, to: T0 + 3 * HOUR }],
        }),
        incident(2, {
          resolvedAt: T0 + 5 * HOUR,
          title: 'Login failures',
          url: 'https://incidents.example.com/2',
        }),
        incident(3),
      ];
      await expect(store.upsertIncidents(batch)).resolves.toEqual({
        created: 3,
        updated: 0,
        unchanged: 0,
      });
      await expect(store.upsertIncidents(batch)).resolves.toEqual({
        created: 0,
        updated: 0,
        unchanged: 3,
      });
      await expect(
        store.upsertIncidents([
          incident(3, { resolvedAt: T0 + 9 * HOUR }),
          incident(4),
        ]),
      ).resolves.toEqual({ created: 1, updated: 1, unchanged: 0 });

      const [{ n }] = await knex('itsm_incidents').count({ n: '*' });
      expect(Number(n)).toBe(4);
      const page = await store.listIncidents({ service, limit: 10 });
      expect(page.items.map(i => i.externalId)).toEqual([
        'INC-4',
        'INC-3',
        'INC-2',
        'INC-1',
      ]);
      expect(page.nextCursor).toBeUndefined();
      const { updatedAt, ...first } = page.items[3];
      expect(first).toEqual({
        ...batch[0],
        resolvedAt: undefined,
        title: undefined,
        url: undefined,
      });
      expect(updatedAt).toBeGreaterThan(0);
      expect(page.items[1].resolvedAt).toBe(T0 + 9 * HOUR);
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps concurrent batches with overlapping keys consistent on %p',
    async databaseId => {
      const { knex, store } = await createStore(databaseId);
      const a = Array.from({ length: 300 }, (_, i) => incident(i));
      const b = Array.from({ length: 300 }, (_, i) =>
        incident(i + 150, { priority: 'P1' }),
      );
      const results = await Promise.all([
        store.upsertIncidents(a),
        store.upsertIncidents(b),
      ]);
      expect(
        results.every(r => r.created + r.updated + r.unchanged === 300),
      ).toBe(true);
      const [{ n }] = await knex('itsm_incidents').count({ n: '*' });
      expect(Number(n)).toBe(450);
    },
  );

  it.each(databases.eachSupportedId())(
    'stores every row of many concurrent multi-chunk batches on %p',
    async databaseId => {
      const { knex, store } = await createStore(databaseId);
      const batches = Array.from({ length: 8 }, (_b, b) =>
        Array.from({ length: 1000 }, (_i, i) =>
          incident(b * 1000 + i, {
            resolvedAt: T0 + (b * 1000 + i + 1) * HOUR,
          }),
        ),
      );
      const results = await Promise.all(
        batches.map(batch => store.upsertIncidents(batch)),
      );
      expect(results.map(r => r.created)).toEqual(batches.map(() => 1000));
      const [{ n }] = await knex('itsm_incidents').count({ n: '*' });
      expect(Number(n)).toBe(8000);
    },
  );

  it.each(databases.eachSupportedId())(
    'keys incidents per service, and moves one only when told on %p',
    async databaseId => {
      const { store, knex } = await createStore(databaseId);
      const other = 'itservice:default/payroll';
      await store.upsertIncidents([incident(7, { service: other })]);
      // The same key under another service is a row of its own.
      await expect(store.upsertIncidents([incident(7)])).resolves.toEqual({
        created: 1,
        updated: 0,
        unchanged: 0,
      });
      await expect(
        store.findIncidents([{ source: 'pagerduty', externalId: 'INC-7' }]),
      ).resolves.toHaveLength(2);
      // Told to move it: the row leaves payroll in the same transaction, and
      // the record counts as updated, not created or unchanged.
      await expect(
        store.upsertIncidents([incident(7)], {
          moves: [{ service: other, source: 'pagerduty', externalId: 'INC-7' }],
        }),
      ).resolves.toEqual({ created: 0, updated: 1, unchanged: 0 });
      expect(
        await knex('itsm_incidents').select('service_ref', 'external_id'),
      ).toEqual([{ service_ref: service, external_id: 'INC-7' }]);
    },
  );

  it.each(databases.eachSupportedId())(
    'decides moves in the write, from the one read that also finds what the batch replaces, on %p',
    async databaseId => {
      const { store, knex } = await createStore(databaseId);
      const other = 'itservice:default/payroll';
      const hidden = 'itservice:default/hr';
      // more rows than one statement takes on SQLite
      const own = Array.from({ length: 600 }, (_, n) => incident(n));
      await store.upsertIncidents(own);
      await store.upsertIncidents([incident(700, { service: other })]);
      await store.upsertIncidents([incident(701, { service: hidden })]);
      const batch = [
        ...own.map(r =>
          r.externalId === 'INC-3' || r.externalId === 'INC-550'
            ? { ...r, priority: 'P1' as const }
            : r,
        ),
        incident(700),
        incident(701),
      ];
      const reads = (run: () => Promise<unknown>) => {
        const seen: string[] = [];
        const listener = (query: { sql: string }) => {
          if (/^\s*select\b/i.test(query.sql)) seen.push(query.sql);
        };
        knex.on('query', listener);
        return run()
          .then(() => seen.filter(sql => sql.includes('itsm_incidents')))
          .finally(() => knex.off('query', listener));
      };
      const keysOf = (rows: Array<{ service: string; externalId: string }>) =>
        rows.map(r => `${r.service}/${r.externalId}`).sort();
      const elsewhereSeen: string[][] = [];
      const replaced: IncidentRecord[] = [];
      let result: unknown;
      const upsertReads = await reads(async () => {
        result = await store.upsertIncidents(batch, {
          relocate: async elsewhere => {
            elsewhereSeen.push(keysOf(elsewhere));
            return elsewhere
              .filter(s => s.service === other)
              .map(({ service: s, source, externalId }) => ({
                service: s,
                source,
                externalId,
              }));
          },
          replaced: rows => replaced.push(...rows),
        });
      });
      // 700 moved (updated), 701 stored beside the hidden one (created).
      expect(result).toEqual({ created: 1, updated: 3, unchanged: 598 });
      expect(elsewhereSeen).toEqual([
        [`${hidden}/INC-701`, `${other}/INC-700`],
      ]);
      // The rows as they were: the batch's own, and the one moved.
      expect(keysOf(replaced)).toEqual(
        keysOf([...own, { service: other, externalId: 'INC-700' }]),
      );
      expect(replaced.find(r => r.externalId === 'INC-3')?.priority).toBe('P2');
      // The same reads as finding the keys, and none more to compare.
      const findReads = await reads(() => store.findIncidents(batch));
      expect(upsertReads).toHaveLength(findReads.length);
      expect(
        keysOf(
          (await store.findIncidents(batch)).filter(r => r.service !== service),
        ),
      ).toEqual([`${hidden}/INC-701`]);
      expect(
        (await knex('itsm_incidents').where({ priority: 'P1' }))
          .map(r => r.external_id)
          .sort(),
      ).toEqual(['INC-3', 'INC-550']);
    },
  );

  it.each(databases.eachSupportedId())(
    'finds each stored row of the keys asked once, whatever the sources and repeats, on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      const other = 'itservice:default/payroll';
      await store.upsertIncidents([
        ...Array.from({ length: 600 }, (_, n) => incident(n)),
        incident(1, { source: 'opsgenie' }),
      ]);
      await store.upsertIncidents([incident(2, { service: other })]);
      const found = await store.findIncidents([
        // more keys than one lookup takes on SQLite
        ...Array.from({ length: 600 }, (_, n) => ({
          source: 'pagerduty',
          externalId: `INC-${n + 1}`,
        })),
        { source: 'pagerduty', externalId: 'INC-1' },
        { source: 'opsgenie', externalId: 'INC-1' },
        { source: 'opsgenie', externalId: 'INC-2' },
      ]);
      const keys = found.map(f => `${f.source}/${f.externalId}/${f.service}`);
      expect(keys).toHaveLength(601);
      expect(new Set(keys).size).toBe(601);
      expect(keys).toEqual(
        expect.arrayContaining([
          `pagerduty/INC-1/${service}`,
          `opsgenie/INC-1/${service}`,
          `pagerduty/INC-2/${service}`,
          `pagerduty/INC-2/${other}`,
          `pagerduty/INC-599/${service}`,
        ]),
      );
      expect(keys).not.toContain(`pagerduty/INC-0/${service}`);
      // A repeat more keys apart than one lookup takes on either engine.
      const apart = await store.findIncidents([
        { source: 'pagerduty', externalId: 'INC-1' },
        ...Array.from({ length: 5000 }, (_, n) => ({
          source: 'nowhere',
          externalId: `X-${n}`,
        })),
        { source: 'pagerduty', externalId: 'INC-1' },
      ]);
      expect(apart.map(f => `${f.source}/${f.externalId}`)).toEqual([
        'pagerduty/INC-1',
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'pages through rows of the same instant by key, with cursors that hold no row id, on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      // Stored in an order unlike their keys, so ids do not follow keys.
      await store.upsertIncidents(
        [5, 1, 9, 3, 7, 2, 8, 4, 6].map(n => incident(n, { openedAt: T0 })),
      );
      const seen: string[] = [];
      const cursors: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await store.listIncidents({ service, limit: 2, cursor });
        seen.push(...page.items.map(i => i.externalId));
        cursor = page.nextCursor;
        if (cursor) cursors.push(cursor);
      } while (cursor);
      expect(seen).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1].map(n => `INC-${n}`));
      expect(
        cursors.map(c => JSON.parse(Buffer.from(c, 'base64url').toString())),
      ).toEqual([
        [T0, 'pagerduty', 'INC-8'],
        [T0, 'pagerduty', 'INC-6'],
        [T0, 'pagerduty', 'INC-4'],
        [T0, 'pagerduty', 'INC-2'],
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'pages through a service newest first within [from, to) on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      await store.upsertIncidents(
        Array.from({ length: 25 }, (_, i) => incident(i)),
      );
      await store.upsertIncidents([
        { ...incident(100), service: 'itservice:default/other' },
      ]);
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await store.listIncidents({
          service,
          from: T0 + 5 * HOUR,
          to: T0 + 20 * HOUR,
          limit: 4,
          cursor,
        });
        seen.push(...page.items.map(i => i.externalId));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toEqual(
        Array.from({ length: 15 }, (_, i) => `INC-${19 - i}`),
      );
      await expect(
        store.listIncidents({ service, limit: 4, cursor: 'not-a-cursor' }),
      ).rejects.toThrow(
        'cursor: must be the nextCursor of a previous page of this list',
      );
    },
  );

  it.each(databases.eachSupportedId())(
    'stores outages and SLI events and deletes by key on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      const outage: OutageRecord = {
        source: 'statuspage',
        externalId: 'OUT-1',
        service,
        start: T0,
        impact: 'partial',
        planned: false,
      };
      const planned: OutageRecord = {
        ...outage,
        externalId: 'OUT-2',
        start: T0 + HOUR,
        end: T0 + 2 * HOUR,
        impact: 'full',
        planned: true,
        title: 'Patching',
      };
      await expect(store.upsertOutages([outage, planned])).resolves.toEqual({
        created: 2,
        updated: 0,
        unchanged: 0,
      });
      await expect(store.upsertOutages([outage, planned])).resolves.toEqual({
        created: 0,
        updated: 0,
        unchanged: 2,
      });
      const outagesPage = await store.listOutages({ service, limit: 10 });
      expect(outagesPage.items.map(({ updatedAt, ...o }) => o)).toEqual([
        planned,
        { ...outage, end: undefined, title: undefined },
      ]);

      const slice: SliEventRecord = {
        source: 'prometheus',
        service,
        objective: 'login-success',
        sliceStart: T0,
        sliceSeconds: 3600,
        good: 9990,
        total: 10000,
      };
      await store.upsertSliEvents([
        slice,
        { ...slice, objective: 'other', good: 1, total: 2 },
      ]);
      await expect(
        store.upsertSliEvents([{ ...slice, good: 9995 }]),
      ).resolves.toEqual({ created: 0, updated: 1, unchanged: 0 });
      const slices = await store.listSliEvents({
        service,
        objective: 'login-success',
        limit: 10,
      });
      expect(slices.items.map(s => s.good)).toEqual([9995]);

      const out1 = { service, source: 'statuspage', externalId: 'OUT-1' };
      await expect(store.deleteOutages([out1])).resolves.toBe(1);
      await expect(store.deleteOutages([out1])).resolves.toBe(0);
      await expect(
        store.deleteSliEvent({
          source: 'prometheus',
          service,
          objective: 'login-success',
          sliceStart: T0,
        }),
      ).resolves.toBe(true);
      await expect(
        store.listSliEvents({ service, limit: 10 }),
      ).resolves.toMatchObject({ items: [{ objective: 'other' }] });
      await store.upsertIncidents([incident(1)]);
      await expect(
        store.deleteIncidents([
          { service, source: 'pagerduty', externalId: 'INC-1' },
        ]),
      ).resolves.toBe(1);
    },
  );

  it.each(databases.eachSupportedId())(
    'reads every slice of a service once, across pages, on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      // Three objectives share each start, so pages end between rows of the
      // same start; stored objective by objective, so ids do not follow starts.
      const starts = 4000;
      const slices = ['a', 'b', 'c'].flatMap((objective, o) =>
        Array.from({ length: starts + 1 }, (_, i) => ({
          source: 'prometheus',
          service,
          objective,
          sliceStart: T0 + i * 60_000,
          sliceSeconds: 60,
          good: o * starts + i,
          total: o * starts + i,
        })),
      );
      for (let i = 0; i < slices.length; i += 5000) {
        await store.upsertSliEvents(slices.slice(i, i + 5000));
      }
      // The last start of each objective lies outside the window.
      const { sliEvents } = await store.loadMeasurements({
        service,
        from: T0,
        to: T0 + starts * 60_000,
      });
      expect(sliEvents).toHaveLength(3 * starts);
      const goods = sliEvents.map(s => s.good).sort((x, y) => x - y);
      expect(goods).toEqual(
        slices.filter((_, i) => i % (starts + 1) < starts).map(s => s.good),
      );
      expect(sliEvents[0]).toEqual({
        ...slices[0],
        updatedAt: expect.any(Number),
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'reads many services at once as it reads each one on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      const other = 'itservice:default/payroll';
      await store.upsertIncidents([
        incident(1),
        incident(2, { service: other }),
        // Before the window and still running at its start: read by both,
        // for the open list (it counts in its own period).
        incident(3, { openedAt: T0 - HOUR }),
        incident(4, { openedAt: T0 - HOUR, resolvedAt: T0 + HOUR }),
        // Before the window and resolved before it: read by neither.
        incident(5, { openedAt: T0 - 2 * HOUR, resolvedAt: T0 - HOUR }),
        incident(6, { openedAt: T0 - 2 * HOUR, resolvedAt: T0 }),
      ]);
      await store.upsertOutages([
        {
          source: 'statuspage',
          externalId: 'OUT-1',
          service: other,
          start: T0 - HOUR,
          impact: 'full',
          planned: false,
        },
      ]);
      // Outages of a third service around the window: read are those that
      // overlap it, including the one still running at its start.
      const cards = 'itservice:default/cards';
      const cardsOutage = (n: number, start: number, end?: number) => ({
        source: 'statuspage',
        externalId: `OUT-${n}`,
        service: cards,
        start,
        ...(end !== undefined && { end }),
        impact: 'partial' as const,
        planned: false,
      });
      await store.upsertOutages([
        cardsOutage(3, T0 - 2 * HOUR, T0 - HOUR),
        cardsOutage(4, T0 - 2 * HOUR, T0),
        cardsOutage(5, T0 - HOUR, T0 + HOUR),
        cardsOutage(6, T0 + HOUR, T0 + 2 * HOUR),
        cardsOutage(7, T0 + 24 * HOUR),
        cardsOutage(8, T0 + HOUR),
        cardsOutage(10, T0 - 3 * HOUR),
      ]);
      await store.upsertSliEvents(
        [service, other].map((ref, i) => ({
          source: 'prometheus',
          service: ref,
          objective: 'availability',
          sliceStart: T0 + i * HOUR,
          sliceSeconds: 3600,
          good: 99 - i,
          total: 100,
        })),
      );
      // More services than one statement asks for, most without data.
      const idle = Array.from(
        { length: 600 },
        (_, i) => `itservice:default/idle-${i}`,
      );
      const window = { from: T0, to: T0 + 24 * HOUR };
      const many = await store.loadMeasurementsOfServices({
        services: [service, ...idle, other, cards],
        ...window,
      });
      expect(many.size).toBe(603);
      for (const ref of [service, other, cards]) {
        expect(many.get(ref)).toEqual(
          await store.loadMeasurements({ service: ref, ...window }),
        );
      }
      expect(many.get(other)).toMatchObject({
        incidents: [{ externalId: 'INC-2' }],
        outages: [{ externalId: 'OUT-1' }],
        sliEvents: [{ good: 98 }],
      });
      expect(
        many
          .get(service)
          ?.incidents.map(i => i.externalId)
          .sort(),
      ).toEqual(['INC-1', 'INC-3', 'INC-4']);
      expect(
        many
          .get(cards)
          ?.outages.map(o => o.externalId)
          .sort(),
      ).toEqual(['OUT-10', 'OUT-5', 'OUT-6', 'OUT-8']);
      // Outages first reported: whether an availability source reports.
      expect(many.get(other)?.availabilityReportedSince).toBe(T0 - HOUR);
      expect(many.get(service)?.availabilityReportedSince).toBeUndefined();
      expect(many.get(idle[599])).toEqual({
        incidents: [],
        outages: [],
        sliEvents: [],
      });
      await expect(
        store.findIncidents([{ source: 'pagerduty', externalId: 'INC-2' }]),
      ).resolves.toMatchObject([{ service: other, externalId: 'INC-2' }]);
      await expect(
        store.findOutages([{ source: 'statuspage', externalId: 'OUT-9' }]),
      ).resolves.toEqual([]);
    },
  );

  it.each(databases.eachSupportedId())(
    'stores a full 5,000-item batch, several statements long, on %p',
    async databaseId => {
      const { knex, store } = await createStore(databaseId);
      const batch = Array.from({ length: 5000 }, (_, i) => incident(i));
      await expect(store.upsertIncidents(batch)).resolves.toEqual({
        created: 5000,
        updated: 0,
        unchanged: 0,
      });
      await expect(store.upsertIncidents(batch)).resolves.toEqual({
        created: 0,
        updated: 0,
        unchanged: 5000,
      });
      const [{ n }] = await knex('itsm_incidents').count({ n: '*' });
      expect(Number(n)).toBe(5000);
    },
  );

  it.each(databases.eachSupportedId())(
    'writes nothing of a batch that fails on %p',
    async databaseId => {
      const { knex, store } = await createStore(databaseId);
      const batch = Array.from({ length: 1500 }, (_, i) => incident(i));
      // A value neither driver can store, in the third statement of the batch.
      (batch[1200] as any).openedAt = { not: 'a number' };
      await expect(store.upsertIncidents(batch)).rejects.toThrow();
      const [{ n }] = await knex('itsm_incidents').count({ n: '*' });
      expect(Number(n)).toBe(0);
    },
  );

  it.each(databases.eachSupportedId())(
    'prunes measurements of services missing past the grace period on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      const gone = 'itservice:default/retired-thing';
      await store.upsertIncidents([
        incident(1),
        { ...incident(2), service: gone },
      ]);
      await store.upsertOutages([
        {
          source: 's',
          externalId: 'o',
          service: gone,
          start: T0,
          impact: 'full',
          planned: false,
        },
      ]);
      const existing = new Set([service]);
      const day = 86_400_000;

      await expect(
        store.reconcileServices({ existing, now: T0, gracePeriodMs: 7 * day }),
      ).resolves.toEqual({ missing: [gone], pruned: [] });
      await expect(
        store.reconcileServices({
          existing,
          now: T0 + 6 * day,
          gracePeriodMs: 7 * day,
        }),
      ).resolves.toEqual({ missing: [gone], pruned: [] });
      await expect(
        store.reconcileServices({
          existing,
          now: T0 + 7 * day,
          gracePeriodMs: 7 * day,
        }),
      ).resolves.toEqual({ missing: [gone], pruned: [gone] });
      await expect(
        store.listIncidents({ service: gone, limit: 10 }),
      ).resolves.toEqual({ items: [], nextCursor: undefined });
      await expect(
        store.listOutages({ service: gone, limit: 10 }),
      ).resolves.toEqual({ items: [], nextCursor: undefined });
      await expect(
        store.listIncidents({ service, limit: 10 }),
      ).resolves.toMatchObject({ items: [{ externalId: 'INC-1' }] });

      // A service that comes back within the grace period starts afresh.
      await store.upsertIncidents([{ ...incident(3), service: gone }]);
      await store.reconcileServices({
        existing,
        now: T0 + 8 * day,
        gracePeriodMs: 7 * day,
      });
      await store.reconcileServices({
        existing: new Set([service, gone]),
        now: T0 + 9 * day,
        gracePeriodMs: 7 * day,
      });
      await expect(
        store.reconcileServices({
          existing,
          now: T0 + 16 * day,
          gracePeriodMs: 7 * day,
        }),
      ).resolves.toEqual({ missing: [gone], pruned: [] });
    },
  );
});
