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

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './backendProcess';
import {
  BACKEND_BENCHMARKS,
  FULL,
  QUICK,
  runBackendBenchmarks,
} from './backend/suite';
import { bundleBenchmark } from './bundle';
import {
  assertPostgresReachable,
  createEngine,
  dropPostgresDatabases,
  EngineName,
  postgresConnection,
} from './engines';
import { BenchRow, formatTable, row, summarize } from './stats';

const RESULTS = path.join(REPO_ROOT, 'bench-results');
const ENGINES: EngineName[] = ['sqlite', 'postgres'];

const USAGE = `usage: ./run bench [--quick] [--engine sqlite|postgres]... [--no-page] [--only name]...
  --quick      reduced sizes (under three minutes); ./run test runs this
  --engine     only this engine (repeatable); both by default
  --no-page    skip the Chromium page benchmark (the full run includes it)
  --only       only this backend benchmark (repeatable): ${BACKEND_BENCHMARKS.join(
    ', ',
  )}; implies --no-page`;

function parseArgs(argv: string[]) {
  const options = {
    quick: false,
    page: true,
    engines: [] as EngineName[],
    only: [] as string[],
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--quick') options.quick = true;
    else if (arg === '--no-page') options.page = false;
    else if (arg === '--only') {
      const name = argv[++i];
      if (!BACKEND_BENCHMARKS.includes(name)) {
        throw new Error(
          `--only must be one of the backend benchmarks\n${USAGE}`,
        );
      }
      options.only.push(name);
      options.page = false;
    } else if (arg === '--engine') {
      const engine = argv[++i] as EngineName;
      if (!ENGINES.includes(engine)) {
        throw new Error(`--engine must be sqlite or postgres\n${USAGE}`);
      }
      options.engines.push(engine);
    } else {
      throw new Error(`unknown argument "${arg}"\n${USAGE}`);
    }
  }
  if (options.engines.length === 0) options.engines = ENGINES;
  // The quick run is part of ./run test, whose e2e suite already holds the
  // page benchmark to its target.
  if (options.quick) options.page = false;
  return options;
}

/**
 * The app's production build (`packages/app/dist`), which the backend's
 * app-backend serves to the page benchmark.
 */
function buildApp() {
  const result = spawnSync('yarn', ['workspace', 'app', 'build'], {
    cwd: REPO_ROOT,
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    throw new Error(
      `The page benchmark needs the app's production build; yarn workspace app build exited with ${result.status}`,
    );
  }
}

/**
 * page: run by Playwright, which owns the backend server, once per engine,
 * on the app's production build; the spec writes its samples and the row is
 * built here.
 */
function pageBenchmark(engine: EngineName, runId: string): BenchRow {
  const output = path.join(RESULTS, `page-${engine}.json`);
  const prefix = `itsm_page_${runId}_`;
  fs.rmSync(output, { force: true });
  const result = spawnSync(
    process.execPath,
    [
      require.resolve('@playwright/test/cli'),
      'test',
      'plugins/itsm/e2e-tests/page.bench.test.ts',
    ],
    {
      cwd: REPO_ROOT,
      stdio: 'inherit',
      env: {
        ...process.env,
        ITSM_PAGE_BENCH_OUTPUT: output,
        ITSM_PAGE_BENCH_PRODUCTION_APP: '1',
        ...(engine === 'postgres' && {
          ITSM_PAGE_BENCH_DATABASE: JSON.stringify({
            client: 'pg',
            connection: postgresConnection,
            prefix,
          }),
        }),
      },
    },
  );
  if (!fs.existsSync(output)) {
    throw new Error(
      `page benchmark on ${engine}: Playwright exited with ${result.status} and wrote no samples`,
    );
  }
  const samples: { overview: number[]; sla: number[] } = JSON.parse(
    fs.readFileSync(output, 'utf8'),
  );
  const sla = summarize(samples.sla);
  const overview = summarize(samples.overview);
  return row({
    benchmark: 'page',
    engine,
    size: 'online-banking SLA tab, demo data, production build',
    unit: 'ms',
    ...sla,
    baseline: { label: 'overview page', median: overview.median },
    ratio: sla.median / overview.median,
    target: { op: '<=', limit: 1.2, of: 'ratio' },
  });
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const sizes = options.quick ? QUICK : FULL;
  const runId = Date.now().toString(36);
  const started = Date.now();
  const log = (line: string) =>
    process.stderr.write(
      `[bench +${Math.round((Date.now() - started) / 1000)}s] ${line}\n`,
    );
  fs.mkdirSync(RESULTS, { recursive: true });

  const rows: BenchRow[] = [await bundleBenchmark()];
  const failures: string[] = [];
  if (options.engines.includes('postgres')) await assertPostgresReachable();
  for (const [i, name] of options.engines.entries()) {
    const engine = createEngine(name, runId);
    try {
      rows.push(
        ...(await runBackendBenchmarks({
          engine,
          sizes,
          port: 7300 + i,
          log,
          only: options.only,
        })),
      );
    } finally {
      await engine.cleanup();
    }
  }
  if (options.page) {
    const chromium = spawnSync(
      'sh',
      ['scripts/ensure-debian-tools.sh', 'chromium'],
      {
        cwd: REPO_ROOT,
        stdio: 'inherit',
      },
    );
    if (chromium.status !== 0) {
      throw new Error(
        'The page benchmark needs Chromium; see above, or pass --no-page',
      );
    }
    log('building the app for production');
    buildApp();
    for (const name of options.engines) {
      try {
        rows.push(pageBenchmark(name, runId));
      } catch (error) {
        // The other rows are still worth printing and keeping.
        failures.push(`page (${name}): ${(error as Error).message}`);
      } finally {
        if (name === 'postgres') {
          await dropPostgresDatabases(`itsm_page_${runId}_`);
        }
      }
    }
  }

  const mode = options.quick ? 'quick' : 'full';
  const seconds = Math.round((Date.now() - started) / 1000);
  const report = {
    mode,
    date: new Date().toISOString(),
    machine: `${require('node:os').cpus().length} cores, node ${
      process.version
    }`,
    seconds,
    rows,
    failures,
  };
  for (const file of [`${mode}-${runId}.json`, `latest-${mode}.json`]) {
    fs.writeFileSync(
      path.join(RESULTS, file),
      `${JSON.stringify(report, null, 2)}\n`,
    );
  }
  process.stdout.write(`\n${formatTable(rows)}\n\n`);
  for (const r of rows.filter(x => x.note)) {
    process.stdout.write(`${r.benchmark} (${r.engine}): ${r.note}\n`);
  }
  const failed = rows.filter(r => !r.pass);
  process.stdout.write(
    `\n${mode} run: ${rows.length} rows in ${seconds} s, ${failed.length} missed their target; results in bench-results/latest-${mode}.json\n`,
  );
  for (const failure of failures) process.stdout.write(`FAILED ${failure}\n`);
  process.exitCode = failed.length > 0 || failures.length > 0 ? 1 : 0;
}

main().catch(error => {
  // Database errors quote their whole statement; the start says enough.
  process.stderr.write(
    `[bench] ${String(error?.stack ?? error).slice(0, 3000)}\n`,
  );
  process.exitCode = 1;
});
