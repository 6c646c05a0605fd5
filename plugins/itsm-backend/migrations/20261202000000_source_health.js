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

// How each measurement source fares, per service and as a whole (service_ref
// ''): when it last stored each kind of measurement, its last success and
// failure, and the items it could not map to a service. Kept up on every
// write, so that the source-health view never scans the measurements.

const KINDS = {
  last_incident_at: 'itsm_incidents',
  last_outage_at: 'itsm_outages',
  last_sli_at: 'itsm_sli_events',
};

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('itsm_source_health', table => {
    table.comment('Outcome of the latest runs and deliveries of each source');
    table.string('source', 200).notNullable();
    table
      .string('service_ref', 500)
      .notNullable()
      .comment("'' for the source as a whole");
    for (const column of Object.keys(KINDS)) {
      table.bigInteger(column).nullable();
    }
    table.bigInteger('last_success_at').nullable();
    table.bigInteger('last_failure_at').nullable();
    table.text('last_failure').nullable();
    table.bigInteger('unmatched_count').notNullable().defaultTo(0);
    table.bigInteger('last_unmatched_at').nullable();
    table.text('last_unmatched').nullable();
    table.primary(['source', 'service_ref']);
  });
  // What was stored before this table existed.
  for (const [column, measurements] of Object.entries(KINDS)) {
    /** @type {Array<{ source: string, service_ref: string, at: number }>} */
    const rows = await knex(measurements)
      .select('source', 'service_ref')
      .max({ at: 'updated_at' })
      .groupBy('source', 'service_ref');
    for (let i = 0; i < rows.length; i += 500) {
      await knex('itsm_source_health')
        .insert(
          rows.slice(i, i + 500).map(row => ({
            source: row.source,
            service_ref: row.service_ref,
            [column]: row.at,
          })),
        )
        .onConflict(['source', 'service_ref'])
        .merge([column]);
    }
  }
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('itsm_source_health');
};
