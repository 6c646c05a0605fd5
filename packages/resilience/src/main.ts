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
import path from 'node:path';
import {
  assertPostgresReachable,
  formatTable,
  REPO_ROOT,
} from '@backstage-itsm/bench';
import { accessScenario } from './access';
import { crashScenario } from './crash';
import { tally } from './harness';
import { outageScenario } from './outage';
import { replicasScenario } from './replicas';

const SCENARIOS = ['access', 'replicas', 'outage', 'crash'] as const;
type Scenario = (typeof SCENARIOS)[number];

const USAGE = `usage: ./run test:resilience [--quick] [--only ${SCENARIOS.join(
  '|',
)}]...
  --quick   10,000 incidents and 20 s of load instead of 50,000 and 60 s
  --only    run only this scenario (repeatable)`;

function parseArgs(argv: string[]) {
  const options = { quick: false, only: [] as Scenario[] };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--quick') options.quick = true;
    else if (
      argv[i] === '--only' &&
      SCENARIOS.includes(argv[i + 1] as Scenario)
    ) {
      options.only.push(argv[++i] as Scenario);
    } else throw new Error(`unknown argument "${argv[i]}"\n${USAGE}`);
  }
  return options;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const runs = (scenario: Scenario) =>
    options.only.length === 0 || options.only.includes(scenario);
  const started = Date.now();
  const log = (line: string) =>
    process.stderr.write(
      `[resilience +${Math.round((Date.now() - started) / 1000)}s] ${line}\n`,
    );
  await assertPostgresReachable();
  const runId = Date.now().toString(36);

  if (runs('access')) await accessScenario({ runId, log });
  const load = runs('replicas')
    ? await replicasScenario({
        runId,
        log,
        incidents: options.quick ? 10_000 : 50_000,
        loadSeconds: options.quick ? 20 : 60,
      })
    : undefined;
  if (runs('outage')) await outageScenario({ runId, log });
  if (runs('crash')) await crashScenario({ runId, log, rounds: 4 });

  const summary = {
    date: new Date().toISOString(),
    seconds: Math.round((Date.now() - started) / 1000),
    ...tally,
    load,
  };
  const results = path.join(REPO_ROOT, 'bench-results');
  fs.mkdirSync(results, { recursive: true });
  fs.writeFileSync(
    path.join(results, 'resilience.json'),
    `${JSON.stringify(summary, null, 2)}\n`,
  );
  if (load) {
    process.stdout.write(`\n${formatTable([load])}\n${load.note}\n`);
  }
  process.stdout.write(
    `\nresilience: ${tally.requests} requests sent, ${tally.faults} faults injected, ${tally.records} records checked, ${tally.lost} lost, in ${summary.seconds} s\n`,
  );
  if (tally.lost !== 0 || (load && !load.pass)) process.exitCode = 1;
}

main().catch(error => {
  process.stderr.write(
    `[resilience] FAILED: ${String(error?.stack ?? error).slice(0, 3000)}\n`,
  );
  process.exitCode = 1;
});
