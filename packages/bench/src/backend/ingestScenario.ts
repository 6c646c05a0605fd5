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

import { IncidentItem, incidentRow, incidents, serviceRef } from '../data';
import { row, summarize } from '../stats';
import { BackendScenario, BATCH, count, DAY, timed, total } from './context';

/**
 * ingest: incidents through the REST API against a knex batch insert of the
 * same rows; re-ingest: the same batches again, all unchanged.
 */
export const ingestScenario: BackendScenario = {
  name: 'ingest',
  async run({ engineName, sizes, now, api, db, services, settle, log }) {
    const rows = [];
    const ingestItems = incidents({
      service: services.ingest,
      count: sizes.ingest,
      from: now - 730 * DAY,
      to: now,
      prefix: 'ingest',
      seed: 1,
    });
    const batches: IncidentItem[][] = [];
    for (let i = 0; i < ingestItems.length; i += BATCH) {
      batches.push(ingestItems.slice(i, i + BATCH));
    }
    // One untimed batch on each side first, removed again: the first of a
    // kind pays for compiling and caching, which weighed on the quick run's
    // four batches.
    const warmUp = incidents({
      service: services.ingest,
      count: BATCH,
      from: now - 730 * DAY,
      to: now,
      prefix: 'warm-up',
      seed: 2,
    });
    const clearIngested = () =>
      db('itsm_incidents')
        .where('service_ref', serviceRef(services.ingest))
        .delete();
    const insertRows = (items: IncidentItem[]) => {
      const rowsNow = items.map(item => incidentRow(item, now));
      return db.transaction(tx =>
        tx.batchInsert('itsm_incidents', rowsNow, 500),
      );
    };
    await settle('ingest');
    log(`[${engineName}] ingest: knex baseline, ${count(sizes.ingest)} rows`);
    await insertRows(warmUp);
    await clearIngested();
    const baselineSamples: number[] = [];
    for (const batch of batches) {
      baselineSamples.push(await timed(() => insertRows(batch)));
    }
    await clearIngested();
    const post = (batch: IncidentItem[]) =>
      api.post('/api/itsm/v1/incidents', { items: batch });
    // Bodies serialized ahead, as the baseline's rows are built ahead: the
    // timings are of the API, not of the bench's JSON.stringify.
    const bodies = batches.map(batch => JSON.stringify({ items: batch }));
    const postBody = (body: string) =>
      api.request('POST', '/api/itsm/v1/incidents', body);
    log(`[${engineName}] ingest: ${batches.length} batches over HTTP`);
    await post(warmUp);
    await clearIngested();
    const ingestSamples: number[] = [];
    for (const body of bodies) {
      ingestSamples.push(await timed(() => postBody(body)));
    }
    const stored = Number(
      (
        await db('itsm_incidents')
          .where('service_ref', serviceRef(services.ingest))
          .count({ n: '*' })
      )[0].n,
    );
    if (stored !== sizes.ingest) {
      throw new Error(
        `ingest stored ${stored} incidents, expected ${sizes.ingest}`,
      );
    }
    const ingestSummary = summarize(ingestSamples);
    const baselineSummary = summarize(baselineSamples);
    rows.push(
      row({
        benchmark: 'ingest',
        engine: engineName,
        size: `${count(sizes.ingest)} incidents`,
        unit: 'ms',
        ...ingestSummary,
        baseline: { label: 'knex insert', median: baselineSummary.median },
        // throughput over the whole run, API against the bare insert
        ratio: total(baselineSamples) / total(ingestSamples),
        target: { op: '>=', limit: 0.5, of: 'ratio' },
        note: 'median and p95 per batch of 5,000; ratio = API throughput / knex throughput',
      }),
    );
    log(`[${engineName}] re-ingest: the same batches, unchanged`);
    const reingestSamples: number[] = [];
    for (const [i, batch] of batches.entries()) {
      let answer: { unchanged: number } | undefined;
      reingestSamples.push(
        await timed(async () => {
          answer = await postBody(bodies[i]);
        }),
      );
      if (answer?.unchanged !== batch.length) {
        throw new Error(
          `re-ingest: expected ${batch.length} unchanged, got ${JSON.stringify(
            answer,
          )}`,
        );
      }
    }
    rows.push(
      row({
        benchmark: 're-ingest',
        engine: engineName,
        size: `${count(sizes.ingest)} incidents`,
        unit: 'ms',
        ...summarize(reingestSamples),
        baseline: { label: 'first ingest', median: ingestSummary.median },
        ratio: total(reingestSamples) / total(ingestSamples),
        target: { op: '<=', limit: 1, of: 'ratio' },
      }),
    );

    return rows;
  },
};
