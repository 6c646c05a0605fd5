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

// @ts-check

// Incidents and outages are keyed per service: a write to one service can no
// longer overwrite, or reveal, a row of another. The (source, external_id)
// index stays for finding a key's rows across services (moves, deletes).

const TABLES = ['itsm_incidents', 'itsm_outages'];

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  for (const name of TABLES) {
    await knex.schema.alterTable(name, table => {
      table.dropUnique(['source', 'external_id'], `${name}_key`);
    });
    await knex.schema.alterTable(name, table => {
      table.unique(['service_ref', 'source', 'external_id'], {
        indexName: `${name}_key`,
      });
      table.index(['source', 'external_id'], `${name}_source_key`);
    });
  }
};

/**
 * Fails if a key is now stored under more than one service.
 *
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  for (const name of TABLES) {
    await knex.schema.alterTable(name, table => {
      table.dropUnique(['service_ref', 'source', 'external_id'], `${name}_key`);
      table.dropIndex(['source', 'external_id'], `${name}_source_key`);
    });
    await knex.schema.alterTable(name, table => {
      table.unique(['source', 'external_id'], { indexName: `${name}_key` });
    });
  }
};
