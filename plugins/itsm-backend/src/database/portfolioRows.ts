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
import { chunks } from './chunks';
import type { KeptPortfolioRow } from './MeasurementStore';

export const GENERATIONS_TABLE = 'itsm_service_generations';
export const PORTFOLIO_ROWS_TABLE = 'itsm_portfolio_rows';

// Rows per statement: five columns each stay well under SQLite's bound
// parameters.
const CHUNK = 200;

/**
 * Raises the generation of services whose measurements the transaction
 * changed: from its commit on, their kept portfolio rows are not served
 * (docs/sla-semantics.md, rule 16). In ref order, so that writers of the
 * same services lock their rows in the same order.
 */
export async function raiseGenerations(
  tx: Knex.Transaction,
  services: Iterable<string>,
): Promise<void> {
  const refs = [...new Set(services)].sort();
  for (const chunk of chunks(refs, CHUNK)) {
    await tx(GENERATIONS_TABLE)
      .insert(chunk.map(service_ref => ({ service_ref, generation: 1 })))
      .onConflict('service_ref')
      .merge({
        generation: tx.raw('??.?? + 1', [GENERATIONS_TABLE, 'generation']),
      });
  }
}

/**
 * The services' generations now, 0 for one never written to. Read before
 * their measurements, so that a write landing in between leaves the row
 * made from them unserved.
 */
export async function readGenerations(
  db: Knex,
  services: string[],
): Promise<Map<string, number>> {
  const generations = new Map<string, number>(services.map(s => [s, 0]));
  for (const chunk of chunks([...new Set(services)], CHUNK * 2)) {
    for (const row of await db(GENERATIONS_TABLE)
      .whereIn('service_ref', chunk)
      .select('service_ref', 'generation')) {
      generations.set(String(row.service_ref), Number(row.generation));
    }
  }
  return generations;
}

/** The services' kept rows; a service without one is not in the map. */
export async function readPortfolioRows(
  db: Knex,
  services: string[],
): Promise<Map<string, KeptPortfolioRow>> {
  const rows = new Map<string, KeptPortfolioRow>();
  for (const chunk of chunks([...new Set(services)], CHUNK * 2)) {
    for (const row of await db(PORTFOLIO_ROWS_TABLE)
      .whereIn('service_ref', chunk)
      .select()) {
      rows.set(String(row.service_ref), {
        fingerprint: String(row.fingerprint),
        generation: Number(row.generation),
        evaluatedAt: Number(row.evaluated_at),
        figures: String(row.figures),
      });
    }
  }
  return rows;
}

/** Keeps the rows, each in place of the service's earlier one. */
export async function writePortfolioRows(
  db: Knex,
  rows: Array<KeptPortfolioRow & { service: string }>,
): Promise<void> {
  // One row per service, the last given; in ref order, so that writers of
  // the same rows lock them in the same order.
  const unique = [...new Map(rows.map(r => [r.service, r])).values()].sort(
    // Services are unique here: never equal.
    (a, b) => (a.service < b.service ? -1 : 1),
  );
  for (const chunk of chunks(unique, CHUNK)) {
    await db(PORTFOLIO_ROWS_TABLE)
      .insert(
        chunk.map(r => ({
          service_ref: r.service,
          fingerprint: r.fingerprint,
          generation: r.generation,
          evaluated_at: r.evaluatedAt,
          figures: r.figures,
        })),
      )
      .onConflict('service_ref')
      .merge();
  }
}
