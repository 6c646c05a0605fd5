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

import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { DatabaseMeasurementStore } from '../database/DatabaseMeasurementStore';
import { NotificationStore, serviceNotification } from './NotificationStore';
import { WatchKey } from './transitions';

jest.setTimeout(60_000);

const key: WatchKey = {
  entityRef: 'itservice:default/shop',
  agreement: 'shop-sla',
  objective: 'availability',
  kind: 'status',
  subject: '',
};
const notice = {
  kind: 'status' as const,
  state: 'breached',
  severity: 'high' as const,
  title: 'Shop: availability breached',
  description: 'Shop: availability 99.786 % against 99.9 %.',
  link: '/catalog/default/itservice/shop/sla?period=2026-11',
  recipients: ['group:default/shop-team'],
};

describe('NotificationStore', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  async function setUp(databaseId: Parameters<typeof databases.init>[0]) {
    const knex = await databases.init(databaseId);
    // Runs the plugin's migrations.
    await DatabaseMeasurementStore.create({
      database: mockServices.database({ knex }),
    });
    return new NotificationStore(knex);
  }

  it.each(databases.eachSupportedId())(
    'writes a change once when two writers saw the same state, on %p',
    async databaseId => {
      const store = await setUp(databaseId);
      const next = {
        state: 'breached',
        period: '2026-11',
        notify: 'worse' as const,
      };
      // Both saw no row: one insert wins.
      const first = await Promise.all([
        store.record({ key, next, notice, now: 1 }),
        store.record({ key, next, notice, now: 1 }),
      ]);
      expect(first.sort()).toEqual([false, true]);
      const [stored] = await store.states(key.entityRef);
      expect(stored).toMatchObject({ state: 'breached', version: 1 });

      // Both saw version 1: one update wins, with its notice.
      const met = { state: 'met', period: '2026-11' };
      const second = await Promise.all([
        store.record({ key, stored, next: met, notice, now: 2 }),
        store.record({ key, stored, next: met, notice, now: 2 }),
      ]);
      expect(second.sort()).toEqual([false, true]);
      expect(await store.states(key.entityRef)).toEqual([
        expect.objectContaining({ state: 'met', version: 2 }),
      ]);
      expect(await store.list(key.entityRef, 10)).toHaveLength(2);
    },
  );

  it.each(databases.eachSupportedId())(
    'writes many changes in one go, each only if its state is the one read, on %p',
    async databaseId => {
      const store = await setUp(databaseId);
      const keyOf = (objective: string): WatchKey => ({ ...key, objective });
      const breached = {
        state: 'breached',
        period: '2026-11',
        notify: 'worse' as const,
      };
      expect(
        await store.recordAll([
          { key: keyOf('a'), next: breached, notice, now: 1 },
          { key: keyOf('b'), next: breached, now: 1 },
        ]),
      ).toEqual([true, true]);
      const read = new Map(
        (await store.states(key.entityRef)).map(s => [s.objective, s]),
      );
      // Another writer moved b on after it was read.
      const met = { state: 'met', period: '2026-11' };
      await store.record({
        key: keyOf('b'),
        stored: read.get('b'),
        next: met,
        now: 2,
      });

      // Two writers with the same reads: each change is written once.
      const batch = [
        { key: keyOf('a'), stored: read.get('a'), next: met, notice, now: 3 },
        { key: keyOf('b'), stored: read.get('b'), next: met, notice, now: 3 },
        { key: keyOf('c'), next: breached, notice, now: 3 },
      ];
      const results = await Promise.all([
        store.recordAll(batch),
        store.recordAll(batch),
      ]);
      expect(results.map(r => r.join()).sort()).toEqual([
        'false,false,false',
        'true,false,true',
      ]);
      expect(
        (await store.states(key.entityRef))
          .map(s => `${s.objective} ${s.state} v${s.version}`)
          .sort(),
      ).toEqual(['a met v2', 'b met v2', 'c breached v1']);
      // The notices of a (twice) and c; none for b, whose change lost.
      expect(
        (await store.list(key.entityRef, 10)).map(n => n.objective).sort(),
      ).toEqual(['a', 'a', 'c']);
      expect(await store.recordAll([])).toEqual([]);
    },
  );

  it.each(databases.eachSupportedId())(
    'reads and writes the states of a page of entities together, on %p',
    async databaseId => {
      const store = await setUp(databaseId);
      const entities = ['itservice:default/a', 'itservice:default/b'];
      const breached = {
        state: 'breached',
        period: '2026-11',
        notify: 'worse' as const,
      };
      // more rows than one statement takes
      const batch = entities.flatMap(entityRef =>
        Array.from({ length: 150 }, (_, n) => ({
          key: { ...key, entityRef, objective: `o${n}` },
          next: breached,
          notice,
          now: 1,
        })),
      );
      // Another writer stored one of them first; a key given twice goes in once.
      await store.record({ ...batch[7], notice: undefined });
      const results = await store.recordAll([...batch, batch[200]]);
      expect(results.filter(r => !r).length).toBe(2);
      expect(results[7]).toBe(false);
      expect(results[200]).toBe(true);
      expect(results[300]).toBe(false);

      const states = await store.statesOf([...entities, 'itservice:default/c']);
      expect([...states.keys()].sort()).toEqual(entities);
      expect(states.get(entities[0])).toHaveLength(150);
      expect(states.get(entities[1])).toHaveLength(150);
      expect(states.get(entities[0])?.[0]).toMatchObject({
        entityRef: entities[0],
        state: 'breached',
        version: 1,
      });
      // A notice for each change written here, none for the one lost.
      const notices = await store.list(entities[0], 1000);
      expect(notices).toHaveLength(149);
      expect(notices.map(n => n.objective)).not.toContain('o7');
      expect(await store.list(entities[1], 1000)).toHaveLength(150);
    },
  );

  it.each(databases.eachSupportedId())(
    'lets one deliverer hold a notice until it is sent, or its lease ends after a failure, on %p',
    async databaseId => {
      const store = await setUp(databaseId);
      await store.record({
        key,
        next: { state: 'breached', period: '2026-11', notify: 'worse' },
        notice,
        now: 1_000,
      });
      const [a, b] = await Promise.all([
        store.claimPending(10_000, 60_000),
        store.claimPending(10_000, 60_000),
      ]);
      expect([a.length, b.length].sort()).toEqual([0, 1]);
      const [held] = [...a, ...b];
      // Held: nobody else gets it before the lease ends.
      expect(await store.claimPending(20_000, 60_000)).toEqual([]);

      await store.markFailed(held.id, 'notifications answered 503', 30_000);
      const [listed] = await store.list(key.entityRef, 10);
      expect(serviceNotification(listed)).toMatchObject({
        delivery: 'pending',
        lastError: 'notifications answered 503',
        createdAt: '1970-01-01T00:00:01.000Z',
      });
      expect(await store.claimPending(29_999, 60_000)).toEqual([]);
      const [retried] = await store.claimPending(30_000, 60_000);
      expect(retried).toMatchObject({ id: held.id, attempts: 1 });

      await store.markSent(retried.id, 31_000);
      expect(await store.claimPending(1_000_000, 60_000)).toEqual([]);
      const [sent] = await store.list(key.entityRef, 10);
      expect(serviceNotification(sent)).toMatchObject({
        delivery: 'sent',
        sentAt: '1970-01-01T00:00:31.000Z',
        recipients: ['group:default/shop-team'],
      });
      expect(serviceNotification(sent).lastError).toBeUndefined();

      await store.forget([key.entityRef]);
      expect(await store.list(key.entityRef, 10)).toEqual([]);
      expect(await store.states(key.entityRef)).toEqual([]);
    },
  );
});
