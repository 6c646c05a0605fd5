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
/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('itsm_sla_snapshots', table => {
    table.comment(
      'SLA reports of closed months; deleted when late measurements arrive',
    );
    table.string('service_ref', 500).notNullable();
    table.string('period', 7).notNullable().comment('YYYY-MM');
    table.text('report').notNullable().comment('The ServiceSlaReport as JSON');
    table.bigInteger('computed_at').notNullable();
    table.primary(['service_ref', 'period']);
  });
  // Reports read the outages that overlap a period: those ending after its start.
  await knex.schema.alterTable('itsm_outages', table => {
    table.index(['service_ref', 'end_at'], 'itsm_outages_service_end');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('itsm_outages', table => {
    table.dropIndex(['service_ref', 'end_at'], 'itsm_outages_service_end');
  });
  await knex.schema.dropTable('itsm_sla_snapshots');
};
