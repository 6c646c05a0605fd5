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

// SLI rollups (docs/sla-semantics.md, rule 15): per service, objective and
// quarter hour of UTC, the sums of the raw slices that start in it. Reports
// read them for the closed quarter hours of a period; the store keeps them
// equal to the raw rows in the same transaction as every write.

const BUCKET_MS = 15 * 60_000;

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('itsm_sli_rollups', table => {
    table.comment(
      'Sums of the SLI slices starting in each quarter hour, per service and objective',
    );
    table.string('service_ref', 500).notNullable();
    table.string('objective', 200).notNullable();
    table
      .bigInteger('bucket_start')
      .notNullable()
      .comment('Epoch ms, a multiple of 15 minutes');
    table.bigInteger('good').notNullable();
    table.bigInteger('total').notNullable();
    table.integer('slices').notNullable();
    table
      .bigInteger('last_end')
      .notNullable()
      .comment('Where the latest-ending slice ends (epoch ms)');
    table.bigInteger('updated_at').notNullable();
    table.primary(['service_ref', 'objective', 'bucket_start']);
  });
  await knex.schema.createTable('itsm_sli_retention', table => {
    table.comment('Where retention last deleted raw SLI slices up to');
    table.integer('id').primary();
    table
      .bigInteger('kept_from')
      .notNullable()
      .comment('Raw slices before this instant (epoch ms) may be deleted');
  });
  // The slices stored before rollups existed.
  const bucket = `slice_start - (slice_start % ${BUCKET_MS})`;
  await knex.raw(
    `INSERT INTO itsm_sli_rollups
       (service_ref, objective, bucket_start, good, total, slices, last_end, updated_at)
     SELECT service_ref, objective, ${bucket}, SUM(good), SUM(total), COUNT(*),
       MAX(slice_start + CAST(slice_seconds AS BIGINT) * 1000), MAX(updated_at)
     FROM itsm_sli_events
     GROUP BY service_ref, objective, ${bucket}`,
  );
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('itsm_sli_retention');
  await knex.schema.dropTable('itsm_sli_rollups');
};
