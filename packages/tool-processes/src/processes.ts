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

import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Debian's packages; scripts/ensure-debian-tools.sh installs them. */
export const PROMETHEUS_BIN =
  process.env.PROMETHEUS_PATH ?? '/usr/bin/prometheus';
export const ALERTMANAGER_BIN =
  process.env.ALERTMANAGER_PATH ?? '/usr/bin/prometheus-alertmanager';

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

/** A process of a Debian package, ready once its /-/ready answers. */
async function startTool(options: {
  name: string;
  binary: string;
  packageName: string;
  config: { file: string; text: string };
  args: (dir: string, port: number) => string[];
  port?: number;
}) {
  const { name, binary, packageName } = options;
  if (!existsSync(binary)) {
    throw new Error(
      `${name} is needed at ${binary}: install the Debian package ${packageName} (sh scripts/ensure-debian-tools.sh)`,
    );
  }
  const dir = mkdtempSync(join(tmpdir(), `itsm-${packageName}-`));
  const port = options.port ?? (await freePort());
  writeFileSync(join(dir, options.config.file), options.config.text);
  const child: ChildProcess = spawn(binary, options.args(dir, port), {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', d => (output += d));
  child.stderr?.on('data', d => (output += d));
  const url = `http://127.0.0.1:${port}`;
  try {
    await eventually(`${name} to be ready`, async () => {
      if (child.exitCode !== null) {
        throw new Error(`${name} exited: ${output}`);
      }
      return (await fetch(`${url}/-/ready`)).ok ? true : undefined;
    });
  } catch (error) {
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    url,
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

/**
 * A /metrics endpoint serving counters the caller sets: what Prometheus
 * scrapes is exactly what was served.
 */
export async function startExporter(options: { port?: number } = {}) {
  const counters = new Map<string, Map<string, number>>();
  const server = createHttpServer((_req, res) => {
    const lines: string[] = [];
    for (const [name, series] of counters) {
      lines.push(`# TYPE ${name} counter`);
      for (const [labels, value] of series) {
        lines.push(`${name}{${labels}} ${value}`);
      }
    }
    res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' });
    res.end(`${lines.join('\n')}\n`);
  });
  const port = options.port ?? (await freePort());
  await new Promise<void>(resolve => server.listen(port, '127.0.0.1', resolve));
  const series = (name: string) => {
    const found = counters.get(name) ?? new Map<string, number>();
    counters.set(name, found);
    return found;
  };
  return {
    address: `127.0.0.1:${port}`,
    set(name: string, labels: string, value: number) {
      series(name).set(labels, value);
    },
    get: (name: string, labels: string) => series(name).get(labels) ?? 0,
    stop: () => new Promise(resolve => server.close(resolve)),
  };
}

/** A real Prometheus (Debian's 2.42) scraping the targets every second. */
export async function startPrometheus(options: {
  targets: string[];
  port?: number;
}) {
  const prometheus = await startTool({
    name: 'Prometheus',
    binary: PROMETHEUS_BIN,
    packageName: 'prometheus',
    port: options.port,
    config: {
      file: 'prometheus.yml',
      text: `global:
  scrape_interval: 1s
scrape_configs:
  - job_name: exporter
    static_configs:
      - targets: [${options.targets.map(t => `'${t}'`).join(', ')}]
`,
    },
    args: (dir, port) => [
      `--config.file=${join(dir, 'prometheus.yml')}`,
      `--storage.tsdb.path=${join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
    ],
  });
  return {
    ...prometheus,
    /** An instant query's result, as Prometheus answers it. */
    async query(query: string) {
      const res = await fetch(
        `${prometheus.url}/api/v1/query?${new URLSearchParams({ query })}`,
      );
      return (await res.json()).data.result as Array<{
        metric: Record<string, string>;
        value: [number, string];
      }>;
    },
  };
}

/**
 * A real Alertmanager (Debian's 0.25) with the given configuration (its
 * receivers), on a free port or the given one, without clustering.
 */
export async function startAlertmanager(options: {
  config: string;
  port?: number;
}) {
  const alertmanager = await startTool({
    name: 'Alertmanager',
    binary: ALERTMANAGER_BIN,
    packageName: 'prometheus-alertmanager',
    port: options.port,
    config: { file: 'alertmanager.yml', text: options.config },
    args: (dir, port) => [
      `--config.file=${join(dir, 'alertmanager.yml')}`,
      `--storage.path=${join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      // A single instance: no gossip port.
      '--cluster.listen-address=',
      '--log.level=debug',
    ],
  });
  return {
    ...alertmanager,
    /** Posts alerts to Alertmanager's own API, as Prometheus does. */
    async postAlerts(alerts: unknown[]) {
      const res = await fetch(`${alertmanager.url}/api/v2/alerts`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(alerts),
      });
      if (!res.ok) {
        throw new Error(
          `Alertmanager refused alerts: ${res.status} ${await res.text()}`,
        );
      }
    },
    /** How many webhook notices Alertmanager sent successfully, from its own metrics. */
    async notificationsSent(): Promise<number> {
      const text = await (await fetch(`${alertmanager.url}/metrics`)).text();
      const total = (name: string) =>
        Number(
          text.match(
            new RegExp(`^${name}\\{integration="webhook"\\} (\\S+)$`, 'm'),
          )?.[1] ?? 0,
        );
      return (
        total('alertmanager_notifications_total') -
        total('alertmanager_notifications_failed_total')
      );
    },
  };
}
