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
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';

/** The repository this package lives in (packages/bench/../..). */
function portAnswers(port: number): Promise<boolean> {
  return new Promise(resolve => {
    const socket = net.connect(port, 'localhost');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

// Backends must not outlive the run that started them (a leftover would
// answer for the next run's backend on the same port).
const live = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => process.exit(130));
}

export const REPO_ROOT = path.resolve(
  require.resolve('@backstage-itsm/bench/package.json'),
  '../../..',
);

/** Options for one real backend process (packages/backend/src/index.ts). */
export type BackendProcessOptions = {
  /** Shown in errors and used for the log file name. */
  name: string;
  port: number;
  /** Merged over app-config.yaml, in order, as extra --config files. */
  config: object;
  /** Where stdout and stderr go; a temporary file by default. */
  logFile?: string;
  env?: Record<string, string>;
  startTimeoutMs?: number;
  /** Another entry script, for test backends built on the example one. */
  entry?: string;
  /** Open the V8 inspector on a free loopback port, for `inspector()`. */
  inspect?: boolean;
  /** Node's --max-old-space-size, in MB. */
  maxOldSpaceMb?: number;
  /**
   * Stack traces mapped to the TypeScript sources, as `yarn start` gives
   * them (default). Node then keeps the source map of every module it
   * loads, which a production backend does not.
   */
  sourceMaps?: boolean;
};

/**
 * The repository's real backend started as a child process, the way
 * `yarn start backend` runs it (same TypeScript transform, same plugins), so
 * benchmarks and resilience tests measure what a deployment runs: real auth,
 * permissions, auditing, catalog and scheduler.
 */
export class BackendProcess {
  readonly baseUrl: string;
  readonly logFile: string;
  private readonly child: ChildProcess;
  private readonly exited: Promise<number | null>;

  private constructor(readonly options: BackendProcessOptions) {
    this.baseUrl = `http://localhost:${options.port}`;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `itsm-${options.name}-`));
    const configFile = path.join(dir, 'app-config.yaml');
    fs.writeFileSync(
      configFile,
      YAML.stringify({
        ...options.config,
        backend: {
          baseUrl: this.baseUrl,
          listen: { port: options.port },
          ...(options.config as { backend?: object }).backend,
        },
      }),
    );
    this.logFile = options.logFile ?? path.join(dir, 'backend.log');
    const log = fs.openSync(this.logFile, 'a');
    this.child = spawn(
      process.execPath,
      [
        ...(options.sourceMaps === false ? [] : ['--enable-source-maps']),
        ...(options.inspect ? ['--inspect=127.0.0.1:0'] : []),
        ...(options.maxOldSpaceMb
          ? [`--max-old-space-size=${options.maxOldSpaceMb}`]
          : []),
        '--require',
        require.resolve('@backstage/cli-node/config/nodeTransform.cjs'),
        options.entry ?? 'src/index.ts',
        '--config',
        path.join(REPO_ROOT, 'app-config.yaml'),
        '--config',
        configFile,
      ],
      {
        cwd: path.join(REPO_ROOT, 'packages/backend'),
        stdio: ['ignore', log, log],
        env: {
          ...process.env,
          NODE_ENV: 'development',
          ESBK_TSCONFIG_PATH: path.join(REPO_ROOT, 'tsconfig.json'),
          ...options.env,
        },
      },
    );
    fs.closeSync(log);
    live.add(this.child);
    this.exited = new Promise(resolve =>
      this.child.once('exit', code => {
        live.delete(this.child);
        resolve(code);
      }),
    );
  }

  /** Starts a backend and resolves once its readiness check answers 200. */
  static async start(options: BackendProcessOptions): Promise<BackendProcess> {
    // Another process on the port would answer the readiness check for us.
    if (await portAnswers(options.port)) {
      throw new Error(
        `Backend "${options.name}": port ${options.port} is already in use; stop what listens there (a backend left over from an interrupted run?)`,
      );
    }
    const backend = new BackendProcess(options);
    const deadline = Date.now() + (options.startTimeoutMs ?? 180_000);
    let gone = false;
    backend.exited.then(() => {
      gone = true;
    });
    while (Date.now() < deadline) {
      if (gone) {
        throw new Error(
          `Backend "${
            options.name
          }" exited during start-up:\n${backend.logTail()}`,
        );
      }
      try {
        const response = await fetch(
          `${backend.baseUrl}/.backstage/health/v1/readiness`,
        );
        if (response.ok) return backend;
      } catch {
        // not listening yet
      }
      await new Promise(resolve => setTimeout(resolve, 250));
    }
    await backend.kill('SIGKILL');
    throw new Error(
      `Backend "${
        options.name
      }" was not ready within the start timeout:\n${backend.logTail()}`,
    );
  }

  get pid(): number {
    return this.child.pid!;
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Resident set size in bytes, from /proc. */
  rss(): number {
    const status = fs.readFileSync(`/proc/${this.pid}/status`, 'utf8');
    const match = /^VmRSS:\s+(\d+) kB/m.exec(status);
    if (!match) throw new Error(`No VmRSS for process ${this.pid}`);
    return Number(match[1]) * 1024;
  }

  /**
   * Calls one method of the V8 inspector protocol in the process (started
   * with `inspect`), e.g. a full garbage collection or the heap's size.
   */
  async inspector<T = unknown>(
    method: string,
    params: object = {},
  ): Promise<T> {
    const url = this.logLines()
      .map(line => /Debugger listening on (ws:\/\/\S+)/.exec(line)?.[1])
      .find(Boolean);
    if (!url) {
      throw new Error(
        `Backend "${this.options.name}" has no inspector; start it with inspect: true`,
      );
    }
    const socket = new WebSocket(url);
    try {
      await new Promise((resolve, reject) => {
        socket.onopen = resolve;
        socket.onerror = () => reject(new Error(`Cannot connect to ${url}`));
      });
      return await new Promise<T>((resolve, reject) => {
        socket.onmessage = event => {
          const message = JSON.parse(String(event.data));
          if (message.id !== 1) return;
          if (message.error) {
            reject(new Error(`${method}: ${message.error.message}`));
          } else resolve(message.result);
        };
        socket.send(JSON.stringify({ id: 1, method, params }));
      });
    } finally {
      socket.close();
    }
  }

  /** A full garbage collection, then the bytes the heap holds (live objects). */
  async liveHeap(): Promise<number> {
    await this.inspector('HeapProfiler.collectGarbage');
    const usage = await this.inspector<{ usedSize: number }>(
      'Runtime.getHeapUsage',
    );
    return usage.usedSize;
  }

  /** CPU time (user and system) the process has used so far, in ms. */
  cpuMs(): number {
    const stat = fs.readFileSync(`/proc/${this.pid}/stat`, 'utf8');
    // The fields after the command name, which is in parentheses and may
    // hold spaces; utime and stime are the 14th and 15th, in 1/100 s.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  }

  /**
   * Resolves true once the process has used under a tenth of a core for
   * `quietMs`, so that a measurement does not race background work left by
   * the phase before (the catalog stitching what was just registered);
   * false if it is still busy after `timeoutMs`.
   */
  async settle(quietMs = 3_000, timeoutMs = 90_000): Promise<boolean> {
    const step = 500;
    const samples = [this.cpuMs()];
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      await new Promise(resolve => setTimeout(resolve, step));
      samples.push(this.cpuMs());
      const window = quietMs / step;
      if (samples.length > window) {
        const used =
          samples[samples.length - 1] - samples[samples.length - 1 - window];
        if (used < quietMs / 10) return true;
      }
    }
    return false;
  }

  /** Every line the process has logged so far. */
  logLines(): string[] {
    try {
      return fs.readFileSync(this.logFile, 'utf8').split('\n');
    } catch {
      return [];
    }
  }

  /** The last lines of the log, without the access log of each request. */
  logTail(lines = 40): string {
    try {
      return fs
        .readFileSync(this.logFile, 'utf8')
        .trimEnd()
        .split('\n')
        .filter(line => !line.includes('incomingRequest'))
        .slice(-lines)
        .join('\n');
    } catch {
      return '(no log)';
    }
  }

  /** Sends a signal and waits for the process to end. */
  async kill(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    if (!this.running) return;
    this.child.kill(signal);
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 20_000);
    await this.exited;
    clearTimeout(timer);
  }
}
