#!/usr/bin/env node
/*
 * Generates the code of the HTTP contract from its one declaration,
 * plugins/itsm-backend/src/schema/openapi.yaml:
 *
 * - plugins/itsm-backend/src/schema/openapi.generated.ts: the document as a
 *   constant and `createOpenApiRouter`, a router typed by it that validates
 *   requests against it (@backstage/backend-openapi-utils);
 * - plugins/itsm-common/src/schema/openapi.generated.ts: the request and
 *   response types (openapi-typescript), which the client and every package
 *   use.
 *
 * `--check` writes nothing and fails when a generated file is stale.
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import openapiTS, { astToString } from 'openapi-typescript';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const prettier = require('prettier');
const yaml = require('yaml');
const prettierOptions = require('@backstage/cli/config/prettier');

const source = join(root, 'plugins/itsm-backend/src/schema/openapi.yaml');
const check = process.argv.includes('--check');

const HEADER = `/*
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

// Generated from plugins/itsm-backend/src/schema/openapi.yaml by
// \`yarn openapi:generate\`; do not edit.
/* eslint-disable */
`;

const format = text =>
  prettier.format(HEADER + text, { ...prettierOptions, parser: 'typescript' });

// Merge keys (<<) let a stored item's schema reuse its input's fields.
const document = yaml.parse(readFileSync(source, 'utf8'), { merge: true });

const server = format(`
import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';

export const spec = ${JSON.stringify(document, null, 2)} as const;

/** A router typed by the document that validates requests against it. */
export const createOpenApiRouter = async (
  options?: Parameters<typeof createValidatedOpenApiRouter>['1'],
) => createValidatedOpenApiRouter<typeof spec>(spec, options);
`);

const types = format(
  astToString(
    await openapiTS(document, {
      alphabetize: false,
      defaultNonNullable: false,
    }),
  ),
);

const outputs = [
  [join(root, 'plugins/itsm-backend/src/schema/openapi.generated.ts'), server],
  [join(root, 'plugins/itsm-common/src/schema/openapi.generated.ts'), types],
];

const stale = [];
for (const [file, text] of outputs) {
  const current = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  if (current === text) continue;
  if (check) stale.push(relative(root, file));
  else {
    writeFileSync(file, text);
    console.log(`wrote ${relative(root, file)}`);
  }
}
if (stale.length > 0) {
  console.error(
    `Stale generated files (openapi.yaml changed): ${stale.join(
      ', ',
    )}. Run \`./run openapi:generate\` and commit them.`,
  );
  process.exit(1);
}
if (check) console.log('generated OpenAPI files are up to date');
