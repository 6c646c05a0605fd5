#!/usr/bin/env node
/*
 * The changeset check of `./run test`: every pending changeset in
 * .changeset/ names publishable packages of this repository with a bump of
 * patch, minor or major and says what changed, and every publishable package
 * has the CHANGELOG.md that `./run changeset version` writes from them.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const yaml = require('yaml');

const publishable = new Map();
for (const dir of ['packages', 'plugins']) {
  for (const name of readdirSync(join(root, dir))) {
    const file = join(root, dir, name, 'package.json');
    if (!existsSync(file)) continue;
    const manifest = JSON.parse(readFileSync(file, 'utf8'));
    if (!manifest.private) publishable.set(manifest.name, join(dir, name));
  }
}

const problems = [];
const changesets = readdirSync(join(root, '.changeset')).filter(
  f => f.endsWith('.md') && f !== 'README.md',
);
for (const file of changesets) {
  const text = readFileSync(join(root, '.changeset', file), 'utf8');
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
  if (!match) {
    problems.push(`.changeset/${file}: no front matter between --- lines`);
    continue;
  }
  const bumps = yaml.parse(match[1]) ?? {};
  if (Object.keys(bumps).length === 0) {
    problems.push(`.changeset/${file}: names no package`);
  }
  for (const [name, bump] of Object.entries(bumps)) {
    if (!publishable.has(name)) {
      problems.push(
        `.changeset/${file}: ${name} is not a publishable package here (known: ${[
          ...publishable.keys(),
        ].join(', ')})`,
      );
    }
    if (!['patch', 'minor', 'major'].includes(bump)) {
      problems.push(
        `.changeset/${file}: ${name}: "${bump}" is not patch, minor or major`,
      );
    }
  }
  if (match[2].trim() === '') {
    problems.push(`.changeset/${file}: says nothing about what changed`);
  }
}
for (const [name, dir] of publishable) {
  if (!existsSync(join(root, dir, 'CHANGELOG.md'))) {
    problems.push(`${name}: ${dir}/CHANGELOG.md is missing`);
  }
}

if (problems.length > 0) {
  console.error(`Changesets:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(
  `${changesets.length} pending changeset(s) valid; ${publishable.size} publishable packages, each with a CHANGELOG.md`,
);
