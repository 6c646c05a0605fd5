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
import zlib from 'node:zlib';
import { build } from 'esbuild';
import { REPO_ROOT } from './backendProcess';
import { BenchRow, row } from './stats';

const packageName = (specifier: string) =>
  specifier.startsWith('@')
    ? specifier.split('/').slice(0, 2).join('/')
    : specifier.split('/')[0];

/**
 * The packages the app loads without the ITSM plugins: every dependency,
 * transitively, of packages/app other than @backstage-itsm/*.
 */
export function appPackagesWithoutItsm(): Set<string> {
  const seen = new Set<string>();
  const manifest = (dir: string) =>
    JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
  const queue: string[] = Object.keys(
    manifest(path.join(REPO_ROOT, 'packages/app')).dependencies ?? {},
  ).filter(name => !name.startsWith('@backstage-itsm/'));
  while (queue.length > 0) {
    const name = queue.pop()!;
    if (seen.has(name)) continue;
    seen.add(name);
    const dir = path.join(REPO_ROOT, 'node_modules', name);
    if (!fs.existsSync(path.join(dir, 'package.json'))) continue;
    const { dependencies = {}, peerDependencies = {} } = manifest(dir);
    queue.push(...Object.keys({ ...dependencies, ...peerDependencies }));
  }
  return seen;
}

/**
 * bundle: the minified, gzipped JavaScript that the ITSM frontend plugin (the
 * SLA tab and everything else it registers) adds to an app that already has
 * what the app ships without it.
 */
export async function bundleBenchmark(): Promise<BenchRow> {
  const inApp = appPackagesWithoutItsm();
  const result = await build({
    entryPoints: [path.join(REPO_ROOT, 'plugins/itsm/src/index.ts')],
    bundle: true,
    minify: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
    metafile: true,
    plugins: [
      {
        name: 'app-externals',
        setup(esbuild) {
          esbuild.onResolve({ filter: /^[^./]/ }, args =>
            inApp.has(packageName(args.path))
              ? { path: args.path, external: true }
              : undefined,
          );
        },
      },
    ],
  });
  const code = Buffer.concat(
    result.outputFiles.map(f => Buffer.from(f.contents)),
  );
  const gzipKb = zlib.gzipSync(code, { level: 9 }).length / 1024;
  const added = new Set(
    Object.keys(result.metafile.inputs)
      .filter(input => input.includes('node_modules/'))
      .map(input => packageName(input.split('node_modules/').pop()!)),
  );
  return row({
    benchmark: 'bundle',
    engine: 'any',
    size: 'plugins/itsm',
    unit: 'KB',
    median: gzipKb,
    p95: gzipKb,
    target: { op: '<=', limit: 250, of: 'value' },
    note: `${Math.round(
      code.length / 1024,
    )} KB minified; packages added beyond the app's: ${
      [...added].sort().join(', ') || 'none'
    }`,
  });
}
