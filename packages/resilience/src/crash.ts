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

import { compareSliRollups } from '@backstage-itsm/plugin-itsm-backend';
import knexFactory, { Knex } from 'knex';
import {
  createEngine,
  incidents,
  IncidentItem,
  postgresConnection,
} from '@backstage-itsm/bench';
import {
  catalogFile,
  catalogReady,
  check,
  send,
  startBackend,
  tally,
  waitFor,
} from './harness';

const BATCH = 5000;
const MINUTE = 60_000;

type SliItem = {
  source: string;
  service: string;
  objective: string;
  sliceStart: string;
  sliceSeconds: number;
  good: number;
  total: number;
};

/** Whether a statement that `matches` runs in an open transaction of the database. */
async function writing(admin: Knex, database: string, matches: string) {
  const result = await admin.raw(
    `SELECT count(*) AS n FROM pg_stat_activity
     WHERE datname = ? AND state IN ('active', 'idle in transaction')
     AND ${matches}`,
    [database],
  );
  return Number(result.rows[0].n) > 0;
}

/** 5,000 minute slices from `first`, counts varying with `seed`. */
function sliBatch(service: string, first: number, seed: number): SliItem[] {
  return Array.from({ length: BATCH }, (_, i) => {
    const total = 100 + ((i * 7 + seed * 13) % 50);
    return {
      source: 'resilience',
      service,
      objective: i % 3 === 0 ? 'latency' : 'request-success',
      sliceStart: new Date(first + i * MINUTE).toISOString(),
      sliceSeconds: 60,
      total,
      good: total - ((i + seed) % 5),
    };
  });
}

/**
 * The same for SLI slices, whose writes also recompute rollups: `kill -9`
 * inside the transaction, replays of the unacknowledged batches and then of
 * every batch. Overlapping batches update each other's slices. Afterwards
 * every slice is stored once, and the rollups equal the raw rows.
 */
async function sliCrashRounds(options: {
  rounds: number;
  log: (line: string) => void;
  backend: Awaited<ReturnType<typeof startBackend>>;
  start: () => ReturnType<typeof startBackend>;
  db: Knex;
  admin: Knex;
  itsmDatabase: string;
  service: string;
  now: number;
}) {
  const { log, db, admin, itsmDatabase, service } = options;
  let backend = options.backend;
  const first = Math.floor((options.now - 20 * 86_400_000) / MINUTE) * MINUTE;
  const batches = Array.from({ length: options.rounds }, (_, round) =>
    // Each batch overlaps the one before by a fifth: late data and updates.
    sliBatch(service, first + round * BATCH * 0.8 * MINUTE, round),
  );
  try {
    return await sliRounds();
  } catch (error) {
    await backend.kill();
    throw error;
  }

  async function sliRounds() {
    const unacknowledged: SliItem[][] = [];
    for (const [round, items] of batches.entries()) {
      const midWrite = round < batches.length - 1;
      const request = send(backend.baseUrl, 'POST', '/api/itsm/v1/sli-events', {
        items,
      });
      if (midWrite) {
        await waitFor(
          `SLI round ${round}: the batch's transaction`,
          () =>
            writing(
              admin,
              itsmDatabase,
              `(query ILIKE '%insert into "itsm_sli_events"%' OR query ILIKE '%itsm_sli_rollups%')`,
            ),
          30_000,
          2,
        );
      } else {
        await request;
      }
      await backend.kill('SIGKILL');
      tally.faults += 1;
      const answer = await request;
      backend = await options.start();
      if (answer.status !== 200) unacknowledged.push(items);
      log(
        `crash: SLI round ${round}, killed ${
          midWrite ? 'inside the transaction' : 'after the answer'
        }: ${answer.status === 200 ? 'acknowledged' : 'no answer'}`,
      );
    }
    await catalogReady(backend, 1);
    const post = async (items: SliItem[]) => {
      const answer = await send(
        backend.baseUrl,
        'POST',
        '/api/itsm/v1/sli-events',
        { items },
      );
      check(answer.status === 200, `SLI replay answered ${answer.status}`);
    };
    for (const items of unacknowledged) await post(items);
    // Every batch once more, in order: the last write of each slice wins.
    for (const items of batches) await post(items);
    const keys = new Set(
      batches.flat().map(i => `${i.objective}/${i.sliceStart}`),
    );
    const stored = Number(
      (
        await db('itsm_sli_events')
          .where('source', 'resilience')
          .count({ n: '*' })
      )[0].n,
    );
    tally.records += keys.size;
    tally.lost += Math.max(0, keys.size - stored);
    check(
      stored === keys.size,
      `SLI: ${stored} slices stored, expected ${keys.size}`,
    );
    const mismatches = await compareSliRollups(db);
    tally.lost += mismatches.length;
    check(
      mismatches.length === 0,
      `SLI rollups differ from the raw rows in ${
        mismatches.length
      } quarter hours, e.g. ${JSON.stringify(mismatches.slice(0, 3))}`,
    );
    log(
      `crash: ${batches.length} SLI kills; after replays ${stored} slices, rollups equal to the raw rows`,
    );
    return backend;
  }
}

/**
 * Test 3: `kill -9` while the backend ingests a 5,000-item batch. After the
 * restart each batch is stored whole or not at all, and replaying the
 * batches that were never acknowledged brings the data to exactly the
 * expected state.
 */
export async function crashScenario(options: {
  runId: string;
  log: (line: string) => void;
  rounds: number;
}) {
  const { log } = options;
  const engine = createEngine('postgres', `${options.runId}_crash`);
  const { file, services } = catalogFile(1);
  const start = () =>
    startBackend({
      name: 'crash',
      port: 7404,
      database: engine.databaseConfig,
      catalog: file,
    });
  let backend = await start();
  const db = engine.itsmDatabase();
  const itsmDatabase = engine.itsmDatabaseName;
  const admin = knexFactory({
    client: 'pg',
    connection: `${postgresConnection}/postgres`,
    pool: { min: 1, max: 1 },
  });
  const storedOf = async (prefix: string) =>
    Number(
      (
        await db('itsm_incidents')
          .where('external_id', 'like', `${prefix}-%`)
          .count({ n: '*' })
      )[0].n,
    );
  try {
    await catalogReady(backend, 1);
    const now = Date.now();
    const batches: Array<{ prefix: string; items: IncidentItem[] }> = [];
    const unacknowledged: typeof batches = [];
    for (let round = 0; round < options.rounds; round++) {
      const prefix = `crash${round}`;
      const items = incidents({
        service: services[0],
        count: BATCH,
        from: now - 30 * 86_400_000,
        to: now,
        prefix,
        seed: 900 + round,
      });
      batches.push({ prefix, items });
      // Most rounds kill while the batch's transaction is open (its INSERTs,
      // alone or inside a WITH, seen in pg_stat_activity); the last kills
      // right after the answer.
      const midWrite = round < options.rounds - 1;
      const request = send(backend.baseUrl, 'POST', '/api/itsm/v1/incidents', {
        items,
      });
      if (midWrite) {
        await waitFor(
          `round ${round}: the batch's transaction`,
          () =>
            writing(
              admin,
              itsmDatabase,
              `query ILIKE '%insert into "itsm_incidents"%'`,
            ),
          30_000,
          2,
        );
      } else {
        await request;
      }
      await backend.kill('SIGKILL');
      tally.faults += 1;
      const answer = await request;
      backend = await start();
      const stored = await storedOf(prefix);
      check(
        stored === 0 || stored === BATCH,
        `round ${round}: ${stored} of ${BATCH} items stored after kill -9: a half-written batch`,
      );
      if (answer.status === 200) {
        check(
          stored === BATCH,
          `round ${round}: acknowledged but only ${stored} stored`,
        );
      } else {
        unacknowledged.push({ prefix, items });
      }
      log(
        `crash: round ${round}, killed ${
          midWrite ? 'inside the transaction' : 'after the answer'
        }: ${
          answer.status === 200 ? 'acknowledged' : 'no answer'
        }, ${stored} of ${BATCH} stored`,
      );
    }
    await catalogReady(backend, 1);
    for (const { items } of unacknowledged) {
      const answer = await send(
        backend.baseUrl,
        'POST',
        '/api/itsm/v1/incidents',
        {
          items,
        },
      );
      check(answer.status === 200, `replay answered ${answer.status}`);
    }
    const total = Number((await db('itsm_incidents').count({ n: '*' }))[0].n);
    tally.records += batches.length * BATCH;
    tally.lost += Math.max(0, batches.length * BATCH - total);
    check(
      total === batches.length * BATCH,
      `after replaying ${
        unacknowledged.length
      } batches: ${total} incidents, expected ${batches.length * BATCH}`,
    );
    log(
      `crash: ${options.rounds} kills, every batch whole or absent; after replaying ${unacknowledged.length} unacknowledged batches, exactly ${total} incidents`,
    );
    backend = await sliCrashRounds({
      ...options,
      backend,
      start,
      db,
      admin,
      itsmDatabase,
      service: services[0],
      now,
    });
  } finally {
    await backend.kill();
    await admin.destroy();
    await engine.cleanup();
  }
}
