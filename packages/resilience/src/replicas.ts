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

import {
  BackendProcess,
  BenchRow,
  createEngine,
  incidents,
  IncidentItem,
  row,
  serviceRef,
  summarize,
} from '@backstage-itsm/bench';
import {
  catalogFile,
  catalogReady,
  check,
  checkStored,
  pool,
  send,
  startBackends,
  tally,
} from './harness';

const DAY = 86_400_000;
const TICK_SECONDS = 10;
// The scheduler's longest wait before it picks up a task that came due.
const POLL_SECONDS = 5;

type Log = (line: string) => void;

/** Runs of a scheduled task, from the "…" line each run logs, in time order. */
function taskRuns(backends: BackendProcess[], marker: string): number[] {
  const runs: number[] = [];
  for (const backend of backends) {
    for (const line of backend.logLines()) {
      if (!line.includes(marker)) continue;
      const stamp = /(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+Z)/.exec(line);
      if (stamp) runs.push(Date.parse(stamp[1]));
    }
  }
  return runs.sort((a, b) => a - b);
}

function previousMonths(now: number, back: number): string {
  const d = new Date(now);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - back, 1))
    .toISOString()
    .slice(0, 7);
}

/**
 * Tests 1 and 6: two backend processes on one fresh PostgreSQL database.
 * Both migrate at start-up; 50,000 incidents go in through both at once with
 * a fifth of the keys sent to both; scheduled tasks run once per tick
 * across the two; both serve the same reports; then 60 seconds of mixed
 * traffic from 16 clients.
 */
export async function replicasScenario(options: {
  runId: string;
  log: Log;
  incidents: number;
  loadSeconds: number;
}): Promise<BenchRow> {
  const { log } = options;
  const engine = createEngine('postgres', `${options.runId}_replicas`);
  const { file, services } = catalogFile(20);
  const itsm = {
    pruning: { frequency: `PT${TICK_SECONDS}S` },
    snapshots: { frequency: `PT${TICK_SECONDS}S` },
  };
  log('replicas: starting two backends on one new PostgreSQL database');
  let backends: BackendProcess[] = [];
  try {
    backends = await startBackends(
      [7401, 7402].map((port, i) => ({
        name: `replica-${i + 1}`,
        port,
        database: engine.databaseConfig,
        catalog: file,
        itsm,
      })),
    );
    await Promise.all(backends.map(b => catalogReady(b, services.length)));
    const db = engine.itsmDatabase();
    const now = Date.now();

    // 50,000 incidents over the last 90 days, in batches of 1,000; every
    // fifth batch goes to both replicas at once.
    const perService = Math.ceil(options.incidents / services.length);
    const items = services
      .flatMap((service, i) =>
        incidents({
          service,
          count: perService,
          from: now - 90 * DAY,
          to: now,
          prefix: service,
          seed: 500 + i,
        }),
      )
      .slice(0, options.incidents);
    const batches: IncidentItem[][] = [];
    for (let i = 0; i < items.length; i += 1000) {
      batches.push(items.slice(i, i + 1000));
    }
    const sends = batches.flatMap((batch, i) =>
      i % 5 === 0
        ? [
            { batch, to: backends[0] },
            { batch, to: backends[1] },
          ]
        : [{ batch, to: backends[i % 2] }],
    );
    log(
      `replicas: ${items.length} incidents in ${sends.length} batches, concurrently, a fifth to both`,
    );
    const failures: string[] = [];
    const post = async (batch: IncidentItem[], to: BackendProcess) => {
      const answer = await send(to.baseUrl, 'POST', '/api/itsm/v1/incidents', {
        items: batch,
      });
      if (answer.status !== 200) {
        failures.push(
          `${to.options.name}: ${answer.status} ${
            answer.error ?? JSON.stringify(answer.body).slice(0, 300)
          }`,
        );
      }
    };
    await pool(sends, 8, s => post(s.batch, s.to));
    check(failures.length === 0, `ingest failed:\n${failures.join('\n')}`);

    // The keys sent to both change once more, through the other replica.
    const final = new Map(items.map(item => [item.externalId, item]));
    const updates = batches
      .filter((_, i) => i % 5 === 0)
      .map(batch =>
        batch.map(item => ({
          ...item,
          title: `${item.title} (updated)`,
          priority: item.priority === 'P1' ? ('P2' as const) : ('P1' as const),
        })),
      );
    await pool(updates, 4, batch => post(batch, backends[1]));
    check(failures.length === 0, `update failed:\n${failures.join('\n')}`);
    for (const batch of updates) {
      for (const item of batch) final.set(item.externalId, item);
    }

    const stored = await db('itsm_incidents')
      .whereIn('service_ref', services.map(serviceRef))
      .select();
    if (stored.length !== final.size) {
      const counts = new Map<string, number>();
      for (const r of stored) {
        counts.set(r.service_ref, (counts.get(r.service_ref) ?? 0) + 1);
      }
      throw new Error(
        `expected exactly ${final.size} incidents, found ${stored.length}: ${[
          ...counts,
        ]
          .map(([s, n]) => `${s} ${n}`)
          .join(', ')}`,
      );
    }
    const wrong: string[] = [];
    for (const r of stored) {
      const item = final.get(r.external_id);
      tally.records += 1;
      if (
        !item ||
        r.service_ref !== serviceRef(item.service) ||
        r.priority !== item.priority ||
        Number(r.opened_at) !== Date.parse(item.openedAt) ||
        Number(r.acknowledged_at) !== Date.parse(item.acknowledgedAt) ||
        (r.resolved_at === null ? undefined : Number(r.resolved_at)) !==
          (item.resolvedAt ? Date.parse(item.resolvedAt) : undefined) ||
        r.title !== item.title
      ) {
        wrong.push(r.external_id);
      }
    }
    tally.lost += final.size - stored.length + wrong.length;
    check(
      wrong.length === 0,
      `${wrong.length} incidents differ from what was last sent, e.g. ${wrong
        .slice(0, 5)
        .join(', ')}`,
    );
    log(`replicas: ${stored.length} incidents stored, each as last sent`);

    // Both replicas compute the same report of a closed month.
    const month = previousMonths(now, 2);
    for (const service of services.slice(0, 3)) {
      const url = `/api/itsm/v1/services/default/${service}/sla?period=${month}`;
      const [a, b] = await Promise.all(
        backends.map(backend => send(backend.baseUrl, 'GET', url)),
      );
      check(
        a.status === 200 && b.status === 200,
        `SLA report of ${service} for ${month}: ${a.status} and ${b.status}`,
      );
      const { evaluatedAt: _a, ...reportA } = a.body;
      const { evaluatedAt: _b, ...reportB } = b.body;
      check(
        JSON.stringify(reportA) === JSON.stringify(reportB),
        `the replicas disagree on the ${month} report of ${service}`,
      );
    }
    log('replicas: both serve identical SLA reports');

    // Test 6: sustained mixed traffic against both replicas.
    log(
      `load: ${options.loadSeconds} s, 16 clients, 80 % reads and 20 % writes, both replicas`,
    );
    const latencies: number[] = [];
    const errors: string[] = [];
    const written: string[] = [];
    const deadline = Date.now() + options.loadSeconds * 1000;
    await Promise.all(
      Array.from({ length: 16 }, async (_, client) => {
        const backend = backends[client % 2];
        for (let n = 0; Date.now() < deadline; n++) {
          const service = services[(client * 7 + n) % services.length];
          const kind = n % 5;
          let answer;
          if (kind === 4) {
            const batch = incidents({
              service,
              count: 20,
              from: now - DAY,
              to: now,
              prefix: `load-${client}-${n}`,
              seed: client * 100_000 + n,
            });
            answer = await send(
              backend.baseUrl,
              'POST',
              '/api/itsm/v1/incidents',
              {
                items: batch,
              },
            );
            if (answer.status === 200) {
              written.push(...batch.map(i => i.externalId));
            }
          } else if (kind % 2 === 0) {
            answer = await send(
              backend.baseUrl,
              'GET',
              `/api/itsm/v1/incidents?service=${service}&limit=100`,
            );
          } else {
            answer = await send(
              backend.baseUrl,
              'GET',
              `/api/itsm/v1/services/default/${service}/sla`,
            );
          }
          latencies.push(answer.ms);
          if (answer.status !== 200) {
            errors.push(`${answer.status} ${answer.error ?? ''}`);
          }
        }
      }),
    );
    check(
      errors.length === 0,
      `load: ${errors.length} errors, e.g. ${errors[0]}`,
    );
    await checkStored(db, written, 'load');
    const summary = summarize(latencies);
    log(
      `load: ${latencies.length} requests, 0 errors, p99 ${Math.round(
        summary.p99 ?? summary.p95,
      )} ms`,
    );

    // Scheduled tasks: exactly once per tick across the two replicas, by
    // their log lines (pruning is quick, the snapshot run logs as it
    // starts). Ticks are anchored: each comes due a tick after the one
    // before, and a worker picks it up within POLL_SECONDS. So from the first
    // run on, every tick has run except perhaps the latest, not yet picked
    // up, and there are no more runs than ticks, counting that the first
    // run may itself have been picked up late. A tick run by both replicas
    // would break the count and show as two runs moments apart.
    const elapsed = (first: number) => (Date.now() - first) / 1000;
    for (const marker of ['Pruning:', 'Checking SLA snapshots']) {
      const runs = taskRuns(backends, marker);
      const gaps = runs.slice(1).map((t, i) => (t - runs[i]) / 1000);
      const since = runs.length > 0 ? elapsed(runs[0]) : 0;
      const least = Math.floor(since / TICK_SECONDS);
      const most = Math.floor((since + POLL_SECONDS) / TICK_SECONDS) + 1;
      check(
        runs.length >= 2 && runs.length >= least && runs.length <= most,
        `"${marker}" ran ${runs.length} times in ${Math.round(
          since,
        )} s since its first run, expected ${least} to ${most} (gaps ${gaps.join(
          ', ',
        )} s)`,
      );
      check(
        gaps.every(gap => gap >= 1),
        `"${marker}" ran twice in one tick: gaps ${gaps.join(', ')} s`,
      );
      log(
        `replicas: "${marker}" ran ${runs.length} times in ${Math.round(
          since,
        )} s from its first run (${least} to ${most} ticks), never twice in one`,
      );
    }

    return row({
      benchmark: 'sustained-load',
      engine: 'postgres',
      size: `${options.loadSeconds} s, 16 clients, 2 replicas`,
      unit: 'ms',
      ...summary,
      target: { op: '<=', limit: 1000, of: 'value' },
      note: `${latencies.length} requests (80 % reads), 0 errors`,
    });
  } finally {
    await Promise.all(backends.map(b => b.kill()));
    await engine.cleanup();
  }
}
