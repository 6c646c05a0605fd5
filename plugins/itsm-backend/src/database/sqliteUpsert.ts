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

/**
 * A multi-row insert into SQLite, each row's columns replacing a stored row
 * of the same key: what knex's `insert(rows).onConflict(keys).merge()` does.
 * knex writes SQLite's multi-row inserts as `select ? as "column", … union
 * all select …`, a quoted alias and a binding per value, which made most of
 * what an ingest batch allocated; here the rows go in as one JSON text that
 * SQLite reads with json_each. Values are stored as bound values would be
 * (numbers, text, booleans as 1 and 0); a column a row lacks, or gives as
 * undefined, is written as NULL; any other value (an object, NaN) throws.
 */
export function sqliteUpsert(
  db: Knex | Knex.Transaction,
  table: string,
  rows: Array<Record<string, unknown>>,
  keyColumns: string[],
): Knex.Raw {
  const columns = new Set<string>();
  for (const row of rows) {
    // eslint-disable-next-line guard-for-in -- rows are plain objects
    for (const column in row) {
      const value = row[column];
      // What a binding would refuse, JSON would turn into text or NULL.
      if (!storable(value)) {
        throw new TypeError(
          `${table}.${column}: SQLite cannot store ${
            typeof value === 'number'
              ? value
              : `a value of type ${typeof value}`
          }`,
        );
      }
      columns.add(column);
    }
  }
  const names = [...columns];
  const id = (name: string) => db.client.wrapIdentifier(name);
  const list = (items: string[]) => items.map(id).join(', ');
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
