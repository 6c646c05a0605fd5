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

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import knexFactory, { Knex } from 'knex';

export type EngineName = 'sqlite' | 'postgres';

/** Where one run keeps its data, and a knex client on the itsm plugin's database. */
export type Engine = {
  name: EngineName;
  /** The itsm plugin's database: a file (SQLite) or a database name (PostgreSQL). */
  itsmDatabaseName: string;
  /** The backend.database config for the backend under test. */
  databaseConfig: object;
  /** A client on the itsm plugin's own database; valid once the backend has migrated it. */
  itsmDatabase(): Knex;
  /**
   * Brings the planner's statistics up to date after a load, as a
   * deployment's autovacuum does on its own (see analyzePostgresDatabases).
   */
  analyze(): Promise<void>;
  /** Drops everything the run created. */
  cleanup(): Promise<void>;
};

export const postgresConnection =
  process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING ??
  'postgresql://postgres@127.0.0.1:5432';

/** A fresh, empty database per run: SQLite files in a temporary folder, or PostgreSQL databases under a unique prefix. */
export function createEngine(name: EngineName, runId: string): Engine {
  const clients: Knex[] = [];
  const open = (config: Knex.Config) => {
    const client = knexFactory(config);
    clients.push(client);
    return client;
  };
  const closeAll = () => Promise.all(clients.map(c => c.destroy()));

  if (name === 'sqlite') {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'itsm-bench-'));
    return {
      name,
      itsmDatabaseName: path.join(directory, 'itsm.sqlite'),
      databaseConfig: { client: 'better-sqlite3', connection: { directory } },
      itsmDatabase: () =>
        open({
          client: 'better-sqlite3',
          connection: { filename: path.join(directory, 'itsm.sqlite') },
          useNullAsDefault: true,
        }),
      // SQLite keeps no statistics unless told to, in a deployment as here.
      analyze: async () => {},
      async cleanup() {
        await closeAll();
        fs.rmSync(directory, { recursive: true, force: true });
      },
    };
  }

  const prefix = `itsm_bench_${runId}_`;
  return {
    name,
    itsmDatabaseName: `${prefix}itsm`,
    databaseConfig: {
      client: 'pg',
      connection: postgresConnection,
      prefix,
    },
    itsmDatabase: () =>
      open({
        client: 'pg',
        connection: `${postgresConnection}/${prefix}itsm`,
        pool: { min: 0, max: 4 },
      }),
    analyze: () => analyzePostgresDatabases(prefix),
    async cleanup() {
      await closeAll();
      await dropPostgresDatabases(prefix);
    },
  };
}

/**
 * Runs `work` on every PostgreSQL database whose name starts with `prefix`,
 * one after another, with a client on the server's own `postgres` database.
 */
async function eachDatabase(
  prefix: string,
  work: (name: string, admin: Knex) => Promise<unknown>,
): Promise<void> {
  const admin = knexFactory({
    client: 'pg',
    connection: `${postgresConnection}/postgres`,
  });
  try {
    const { rows } = await admin.raw(
      'SELECT datname FROM pg_database WHERE starts_with(datname, ?)',
      [prefix],
    );
    for (const { datname } of rows as Array<{ datname: string }>) {
      await work(datname, admin);
    }
  } finally {
    await admin.destroy();
  }
}

/** Drops every PostgreSQL database whose name starts with `prefix`. */
export function dropPostgresDatabases(prefix: string): Promise<void> {
  return eachDatabase(prefix, (name, admin) =>
    admin.raw('DROP DATABASE IF EXISTS ?? WITH (FORCE)', [name]),
  );
}

/**
 * What autovacuum would have analyzed by now, in every database whose name
 * starts with `prefix`: each table changed by more than its analyze
 * threshold (50 rows and a tenth of the table, PostgreSQL's defaults) since
 * it was last analyzed. A server run with autovacuum off (as CI machines'
 * often are) never analyzes, and its planner then scans whole tables where
 * an index would do. Tables still empty are left alone, as autovacuum
 * leaves them: analyzed empty, a table would be planned as empty however
 * much it grew after.
 */
export function analyzePostgresDatabases(prefix: string): Promise<void> {
  return eachDatabase(prefix, async name => {
    const db = knexFactory({
      client: 'pg',
      connection: `${postgresConnection}/${name}`,
    });
    try {
      const { rows } = await db.raw(
        `SELECT s.schemaname, s.relname FROM pg_stat_user_tables s
           JOIN pg_class c ON c.oid = s.relid
          WHERE s.n_mod_since_analyze >
                current_setting('autovacuum_analyze_threshold')::float +
                current_setting('autovacuum_analyze_scale_factor')::float *
                GREATEST(c.reltuples, 0)`,
      );
      for (const { schemaname, relname } of rows as Array<{
        schemaname: string;
        relname: string;
      }>) {
        await db.raw('ANALYZE ??.??', [schemaname, relname]);
      }
    } finally {
      await db.destroy();
    }
  });
}

/** Fails early, with the reason, when PostgreSQL does not answer. */
export async function assertPostgresReachable(): Promise<void> {
  const admin = knexFactory({
    client: 'pg',
    connection: `${postgresConnection}/postgres`,
    acquireConnectionTimeout: 5000,
  });
  try {
    await admin.raw('SELECT 1');
  } catch (error) {
    throw new Error(
      `PostgreSQL does not answer at ${postgresConnection} (${error}); the benchmarks run on SQLite and PostgreSQL. Set BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING or pass --engine sqlite.`,
    );
  } finally {
    await admin.destroy();
  }
}
