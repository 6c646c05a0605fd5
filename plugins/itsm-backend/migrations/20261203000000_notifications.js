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

// Notifications (docs/sla-semantics.md, rule 14): the last notified state of
// every watched figure, and every notice sent, which is also the outbox the
// notices are delivered from.

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('itsm_notification_states', table => {
    table.comment('The last notified state of each watched figure');
    table
      .string('entity_ref', 500)
      .notNullable()
      .comment('The service, or the supplier of a contract notice');
    table.string('agreement', 200).notNullable();
    table.string('objective', 200).notNullable();
    table.string('kind', 40).notNullable();
    table.string('subject', 500).notNullable();
    table.string('state', 40).notNullable();
    table.string('period', 100).notNullable();
    table
      .bigInteger('better_since')
      .nullable()
      .comment('Since when a better state has been seen (damping)');
    table.integer('version').notNullable();
    table.bigInteger('updated_at').notNullable();
    table.primary(['entity_ref', 'agreement', 'objective', 'kind', 'subject']);
  });
  await knex.schema.createTable('itsm_notifications', table => {
    table.comment('Every notice, newest last; pending until delivered');
    table.bigIncrements('id');
    table.string('entity_ref', 500).notNullable();
    table.string('agreement', 200).notNullable();
    table.string('objective', 200).notNullable();
    table.string('kind', 40).notNullable();
    table.string('subject', 500).notNullable();
    table.string('state', 40).notNullable();
    table.string('severity', 20).notNullable();
    table.text('title').notNullable();
    table.text('description').notNullable();
    table.text('link').notNullable();
    table.text('recipients').notNullable().comment('JSON array of entity refs');
    table.bigInteger('created_at').notNullable();
    table.bigInteger('sent_at').nullable();
    table
      .bigInteger('claimed_until')
      .nullable()
      .comment('A replica delivering it holds it until then');
    table.integer('attempts').notNullable().defaultTo(0);
    table.text('last_error').nullable();
    table.index(['entity_ref', 'id'], 'itsm_notifications_entity_idx');
    table.index(['sent_at', 'id'], 'itsm_notifications_pending_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('itsm_notifications');
  await knex.schema.dropTable('itsm_notification_states');
};
