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
import http from 'node:http';
import { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { rebuildSliRollups } from '@backstage-itsm/plugin-itsm-backend';
import YAML from 'yaml';
import { BackendProcess } from '../backendProcess';
import {
  componentTargets,
  partyEntities,
  pinnedNow,
  serviceEntity,
  serviceRef,
} from '../data';
import { Engine } from '../engines';
import { BenchRow } from '../stats';
import { catalogScenario } from './catalogScenario';
import {
  Api,
  BackendScenario,
  BenchContext,
  catalogCount,
  count,
  DAY,
  HEAP_LIMIT_MB,
  loadMeasurements,
  monthStart,
  Sizes,
  TOKEN,
  waitFor,
} from './context';
import { ingestScenario } from './ingestScenario';
import { memoryScenario } from './memoryScenario';
import { portfolioScenario } from './portfolioScenario';
import { slaHistoryScenario, slaReportScenario } from './reportScenarios';
import { storageScenario } from './storageScenario';

export { FULL, QUICK } from './context';
export type { Sizes } from './context';

/**
 * In order: the catalog registers the first of the portfolio's services,
 * the report data is loaded after ingest, and sla-history takes
 * sla-report's median as its baseline.
 */
const SCENARIOS: {
  before?: (context: BenchContext) => Promise<void>;
  scenario: BackendScenario;
}[] = [
  { scenario: catalogScenario },
  { scenario: ingestScenario },
  { before: loadReportData, scenario: slaReportScenario },
  { scenario: slaHistoryScenario },
  { before: loadPortfolio, scenario: portfolioScenario },
  { scenario: memoryScenario },
  { scenario: storageScenario },
];

/** The names `--only` takes. */
export const BACKEND_BENCHMARKS = SCENARIOS.map(s => s.scenario.name);

/**
 * Set-up, not measured: the growth services hold the same current period
 * (the same generated measurements) and differ only in how much history
 * lies before it, of the same density.
 */
async function loadReportData(context: BenchContext) {
  const { engineName, sizes, now, db, services, log } = context;
  const growthLarge = sizes.growth[2];
  const periodStart = monthStart(now);
  const currentMinutes = Math.floor((now - periodStart) / 60_000);
  const per = (total: number, minutes: number) =>
    Math.round((total / (currentMinutes + growthLarge)) * minutes);
  log(`[${engineName}] loading the history of the report services`);
  for (const [i, history] of sizes.growth.entries()) {
    const service = services.growth[i];
    await loadMeasurements(db, {
      service,
      from: periodStart - history * 60_000,
      to: periodStart,
      incidents: per(sizes.heavyIncidents, history),
      outages: per(sizes.heavyOutages, history),
      slices: history,
      seed: 10 + i,
      prefix: `${service}-history`,
      // Resolved as a tool would have them now, not left open at the
      // period's start.
      exportedAt: now,
      rollups: false,
    });
    await loadMeasurements(db, {
      service,
      from: periodStart,
      to: now,
      incidents: per(sizes.heavyIncidents, currentMinutes),
      outages: per(sizes.heavyOutages, currentMinutes),
      slices: currentMinutes,
      seed: 10,
    });
  }
}

/**
 * Set-up, not measured: the portfolio's services the catalog benchmark did
 * not register, and a month of measurements for each.
 */
async function loadPortfolio(context: BenchContext) {
  const { engineName, sizes, now, db, api, services, log } = context;
  const others = 2 + sizes.growth.length;
  const registered = (await catalogCount(api, 'itservice')) - others;
  if (registered < services.portfolio.length) {
    log(
      `[${engineName}] registering ${
        services.portfolio.length - registered
      } more portfolio services`,
    );
    await api.post('/api/catalog/locations', {
      type: 'url',
      target: context.publish(
        'more-services.yaml',
        services.portfolio.slice(registered).map(serviceEntity),
      ),
    });
    await waitFor(
      `${services.portfolio.length} portfolio services in the catalog`,
      async () =>
        (await catalogCount(api, 'itservice')) ===
        others + services.portfolio.length,
      1_800_000,
    );
  }
  log(`[${engineName}] loading ${sizes.portfolio} portfolio services' month`);
  for (const [i, service] of services.portfolio.entries()) {
    await loadMeasurements(db, {
      service,
      from: now - 30 * DAY,
      to: now,
      incidents: 10,
      outages: 2,
      slices: 120,
      sliceMinutes: 360,
      seed: 1000 + i,
      rollups: false,
    });
  }
  await rebuildSliRollups(db, services.portfolio.map(serviceRef));
}

/**
 * Every backend benchmark on one engine: one real backend process, the
 * engine's fresh database, data generated for the given sizes.
 */
export async function runBackendBenchmarks(options: {
  engine: Engine;
  sizes: Sizes;
  port: number;
  log: (line: string) => void;
  /** Only these scenarios (by name), with what they need; all if empty. */
  only?: string[];
}): Promise<BenchRow[]> {
  const { engine, sizes, log } = options;
  const now = pinnedNow(new Date());
  const engineName = engine.name;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'itsm-bench-catalog-'));
  const writeYaml = (file: string, entities: object[]) => {
    const target = path.join(dir, file);
    fs.writeFileSync(
      target,
      entities.map(e => YAML.stringify(e)).join('---\n'),
    );
    return target;
  };

  const services = {
    ingest: 'bench-ingest',
    memory: 'bench-memory',
    growth: sizes.growth.map(n => `bench-history-${count(n)}`),
    portfolio: Array.from(
      { length: sizes.portfolio },
      (_, i) => `bench-service-${String(i).padStart(5, '0')}`,
    ),
  };
  const base = writeYaml('base.yaml', [
    ...partyEntities(),
    ...componentTargets(),
    ...[services.ingest, services.memory, ...services.growth].map(
      serviceEntity,
    ),
  ]);

  // The catalog registers only url locations through its API, so the
  // generated files are served over loopback.
  const files = http.createServer((req, res) => {
    const file = path.join(dir, path.basename(req.url ?? ''));
    if (!fs.existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/yaml' });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>(resolve => files.listen(0, '127.0.0.1', resolve));
  const filesHost = `localhost:${(files.address() as AddressInfo).port}`;

  log(`[${engineName}] starting the backend`);
  const backend = await BackendProcess.start({
    name: `bench-${engineName}`,
    port: options.port,
    // memory forces full GCs and reads the heap through the inspector.
    inspect: true,
    maxOldSpaceMb: HEAP_LIMIT_MB,
    // As a deployment runs it: with source maps, the backend held 29 MB
    // more live heap (190 MB, not 161), which the memory row grows with.
    sourceMaps: false,
    env: { ITSM_FIXED_NOW: new Date(now).toISOString() },
    config: {
      backend: {
        database: engine.databaseConfig,
        reading: { allow: [{ host: filesHost }] },
        auth: {
          externalAccess: [
            {
              type: 'static',
              options: { token: TOKEN, subject: 'itsm-bench' },
            },
          ],
        },
      },
      catalog: {
        // The catalog re-processes every entity this often; at the default
        // (100-150 s) its passes over the bench's 8,000 entities fall at
        // random into the measurements.
        processingInterval: { minutes: 30 },
        locations: [
          {
            type: 'file',
            target: base,
            rules: [
              {
                allow: [
                  'Group',
                  'ITService',
                  'Stakeholder',
                  'Supplier',
                  'API',
                  'Resource',
                ],
              },
            ],
          },
        ],
      },
      // The notification evaluation and the search refresh score every
      // service at each run (5 minutes by default). With 10,005 services
      // with a month of measurements a run takes minutes, starts when its
      // schedule says and so falls at random into timed phases, as the
      // catalog's passes would: they run once at start-up, then hourly.
      itsm: {
        demo: { enabled: false },
        notifications: { frequency: { minutes: 60 } },
      },
      search: {
        itsm: { refresh: { minutes: 60 } },
        // Backstage's catalog collator reads every entity (18,000 in a full
        // run) and rebuilds the search index, on SQLite in the backend's
        // heap (Lunr): every 5 minutes in the portal, so in every phase.
        collators: {
          catalog: {
            schedule: {
              frequency: { minutes: 60 },
              timeout: { minutes: 15 },
              initialDelay: { seconds: 3 },
            },
          },
        },
      },
    },
  });
  const api = new Api(backend.baseUrl);
  const rows: BenchRow[] = [];
  const context: BenchContext = {
    engineName,
    sizes,
    now,
    api,
    db: engine.itsmDatabase(),
    backend,
    services,
    log,
    publish: (file, entities) =>
      `http://${filesHost}/${path.basename(writeYaml(file, entities))}`,
    settle: async phase => {
      // What autovacuum would have done since the last phase's writes.
      await engine.analyze();
      if (!(await backend.settle())) {
        log(`[${engineName}] the backend was still busy before ${phase}`);
      }
    },
    measured: benchmark => {
      const found = context.measuredIfRun(benchmark);
      if (!found) throw new Error(`${benchmark} has not been measured yet`);
      return found;
    },
    measuredIfRun: benchmark =>
      rows.find(r => r.benchmark === benchmark && r.engine === engineName),
  };

  try {
    await waitFor(
      'the benchmark services in the catalog',
      async () =>
        (await catalogCount(api, 'itservice')) === 2 + sizes.growth.length,
      120_000,
    );
    const only = options.only ?? [];
    // sla-history's baseline is sla-report.
    if (only.includes('sla-history')) only.push('sla-report');
    for (const { before, scenario } of SCENARIOS) {
      if (only.length > 0 && !only.includes(scenario.name)) continue;
      await before?.(context);
      rows.push(...(await scenario.run(context)));
    }
    return rows;
  } catch (error) {
    log(`[${engineName}] backend log:\n${backend.logTail(60)}`);
    throw error;
  } finally {
    await backend.kill();
    files.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
