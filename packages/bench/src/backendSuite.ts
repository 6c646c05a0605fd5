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
import { performance } from 'node:perf_hooks';
import { ItsmEntitiesProcessor } from '@backstage-itsm/plugin-catalog-backend-module-itsm';
import { Entity } from '@backstage/catalog-model';
import { Knex } from 'knex';
import YAML from 'yaml';
import { BackendProcess } from './backendProcess';
import {
  pinnedNow,
  componentEntity,
  componentTargets,
  incidentRow,
  incidents,
  IncidentItem,
  outageRows,
  partyEntities,
  serviceEntity,
  serviceRef,
  sliRows,
} from './data';
import { Engine } from './engines';
import { BenchRow, pairedRatio, row, summarize } from './stats';

const DAY = 86_400_000;
const TOKEN = 'itsm-bench-token';
const BATCH = 5000;

export type Sizes = {
  ingest: number;
  heavyIncidents: number;
  heavyOutages: number;
  /** SLI slices of history outside the current period, per growth service; the last is the sla-report service. */
  growth: [number, number, number];
  portfolio: number;
  memory: number;
  samples: number;
};

export const FULL: Sizes = {
  ingest: 200_000,
  heavyIncidents: 50_000,
  heavyOutages: 3_000,
  growth: [10_000, 100_000, 1_000_000],
  portfolio: 2_000,
  memory: 1_000_000,
  samples: 15,
};

export const QUICK: Sizes = {
  ingest: 20_000,
  heavyIncidents: 5_000,
  heavyOutages: 300,
  growth: [1_000, 10_000, 100_000],
  portfolio: 200,
  memory: 50_000,
  // More than the full run's: at these sizes a report is short, and the
  // machine's noise a larger part of it.
  samples: 25,
};

function count(n: number): string {
  if (n >= 1_000_000 && n % 1_000_000 === 0) return `${n / 1_000_000}M`;
  if (n >= 1000 && n % 1000 === 0) return `${n / 1000}k`;
  return String(n);
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

async function repeat(
  times: number,
  fn: () => Promise<unknown>,
): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) samples.push(await timed(fn));
  return samples;
}

const total = (samples: number[]) => samples.reduce((a, b) => a + b, 0);

/** The backend's REST API with the bench's static token. */
class Api {
  constructor(private readonly baseUrl: string) {}

  /** `body` is JSON text already. */
  async request(method: string, url: string, body?: string) {
    const response = await fetch(`${this.baseUrl}${url}`, {
      method,
      headers: {
        authorization: `Bearer ${TOKEN}`,
        ...(body !== undefined && { 'content-type': 'application/json' }),
      },
      body,
    });
    const text = await response.text();
    if (!response.ok) {
      throw new Error(
        `${method} ${url} answered ${response.status}: ${text.slice(0, 500)}`,
      );
    }
    return text ? JSON.parse(text) : undefined;
  }

  get(url: string) {
    return this.request('GET', url);
  }

  post(url: string, body: unknown) {
    return this.request('POST', url, JSON.stringify(body));
  }
}

async function waitFor(
  what: string,
  check: () => Promise<boolean>,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise(resolve => setTimeout(resolve, 100));
  }
}

async function insertAll(db: Knex, table: string, rows: Iterable<object>) {
  let batch: object[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const rowsNow = batch;
    batch = [];
    await db.transaction(tx => tx.batchInsert(table, rowsNow as any[], 500));
  };
  for (const r of rows) {
    batch.push(r);
    if (batch.length >= 20_000) await flush();
  }
  await flush();
}

/** Set-up, not measured: a service's history straight into the tables. */
async function loadMeasurements(
  db: Knex,
  options: {
    service: string;
    from: number;
    to: number;
    incidents: number;
    outages: number;
    slices: number;
    sliceMinutes?: number;
    seed: number;
  },
) {
  const { service, from, to, seed } = options;
  await insertAll(
    db,
    'itsm_incidents',
    incidents({
      service,
      count: options.incidents,
      from,
      to,
      prefix: service,
      seed,
    }).map(item => incidentRow(item, to)),
  );
  await insertAll(
    db,
    'itsm_outages',
    outageRows({
      service,
      count: options.outages,
      from,
      to,
      seed: seed + 1,
      updatedAt: to,
    }),
  );
  await insertAll(
    db,
    'itsm_sli_events',
    sliRows({
      service,
      count: options.slices,
      to,
      seed: seed + 2,
      updatedAt: to,
      sliceMinutes: options.sliceMinutes,
    }),
  );
}

function monthStart(now: number): number {
  const d = new Date(now);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
}

function monthText(time: number) {
  return new Date(time).toISOString().slice(0, 7);
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
}): Promise<BenchRow[]> {
  const { engine, sizes, log } = options;
  const rows: BenchRow[] = [];
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

  const [growthSmall, , growthLarge] = sizes.growth;
  const named = {
    ingest: 'bench-ingest',
    memory: 'bench-memory',
    growth: sizes.growth.map(n => `bench-history-${count(n)}`),
  };
  const heavy = named.growth[2];
  const base = writeYaml('base.yaml', [
    ...partyEntities(),
    ...componentTargets(),
    ...[named.ingest, named.memory, ...named.growth].map(serviceEntity),
  ]);
  const portfolioNames = Array.from(
    { length: sizes.portfolio },
    (_, i) => `bench-service-${String(i).padStart(5, '0')}`,
  );
  const services = portfolioNames.map(serviceEntity);
  const serviceYamlLength = Math.round(YAML.stringify(services[0]).length);
  const servicesFile = writeYaml('services.yaml', services);
  const componentsFile = (
    file: string,
    prefix: string,
    like?: Parameters<typeof componentEntity>[2],
  ) =>
    writeYaml(
      file,
      portfolioNames.map(name =>
        componentEntity(
          name.replace('service', prefix),
          serviceYamlLength,
          like,
        ),
      ),
    );
  const plainComponentsFile = componentsFile('components.yaml', 'component');
  const linkedComponentsFile = componentsFile(
    'linked-components.yaml',
    'linked',
    'as-many-as-an-itservice',
  );
  const agreementComponentsFile = componentsFile(
    'agreement-components.yaml',
    'agreements',
    'with-an-itservices-agreements',
  );

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
  const fileUrl = (file: string) =>
    `http://${filesHost}/${path.basename(file)}`;

  log(`[${engineName}] starting the backend`);
  const backend = await BackendProcess.start({
    name: `bench-${engineName}`,
    port: options.port,
    // memory forces full GCs and reads the heap through the inspector.
    inspect: true,
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
      itsm: { demo: { enabled: false } },
    },
  });
  const api = new Api(backend.baseUrl);
  const catalogCount = async (kind: string) =>
    (
      await api.get(
        `/api/catalog/entities/by-query?filter=kind=${kind}&limit=1&fields=metadata.name`,
      )
    ).totalItems as number;
  const db = engine.itsmDatabase();

  try {
    await waitFor(
      'the benchmark services in the catalog',
      async () => (await catalogCount('itservice')) === 2 + sizes.growth.length,
      120_000,
    );

    // catalog: the same number of entities of the same YAML size, ITServices
    // against Components, each from registering its file to all of them
    // processed and stitched.
    const catalogTime = async (file: string, kind: string) => {
      const before = await catalogCount(kind);
      return timed(async () => {
        await api.post('/api/catalog/locations', {
          type: 'url',
          target: fileUrl(file),
        });
        await waitFor(
          `${sizes.portfolio} ${kind} entities in the catalog`,
          async () => (await catalogCount(kind)) >= before + sizes.portfolio,
          600_000,
        );
      });
    };
    log(`[${engineName}] catalog: ${sizes.portfolio} Components`);
    const componentsMs = await catalogTime(plainComponentsFile, 'component');
    log(
      `[${engineName}] catalog: ${sizes.portfolio} Components with as many relations`,
    );
    const linkedMs = await catalogTime(linkedComponentsFile, 'component');
    log(
      `[${engineName}] catalog: ${sizes.portfolio} Components with an ITService's relations and agreements`,
    );
    const agreementsMs = await catalogTime(
      agreementComponentsFile,
      'component',
    );
    log(`[${engineName}] catalog: ${sizes.portfolio} ITServices`);
    const servicesMs = await catalogTime(servicesFile, 'itservice');
    // The share of our own processor: what it does for these entities,
    // outside the catalog.
    const processor = new ItsmEntitiesProcessor();
    const location = { type: 'url', target: fileUrl(servicesFile) };
    const processorMs = await timed(async () => {
      for (const entity of services as Entity[]) {
        await processor.validateEntityKind(entity);
        await processor.postProcessEntity(entity, location, () => {});
      }
    });
    rows.push(
      row({
        benchmark: 'catalog',
        engine: engineName,
        size: `${count(sizes.portfolio)} ITServices`,
        unit: 'ms',
        median: servicesMs,
        p95: servicesMs,
        baseline: { label: 'Components', median: componentsMs },
        ratio: servicesMs / componentsMs,
        target: { op: '<=', limit: 1.25, of: 'ratio' },
        // Where the time goes: against Components with as many relations
        // (8 rows each, to three entities they all share), then with the
        // agreements too (as many search rows), and our processor.
        note: `against Components with as many relations: ${Math.round(
          linkedMs,
        )} ms, ${(servicesMs / linkedMs).toFixed(
          2,
        )}x; with the agreements too: ${Math.round(agreementsMs)} ms, ${(
          servicesMs / agreementsMs
        ).toFixed(2)}x; ItsmEntitiesProcessor's own work: ${Math.round(
          processorMs,
        )} ms of the ${Math.round(servicesMs - componentsMs)} ms more`,
      }),
    );

    // ingest and re-ingest
    const ingestItems = incidents({
      service: named.ingest,
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
    const settle = async (phase: string) => {
      if (!(await backend.settle())) {
        log(`[${engineName}] the backend was still busy before ${phase}`);
      }
    };
    // One untimed batch on each side first, removed again: the first of a
    // kind pays for compiling and caching, which weighed on the quick run's
    // four batches.
    const warmUp = incidents({
      service: named.ingest,
      count: BATCH,
      from: now - 730 * DAY,
      to: now,
      prefix: 'warm-up',
      seed: 2,
    });
    const clearIngested = () =>
      db('itsm_incidents')
        .where('service_ref', serviceRef(named.ingest))
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
          .where('service_ref', serviceRef(named.ingest))
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

    // history: the growth services share the current period's density and
    // differ only in how much lies before it.
    const periodStart = monthStart(now);
    const currentMinutes = Math.floor((now - periodStart) / 60_000);
    const heavyDensity = sizes.heavyIncidents / (currentMinutes + growthLarge);
    log(`[${engineName}] loading the history of the report services`);
    for (const [i, history] of sizes.growth.entries()) {
      const minutes = currentMinutes + history;
      await loadMeasurements(db, {
        service: named.growth[i],
        from: now - minutes * 60_000,
        to: now,
        incidents: Math.round(heavyDensity * minutes),
        outages: Math.round(
          (sizes.heavyOutages / (currentMinutes + growthLarge)) * minutes,
        ),
        slices: minutes,
        seed: 10 + i,
      });
    }
    log(`[${engineName}] loading ${sizes.portfolio} portfolio services' month`);
    for (const [i, service] of portfolioNames.entries()) {
      await loadMeasurements(db, {
        service,
        from: now - 30 * DAY,
        to: now,
        incidents: 10,
        outages: 2,
        slices: 120,
        sliceMinutes: 360,
        seed: 1000 + i,
      });
    }

    // sla-report and growth
    const reportUrl = (service: string) =>
      `/api/itsm/v1/services/default/${service}/sla?period=current`;
    // The current period's rows of some services, by bare SQL.
    const periodRows = (names: string[]) => {
      const refs = names.map(serviceRef);
      return Promise.all([
        db('itsm_incidents')
          .whereIn('service_ref', refs)
          .where('opened_at', '>=', periodStart)
          .where('opened_at', '<', now),
        db('itsm_outages')
          .whereIn('service_ref', refs)
          .where('start_at', '<', now)
          .where(q =>
            q.where('end_at', '>', periodStart).orWhereNull('end_at'),
          ),
        db('itsm_sli_events')
          .whereIn('service_ref', refs)
          .where('slice_start', '>=', periodStart)
          .where('slice_start', '<', now),
      ]);
    };
    await settle('sla-report');
    log(`[${engineName}] sla-report`);
    // Round-robin, the bare SQL included, so that warm-up and the machine's
    // noise fall on every size and on the baseline alike.
    const bareSamples: number[] = [];
    const growthSamples: number[][] = named.growth.map(() => []);
    // Untimed rounds first: a backend that has served reports for a while
    // has compiled their code and sized its young heap for them.
    for (let k = 0; k < 10; k++) {
      await periodRows([heavy]);
      for (const service of named.growth) await api.get(reportUrl(service));
    }
    for (let k = 0; k < sizes.samples; k++) {
      bareSamples.push(await timed(() => periodRows([heavy])));
      for (const [i, service] of named.growth.entries()) {
        growthSamples[i].push(await timed(() => api.get(reportUrl(service))));
      }
    }
    const bareSummary = summarize(bareSamples);
    const growthSummaries = growthSamples.map(summarize);
    const report = growthSummaries[2];
    rows.push(
      row({
        benchmark: 'sla-report',
        engine: engineName,
        size: `${count(sizes.heavyIncidents)} incidents, ${count(
          sizes.heavyOutages,
        )} outages, ${count(growthLarge)} slices`,
        unit: 'ms',
        ...report,
        baseline: { label: 'bare SQL', median: bareSummary.median },
        ratio: pairedRatio(growthSamples[2], bareSamples),
        target: { op: '<=', limit: 2, of: 'ratio' },
      }),
    );
    for (const [i, history] of sizes.growth.entries()) {
      rows.push(
        row({
          benchmark: 'growth',
          engine: engineName,
          size: `${count(history)} slices before the period`,
          unit: 'ms',
          ...growthSummaries[i],
          baseline: {
            label: `${count(growthSmall)} case`,
            median: growthSummaries[0].median,
          },
          ratio: pairedRatio(growthSamples[i], growthSamples[0]),
          target: { op: '<=', limit: 1.5, of: 'ratio' },
        }),
      );
    }

    // sla-history: 24 months; the first request stores the closed months.
    const historyUrl = `/api/itsm/v1/services/default/${heavy}/sla/history?from=${monthText(
      periodStart - 700 * DAY,
    )}&to=${monthText(now)}`;
    log(`[${engineName}] sla-history (first request stores the snapshots)`);
    const firstHistoryMs = await timed(() => api.get(historyUrl));
    const history = summarize(
      await repeat(sizes.samples, () => api.get(historyUrl)),
    );
    rows.push(
      row({
        benchmark: 'sla-history',
        engine: engineName,
        size: '24 months',
        unit: 'ms',
        ...history,
        baseline: { label: 'one sla-report', median: report.median },
        ratio: history.median / report.median,
        target: { op: '<=', limit: 3, of: 'ratio' },
        note: `first request, storing the snapshots: ${Math.round(
          firstHistoryMs,
        )} ms`,
      }),
    );

    await settle('portfolio');
    log(`[${engineName}] portfolio`);
    // The whole portfolio, page after page, as the portal reads it.
    const wholePortfolio = async () => {
      let rowCount = 0;
      let cursor: string | undefined;
      do {
        const page = await api.get(
          `/api/itsm/v1/portfolio${
            cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''
          }`,
        );
        rowCount += page.items.length;
        cursor = page.nextCursor;
      } while (cursor);
      return rowCount;
    };
    const portfolioRows = await wholePortfolio();
    if (portfolioRows < sizes.portfolio) {
      throw new Error(
        `the portfolio listed ${portfolioRows} services, expected at least ${sizes.portfolio}`,
      );
    }
    const portfolio = summarize(
      await repeat(Math.min(5, sizes.samples), wholePortfolio),
    );
    // What reading the portfolio's rows alone costs: every service's period
    // rows by bare SQL, 500 services per statement as the backend reads them.
    const everyService = [...portfolioNames, ...Object.values(named).flat()];
    const everyPeriodRow = async () => {
      for (let i = 0; i < everyService.length; i += 500) {
        await periodRows(everyService.slice(i, i + 500));
      }
    };
    const portfolioRowsMs = summarize(await repeat(3, everyPeriodRow)).median;
    rows.push(
      row({
        benchmark: 'portfolio',
        engine: engineName,
        size: `${count(sizes.portfolio)} services x 3 agreements`,
        unit: 'ms',
        ...portfolio,
        baseline: { label: 'one sla-report', median: report.median },
        ratio: portfolio.median / report.median,
        target: { op: '<=', limit: 20, of: 'ratio' },
        note: `bare SQL of every service's period rows alone: ${Math.round(
          portfolioRowsMs,
        )} ms, ${(portfolioRowsMs / report.median).toFixed(1)}x one report`,
      }),
    );

    // memory: RSS sampled while a million incidents go in, from a collected
    // heap, so that the garbage earlier phases left does not shift the
    // figure; the heap after a full GC at the end shows what ingest retains.
    await settle('memory');
    log(`[${engineName}] memory: ${count(sizes.memory)} incidents`);
    const heapBefore = await backend.liveHeap();
    const rssBefore = backend.rss();
    const halfPeaks = [rssBefore, rssBefore];
    let half = 0;
    const sampler = setInterval(() => {
      halfPeaks[half] = Math.max(halfPeaks[half], backend.rss());
    }, 100);
    try {
      const span = 730 * DAY;
      const batchesCount = Math.ceil(sizes.memory / BATCH);
      for (let b = 0; b < batchesCount; b++) {
        half = b < batchesCount / 2 ? 0 : 1;
        await post(
          incidents({
            service: named.memory,
            count: Math.min(BATCH, sizes.memory - b * BATCH),
            from: now - span + (b * span) / batchesCount,
            to: now - span + ((b + 1) * span) / batchesCount,
            prefix: `memory-${b}`,
            seed: 100 + b,
          }),
        );
      }
    } finally {
      clearInterval(sampler);
    }
    halfPeaks[1] = Math.max(halfPeaks[1], backend.rss());
    const heapAfter = await backend.liveHeap();
    const rssAfter = backend.rss();
    const mb = (bytes: number) => `${Math.round(bytes / 1048576)} MB`;
    const growthMb = (Math.max(...halfPeaks) - rssBefore) / 1048576;
    rows.push(
      row({
        benchmark: 'memory',
        engine: engineName,
        size: `${count(sizes.memory)} incidents`,
        unit: 'MB',
        median: growthMb,
        p95: growthMb,
        target: { op: '<=', limit: 150, of: 'value' },
        note: `backend RSS ${mb(rssBefore)} before (live heap ${mb(
          heapBefore,
        )}); peak growth over the first half ${mb(
          halfPeaks[0] - rssBefore,
        )}, the second ${mb(
          halfPeaks[1] - rssBefore,
        )}; after a full GC: RSS growth ${mb(
          rssAfter - rssBefore,
        )}, live heap growth ${mb(heapAfter - heapBefore)}`,
      }),
    );
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
