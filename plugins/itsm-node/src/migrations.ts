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

import type { Knex } from 'knex';

const patched = new WeakSet<Knex>();

const pause = () =>
  new Promise(resolve => setTimeout(resolve, 200 + Math.random() * 300));

// Whether a migration failed only because another process was migrating the
// same database at the same moment: knex's MigrationLocked, or its own tables
// (knex_migrations, knex_migrations_lock) created by the other in between.
function isMigrationRace(error: unknown): boolean {
  const { name, message } = (error ?? {}) as {
    name?: string;
    message?: string;
  };
  return name === 'MigrationLocked' || /knex_migrations/.test(String(message));
}

/**
 * Runs `migrate` and, while it fails only because replicas that start
 * together race for the migration lock, waits and runs it again, for up to
 * `timeoutMs`. Knex gives up at once; a replica should wait for the other.
 */
async function retryMigrationRace<T>(
  migrate: () => Promise<T>,
  timeoutMs = 120_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await migrate();
    } catch (error) {
      if (!isMigrationRace(error) || Date.now() > deadline) throw error;
      await pause();
    }
  }
}

/**
 * Runs `migrate` so that replicas sharing a database take turns: on
 * PostgreSQL under a session-level advisory lock named after `table`, held
 * on a connection of its own outside any transaction (an open transaction
 * would block migrations that CREATE INDEX CONCURRENTLY); and in any case
 * waiting out the races isMigrationRace recognises.
 */
async function migrateExclusively<T>(
  knex: Knex,
  table: string,
  migrate: () => Promise<T>,
): Promise<T> {
  if (knex.client.config.client !== 'pg') {
    return retryMigrationRace(migrate);
  }
  const key = `knex migrations: ${table}`;
  const connection = await knex.client.acquireConnection();
  try {
    // Try, never wait inside a statement: a session blocked in
    // pg_advisory_lock holds a snapshot that the other replica's
    // CREATE INDEX CONCURRENTLY waits for, and neither would move.
    const deadline = Date.now() + 300_000;
    for (;;) {
      const { rows } = await knex
        .raw('SELECT pg_try_advisory_lock(hashtext(?)) AS locked', [key])
        .connection(connection);
      if (rows[0].locked) break;
      if (Date.now() > deadline) {
        throw new Error(
          `Migrations of ${table} waited 5 minutes for another process to finish its own`,
        );
      }
      await pause();
    }
    try {
      return await retryMigrationRace(migrate);
    } finally {
      await knex
        .raw('SELECT pg_advisory_unlock(hashtext(?))', [key])
        .connection(connection);
    }
  } finally {
    await knex.client.releaseConnection(connection);
  }
}

/**
 * Makes `knex.migrate.latest()` of one client safe for replicas that start
 * together on one database: on PostgreSQL they take turns under an advisory
 * lock, and races for knex's own tables are waited out, not fatal. For a
 * backend's database service (every plugin's migrations) or a plugin's own
 * client; applying it twice is harmless.
 *
 * @public
 */
export function waitOutMigrationRaces(knex: Knex): Knex {
  const descriptor = Object.getOwnPropertyDescriptor(knex, 'migrate');
  if (!descriptor?.get || patched.has(knex)) return knex;
  const original = descriptor.get;
  Object.defineProperty(knex, 'migrate', {
    configurable: true,
    get() {
      const migrator: Knex.Migrator = original.call(this);
      const latest = migrator.latest.bind(migrator);
      migrator.latest = (config?: Knex.MigratorConfig) =>
        migrateExclusively(knex, config?.tableName ?? 'knex_migrations', () =>
          latest(config),
        );
      return migrator;
    },
  });
  patched.add(knex);
  return knex;
}
