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

// Reports read a service's rollups of a window, every objective at once. The
// primary key (service, objective, bucket) cannot seek to a window without
// the objective, so each read went through the service's whole history:
// PostgreSQL scanned the whole table for a service holding most of it.

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('itsm_sli_rollups', table => {
    table.index(
      ['service_ref', 'bucket_start'],
      'itsm_sli_rollups_service_time',
    );
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('itsm_sli_rollups', table => {
    table.dropIndex(
      ['service_ref', 'bucket_start'],
      'itsm_sli_rollups_service_time',
    );
  });
};
