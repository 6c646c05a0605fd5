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

// Instants are UTC epoch milliseconds (bigint): the same comparisons and
// range scans on SQLite and PostgreSQL, no time zone or format drift.

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('itsm_incidents', table => {
    table.comment(
      'Incidents of IT services, upserted by (source, external_id)',
    );
    table.bigIncrements('id').primary();
    table.string('source', 200).notNullable();
    table.string('external_id', 500).notNullable();
    table
      .string('service_ref', 500)
      .notNullable()
      .comment('Lower-case ITService entity ref');
    table.string('priority', 2).notNullable();
    table.bigInteger('opened_at').notNullable();
    table.bigInteger('acknowledged_at').nullable();
    table.bigInteger('resolved_at').nullable();
    table
      .text('pauses')
      .nullable()
      .comment('JSON array of { from, to? } in epoch ms');
    table.text('title').nullable();
    table.text('url').nullable();
    table.bigInteger('updated_at').notNullable();
    table.unique(['source', 'external_id'], {
      indexName: 'itsm_incidents_key',
    });
    table.index(
      ['service_ref', 'opened_at', 'id'],
      'itsm_incidents_service_time',
    );
  });

  await knex.schema.createTable('itsm_outages', table => {
    table.comment(
      'Outages and planned maintenance, upserted by (source, external_id)',
    );
    table.bigIncrements('id').primary();
    table.string('source', 200).notNullable();
    table.string('external_id', 500).notNullable();
    table.string('service_ref', 500).notNullable();
    table.bigInteger('start_at').notNullable();
    table.bigInteger('end_at').nullable().comment('Null while ongoing');
    table.string('impact', 10).notNullable();
    table.boolean('planned').notNullable().defaultTo(false);
    table.text('title').nullable();
    table.bigInteger('updated_at').notNullable();
    table.unique(['source', 'external_id'], { indexName: 'itsm_outages_key' });
    table.index(['service_ref', 'start_at', 'id'], 'itsm_outages_service_time');
  });

  await knex.schema.createTable('itsm_sli_events', table => {
    table.comment('Good/total counts per objective and time slice');
    table.bigIncrements('id').primary();
    table.string('source', 200).notNullable();
    table.string('service_ref', 500).notNullable();
    table.string('objective', 200).notNullable();
    table.bigInteger('slice_start').notNullable();
    table.integer('slice_seconds').notNullable();
    table.bigInteger('good').notNullable();
    table.bigInteger('total').notNullable();
    table.bigInteger('updated_at').notNullable();
    table.unique(['source', 'service_ref', 'objective', 'slice_start'], {
      indexName: 'itsm_sli_events_key',
    });
    table.index(
      ['service_ref', 'slice_start', 'id'],
      'itsm_sli_events_service_time',
    );
  });

  await knex.schema.createTable('itsm_missing_services', table => {
    table.comment('Services with measurements that the catalog no longer has');
    table.string('service_ref', 500).primary();
    table.bigInteger('missing_since').notNullable();
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('itsm_missing_services');
  await knex.schema.dropTable('itsm_sli_events');
  await knex.schema.dropTable('itsm_outages');
  await knex.schema.dropTable('itsm_incidents');
};
