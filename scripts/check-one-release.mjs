#!/usr/bin/env node
/*
 * Fails when any @backstage/* package is installed in more than one version.
 * Two releases side by side break at run time in ways the type check misses
 * (e.g. backend-plugin-api of one release against backend-defaults of another).
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const versions = new Map();

function scan(nodeModules) {
  const scope = join(nodeModules, '@backstage');
  if (existsSync(scope)) {
    for (const name of readdirSync(scope)) {
      const dir = join(scope, name);
      const manifest = join(dir, 'package.json');
      if (existsSync(manifest)) {
        const { version } = JSON.parse(readFileSync(manifest, 'utf8'));
        const seen = versions.get(`@backstage/${name}`) ?? new Map();
        seen.set(version, relative(root, dir));
        versions.set(`@backstage/${name}`, seen);
      }
      if (existsSync(join(dir, 'node_modules')))
        scan(join(dir, 'node_modules'));
    }
  }
  for (const entry of readdirSync(nodeModules)) {
    if (entry.startsWith('.') || entry === '@backstage') continue;
    const dirs = entry.startsWith('@')
      ? readdirSync(join(nodeModules, entry)).map(n =>
          join(nodeModules, entry, n),
        )
      : [join(nodeModules, entry)];
    for (const dir of dirs) {
      if (existsSync(join(dir, 'node_modules')))
        scan(join(dir, 'node_modules'));
    }
  }
}

const roots = [join(root, 'node_modules')];
for (const group of ['packages', 'plugins']) {
  const base = join(root, group);
  if (!existsSync(base)) continue;
  for (const name of readdirSync(base)) {
    const dir = join(base, name, 'node_modules');
    if (existsSync(dir)) roots.push(dir);
  }
}
roots.forEach(scan);

const mixed = [...versions].filter(([, seen]) => seen.size > 1);
for (const [name, seen] of mixed) {
  console.error(`${name} is installed in ${seen.size} versions:`);
  for (const [version, where] of seen)
    console.error(`  ${version} at ${where}`);
}
if (mixed.length > 0) {
  console.error(
    'Align them with `node scripts/align-backstage-versions.mjs`, or pin a straggler in the root resolutions.',
  );
  process.exit(1);
}
console.log(`${versions.size} @backstage/* packages, each in one version.`);
