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

import { Knex } from 'knex';

const storable = (value: unknown) =>
  value === null ||
  value === undefined ||
  typeof value === 'string' ||
  typeof value === 'boolean' ||
  (typeof value === 'number' && Number.isFinite(value));

const quoteText = (text: string) => `'${text.replace(/'/g, "''")}'`;

// The rows' columns; what a binding would refuse, JSON would turn into text
// or NULL, so it throws here.
function columnsOf(table: string, rows: Array<Record<string, unknown>>) {
  const columns = new Set<string>();
  for (const row of rows) {
    // eslint-disable-next-line guard-for-in -- rows are plain objects
    for (const column in row) {
      const value = row[column];
      if (!storable(value)) {
        throw new TypeError(
          `${table}.${column}: cannot store ${
            typeof value === 'number'
              ? value
              : `a value of type ${typeof value}`
          }`,
        );
      }
      columns.add(column);
    }
  }
  return [...columns];
}

function sql(db: Knex | Knex.Transaction) {
  const id = (name: string): string => db.client.wrapIdentifier(name);
  return { id, list: (names: string[]) => names.map(id).join(', ') };
}

/*
 * Multi-row upserts that send their rows as one JSON text, each row's
 * columns replacing a stored row of the same key, as knex's
 * `insert(rows).onConflict(keys).merge()` does. knex binds every value
 * (on SQLite as `select ? as "column" … union all`, an alias per value),
 * which made most of what an ingest batch allocated. Values are stored as
 * bound values would be (numbers, text, booleans); a column a row lacks, or
 * gives as undefined, is written as NULL; any other value (an object, NaN)
 * throws.
 */

/** SQLite reads the rows with json_each. */
export function sqliteUpsert(
  db: Knex | Knex.Transaction,
  table: string,
  rows: Array<Record<string, unknown>>,
  keyColumns: string[],
): Knex.Raw {
  const names = columnsOf(table, rows);
  const { id, list } = sql(db);
  // `where true`: SQLite's grammar needs it before ON CONFLICT after a SELECT.
  return db.raw(
    `insert into ${id(table)} (${list(names)}) select ${names
      .map(name => `value ->> ${quoteText(name)}`)
      .join(', ')} from json_each(?) where true on conflict (${list(
      keyColumns,
    )}) do update set ${names
      .map(name => `${id(name)} = excluded.${id(name)}`)
      .join(', ')}`,
    [JSON.stringify(rows)],
  );
}

/**
 * PostgreSQL reads the rows with json_populate_recordset, as the table's
 * own column types. A row whose `compared` columns equal the stored row's is
 * left alone. The statement returns each written key and whether it was
 * inserted (`inserted`, from xmax = 0); or, with `countBy`, one row per value
 * of that column with the rows `written` and, of those, `inserted`.
 */
export function postgresUpsert(
  db: Knex | Knex.Transaction,
  table: string,
  rows: Array<Record<string, unknown>>,
  keyColumns: string[],
  compared: string[],
  countBy?: string,
): Knex.Raw {
  const names = columnsOf(table, rows);
  const { id, list } = sql(db);
  const upsert = `insert into ${id(table)} (${list(names)}) select ${list(
    names,
  )} from json_populate_recordset(null::${id(table)}, ?) on conflict (${list(
    keyColumns,
  )}) do update set ${names
    .map(name => `${id(name)} = excluded.${id(name)}`)
    .join(', ')} where (${compared
    .map(name => `${id(table)}.${id(name)}`)
    .join(', ')}) is distinct from (${compared
    .map(name => `excluded.${id(name)}`)
    .join(', ')})`;
  return db.raw(
    countBy
      ? `with w as (${upsert} returning ${id(
          countBy,
        )}, (xmax = 0) as inserted) select ${id(
          countBy,
        )}, count(*)::int as written, (count(*) filter (where inserted))::int as inserted from w group by ${id(
          countBy,
        )}`
      : `${upsert} returning ${list(keyColumns)}, (xmax = 0) as inserted`,
    [JSON.stringify(rows)],
  );
}
