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

import { Knex } from 'knex';
import type { ServiceNotification } from '@backstage-itsm/plugin-itsm-common';
import { chunks } from '../database/chunks';
import { NoticeText } from './observe';
import { StoredWatch, Transition, WatchKey, WatchKind } from './transitions';

const STATES = 'itsm_notification_states';
const NOTICES = 'itsm_notifications';
const KEY = ['entity_ref', 'agreement', 'objective', 'kind', 'subject'];
const ERROR_LIMIT = 1000;
// Rows per multi-row insert, and entities per read: under both engines'
// bound-parameter limits (a notice row binds 13 values).
const CHUNK = 200;

/** A notice to store with a state change. */
export type NewNotice = NoticeText & {
  kind: ServiceNotification['kind'];
  state: string;
  link: string;
  recipients: string[];
};

/** A stored notice. */
export type NoticeRecord = Omit<WatchKey, 'kind'> &
  NewNotice & {
    id: string;
    createdAt: number;
    sentAt?: number;
    attempts: number;
    lastError?: string;
  };

const keyText = (row: Record<string, unknown>) =>
  JSON.stringify(KEY.map(column => String(row[column])));

const keyColumns = (key: WatchKey) => ({
  entity_ref: key.entityRef,
  agreement: key.agreement,
  objective: key.objective,
  kind: key.kind,
  subject: key.subject,
});

function watchFromRow(row: Record<string, any>): StoredWatch {
  return {
    entityRef: row.entity_ref,
    agreement: row.agreement,
    objective: row.objective,
    kind: row.kind as WatchKind,
    subject: row.subject,
    state: row.state,
    period: row.period,
    betterSince:
      row.better_since === null ? undefined : Number(row.better_since),
    version: Number(row.version),
  };
}

function noticeFromRow(row: Record<string, any>): NoticeRecord {
  return {
    id: String(row.id),
    entityRef: row.entity_ref,
    agreement: row.agreement,
    objective: row.objective,
    kind: row.kind,
    subject: row.subject,
    state: row.state,
    severity: row.severity,
    title: row.title,
    description: row.description,
    link: row.link,
    recipients: JSON.parse(row.recipients),
    createdAt: Number(row.created_at),
    sentAt: row.sent_at === null ? undefined : Number(row.sent_at),
    attempts: Number(row.attempts),
    lastError: row.last_error ?? undefined,
  };
}

/** A stored notice as the API shows it. */
export function serviceNotification(notice: NoticeRecord): ServiceNotification {
  const optional = (name: string, value: string) =>
    value ? { [name]: value } : {};
  return {
    id: notice.id,
    kind: notice.kind,
    ...optional('agreement', notice.agreement),
    ...optional('objective', notice.objective),
    ...optional('subject', notice.subject),
    state: notice.state,
    severity: notice.severity,
    title: notice.title,
    description: notice.description,
    link: notice.link,
    recipients: notice.recipients,
    createdAt: new Date(notice.createdAt).toISOString(),
    ...(notice.sentAt !== undefined && {
      sentAt: new Date(notice.sentAt).toISOString(),
    }),
    delivery: notice.sentAt === undefined ? 'pending' : 'sent',
    ...(notice.sentAt === undefined &&
      notice.lastError && { lastError: notice.lastError }),
  };
}

/** One state change of a watched figure, from the state read. */
export type RecordedTransition = {
  key: WatchKey;
  stored?: StoredWatch;
  next: Transition;
  notice?: NewNotice;
  now: number;
};

/**
 * The last notified state of every watched figure and the notices sent.
 * A state change and its notice are written together, and only if the state
 * is still the one read: of two replicas that see the same change, one
 * writes it.
 */
export class NotificationStore {
  constructor(private readonly db: Knex) {}

  async states(entityRef: string): Promise<StoredWatch[]> {
    return (await this.statesOf([entityRef])).get(entityRef) ?? [];
  }

  /** The states of these entities, by entity ref: a page of them read together. */
  async statesOf(entityRefs: string[]): Promise<Map<string, StoredWatch[]>> {
    const byEntity = new Map<string, StoredWatch[]>();
    for (const chunk of chunks(entityRefs, CHUNK)) {
      const rows = await this.db(STATES).whereIn('entity_ref', chunk);
      for (const row of rows) {
        const watches = byEntity.get(row.entity_ref);
        if (watches) watches.push(watchFromRow(row));
        else byEntity.set(row.entity_ref, [watchFromRow(row)]);
      }
    }
    return byEntity;
  }

  /**
   * Writes the transition from `stored` (undefined: no row yet) and, if
   * given, its notice. False when another writer changed the state first;
   * then nothing is written.
   */
  async record(transition: RecordedTransition): Promise<boolean> {
    const [written] = await this.recordAll([transition]);
    return written;
  }

  /**
   * Writes each transition as `record` does, in one transaction: each is
   * still written only if its state is the one read, and the result says
   * which were. New states go in many to a statement, then the changed
   * ones, each in the order given, which callers keep the same for the same
   * entities, so that two writers lock their rows alike.
   */
  async recordAll(transitions: RecordedTransition[]): Promise<boolean[]> {
    if (transitions.length === 0) return [];
    return this.db.transaction(async tx => {
      const written = transitions.map(() => false);
      const values = ({ next, now }: RecordedTransition) => ({
        state: next.state,
        period: next.period,
        better_since: next.betterSince ?? null,
        updated_at: now,
      });
      const fresh = [...transitions.entries()].filter(([, t]) => !t.stored);
      for (const chunk of chunks(fresh, CHUNK)) {
        // A key another writer inserted first does not come back.
        const inserted = new Set(
          (
            await tx(STATES)
              .insert(
                chunk.map(([, t]) => ({
                  ...keyColumns(t.key),
                  ...values(t),
                  version: 1,
                })),
              )
              .onConflict(KEY)
              .ignore()
              .returning(KEY)
          ).map(keyText),
        );
        for (const [i, t] of chunk) {
          // delete: a key given twice is written once
          written[i] = inserted.delete(keyText(keyColumns(t.key)));
        }
      }
      for (const [i, t] of transitions.entries()) {
        if (!t.stored) continue;
        const updated = await tx(STATES)
          .where({ ...keyColumns(t.key), version: t.stored.version })
          .update({ ...values(t), version: t.stored.version + 1 });
        written[i] = updated === 1;
      }
      const notices = transitions.filter(
        (t, i): t is RecordedTransition & { notice: NewNotice } =>
          written[i] && t.notice !== undefined,
      );
      for (const chunk of chunks(notices, CHUNK)) {
        await tx(NOTICES).insert(
          chunk.map(({ key, notice, now }) => ({
            ...keyColumns(key),
            kind: notice.kind,
            state: notice.state,
            severity: notice.severity,
            title: notice.title,
            description: notice.description,
            link: notice.link,
            recipients: JSON.stringify(notice.recipients),
            created_at: now,
            attempts: 0,
          })),
        );
      }
      return written;
    });
  }

  /**
   * Notices not delivered yet and not held by another replica, each now
   * held by this one until `now + leaseMs`.
   */
  async claimPending(
    now: number,
    leaseMs: number,
    limit = 100,
  ): Promise<NoticeRecord[]> {
    const rows = await this.db(NOTICES)
      .whereNull('sent_at')
      .andWhere(q =>
        q.whereNull('claimed_until').orWhere('claimed_until', '<=', now),
      )
      .orderBy('id')
      .limit(limit);
    const claimed: NoticeRecord[] = [];
    for (const row of rows) {
      const won = await this.db(NOTICES)
        .where({ id: row.id })
        .whereNull('sent_at')
        .andWhere(q =>
          q.whereNull('claimed_until').orWhere('claimed_until', '<=', now),
        )
        .update({
          claimed_until: now + leaseMs,
          attempts: Number(row.attempts) + 1,
        });
      if (won === 1) claimed.push(noticeFromRow(row));
    }
    return claimed;
  }

  async markSent(id: string, now: number): Promise<void> {
    await this.db(NOTICES)
      .where({ id })
      .update({ sent_at: now, claimed_until: null, last_error: null });
  }

  /** Keeps the notice pending; it is tried again from `retryAt`. */
  async markFailed(id: string, error: string, retryAt: number): Promise<void> {
    await this.db(NOTICES)
      .where({ id })
      .update({
        claimed_until: retryAt,
        last_error: error.slice(0, ERROR_LIMIT),
      });
  }

  /** The notices about an entity, newest first. */
  async list(entityRef: string, limit: number): Promise<NoticeRecord[]> {
    const rows = await this.db(NOTICES)
      .where({ entity_ref: entityRef })
      .orderBy('id', 'desc')
      .limit(limit);
    return rows.map(noticeFromRow);
  }

  /** Forgets the states and notices of entities gone from the catalog. */
  async forget(entityRefs: string[]): Promise<void> {
    for (let i = 0; i < entityRefs.length; i += 500) {
      const chunk = entityRefs.slice(i, i + 500);
      await this.db(STATES).whereIn('entity_ref', chunk).delete();
      await this.db(NOTICES).whereIn('entity_ref', chunk).delete();
    }
  }
}
