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
 *   use;
 * - plugins/itsm-common/src/schema/client.generated.ts: `DefaultApiClient`,
 *   one method per operation, typed by those types, on which ItsmClient
 *   layers discovery, tokens and paging;
 * - plugins/itsm-backend/src/schema/zod.generated.ts: zod schemas of the
 *   components and of each operation's response and query, for the MCP
 *   actions, whose registry takes zod.
 *
 * `--check` writes nothing and fails when a generated file is stale.
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import openapiTS, { astToString } from 'openapi-typescript';
import { jsonSchemaToZod } from 'json-schema-to-zod';

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
  ).replace(
    // Part of itsm-common's public API (re-exported as ItsmApiPaths, ...).
    /^export (interface|type) (paths|webhooks|components|operations)\b/gm,
    '/** @public */\n$&',
  ),
);

// The client: one method per operation, named after its operationId.
const camel = id => id[0].toLowerCase() + id.slice(1);
const resolve = node =>
  node && node.$ref
    ? node.$ref
        .slice(2)
        .split('/')
        .reduce((at, key) => at[key], document)
    : node;

const methods = [];
for (const [path, item] of Object.entries(document.paths)) {
  for (const [verb, operation] of Object.entries(item)) {
    const id = operation.operationId;
    const op = `operations['${id}']`;
    const params = (operation.parameters ?? []).map(resolve);
    const fields = [];
    const optionalRequest = [];
    for (const place of ['path', 'query']) {
      const own = params.filter(p => p.in === place);
      if (own.length === 0) continue;
      const required = own.some(p => p.required);
      fields.push(
        `${place}${
          required ? '' : '?'
        }: NonNullable<${op}['parameters']['${place}']>`,
      );
      optionalRequest.push(!required);
    }
    if (operation.requestBody) {
      fields.push(`body: ${op}['requestBody']['content']['application/json']`);
      optionalRequest.push(false);
    }
    const [status, response] = Object.entries(operation.responses).find(
      ([code]) => code.startsWith('2'),
    );
    const content = Object.keys(response.content ?? {})[0];
    let result = 'void';
    let parse = 'none';
    if (content === 'application/json') {
      result = `${op}['responses'][${status}]['content']['application/json']`;
      parse = 'json';
    } else if (content) {
      result = 'string';
      parse = 'text';
    }
    const request =
      fields.length === 0
        ? ''
        : `request${optionalRequest.every(Boolean) ? '?' : ''}: { ${fields.join(
            '; ',
          )} }, `;
    const has = place => fields.some(f => f.startsWith(place));
    methods.push(`
  /** ${operation.summary} */
  async ${camel(id)}(${request}options?: RequestOptions): Promise<${result}> {
    return this.send<${result}>({
      ${[
        `method: '${verb.toUpperCase()}'`,
        `path: '${path}'`,
        has('path') && 'pathParams: request.path',
        has('query') && 'query: request?.query',
        has('body') && 'body: request.body',
        `parse: '${parse}'`,
      ]
        .filter(Boolean)
        .join(',\n')},
    }, options);
  }`);
  }
}

const client = format(`
import { ResponseError } from '@backstage/errors';
import type { operations } from './openapi.generated';

/** Per-request options; a backend caller passes its service token. */
export type RequestOptions = { token?: string };

type Scalar = string | number | boolean | undefined;

/**
 * The ITSM REST API, one method per operation of its OpenAPI document;
 * a response that is not 2xx throws Backstage's ResponseError.
 */
export class DefaultApiClient {
  private readonly discoveryApi: { getBaseUrl(pluginId: string): Promise<string> };
  private readonly fetchApi: { fetch: typeof fetch };

  constructor(options: {
    discoveryApi: { getBaseUrl(pluginId: string): Promise<string> };
    fetchApi?: { fetch: typeof fetch };
  }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi ?? { fetch: (...args) => fetch(...args) };
  }
${methods.join('\n')}

  private async send<T>(
    call: {
      method: string;
      path: string;
      pathParams?: Record<string, Scalar>;
      query?: Record<string, Scalar>;
      body?: unknown;
      parse: 'json' | 'text' | 'none';
    },
    options?: RequestOptions,
  ): Promise<T> {
    const path = call.path.replace(/{([^}]+)}/g, (_, name: string) =>
      encodeURIComponent(String(call.pathParams?.[name])),
    );
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(call.query ?? {})) {
      if (value !== undefined) search.append(name, String(value));
    }
    const query = search.toString() ? \`?\${search}\` : '';
    const headers: Record<string, string> = {};
    if (options?.token) headers.Authorization = \`Bearer \${options.token}\`;
    if (call.body !== undefined) headers['Content-Type'] = 'application/json';
    const baseUrl = await this.discoveryApi.getBaseUrl('itsm');
    const response = await this.fetchApi.fetch(\`\${baseUrl}\${path}\${query}\`, {
      method: call.method,
      headers,
      ...(call.body !== undefined && { body: JSON.stringify(call.body) }),
    });
    if (!response.ok) throw await ResponseError.fromResponse(response);
    if (call.parse === 'json') return (await response.json()) as T;
    if (call.parse === 'text') return (await response.text()) as T;
    return undefined as T;
  }
}
`);

// zod builders, each taking the registry's zod: one per component schema
// ($refs become calls) and, per operation, its JSON response and its query
// parameters.
const schemaName = name => `${camel(name)}Schema`;
const toZod = schema =>
  jsonSchemaToZod(schema, {
    module: 'none',
    zodVersion: 3,
    parserOverride: node =>
      node.$ref ? `${schemaName(node.$ref.split('/').pop())}(z)` : undefined,
  });
const builders = Object.entries(document.components.schemas).map(
  ([name, schema]) =>
    `export const ${schemaName(name)} = (z: Zod) => ${toZod(schema)};`,
);
for (const item of Object.values(document.paths)) {
  for (const operation of Object.values(item)) {
    const json = Object.entries(operation.responses).find(([code]) =>
      code.startsWith('2'),
    )[1].content?.['application/json'];
    if (json) {
      builders.push(
        `export const ${camel(
          operation.operationId,
        )}ResponseSchema = (z: Zod) => ${toZod(json.schema)};`,
      );
    }
    const query = (operation.parameters ?? [])
      .map(resolve)
      .filter(p => p.in === 'query');
    if (query.length === 0) continue;
    const object = {
      type: 'object',
      properties: Object.fromEntries(
        query.map(p => [
          p.name,
          { ...p.schema, ...(p.description && { description: p.description }) },
        ]),
      ),
      required: query.filter(p => p.required).map(p => p.name),
    };
    builders.push(
      `export const ${camel(
        operation.operationId,
      )}QuerySchema = (z: Zod) => ${toZod(object)};`,
    );
  }
}
const zod = format(`
import type { z as Zod3 } from 'zod/v3';

type Zod = typeof Zod3;

${builders.join('\n\n')}
`);

const outputs = [
  [join(root, 'plugins/itsm-backend/src/schema/openapi.generated.ts'), server],
  [join(root, 'plugins/itsm-common/src/schema/openapi.generated.ts'), types],
  [join(root, 'plugins/itsm-common/src/schema/client.generated.ts'), client],
  [join(root, 'plugins/itsm-backend/src/schema/zod.generated.ts'), zod],
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
