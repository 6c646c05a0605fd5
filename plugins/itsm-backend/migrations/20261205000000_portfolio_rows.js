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

// Kept portfolio rows (docs/sla-semantics.md, rule 16). Every write that
// changes a service's measurements raises its generation in the same
// transaction; a row made at an older generation is not served.

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('itsm_service_generations', table => {
    table.comment(
      'How many writes changed each service’s measurements; never reset',
    );
    table.string('service_ref', 500).primary();
    table.bigInteger('generation').notNullable();
  });
  await knex.schema.createTable('itsm_portfolio_rows', table => {
    table.comment('The figures of each service’s current portfolio row');
    table.string('service_ref', 500).primary();
    table
      .string('fingerprint', 64)
      .notNullable()
      .comment('Of the spec and the scoring configuration it was made from');
    table
      .bigInteger('generation')
      .notNullable()
      .comment('The service’s generation read before its measurements');
    table.bigInteger('evaluated_at').notNullable().comment('Epoch ms');
    table.text('figures').notNullable().comment('JSON');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('itsm_portfolio_rows');
  await knex.schema.dropTable('itsm_service_generations');
};
