#!/usr/bin/env node
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

/*
 * `./run test:install`: proves the packages install like any published
 * Backstage plugin. It builds and packs every plugin package, checks the
 * tarballs, creates a fresh Backstage app from the official template
 * (@backstage/create-app, new and legacy frontend system), aligns it on one
 * Backstage release as this repository is, installs the tarballs with
 * `yarn add`, applies exactly the steps of the README's "Adding the ITSM
 * plugins to an existing Backstage app" (and, for the legacy app, those of
 * plugins/itsm/README.md's "Install (legacy frontend system)"), loads
 * examples/itsm/, starts the app and runs install-tests/ in Chromium: the
 * SLA tab shows computed figures and the portfolio lists the services.
 *
 * Options: --only new|legacy, --keep (leave the apps in the temporary folder).
 */
import { spawn, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const YAML = require('yaml');

const args = process.argv.slice(2);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : '';
const keep = args.includes('--keep');
const variants = ['new', 'legacy'].filter(v => !only || v === only);

const started = Date.now();
const say = line =>
  process.stderr.write(
    `[install +${Math.round((Date.now() - started) / 1000)}s] ${line}\n`,
  );

function run(command, commandArgs, options = {}) {
  const result = spawnSync(command, commandArgs, {
    stdio:
      options.input === undefined ? 'inherit' : ['pipe', 'inherit', 'inherit'],
    ...options,
  });
  if (result.status !== 0) {
    throw new Error(
      `${command} ${commandArgs.join(' ')} (in ${
        options.cwd ?? root
      }) exited with ${result.status ?? result.signal}`,
    );
  }
}

// Yarn as the repository (or an app) pins it in .yarnrc.yml.
function yarnOf(dir) {
  const release = /^yarnPath: *(.+)$/m.exec(
    readFileSync(join(dir, '.yarnrc.yml'), 'utf8'),
  )[1];
  return (yarnArgs, options = {}) =>
    run(process.execPath, [join(dir, release), ...yarnArgs], {
      cwd: dir,
      ...options,
    });
}
const repoYarn = yarnOf(root);

// Debian's Chromium, as the end-to-end suite uses it.
run('sh', [join(root, 'scripts/ensure-debian-tools.sh'), 'chromium']);

const work = mkdtempSync(join(tmpdir(), 'itsm-install-'));
say(`working in ${work}`);

// 1. Build and pack every plugin package.
const packages = readdirSync(join(root, 'plugins'))
  .filter(dir => existsSync(join(root, 'plugins', dir, 'package.json')))
  .map(dir => ({
    dir,
    manifest: JSON.parse(
      readFileSync(join(root, 'plugins', dir, 'package.json'), 'utf8'),
    ),
  }))
  .filter(({ manifest }) => !manifest.private);
// `yarn pack` rewrites package.json for the tarball and restores it after;
// a pack that was killed halfway leaves the rewritten one behind.
const leftovers = packages.filter(({ manifest }) =>
  /^(\.\/)?dist\//.test(manifest.main ?? ''),
);
if (leftovers.length > 0) {
  throw new Error(
    `${leftovers
      .map(({ dir }) => `plugins/${dir}/package.json`)
      .join(
        ', ',
      )} point at dist/: an interrupted pack left them so; restore them with git checkout`,
  );
}
const tarballs = new Map();
say('type declarations (yarn tsc)');
repoYarn(['tsc']);
mkdirSync(join(work, 'tarballs'));
// Two at a time: a build is mostly one process, and CI has two cores.
const release = /^yarnPath: *(.+)$/m.exec(
  readFileSync(join(root, '.yarnrc.yml'), 'utf8'),
)[1];
const repoYarnAsync = yarnArgs =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, release), ...yarnArgs], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const output = [];
    child.stdout.on('data', chunk => output.push(chunk));
    child.stderr.on('data', chunk => output.push(chunk));
    child.on('error', reject);
    child.on('exit', code => {
      if (code === 0) resolve();
      else {
        process.stderr.write(Buffer.concat(output));
        reject(new Error(`yarn ${yarnArgs.join(' ')} exited with ${code}`));
      }
    });
  });
const queue = [...packages];
await Promise.all(
  [0, 1].map(async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const { dir, manifest } = next;
      say(`build and pack ${manifest.name}`);
      const file = join(work, 'tarballs', `${dir}.tgz`);
      await repoYarnAsync(['workspace', manifest.name, 'build']);
      await repoYarnAsync(['workspace', manifest.name, 'pack', '--out', file]);
      tarballs.set(manifest.name, file);
    }
  }),
);

// 2. What a consumer gets: no workspace ranges, built code, types and the
// files the package reads at run time.
const needs = {
  'itsm-backend': ['package/migrations/', 'package/src/schema/openapi.yaml'],
  'itsm-common': ['package/src/schema/ITService.v1alpha1.schema.json'],
};
for (const { dir, manifest } of packages) {
  const file = tarballs.get(manifest.name);
  const list = spawnSync('tar', ['-tzf', file], { encoding: 'utf8' }).stdout;
  const packed = JSON.parse(
    spawnSync('tar', ['-xzOf', file, 'package/package.json'], {
      encoding: 'utf8',
    }).stdout,
  );
  const problems = [];
  if (JSON.stringify(packed).includes('workspace:')) {
    problems.push('a workspace: range in package.json');
  }
  for (const entry of [
    'package/dist/index.d.ts',
    ...(needs[dir] ?? []),
    // The CLI turns config.d.ts into the schema the app's config loader reads.
    ...(manifest.configSchema ? [`package/${packed.configSchema}`] : []),
  ]) {
    if (!list.split('\n').some(line => line.startsWith(entry))) {
      problems.push(`no ${entry}`);
    }
  }
  if (!/^(\.\/)?dist\//.test(packed.main ?? '')) {
    problems.push(`main is ${packed.main}, not built code`);
  }
  if (problems.length > 0) {
    throw new Error(`${basename(file)}: ${problems.join('; ')}`);
  }
}
say(`${tarballs.size} tarballs checked`);

// The README's steps as code blocks: each begins with a line that says where
// it goes ("// file: add before `x`", "# file: merge into") or is a command.
function steps(markdownFile, heading) {
  const text = readFileSync(join(root, markdownFile), 'utf8');
  const start = text.indexOf(heading);
  if (start < 0) throw new Error(`${markdownFile} has no "${heading}"`);
  // Up to the next heading (a subsection is another topic).
  const next = /\n#{1,6} /g;
  next.lastIndex = start + heading.length;
  const end = next.exec(text)?.index;
  const section = text.slice(start, end);
  return [...section.matchAll(/^( *)```(\w+)\n([\s\S]*?)^\1```/gm)].map(
    ([, indent, lang, body]) => ({
      lang,
      lines: body
        .split('\n')
        .map(line => line.slice(indent.length))
        .filter((line, i, all) => i < all.length - 1 || line !== ''),
    }),
  );
}

function insertAt(source, index, lines) {
  const out = source.split('\n');
  out.splice(index, 0, ...lines);
  return out.join('\n');
}

// Applies one "add ..." directive to a source file.
function applyEdit(app, directive, lines) {
  const match =
    /^(?:\/\/|#) (\S+): add (to the imports|before `([^`]+)`|after `([^`]+)`(?: in `([^`]+)`)?)$/.exec(
      directive,
    );
  if (!match) throw new Error(`Cannot read the step "${directive}"`);
  const [, file, , before, after, within] = match;
  const path = join(app, file);
  const source = readFileSync(path, 'utf8');
  const all = source.split('\n');
  let index;
  if (before) {
    index = all.findIndex(line => line.trim().startsWith(before));
  } else if (after) {
    const from = within ? all.findIndex(line => line.includes(within)) : 0;
    const found = all.findIndex((line, i) => i >= from && line.includes(after));
    index = found < 0 || from < 0 ? -1 : found + 1;
  } else {
    // After the last import statement.
    const last = all.reduce(
      (at, line, i) => (/^import /.test(line) ? i : at),
      -1,
    );
    index =
      all.findIndex((line, i) => i >= last && line.trimEnd().endsWith(';')) + 1;
  }
  if (index <= 0) {
    throw new Error(`${file}: no place for "${directive}"`);
  }
  writeFileSync(path, insertAt(source, index, lines));
}

// Arrays are replaced, as Backstage merges configuration files.
function merge(target, source) {
  for (const [key, value] of Object.entries(source)) {
    if (
      value &&
      typeof value === 'object' &&
      !Array.isArray(value) &&
      target[key] &&
      typeof target[key] === 'object' &&
      !Array.isArray(target[key])
    ) {
      merge(target[key], value);
    } else {
      target[key] = value;
    }
  }
  return target;
}

function applySteps(app, appYarn, blocks) {
  for (const { lang, lines } of blocks) {
    if (lang === 'sh') {
      for (const command of lines) {
        const add = /^yarn --cwd (\S+) add (.+)$/.exec(command);
        if (!add) throw new Error(`Cannot run the step "${command}"`);
        // The tarball route: the same packages, from the packed files.
        const names = add[2].split(/\s+/);
        say(`step: ${command} (from the tarballs)`);
        appYarn([
          '--cwd',
          add[1],
          'add',
          ...names.map(name => {
            if (!tarballs.has(name)) throw new Error(`No tarball of ${name}`);
            return `${name}@file:${tarballs.get(name)}`;
          }),
        ]);
      }
    } else if (lang === 'yaml') {
      const [directive, ...rest] = lines;
      const file = /^# (\S+): merge into$/.exec(directive)?.[1];
      if (!file) throw new Error(`Cannot read the step "${directive}"`);
      say(`step: merge into ${file}`);
      const path = join(app, file);
      const config = merge(
        YAML.parse(readFileSync(path, 'utf8')),
        YAML.parse(rest.join('\n')),
      );
      writeFileSync(path, YAML.stringify(config));
    } else {
      const [directive, ...rest] = lines;
      say(`step: ${directive.replace(/^\/\/ /, '')}`);
      applyEdit(app, directive, rest);
    }
  }
}

async function waitFor(url, timeoutMs, server) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (server.exitCode !== null) throw new Error('the app stopped');
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer`);
    await new Promise(resolve => setTimeout(resolve, 2000));
  }
}

const readme = steps(
  'README.md',
  '## Adding the ITSM plugins to an existing Backstage app',
);
const legacySteps = steps(
  'plugins/itsm/README.md',
  '## Install (legacy frontend system)',
);
const rootManifest = JSON.parse(
  readFileSync(join(root, 'package.json'), 'utf8'),
);

for (const variant of variants) {
  const app = join(work, `${variant}-app`);
  say(`[${variant}] create-app${variant === 'legacy' ? ' --legacy' : ''}`);
  run(
    process.execPath,
    [
      join(root, 'node_modules/@backstage/create-app/bin/backstage-create-app'),
      '--skip-install',
      '--path',
      app,
      ...(variant === 'legacy' ? ['--legacy'] : []),
    ],
    { cwd: work, input: 'itsm-app\n' },
  );
  const appYarn = yarnOf(app);

  // One Backstage release, as in this repository (the same resolutions and
  // alignment), and the tarballs for the packages that depend on each other.
  const manifestPath = join(app, 'package.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  manifest.resolutions = {
    ...manifest.resolutions,
    ...rootManifest.resolutions,
    ...Object.fromEntries(
      [...tarballs].map(([name, file]) => [name, `file:${file}`]),
    ),
  };
  writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  run(process.execPath, [
    join(root, 'scripts/align-backstage-versions.mjs'),
    '--root',
    app,
  ]);

  applySteps(app, appYarn, readme);
  if (variant === 'legacy') applySteps(app, appYarn, legacySteps);

  // The example organisation, as the test's data (not a README step).
  cpSync(join(root, 'examples/itsm'), join(app, 'examples/itsm'), {
    recursive: true,
  });
  const example = file => ({
    type: 'file',
    target: `../../examples/itsm/${file}`,
  });
  writeFileSync(
    join(app, 'app-config.local.yaml'),
    YAML.stringify({
      catalog: {
        locations: [
          ...['services', 'stakeholders', 'suppliers', 'software'].map(f =>
            example(`${f}.yaml`),
          ),
          { ...example('org.yaml'), rules: [{ allow: ['User', 'Group'] }] },
        ],
      },
    }),
  );

  say(`[${variant}] yarn start`);
  const server = spawn(
    process.execPath,
    [
      join(
        app,
        /^yarnPath: *(.+)$/m.exec(
          readFileSync(join(app, '.yarnrc.yml'), 'utf8'),
        )[1],
      ),
      'start',
    ],
    {
      cwd: app,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, BROWSER: 'none' },
    },
  );
  const output = [];
  const keepTail = chunk => {
    output.push(chunk.toString());
    if (output.length > 400) output.shift();
  };
  server.stdout.on('data', keepTail);
  server.stderr.on('data', keepTail);
  try {
    await waitFor(
      'http://localhost:7007/.backstage/health/v1/readiness',
      480_000,
      server,
    );
    await waitFor('http://localhost:3000', 480_000, server);
    say(`[${variant}] the app is up; Playwright`);
    run(
      process.execPath,
      [
        join(root, 'node_modules/@playwright/test/cli.js'),
        'test',
        '--config',
        'install-tests/playwright.config.ts',
      ],
      { cwd: root, env: { ...process.env, ITSM_INSTALL_VARIANT: variant } },
    );
  } catch (error) {
    process.stderr.write(output.join('').slice(-20000));
    throw error;
  } finally {
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      // already gone
    }
    await new Promise(resolve => setTimeout(resolve, 3000));
    try {
      process.kill(-server.pid, 'SIGKILL');
    } catch {
      // gone
    }
  }
  say(`[${variant}] passed`);
}

if (keep) say(`apps kept in ${work}`);
else rmSync(work, { recursive: true, force: true });
say(`done in ${Math.round((Date.now() - started) / 1000)} s`);
