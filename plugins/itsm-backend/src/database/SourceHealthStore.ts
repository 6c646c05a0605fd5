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

import type { ItsmSourceHealthReport } from '@backstage-itsm/plugin-itsm-node';
import { Knex } from 'knex';

const TABLE = 'itsm_source_health';
const KEY = ['source', 'service_ref'];
const MESSAGE_LIMIT = 1000;

/** The kinds of measurement, by the column that says when each was last stored. */
const STORED = {
  incidents: 'last_incident_at',
  outages: 'last_outage_at',
  sliEvents: 'last_sli_at',
} as const;

/** @public */
export type MeasurementKind = keyof typeof STORED;

/** What the store knows of one source, for one service or as a whole. */
export type SourceHealthRecord = {
  source: string;
  /** Absent for the source as a whole. */
  service?: string;
  /** When it last stored each kind of measurement, in epoch ms. */
  lastStored: Partial<Record<MeasurementKind, number>>;
  lastSuccessAt?: number;
  lastFailureAt?: number;
  lastFailure?: string;
  unmatchedCount: number;
  lastUnmatchedAt?: number;
  lastUnmatched?: string;
};

/** A source as a whole, with what its services add up to. */
export type SourceSummaryRecord = SourceHealthRecord & {
  /** Services it stored measurements or health for. */
  services: number;
  /** Of those, the ones whose latest attempt failed. */
  failingServices: number;
};

const optionalNumber = (value: unknown) =>
  value === null || value === undefined ? undefined : Number(value);
const optionalString = (value: unknown) =>
  value === null || value === undefined ? undefined : String(value);
const clip = (message: string | undefined) =>
  (message ?? '').slice(0, MESSAGE_LIMIT);

function fromRow(row: Record<string, unknown>): SourceHealthRecord {
  const lastStored: SourceHealthRecord['lastStored'] = {};
  for (const [kind, column] of Object.entries(STORED)) {
    const at = optionalNumber(row[column]);
    if (at !== undefined) lastStored[kind as MeasurementKind] = at;
  }
  return {
    source: String(row.source),
    service: row.service_ref ? String(row.service_ref) : undefined,
    lastStored,
    lastSuccessAt: optionalNumber(row.last_success_at),
    lastFailureAt: optionalNumber(row.last_failure_at),
    lastFailure: optionalString(row.last_failure),
    unmatchedCount: Number(row.unmatched_count ?? 0),
    lastUnmatchedAt: optionalNumber(row.last_unmatched_at),
    lastUnmatched: optionalString(row.last_unmatched),
  };
}

/**
 * The source-health table: when each source last stored, succeeded, failed
 * or received something it could not map, per service and as a whole.
 */
export class SourceHealthStore {
  constructor(
    private readonly db: Knex,
    private readonly now: () => number = Date.now,
  ) {}

  /** Notes that a write stored measurements of these (source, service) pairs. */
  async stored(
    kind: MeasurementKind,
    pairs: Array<{ source: string; service: string }>,
  ) {
    const column = STORED[kind];
    // A batch holds thousands of items and few pairs: nothing per item.
    const services = new Map<string, Set<string>>();
    for (const { source, service } of pairs) {
      const of = services.get(source);
      if (of) of.add(service);
      else services.set(source, new Set([service]));
    }
    const at = this.now();
    const rows = [...services].flatMap(([source, of]) =>
      [...of].map(service => ({ source, service_ref: service, [column]: at })),
    );
    for (let i = 0; i < rows.length; i += 500) {
      await this.db(TABLE)
        .insert(rows.slice(i, i + 500))
        .onConflict(KEY)
        .merge([column]);
    }
  }

  async report(report: ItsmSourceHealthReport) {
    const at = this.now();
    const key = { source: report.source, service_ref: report.service ?? '' };
    let fields: Record<string, unknown>;
    if (report.outcome === 'ok') {
      fields = { last_success_at: at };
    } else if (report.outcome === 'failed') {
      fields = {
        last_failure_at: at,
        last_failure: clip(report.message) || 'failed without a message',
      };
    } else {
      // Unmatched items are the source's own, not a service's.
      key.service_ref = '';
      fields = {
        last_unmatched_at: at,
        last_unmatched: clip(report.message),
      };
    }
    const insert = { ...key, ...fields };
    const merge =
      report.outcome === 'unmatched'
        ? {
            ...fields,
            unmatched_count: this.db.raw('??.?? + 1', [
              TABLE,
              'unmatched_count',
            ]),
          }
        : fields;
    await this.db(TABLE)
      .insert(
        report.outcome === 'unmatched'
          ? { ...insert, unmatched_count: 1 }
          : insert,
      )
      .onConflict(KEY)
      .merge(merge);
  }

  /**
   * The sources of one service, by source name, each with its row as a
   * whole (whose failures fail the service too).
   */
  async forService(
    service: string,
  ): Promise<
    Array<{ record: SourceHealthRecord; whole?: SourceHealthRecord }>
  > {
    const rows = (
      await this.db(TABLE)
        .whereIn('service_ref', [service, ''])
        .orderBy('source')
    ).map(fromRow);
    const wholes = new Map(
      rows.filter(r => !r.service).map(r => [r.source, r]),
    );
    return rows
      .filter(r => r.service)
      .map(record => ({ record, whole: wholes.get(record.source) }));
  }

  /** Forgets the rows of services whose measurements were pruned. */
  async forgetServices(services: string[]) {
    for (let i = 0; i < services.length; i += 500) {
      await this.db(TABLE)
        .whereIn('service_ref', services.slice(i, i + 500))
        .delete();
    }
  }

  /**
   * Every source as a whole: its own row (failures of whole runs, unmatched
   * items) with, over the services it reports for, how many there are, how
   * many of them fail now, and when it last stored each kind.
   */
  async sources(): Promise<SourceSummaryRecord[]> {
    const [wholes, perService] = await Promise.all([
      this.db(TABLE).where({ service_ref: '' }),
      this.db<Record<string, unknown>>(TABLE)
        .select('source')
        .max({ last_incident_at: 'last_incident_at' })
        .max({ last_outage_at: 'last_outage_at' })
        .max({ last_sli_at: 'last_sli_at' })
        .max({ last_service_success_at: 'last_success_at' })
        .count({ services: '*' })
        .sum({
          failing: this.db.raw(
            'CASE WHEN last_failure_at > COALESCE(last_success_at, 0) THEN 1 ELSE 0 END',
          ),
        })
        .whereNot({ service_ref: '' })
        .groupBy('source'),
    ]);
    const summaries = new Map<string, SourceSummaryRecord>();
    for (const row of wholes) {
      summaries.set(String(row.source), {
        ...fromRow(row),
        services: 0,
        failingServices: 0,
      });
    }
    for (const row of perService) {
      const source = String(row.source);
      const own = summaries.get(source) ?? {
        ...fromRow({ source }),
        services: 0,
        failingServices: 0,
      };
      const latest = optionalNumber(row.last_service_success_at);
      summaries.set(source, {
        ...own,
        lastStored: fromRow(row).lastStored,
        lastSuccessAt:
          latest === undefined
            ? own.lastSuccessAt
            : Math.max(latest, own.lastSuccessAt ?? 0),
        services: Number(row.services),
        failingServices: Number(row.failing ?? 0),
      });
    }
    return [...summaries.values()].sort((a, b) =>
      a.source.localeCompare(b.source),
    );
  }
}
