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

import { createEngine, postgresConnection } from '@backstage-itsm/bench';
import {
  Answer,
  catalogFile,
  catalogReady,
  check,
  checkStored,
  send,
  startBackend,
  tally,
} from './harness';
import { TcpProxy } from './tcpProxy';

const CUT_SECONDS = 20;

/**
 * Test 2: the itsm plugin's database connection runs through a proxy that
 * the test cuts for 20 seconds. Writes and reads must answer 503 with
 * Retry-After within 5 s, the process must stay up and recover without a
 * restart, and every acknowledged write must be in the database.
 */
export async function outageScenario(options: {
  runId: string;
  log: (line: string) => void;
}) {
  const { log } = options;
  const engine = createEngine('postgres', `${options.runId}_outage`);
  const target = new URL(postgresConnection);
  const proxy = new TcpProxy({
    host: target.hostname,
    port: Number(target.port || 5432),
  });
  await proxy.start();
  const { file, services } = catalogFile(2);
  const backend = await startBackend({
    name: 'outage',
    port: 7403,
    database: {
      ...engine.databaseConfig,
      plugin: {
        itsm: {
          connection: `postgresql://${target.username}@127.0.0.1:${proxy.port}`,
        },
      },
    },
    catalog: file,
  });
  try {
    await catalogReady(backend, services.length);
    type Write = { keys: string[]; answer: Answer; phase: string };
    const writes: Write[] = [];
    const reads: Array<{ answer: Answer; phase: string }> = [];
    let phase = 'before';
    let n = 0;
    const writeOnce = async () => {
      const keys = Array.from({ length: 10 }, (_, i) => `outage-${n}-${i}`);
      n += 1;
      const at = new Date().toISOString();
      const answer = await send(
        backend.baseUrl,
        'POST',
        '/api/itsm/v1/incidents',
        {
          items: keys.map(externalId => ({
            source: 'resilience',
            externalId,
            service: services[0],
            priority: 'P2',
            openedAt: at,
          })),
        },
        15_000,
      );
      writes.push({ keys, answer, phase });
      const read = await send(
        backend.baseUrl,
        'GET',
        `/api/itsm/v1/incidents?service=${services[0]}&limit=5`,
        undefined,
        15_000,
      );
      reads.push({ answer: read, phase });
    };
    const loop = async (until: () => boolean) => {
      while (!until()) {
        await writeOnce();
        await new Promise(resolve => setTimeout(resolve, 250));
      }
    };

    log('outage: writing through the proxy, then cutting it for 20 s');
    const beforeUntil = Date.now() + 5000;
    await loop(() => Date.now() > beforeUntil);
    phase = 'cut';
    await proxy.cut();
    tally.faults += 1;
    const cutUntil = Date.now() + CUT_SECONDS * 1000;
    await loop(() => Date.now() > cutUntil);
    check(backend.running, 'the backend exited during the database outage');
    phase = 'after';
    await proxy.restore();
    const restored = Date.now();
    let recoveredAt: number | undefined;
    await loop(() => {
      const last = writes[writes.length - 1];
      if (
        !recoveredAt &&
        last.phase === 'after' &&
        last.answer.status === 200
      ) {
        recoveredAt = Date.now();
      }
      return (
        (recoveredAt !== undefined && Date.now() > recoveredAt + 5000) ||
        Date.now() > restored + 60_000
      );
    });
    check(
      recoveredAt !== undefined,
      'the backend did not accept writes within 60 s of the database coming back',
    );

    const during = writes.filter(w => w.phase === 'cut');
    const duringReads = reads.filter(r => r.phase === 'cut');
    const slow = [...during, ...duringReads].filter(w => w.answer.ms > 5000);
    check(
      slow.length === 0,
      `${
        slow.length
      } requests took over 5 s during the outage (slowest ${Math.round(
        Math.max(...slow.map(w => w.answer.ms)),
      )} ms)`,
    );
    // A request already past its database work when the cut came may still
    // succeed; every other one must say 503 and when to retry.
    const refused = [...during, ...duringReads].filter(
      w => w.answer.status !== 200,
    );
    check(
      refused.length > 0 &&
        refused.every(w => w.answer.status === 503 && w.answer.retryAfter),
      `during the outage, answers other than 503 with Retry-After: ${refused
        .filter(w => w.answer.status !== 503 || !w.answer.retryAfter)
        .map(
          w =>
            `${w.answer.status} ${
              w.answer.error ?? JSON.stringify(w.answer.body).slice(0, 200)
            }`,
        )
        .slice(0, 3)
        .join('; ')}`,
    );
    const afterRecovery = writes.filter(
      w => w.phase === 'after' && w.answer.status === 200,
    );
    check(afterRecovery.length > 0, 'no write succeeded after the outage');

    // Every acknowledged write is stored (read straight from PostgreSQL).
    const acknowledged = writes
      .filter(w => w.answer.status === 200)
      .flatMap(w => w.keys);
    await checkStored(engine.itsmDatabase(), acknowledged, 'outage');
    log(
      `outage: ${during.length} writes and ${
        duringReads.length
      } reads during the cut answered 503 (slowest ${Math.round(
        Math.max(...[...during, ...duringReads].map(w => w.answer.ms)),
      )} ms); recovered ${Math.round(
        ((recoveredAt ?? restored) - restored) / 1000,
      )} s after the database came back; ${
        acknowledged.length
      } acknowledged incidents all stored`,
    );
  } finally {
    await backend.kill();
    await proxy.close();
    await engine.cleanup();
  }
}
