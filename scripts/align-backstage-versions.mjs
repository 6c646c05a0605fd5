#!/usr/bin/env node
/*
 * Aligns every @backstage/* dependency in the repository's package.json files
 * to the version the npm registry tags `latest`.
 *
 * `backstage-cli versions:bump` needs the release manifest, which cannot be
 * fetched from every network; without it caret ranges drift into two
 * releases at once. Run this, then `./run install` and commit yarn.lock.
 *
 * Usage: node scripts/align-backstage-versions.mjs [--check] [--root DIR]
 *   --check  only report drift; exit 1 when a range is not on `latest`
 *   --root   the repository to align (default: this one)
 */
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync, readdirSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
// --root DIR aligns another Backstage repository (the install test's app).
const rootArg = process.argv.indexOf('--root');
const root =
  rootArg > 0
    ? process.argv[rootArg + 1]
    : join(dirname(fileURLToPath(import.meta.url)), '..');
const checkOnly = process.argv.includes('--check');
const sections = [
  'dependencies',
  'devDependencies',
  'peerDependencies',
  'resolutions',
];

function manifests() {
  const files = [join(root, 'package.json')];
  for (const dir of ['packages', 'plugins']) {
    const base = join(root, dir);
    if (!existsSync(base)) continue;
    for (const name of readdirSync(base)) {
      const file = join(base, name, 'package.json');
      if (existsSync(file)) files.push(file);
    }
  }
  return files;
}

async function latestVersion(name) {
  const { stdout } = await run('npm', ['view', name, 'version'], {
    shell: process.platform === 'win32',
  });
  return stdout.trim();
}

const files = manifests().map(file => ({
  file,
  json: JSON.parse(readFileSync(file, 'utf8')),
}));
const names = new Set();
for (const { json } of files) {
  for (const section of sections) {
    for (const name of Object.keys(json[section] ?? {})) {
      if (name.startsWith('@backstage/')) names.add(name);
    }
  }
}

const latest = new Map();
const queue = [...names].sort();
await Promise.all(
  Array.from({ length: 8 }, async () => {
    for (let name = queue.shift(); name; name = queue.shift()) {
      latest.set(name, await latestVersion(name));
    }
  }),
);

let drift = 0;
for (const { file, json } of files) {
  let changed = false;
  for (const section of sections) {
    const deps = json[section];
    if (!deps) continue;
    for (const [name, range] of Object.entries(deps)) {
      if (!latest.has(name)) continue;
      // Resolutions pin exact versions; dependency ranges keep a caret.
      const wanted =
        section === 'resolutions' ? latest.get(name) : `^${latest.get(name)}`;
      // A workspace or a range chosen on purpose (e.g. a pinned straggler) is kept.
      if (range.startsWith('workspace:') || range === '*') continue;
      if (range !== wanted) {
        drift += 1;
        console.log(
          `${file.slice(root.length + 1)}: ${name} ${range} -> ${wanted}`,
        );
        deps[name] = wanted;
        changed = true;
      }
    }
  }
  if (changed && !checkOnly) {
    writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`);
  }
}
console.log(
  drift === 0
    ? `All ${names.size} @backstage/* packages are on their latest versions.`
    : `${drift} range(s) ${checkOnly ? 'drift' : 'updated'}.`,
);
if (checkOnly && drift > 0) process.exit(1);
