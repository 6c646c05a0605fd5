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

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Knex } from 'knex';
import YAML from 'yaml';
import {
  BackendProcess,
  partyEntities,
  serviceEntity,
} from '@backstage-itsm/bench';

export const TOKEN = 'itsm-resilience-token';

/** What the suite did, for its summary. Lost must stay 0. */
export const tally = {
  requests: 0,
  faults: 0,
  records: 0,
  lost: 0,
};

export type Answer = {
  status: number;
  ms: number;
  retryAfter?: string;
  body: any;
  /** Set when the connection failed: no HTTP answer at all. */
  error?: string;
};

/** HTTP with the suite's static token; never throws, so tests can count. */
export async function send(
  baseUrl: string,
  method: string,
  url: string,
  body?: unknown,
  timeoutMs = 30_000,
): Promise<Answer> {
  tally.requests += 1;
  const started = performance.now();
  try {
    const response = await fetch(`${baseUrl}${url}`, {
      method,
      headers: {
        authorization: `Bearer ${TOKEN}`,
        ...(body !== undefined && { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    return {
      status: response.status,
      ms: performance.now() - started,
      retryAfter: response.headers.get('retry-after') ?? undefined,
      body: parsed,
    };
  } catch (error) {
    return {
      status: 0,
      ms: performance.now() - started,
      body: undefined,
      error: String((error as Error)?.cause ?? error),
    };
  }
}

export function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

export async function waitFor(
  what: string,
  probe: () => Promise<boolean>,
  timeoutMs = 120_000,
  intervalMs = 250,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise(resolve => setTimeout(resolve, intervalMs));
  }
}

/** A catalog file with the benchmark parties and `count` ITServices. */
export function catalogFile(
  count: number,
  /** Changes a service's entity before it is written (e.g. dependencies). */
  edit: (entity: any, index: number) => object = entity => entity,
): {
  file: string;
  services: string[];
} {
  const services = Array.from(
    { length: count },
    (_, i) => `resilience-${String(i).padStart(2, '0')}`,
  );
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'itsm-resilience-'));
  const file = path.join(dir, 'catalog.yaml');
  fs.writeFileSync(
    file,
    [
      ...partyEntities(),
      ...services.map((name, i) => edit(serviceEntity(name), i)),
    ]
      .map(e => YAML.stringify(e))
      .join('---\n'),
  );
  return { file, services };
}

/** Starts a real backend with the suite's token, catalog and database. */
export function startBackend(options: {
  name: string;
  port: number;
  database: object;
  catalog: string;
  itsm?: object;
  /** More backend.auth.externalAccess entries. */
  extraAccess?: object[];
  /** Another entry script than the example backend's. */
  entry?: string;
  /** More top-level configuration, merged with the app's. */
  config?: object;
}): Promise<BackendProcess> {
  return BackendProcess.start({
    name: options.name,
    port: options.port,
    entry: options.entry,
    config: {
      ...options.config,
      backend: {
        database: options.database,
        auth: {
          externalAccess: [
            {
              type: 'static',
              options: { token: TOKEN, subject: 'itsm-resilience' },
            },
            ...(options.extraAccess ?? []),
          ],
        },
      },
      catalog: {
        locations: [
          {
            type: 'file',
            target: options.catalog,
            rules: [
              { allow: ['Group', 'ITService', 'Stakeholder', 'Supplier'] },
            ],
          },
        ],
      },
      itsm: { demo: { enabled: false }, ...options.itsm },
    },
  });
}

/** Starts several backends at once; if one fails, stops the others. */
export async function startBackends(
  options: Array<Parameters<typeof startBackend>[0]>,
): Promise<BackendProcess[]> {
  const started = await Promise.allSettled(options.map(startBackend));
  const failed = started.find(s => s.status === 'rejected');
  if (failed) {
    await Promise.all(
      started.map(s => (s.status === 'fulfilled' ? s.value.kill() : undefined)),
    );
    throw (failed as PromiseRejectedResult).reason;
  }
  return started.map(s => (s as PromiseFulfilledResult<BackendProcess>).value);
}

/** Waits until a backend's catalog has the suite's services. */
export function catalogReady(backend: BackendProcess, services: number) {
  return waitFor(
    `${services} ITServices in ${backend.options.name}'s catalog`,
    async () => {
      const answer = await send(
        backend.baseUrl,
        'GET',
        '/api/catalog/entities/by-query?filter=kind=itservice&limit=1&fields=metadata.name',
      );
      tally.requests -= 1; // polling is not part of the counts
      return answer.status === 200 && answer.body.totalItems === services;
    },
  );
}

/** Checks that every acknowledged incident is in the database, and counts them. */
export async function checkStored(db: Knex, keys: string[], what: string) {
  const [{ n }] = await db('itsm_incidents')
    .whereIn('external_id', keys)
    .count({ n: '*' });
  const lost = keys.length - Number(n);
  tally.records += keys.length;
  tally.lost += lost;
  check(lost === 0, `${what}: ${lost} acknowledged incidents are missing`);
}

/** Runs `work` on `concurrency` workers until the items run out. */
export async function pool<T>(
  items: T[],
  concurrency: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        await work(items[next++]);
      }
    }),
  );
}
