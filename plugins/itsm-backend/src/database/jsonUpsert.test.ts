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

import { TestDatabases } from '@backstage/backend-test-utils';
import { postgresUpsert, sqliteUpsert } from './jsonUpsert';

describe('sqliteUpsert', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

  async function table() {
    const knex = await databases.init('SQLITE_3');
    await knex.schema.createTable('things', t => {
      t.string('source').notNullable();
      t.string('external_id').notNullable();
      t.string('title');
      t.bigInteger('opened_at');
      t.boolean('flag');
      t.primary(['source', 'external_id']);
    });
    return knex;
  }

  it('inserts new keys and replaces every column of stored ones, as knex merge() does', async () => {
    const knex = await table();
    await knex('things').insert([
      {
        source: 's',
        external_id: '1',
        title: 'old',
        opened_at: 5,
        flag: true,
      },
      { source: 's', external_id: '2', title: 'kept', opened_at: 6 },
    ]);

    await sqliteUpsert(
      knex,
      'things',
      [
        { source: 's', external_id: '1', title: 'new', opened_at: 7 },
        // a column a row lacks, or gives as undefined, is written as NULL
        { source: 's', external_id: '3', title: undefined, flag: false },
      ],
      ['source', 'external_id'],
    );

    const rows = await knex('things').orderBy('external_id').select();
    expect(
      rows.map(r => ({ ...r, opened_at: r.opened_at && Number(r.opened_at) })),
    ).toEqual([
      {
        source: 's',
        external_id: '1',
        title: 'new',
        opened_at: 7,
        flag: null,
      },
      {
        source: 's',
        external_id: '2',
        title: 'kept',
        opened_at: 6,
        flag: null,
      },
      { source: 's', external_id: '3', title: null, opened_at: null, flag: 0 },
    ]);
  });

  it.each([[{ not: 'a number' }], [NaN], [Infinity], [[1]]])(
    'refuses %p, which a binding would refuse, and writes nothing',
    async value => {
      const knex = await table();
      expect(() =>
        sqliteUpsert(
          knex,
          'things',
          [
            { source: 's', external_id: '1', opened_at: 1 },
            { source: 's', external_id: '2', opened_at: value },
          ],
          ['source', 'external_id'],
        ),
      ).toThrow('things.opened_at: cannot store');
      expect(await knex('things').count({ n: '*' })).toEqual([{ n: 0 }]);
    },
  );

  it('binds one JSON text, not a binding per value', async () => {
    const knex = await table();
    const rows = Array.from({ length: 500 }, (_, i) => ({
      source: 's',
      external_id: String(i),
      title: `t'${i}`,
      opened_at: 1_733_000_000_000 + i,
    }));
    const { sql, bindings } = sqliteUpsert(knex, 'things', rows, [
      'source',
      'external_id',
    ]).toSQL();
    expect(sql).not.toMatch(/union all/i);
    expect(bindings).toHaveLength(1);

    await sqliteUpsert(knex, 'things', rows, ['source', 'external_id']);
    expect(await knex('things').count({ n: '*' })).toEqual([{ n: 500 }]);
    expect(
      await knex('things').where({ external_id: '499' }).first('title'),
    ).toEqual({ title: "t'499" });
    const last = await knex('things')
      .where({ external_id: '499' })
      .first(knex.raw('typeof(opened_at) as type'), 'opened_at');
    expect({ ...last, opened_at: Number(last.opened_at) }).toEqual({
      type: 'integer',
      opened_at: 1_733_000_000_499,
    });
  });
});

describe('postgresUpsert', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15'] });

  async function table() {
    const knex = await databases.init('POSTGRES_15');
    await knex.schema.createTable('things', t => {
      t.bigIncrements('id');
      t.string('source').notNullable();
      t.string('external_id').notNullable();
      t.string('title');
      t.bigInteger('opened_at');
      t.boolean('flag');
      t.unique(['source', 'external_id']);
    });
    return knex;
  }
  const upsert = (knex: any, rows: Array<Record<string, unknown>>) =>
    postgresUpsert(
      knex,
      'things',
      rows,
      ['source', 'external_id'],
      ['title', 'opened_at', 'flag'],
    );

  it("writes new and changed rows with the table's types, leaves equal ones alone, and says which it inserted", async () => {
    const knex = await table();
    const first = await upsert(knex, [
      {
        source: 's',
        external_id: '1',
        title: "it's",
        opened_at: 1_733_000_000_000,
        flag: true,
      },
      { source: 's', external_id: '2', title: 'same', opened_at: 6 },
    ]);
    expect(
      first.rows.map((r: any) => [r.external_id, r.inserted]).sort(),
    ).toEqual([
      ['1', true],
      ['2', true],
    ]);

    const second = await upsert(knex, [
      { source: 's', external_id: '1', title: 'new', opened_at: 7 },
      { source: 's', external_id: '2', title: 'same', opened_at: 6 },
      { source: 's', external_id: '3', title: undefined, flag: false },
    ]);
    // 2 is unchanged: not written, not returned.
    expect(
      second.rows.map((r: any) => [r.external_id, r.inserted]).sort(),
    ).toEqual([
      ['1', false],
      ['3', true],
    ]);
    const rows = await knex('things')
      .orderBy('external_id')
      .select('external_id', 'title', 'opened_at', 'flag');
    expect(rows).toEqual([
      { external_id: '1', title: 'new', opened_at: '7', flag: null },
      { external_id: '2', title: 'same', opened_at: '6', flag: null },
      { external_id: '3', title: null, opened_at: null, flag: false },
    ]);
    expect(
      upsert(knex, [{ source: 's', external_id: '1', opened_at: 1 }]).toSQL()
        .bindings,
    ).toHaveLength(1);
  });

  it('counts written and inserted rows per value of a column, when asked', async () => {
    const knex = await table();
    const counted = (rows: Array<Record<string, unknown>>) =>
      postgresUpsert(
        knex,
        'things',
        rows,
        ['source', 'external_id'],
        ['title'],
        'source',
      ).then(r => [...r.rows].sort((a, b) => a.source.localeCompare(b.source)));
    expect(
      await counted([
        { source: 'a', external_id: '1', title: 'x' },
        { source: 'a', external_id: '2', title: 'x' },
        { source: 'b', external_id: '1', title: 'x' },
      ]),
    ).toEqual([
      { source: 'a', written: 2, inserted: 2 },
      { source: 'b', written: 1, inserted: 1 },
    ]);
    // a/1 changes, a/2 is equal (not written), a/3 is new; b writes nothing.
    expect(
      await counted([
        { source: 'a', external_id: '1', title: 'y' },
        { source: 'a', external_id: '2', title: 'x' },
        { source: 'a', external_id: '3', title: 'x' },
        { source: 'b', external_id: '1', title: 'x' },
      ]),
    ).toEqual([{ source: 'a', written: 2, inserted: 1 }]);
  });

  it.each([[{ not: 'a number' }], [NaN], [Infinity]])(
    'refuses %p, which a binding would refuse',
    async value => {
      const knex = await table();
      expect(() =>
        upsert(knex, [{ source: 's', external_id: '1', opened_at: value }]),
      ).toThrow('things.opened_at: cannot store');
    },
  );
});
