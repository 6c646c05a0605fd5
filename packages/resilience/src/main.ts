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

const USAGE = `usage: ./run test:resilience [--quick]
  --quick   10,000 incidents and 20 s of load instead of 50,000 and 60 s`;

async function main() {
  const args = process.argv.slice(2);
  const unknown = args.filter(a => a !== '--quick');
  if (unknown.length > 0)
    throw new Error(`unknown argument ${unknown[0]}\n${USAGE}`);
  const quick = args.includes('--quick');
  const started = Date.now();
  const log = (line: string) =>
    process.stderr.write(
      `[resilience +${Math.round((Date.now() - started) / 1000)}s] ${line}\n`,
    );
  await assertPostgresReachable();
  const runId = Date.now().toString(36);

  await accessScenario({ runId, log });
  const load = await replicasScenario({
    runId,
    log,
    incidents: quick ? 10_000 : 50_000,
    loadSeconds: quick ? 20 : 60,
  });
  await outageScenario({ runId, log });
  await crashScenario({ runId, log, rounds: 4 });

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
  process.stdout.write(
    `\n${formatTable([load])}\n${load.note}\n\nresilience: ${
      tally.requests
    } requests sent, ${tally.faults} faults injected, ${
      tally.records
    } records checked, ${tally.lost} lost, in ${summary.seconds} s\n`,
  );
  if (tally.lost !== 0 || !load.pass) process.exitCode = 1;
}

main().catch(error => {
  process.stderr.write(
    `[resilience] FAILED: ${String(error?.stack ?? error).slice(0, 3000)}\n`,
  );
  process.exitCode = 1;
});
