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

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, Server } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Debian's package prometheus; scripts/ensure-debian-tools.sh installs it. */
export const PROMETHEUS_BIN =
  process.env.PROMETHEUS_PATH ?? '/usr/bin/prometheus';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Polls until check resolves a value other than undefined, or fails after the timeout. */
export async function eventually<T>(
  what: string | (() => string),
  check: () => Promise<T | undefined>,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `Timed out waiting for ${typeof what === 'string' ? what : what()}${
          last ? `: ${last}` : ''
        }`,
      );
    }
    await new Promise(r => setTimeout(r, 250));
  }
}

/**
 * A /metrics endpoint serving counters the test sets: what Prometheus
 * scrapes is exactly what the test served.
 */
export async function startExporter() {
  const counters = new Map<string, number>();
  const server: Server = createHttpServer((_req, res) => {
    const lines = ['# TYPE itsm_test_requests_total counter'];
    for (const [labels, value] of counters) {
      lines.push(`itsm_test_requests_total{${labels}} ${value}`);
    }
    res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' });
    res.end(`${lines.join('\n')}\n`);
  });
  const port = await freePort();
  await new Promise<void>(resolve => server.listen(port, '127.0.0.1', resolve));
  return {
    address: `127.0.0.1:${port}`,
    set(labels: string, value: number) {
      counters.set(labels, value);
    },
    get: (labels: string) => counters.get(labels) ?? 0,
    stop: () => new Promise(resolve => server.close(resolve)),
  };
}

/** A real Prometheus (Debian's 2.42) scraping the targets every second. */
export async function startPrometheus(options: { targets: string[] }) {
  if (!existsSync(PROMETHEUS_BIN)) {
    throw new Error(
      `Prometheus is needed at ${PROMETHEUS_BIN}: install the Debian package prometheus (sh scripts/ensure-debian-tools.sh) or set PROMETHEUS_PATH`,
    );
  }
  const dir = mkdtempSync(join(tmpdir(), 'itsm-prometheus-'));
  const port = await freePort();
  writeFileSync(
    join(dir, 'prometheus.yml'),
    `global:
  scrape_interval: 1s
scrape_configs:
  - job_name: exporter
    static_configs:
      - targets: [${options.targets.map(t => `'${t}'`).join(', ')}]
`,
  );
  const child = spawn(
    PROMETHEUS_BIN,
    [
      `--config.file=${join(dir, 'prometheus.yml')}`,
      `--storage.tsdb.path=${join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout.on('data', d => (output += d));
  child.stderr.on('data', d => (output += d));
  const url = `http://127.0.0.1:${port}`;
  try {
    await eventually('Prometheus to be ready', async () => {
      if (child.exitCode !== null)
        throw new Error(`Prometheus exited: ${output}`);
      return (await fetch(`${url}/-/ready`)).ok ? true : undefined;
    });
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    url,
    /** An instant query's result, as Prometheus answers it. */
    async query(query: string) {
      const res = await fetch(
        `${url}/api/v1/query?${new URLSearchParams({ query })}`,
      );
      return (await res.json()).data.result as Array<{
        metric: Record<string, string>;
        value: [number, string];
      }>;
    },
    log: () => output,
    async stop() {
      child.kill('SIGTERM');
      await new Promise(r =>
        child.exitCode !== null ? r(undefined) : child.once('exit', r),
      );
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
