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
import { SLI_BUCKET_MS, SliRollup } from './readPlan';

export const ROLLUP_TABLE = 'itsm_sli_rollups';
const RAW_TABLE = 'itsm_sli_events';
// Buckets per statement: far below either engine's bind limit.
const BUCKETS_PER_STATEMENT = 400;

const BUCKET = `slice_start - (slice_start % ${SLI_BUCKET_MS})`;
const SUMS = `SUM(good) AS good, SUM(total) AS total, COUNT(*) AS slices,
  MAX(slice_start + CAST(slice_seconds AS BIGINT) * 1000) AS last_end`;

/**
 * Serialises the SLI writes of these services on PostgreSQL until the
 * transaction ends: a rollup is recomputed from the raw rows it can see,
 * and a concurrent writer's uncommitted slices would be missing from it.
 * SQLite runs one write transaction at a time already.
 */
export async function lockSliSeries(tx: Knex.Transaction, services: string[]) {
  if (tx.client.config.client !== 'pg') return;
  for (const service of [...new Set(services)].sort()) {
    await tx.raw('SELECT pg_advisory_xact_lock(?, hashtext(?))', [
      0x17c5,
      service,
    ]);
  }
}

const RETENTION_TABLE = 'itsm_sli_retention';

/** Where retention has deleted raw slices up to (epoch ms); 0 before it ran. */
export async function sliKeptFrom(db: Knex | Knex.Transaction) {
  const row = await db(RETENTION_TABLE).where('id', 1).first('kept_from');
  return row ? Number(row.kept_from) : 0;
}

/** Moves the retention boundary forward (never back). */
export async function raiseSliKeptFrom(db: Knex, boundary: number) {
  await db.transaction(async tx => {
    const current = await sliKeptFrom(tx);
    if (boundary <= current) return;
    await tx(RETENTION_TABLE)
      .insert({ id: 1, kept_from: boundary })
      .onConflict('id')
      .merge();
  });
}

/**
 * Recomputes, from the raw rows, the rollups of the quarter hours these
 * slices start in: after any write or delete of them, in its transaction.
 */
export async function refreshSliRollups(
  tx: Knex.Transaction,
  slices: Array<{ service: string; objective: string; sliceStart: number }>,
  now: number,
) {
  const series = new Map<
    string,
    { service: string; objective: string; buckets: Set<number> }
  >();
  for (const slice of slices) {
    const key = JSON.stringify([slice.service, slice.objective]);
    const entry = series.get(key) ?? {
      service: slice.service,
      objective: slice.objective,
      buckets: new Set<number>(),
    };
    entry.buckets.add(slice.sliceStart - (slice.sliceStart % SLI_BUCKET_MS));
    series.set(key, entry);
  }
  for (const { service, objective, buckets } of series.values()) {
    const sorted = [...buckets].sort((a, b) => a - b);
    for (let i = 0; i < sorted.length; i += BUCKETS_PER_STATEMENT) {
      const chunk = sorted.slice(i, i + BUCKETS_PER_STATEMENT);
      await tx(ROLLUP_TABLE)
        .where({ service_ref: service, objective })
        .whereIn('bucket_start', chunk)
        .delete();
      await tx.raw(
        `INSERT INTO ${ROLLUP_TABLE}
           (service_ref, objective, bucket_start, good, total, slices, last_end, updated_at)
         SELECT service_ref, objective, ${BUCKET}, ${SUMS}, ?
         FROM ${RAW_TABLE}
         WHERE service_ref = ? AND objective = ?
           AND slice_start >= ? AND slice_start < ?
           AND ${BUCKET} IN (${chunk.map(() => '?').join(', ')})
         GROUP BY service_ref, objective, ${BUCKET}`,
        [
          now,
          service,
          objective,
          chunk[0],
          chunk[chunk.length - 1] + SLI_BUCKET_MS,
          ...chunk,
        ],
      );
    }
  }
}

/**
 * Rebuilds every rollup of these services from their raw rows: for data
 * written to the raw table by other means (a bulk load).
 *
 * @public
 */
export async function rebuildSliRollups(db: Knex, services: string[]) {
  await db.transaction(async tx => {
    await lockSliSeries(tx, services);
    for (let i = 0; i < services.length; i += BUCKETS_PER_STATEMENT) {
      const chunk = services.slice(i, i + BUCKETS_PER_STATEMENT);
      const marks = chunk.map(() => '?').join(', ');
      await tx(ROLLUP_TABLE).whereIn('service_ref', chunk).delete();
      await tx.raw(
        `INSERT INTO ${ROLLUP_TABLE}
           (service_ref, objective, bucket_start, good, total, slices, last_end, updated_at)
         SELECT service_ref, objective, ${BUCKET}, ${SUMS}, MAX(updated_at)
         FROM ${RAW_TABLE}
         WHERE service_ref IN (${marks})
         GROUP BY service_ref, objective, ${BUCKET}`,
        chunk,
      );
    }
  });
}

export function readRollup(row: Record<string, unknown>): SliRollup {
  return {
    service: String(row.service_ref),
    objective: String(row.objective),
    bucketStart: Number(row.bucket_start),
    good: Number(row.good),
    total: Number(row.total),
    lastEnd: Number(row.last_end),
    updatedAt: Number(row.updated_at),
  };
}

/** What a rollup holds, and the same summed from raw rows. @public */
export type RollupSums = {
  good: number;
  total: number;
  slices: number;
  lastEnd: number;
};

/** Where a rollup and the raw rows it sums disagree. @public */
export type RollupMismatch = {
  service: string;
  objective: string;
  bucketStart: number;
  rollup?: RollupSums;
  raw?: RollupSums;
};

/**
 * Every quarter hour from `from` on where the rollups differ from the sums
 * of the raw rows (before `from`, retention may have deleted the raw rows).
 * Empty when they agree: the resilience suite and tests check this.
 *
 * @public
 */
export async function compareSliRollups(
  db: Knex,
  options: { from?: number } = {},
): Promise<RollupMismatch[]> {
  const from = options.from ?? 0;
  const [raw, rolled] = await Promise.all([
    db.raw(
      `SELECT service_ref, objective, ${BUCKET} AS bucket_start, ${SUMS}
       FROM ${RAW_TABLE} WHERE slice_start >= ?
       GROUP BY service_ref, objective, ${BUCKET}`,
      [from],
    ),
    db(ROLLUP_TABLE)
      .where('bucket_start', '>=', from)
      .select('service_ref', 'objective', 'bucket_start', 'good', 'total')
      .select('slices', 'last_end'),
  ]);
  const rows = (result: any): Array<Record<string, unknown>> =>
    Array.isArray(result) ? result : result.rows;
  const sums = (row: Record<string, unknown>): RollupSums => ({
    good: Number(row.good),
    total: Number(row.total),
    slices: Number(row.slices),
    lastEnd: Number(row.last_end),
  });
  const keyOf = (row: Record<string, unknown>) =>
    JSON.stringify([row.service_ref, row.objective, Number(row.bucket_start)]);
  const byKey = new Map<string, RollupMismatch>();
  const entry = (row: Record<string, unknown>) => {
    const key = keyOf(row);
    const found = byKey.get(key) ?? {
      service: String(row.service_ref),
      objective: String(row.objective),
      bucketStart: Number(row.bucket_start),
    };
    byKey.set(key, found);
    return found;
  };
  for (const row of rows(raw)) entry(row).raw = sums(row);
  for (const row of rows(rolled)) entry(row).rollup = sums(row);
  return [...byKey.values()].filter(
    m => JSON.stringify(m.raw) !== JSON.stringify(m.rollup),
  );
}
