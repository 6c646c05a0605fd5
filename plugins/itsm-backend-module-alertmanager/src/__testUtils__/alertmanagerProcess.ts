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
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Debian's package prometheus-alertmanager; scripts/ensure-debian-tools.sh installs it. */
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

/**
 * A real Alertmanager (Debian's 0.25) with one webhook receiver, on a free
 * port, with its own storage; stop() kills it and removes the folder.
 */
export async function startAlertmanager(options: {
  webhookUrl: string;
  bearerToken: string;
}) {
  if (!existsSync(ALERTMANAGER_BIN)) {
    throw new Error(
      `Alertmanager is needed at ${ALERTMANAGER_BIN}: install the Debian package prometheus-alertmanager (sh scripts/ensure-debian-tools.sh) or set ALERTMANAGER_PATH`,
    );
  }
  const dir = mkdtempSync(join(tmpdir(), 'itsm-alertmanager-'));
  const port = await freePort();
  // Short waits so that a test sees a group's first notice, a re-send and
  // the resolved notice within seconds.
  writeFileSync(
    join(dir, 'alertmanager.yml'),
    `route:
  receiver: itsm
  group_by: [alertname, itsm_service]
  group_wait: 1s
  group_interval: 2s
  repeat_interval: 3s
receivers:
  - name: itsm
    webhook_configs:
      - url: ${options.webhookUrl}
        send_resolved: true
        http_config:
          authorization:
            type: Bearer
            credentials: ${options.bearerToken}
`,
  );
  const child: ChildProcess = spawn(
    ALERTMANAGER_BIN,
    [
      `--config.file=${join(dir, 'alertmanager.yml')}`,
      `--storage.path=${join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      // No gossip: a single instance.
      '--cluster.listen-address=',
      '--log.level=debug',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.on('data', d => (output += d));
  child.stderr?.on('data', d => (output += d));
  const url = `http://127.0.0.1:${port}`;
  try {
    await eventually('Alertmanager to be ready', async () => {
      if (child.exitCode !== null) {
        throw new Error(`Alertmanager exited: ${output}`);
      }
      const res = await fetch(`${url}/-/ready`);
      return res.ok ? true : undefined;
    });
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    url,
    /** Posts alerts to Alertmanager's own API, as Prometheus does. */
    async postAlerts(alerts: unknown[]) {
      const res = await fetch(`${url}/api/v2/alerts`, {
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
      const text = await (await fetch(`${url}/metrics`)).text();
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
