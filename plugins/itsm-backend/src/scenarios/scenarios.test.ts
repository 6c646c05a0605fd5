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
 * Scenario runner: every *.yaml file next to this one is a scenario (see
 * README.md). For each scenario and each test database a fresh backend is
 * started with the catalog entities of the scenario and a clock fixed at its
 * `now`; the measurements are pushed through the ingest API, then each check
 * GETs a path and compares the response with its expectations.
 */

import {
  mockCredentials,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import type { JsonObject } from '@backstage/types';
import {
  formatItsmValidationProblems,
  validateItsmEntity,
} from '@backstage-itsm/plugin-itsm-common';
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { parse as parseYaml } from 'yaml';
import { startItsmTestBackend } from '../__testUtils__/startItsmTestBackend';

jest.setTimeout(60_000);

// ---------------------------------------------------------------------------
// The file format
// ---------------------------------------------------------------------------

type Expectation =
  | { path: string; equals: unknown }
  | { path: string; closeTo: number; digits?: number }
  | { path: string; absent: true }
  | { path: string; contains: unknown }
  | { path: string; notContains: unknown }
  | { path: string; matches: string }
  | { csvRow: number; column: string; equals: string }
  | { csvHeader: string[] };

type Check = GetCheck | PushStep;

/** Measurements pushed between two checks, as a tool would push them. */
type PushStep = { push: Measurements; name?: string };

type GetCheck = {
  get: string;
  name?: string;
  /** Asks again until the expectations hold, for up to this long: work the backend does after an ingest. */
  waitSeconds?: number;
  status: number;
  expect: Expectation[];
};

type Measurements = {
  incidents: JsonObject[];
  outages: JsonObject[];
  sliEvents: JsonObject[];
};

type Scenario = {
  file: string;
  title: string;
  rules: number[];
  now: string;
  config?: JsonObject;
  entities: Entity[];
  measurements: Measurements;
  checks: Check[];
};

const isCsvPath = (get: string) => /\.csv(\?|$)/.test(get);

/** A file that is not a valid scenario: the test of that file fails with this. */
class ScenarioFormatError extends Error {}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The rule numbers docs/sla-semantics.md has, from its "## Rule N:" headings. */
const RULES = new Set(
  [
    ...fs
      .readFileSync(
        path.resolve(__dirname, '../../../../docs/sla-semantics.md'),
        'utf8',
      )
      .matchAll(/^## Rule (\d+):/gm),
  ].map(m => Number(m[1])),
);

/**
 * Reads and checks one scenario file strictly: unknown keys, missing keys
 * and values of the wrong type fail with the file and the field named.
 */
function readScenario(file: string, text: string): Scenario {
  const fail = (field: string, message: string): never => {
    throw new ScenarioFormatError(`${file}: ${field}: ${message}`);
  };
  const onlyKeys = (
    value: Record<string, unknown>,
    field: string,
    allowed: string[],
  ) => {
    for (const key of Object.keys(value)) {
      if (!allowed.includes(key)) {
        fail(
          field ? `${field}.${key}` : key,
          `unknown key (allowed here: ${allowed.join(', ')})`,
        );
      }
    }
  };
  const string = (value: unknown, field: string): string =>
    typeof value === 'string' && value.length > 0
      ? value
      : fail(
          field,
          `must be a non-empty string (got ${JSON.stringify(value)})`,
        );
  const instant = (value: unknown, field: string): string => {
    const given = string(value, field);
    if (
      !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(
        given,
      ) ||
      Number.isNaN(Date.parse(given))
    ) {
      fail(field, `must be an ISO 8601 instant with offset (got "${given}")`);
    }
    return given;
  };
  const list = (value: unknown, field: string, nonEmpty = false): unknown[] => {
    if (!Array.isArray(value)) return fail(field, 'must be a list');
    if (nonEmpty && value.length === 0) fail(field, 'must not be empty');
    return value;
  };
  const object = (value: unknown, field: string): Record<string, unknown> =>
    isObject(value) ? value : fail(field, 'must be a mapping');

  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (error) {
    throw new ScenarioFormatError(`${file}: not valid YAML: ${error}`);
  }
  const top = object(raw, '(file)');
  onlyKeys(top, '', [
    'title',
    'rules',
    'now',
    'config',
    'entities',
    'measurements',
    'checks',
  ]);
  for (const key of [
    'title',
    'rules',
    'now',
    'entities',
    'measurements',
    'checks',
  ]) {
    if (!(key in top)) fail(key, 'is required');
  }

  const title = string(top.title, 'title');
  const rules = list(top.rules, 'rules', true).map((rule, i) =>
    Number.isInteger(rule) && RULES.has(rule as number)
      ? (rule as number)
      : fail(
          `rules[${i}]`,
          `must be a rule number of docs/sla-semantics.md (${[...RULES].join(
            ', ',
          )})`,
        ),
  );
  const now = instant(top.now, 'now');
  const config =
    top.config === undefined
      ? undefined
      : (object(top.config, 'config') as JsonObject);

  const entities = list(top.entities, 'entities', true).map((value, i) => {
    const field = `entities[${i}]`;
    const entity = object(value, field);
    string(entity.apiVersion, `${field}.apiVersion`);
    string(entity.kind, `${field}.kind`);
    string(
      object(entity.metadata, `${field}.metadata`).name,
      `${field}.metadata.name`,
    );
    // The project's own validator: a typo in an agreement fails here, not
    // as a puzzling figure later.
    const problems = validateItsmEntity(entity as unknown as Entity);
    if (problems.length > 0) {
      fail(field, `invalid entity: ${formatItsmValidationProblems(problems)}`);
    }
    return entity as unknown as Entity;
  });

  const readMeasurements = (value: unknown, at: string): Measurements => {
    const given = object(value, at);
    onlyKeys(given, at, ['incidents', 'outages', 'sliEvents']);
    const items = (key: keyof Measurements): JsonObject[] =>
      given[key] === undefined
        ? []
        : list(given[key], `${at}.${key}`).map(
            (item, i) => object(item, `${at}.${key}[${i}]`) as JsonObject,
          );
    return {
      incidents: items('incidents'),
      outages: items('outages'),
      sliEvents: items('sliEvents').flatMap((slice, i) =>
        expandSlices(slice, `${at}.sliEvents[${i}]`, fail),
      ),
    };
  };
  const measurements = readMeasurements(top.measurements, 'measurements');

  const checks = list(top.checks, 'checks', true).map((value, i): Check => {
    const field = `checks[${i}]`;
    const check = object(value, field);
    if (check.push !== undefined) {
      onlyKeys(check, field, ['push', 'name']);
      if (check.name !== undefined) string(check.name, `${field}.name`);
      return {
        push: readMeasurements(check.push, `${field}.push`),
        ...(check.name !== undefined && { name: check.name as string }),
      };
    }
    onlyKeys(check, field, ['get', 'name', 'waitSeconds', 'status', 'expect']);
    const get = string(check.get, `${field}.get`);
    if (!get.startsWith('/')) {
      fail(
        `${field}.get`,
        'must be a path under /api/itsm/v1, starting with /',
      );
    }
    if (check.name !== undefined) string(check.name, `${field}.name`);
    if (
      check.waitSeconds !== undefined &&
      !(
        typeof check.waitSeconds === 'number' &&
        check.waitSeconds > 0 &&
        check.waitSeconds <= 30
      )
    ) {
      fail(`${field}.waitSeconds`, 'must be a number of seconds from 0 to 30');
    }
    let status = 200;
    if (check.status !== undefined) {
      status = Number.isInteger(check.status)
        ? (check.status as number)
        : fail(`${field}.status`, 'must be an HTTP status code');
    }
    const expect = list(
      check.expect ?? fail(`${field}.expect`, 'is required'),
      `${field}.expect`,
      true,
    ).map((e, j) => readExpectation(e, `${field}.expect[${j}]`, get, fail));
    return {
      get,
      ...(check.name !== undefined && { name: check.name as string }),
      ...(check.waitSeconds !== undefined && {
        waitSeconds: check.waitSeconds as number,
      }),
      status,
      expect,
    };
  });

  return { file, title, rules, now, config, entities, measurements, checks };
}

/** An SLI slice with `repeat: n` stands for n consecutive slices of the same counts. */
function expandSlices(
  slice: JsonObject,
  field: string,
  fail: (field: string, message: string) => never,
): JsonObject[] {
  const { repeat, ...item } = slice;
  if (repeat === undefined) return [item];
  if (!Number.isInteger(repeat) || (repeat as number) < 1) {
    fail(`${field}.repeat`, 'must be a positive integer');
  }
  const start = Date.parse(String(item.sliceStart));
  const seconds = Number(item.sliceSeconds);
  if (Number.isNaN(start) || !Number.isInteger(seconds) || seconds < 1) {
    fail(field, 'repeat needs a valid sliceStart and sliceSeconds');
  }
  return Array.from({ length: repeat as number }, (_, k) => ({
    ...item,
    sliceStart: new Date(start + k * seconds * 1000).toISOString(),
  }));
}

const OPERATORS = [
  'equals',
  'closeTo',
  'absent',
  'contains',
  'notContains',
  'matches',
] as const;

function readExpectation(
  value: unknown,
  field: string,
  get: string,
  fail: (field: string, message: string) => never,
): Expectation {
  if (!isObject(value)) return fail(field, 'must be a mapping');
  const keys = Object.keys(value);
  const csv = isCsvPath(get);
  if ('csvHeader' in value) {
    if (!csv) fail(field, 'csvHeader is only for .csv paths');
    if (keys.length !== 1) fail(field, 'csvHeader stands alone');
    const header = value.csvHeader;
    if (!Array.isArray(header) || !header.every(h => typeof h === 'string')) {
      fail(`${field}.csvHeader`, 'must be a list of column names');
    }
    return { csvHeader: header as string[] };
  }
  if ('csvRow' in value) {
    if (!csv) fail(field, 'csvRow is only for .csv paths');
    for (const key of keys) {
      if (!['csvRow', 'column', 'equals'].includes(key)) {
        fail(
          `${field}.${key}`,
          'unknown key (allowed here: csvRow, column, equals)',
        );
      }
    }
    if (!Number.isInteger(value.csvRow) || (value.csvRow as number) < 1) {
      fail(
        `${field}.csvRow`,
        'must be a data row number from 1 (the line after the header)',
      );
    }
    if (typeof value.column !== 'string') {
      fail(`${field}.column`, 'is required: a column name of the header');
    }
    if (typeof value.equals !== 'string') {
      fail(`${field}.equals`, "is required and is text: quote it, e.g. '99.9'");
    }
    return value as Expectation;
  }
  if (csv)
    fail(field, 'a .csv response takes csvRow/column/equals or csvHeader');
  if (typeof value.path !== 'string' || value.path.length === 0) {
    fail(`${field}.path`, 'is required');
  }
  try {
    parsePath(value.path as string);
  } catch (error) {
    fail(`${field}.path`, String((error as Error).message));
  }
  for (const key of keys) {
    if (!['path', 'digits', ...OPERATORS].includes(key)) {
      fail(
        `${field}.${key}`,
        `unknown key (allowed here: path and one of ${OPERATORS.join(', ')})`,
      );
    }
  }
  const operators = OPERATORS.filter(op => op in value);
  if (operators.length !== 1) {
    fail(field, `needs exactly one of ${OPERATORS.join(', ')}`);
  }
  const [operator] = operators;
  const allowed = [
    'path',
    operator,
    ...(operator === 'closeTo' ? ['digits'] : []),
  ];
  for (const key of keys) {
    if (!allowed.includes(key)) {
      fail(
        `${field}.${key}`,
        `unknown key (allowed here: ${allowed.join(', ')})`,
      );
    }
  }
  if (operator === 'closeTo') {
    if (typeof value.closeTo !== 'number')
      fail(`${field}.closeTo`, 'must be a number');
    if (
      value.digits !== undefined &&
      (!Number.isInteger(value.digits) || (value.digits as number) < 0)
    ) {
      fail(`${field}.digits`, 'must be a whole number of decimal digits');
    }
  }
  if (operator === 'absent' && value.absent !== true) {
    fail(`${field}.absent`, 'must be true');
  }
  if (operator === 'matches') {
    try {
      RegExp(String(value.matches));
    } catch (error) {
      fail(`${field}.matches`, `not a regular expression: ${error}`);
    }
  }
  return value as Expectation;
}

// ---------------------------------------------------------------------------
// Paths into a JSON response: a.b[0].c, list[*].field, list[name=x].field
// ---------------------------------------------------------------------------

type Segment =
  | { kind: 'key'; key: string }
  | { kind: 'index'; index: number }
  | { kind: 'all' }
  | { kind: 'where'; key: string; value: string };

function parsePath(text: string): Segment[] {
  const segments: Segment[] = [];
  const pattern = /\.?([A-Za-z_$][\w$-]*)|\[(\d+|\*|[\w$-]+=[^\]]*)\]/y;
  let at = 0;
  while (at < text.length) {
    pattern.lastIndex = at;
    const match = pattern.exec(text);
    if (!match || (at === 0 && text.startsWith('.'))) {
      throw new Error(`cannot read path "${text}" at "${text.slice(at)}"`);
    }
    if (match[1] !== undefined) {
      segments.push({ kind: 'key', key: match[1] });
    } else if (match[2] === '*') {
      segments.push({ kind: 'all' });
    } else if (/^\d+$/.test(match[2])) {
      segments.push({ kind: 'index', index: Number(match[2]) });
    } else {
      const eq = match[2].indexOf('=');
      segments.push({
        kind: 'where',
        key: match[2].slice(0, eq),
        value: match[2].slice(eq + 1),
      });
    }
    at = pattern.lastIndex;
  }
  return segments;
}

/** The value at a path, undefined when any step is missing; [*] maps over a list. */
function resolvePath(value: unknown, segments: Segment[]): unknown {
  if (segments.length === 0 || value === undefined || value === null) {
    return segments.length === 0 ? value : undefined;
  }
  const [segment, ...rest] = segments;
  switch (segment.kind) {
    case 'key':
      if (Array.isArray(value) && segment.key === 'length') {
        return resolvePath(value.length, rest);
      }
      return isObject(value)
        ? resolvePath(value[segment.key], rest)
        : undefined;
    case 'index':
      return Array.isArray(value)
        ? resolvePath(value[segment.index], rest)
        : undefined;
    case 'all':
      return Array.isArray(value)
        ? value.map(item => resolvePath(item, rest))
        : undefined;
    case 'where': {
      if (!Array.isArray(value)) return undefined;
      const { key, value: wanted } = segment;
      const found = value.find(
        item => isObject(item) && String(item[key]) === wanted,
      );
      return resolvePath(found, rest);
    }
    default:
      return undefined;
  }
}

// ---------------------------------------------------------------------------
// Comparisons
// ---------------------------------------------------------------------------

/** Runs a Jest matcher and turns its failure into false. */
function passes(assertion: () => void): boolean {
  try {
    assertion();
    return true;
  } catch {
    return false;
  }
}

/** contains: text in text; a partial object in an object; for a list, some element. */
function contains(actual: unknown, expected: unknown): boolean {
  if (Array.isArray(actual)) {
    return actual.some(item => containsOne(item, expected));
  }
  return containsOne(actual, expected);
}

function containsOne(actual: unknown, expected: unknown): boolean {
  if (typeof actual === 'string' && typeof expected === 'string') {
    return actual.includes(expected);
  }
  if (isObject(actual) && isObject(expected)) {
    return passes(() => expect(actual).toMatchObject(expected));
  }
  return passes(() => expect(actual).toEqual(expected));
}

function matches(actual: unknown, pattern: string): boolean {
  const regex = new RegExp(pattern);
  const one = (value: unknown) =>
    typeof value === 'string' && regex.test(value);
  return Array.isArray(actual) ? actual.some(one) : one(actual);
}

const SHOWN = 1500;

const show = (value: unknown) => {
  if (value === undefined) return 'undefined (absent)';
  const text = JSON.stringify(value);
  return text.length > SHOWN ? `${text.slice(0, SHOWN)}… (cut)` : text;
};

/** A failure message, or undefined when the expectation holds. */
function evaluate(
  expectation: Expectation,
  body: unknown,
  csv: string[][] | undefined,
): string | undefined {
  if ('csvHeader' in expectation) {
    const header = csv?.[0];
    return passes(() => expect(header).toEqual(expectation.csvHeader))
      ? undefined
      : `csv header: expected ${show(
          expectation.csvHeader.join(','),
        )}, actual ${show(header?.join(','))}`;
  }
  if ('csvRow' in expectation) {
    const header = csv?.[0] ?? [];
    const column = header.indexOf(expectation.column);
    const row = csv?.[expectation.csvRow];
    const where = `csv row ${expectation.csvRow} column ${expectation.column}`;
    if (column < 0) {
      return `${where}: no such column; header is ${show(header.join(','))}`;
    }
    if (!row) {
      return `${where}: no such row (${Math.max(
        0,
        (csv?.length ?? 1) - 1,
      )} data rows)`;
    }
    const actual = row[column];
    return actual === expectation.equals
      ? undefined
      : `${where}: expected ${show(expectation.equals)}, actual ${show(
          actual,
        )}; row: ${row.join(',')}`;
  }
  const actual = resolvePath(body, parsePath(expectation.path));
  const at = `path ${expectation.path}`;
  if ('equals' in expectation) {
    return passes(() => expect(actual).toEqual(expectation.equals))
      ? undefined
      : `${at}: expected equals ${show(expectation.equals)}, actual ${show(
          actual,
        )}`;
  }
  if ('closeTo' in expectation) {
    const digits = expectation.digits ?? 2;
    return typeof actual === 'number' &&
      passes(() => expect(actual).toBeCloseTo(expectation.closeTo, digits))
      ? undefined
      : `${at}: expected closeTo ${
          expectation.closeTo
        } (${digits} digits), actual ${show(actual)}`;
  }
  if ('absent' in expectation) {
    return actual === undefined
      ? undefined
      : `${at}: expected absent, actual ${show(actual)}`;
  }
  if ('contains' in expectation) {
    return contains(actual, expectation.contains)
      ? undefined
      : `${at}: expected contains ${show(expectation.contains)}, actual ${show(
          actual,
        )}`;
  }
  if ('notContains' in expectation) {
    return actual !== undefined && !contains(actual, expectation.notContains)
      ? undefined
      : `${at}: expected notContains ${show(
          expectation.notContains,
        )}, actual ${show(actual)}`;
  }
  return matches(actual, expectation.matches)
    ? undefined
    : `${at}: expected matches /${expectation.matches}/, actual ${show(
        actual,
      )}`;
}

/** RFC 4180: fields separated by commas, quoted when they hold one, rows by CRLF. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        cell += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else {
      cell += c;
    }
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

// ---------------------------------------------------------------------------
// Loading and running
// ---------------------------------------------------------------------------

type Loaded = { file: string; scenario?: Scenario; error?: Error };

function loadScenarios(): Loaded[] {
  const titles = new Map<string, string>();
  return fs
    .readdirSync(__dirname)
    .filter(name => name.endsWith('.yaml'))
    .sort()
    .map(file => {
      try {
        const scenario = readScenario(
          file,
          fs.readFileSync(path.join(__dirname, file), 'utf8'),
        );
        // The title is the test's name: two alike would hide one another.
        const other = titles.get(scenario.title);
        if (other) {
          throw new ScenarioFormatError(
            `${file}: title: "${scenario.title}" is already the title of ${other}`,
          );
        }
        titles.set(scenario.title, file);
        return { file, scenario };
      } catch (error) {
        return { file, error: error as Error };
      }
    });
}

const asTool = mockCredentials.service.header();
const asUser = mockCredentials.user.header();

const INGEST_PATHS: Record<keyof Measurements, string> = {
  incidents: '/incidents',
  outages: '/outages',
  sliEvents: '/sli-events',
};

/**
 * Runs one scenario on a fresh backend and database; returns what failed,
 * one line each, naming the file, title, database, check and path.
 */
async function runScenario(
  scenario: Scenario,
  databases: TestDatabases,
  databaseId: TestDatabaseId,
): Promise<string[]> {
  const where = `${scenario.file} › ${scenario.title} [${databaseId}]`;
  const knex = await databases.init(databaseId);
  const backend = await startItsmTestBackend({
    knex,
    catalog: scenario.entities,
    now: scenario.now,
    config: scenario.config,
  });
  const failures: string[] = [];
  try {
    const { server } = backend;
    // Pushes as a tool would; what failed, if anything.
    const push = async (measurements: Measurements, at: string) => {
      for (const key of Object.keys(INGEST_PATHS) as Array<
        keyof Measurements
      >) {
        const items = measurements[key];
        if (items.length === 0) continue;
        const res = await request(server)
          .post(`/api/itsm/v1${INGEST_PATHS[key]}`)
          .set('Authorization', asTool)
          .send({ items });
        if (res.status !== 200) {
          return `${at}: POST ${INGEST_PATHS[key]} answered ${
            res.status
          }, expected 200: ${JSON.stringify(res.body)}`;
        }
      }
      return undefined;
    };
    const pushed = await push(scenario.measurements, where);
    // Nothing can be checked on measurements that were not stored.
    if (pushed) return [pushed];
    for (const [i, check] of scenario.checks.entries()) {
      const step = `${where} checks[${i}]${
        check.name ? ` (${check.name})` : ''
      }`;
      if ('push' in check) {
        const failed = await push(check.push, `${step} push`);
        if (failed) return [...failures, failed];
        continue;
      }
      const label = `${step} GET ${check.get}`;
      const deadline = Date.now() + (check.waitSeconds ?? 0) * 1000;
      for (;;) {
        const res = await request(server)
          .get(`/api/itsm/v1${check.get}`)
          .set('Authorization', asUser)
          .buffer(true);
        const found: string[] = [];
        if (res.status !== check.status) {
          found.push(
            `${label}: status ${res.status}, expected ${check.status}: ${
              res.text?.slice(0, 500) ?? ''
            }`,
          );
        } else {
          const csv = isCsvPath(check.get)
            ? parseCsv(res.text ?? '')
            : undefined;
          for (const expectation of check.expect) {
            const failure = evaluate(expectation, res.body, csv);
            if (failure) found.push(`${label}: ${failure}`);
          }
        }
        if (found.length === 0 || Date.now() >= deadline) {
          failures.push(...found);
          break;
        }
        await new Promise(resolve => setTimeout(resolve, 250));
      }
    }
  } finally {
    await backend.stop();
    // Each scenario has a database of its own: release its connections now,
    // not when the file ends, or PostgreSQL runs out of them.
    await knex.destroy();
  }
  return failures;
}

const loaded = loadScenarios();
const scenarios = loaded.flatMap(({ scenario }) =>
  scenario ? [[scenario.title, scenario] as const] : [],
);
const invalid = loaded.flatMap(({ file, error }) =>
  error ? [[file, error.message] as const] : [],
);

describe('SLA scenarios', () => {
  it('finds scenario files', () => {
    expect(loaded.length).toBeGreaterThan(0);
  });

  if (invalid.length > 0) {
    it.each(invalid)('%s is a valid scenario file', (_file, problem) => {
      // The message names the file and the field.
      expect(problem).toBeUndefined();
    });
  }

  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  describe.each(databases.eachSupportedId())(
    'on %p',
    (databaseId: TestDatabaseId) => {
      // The test's name is the scenario's title.
      it.each(scenarios)('%s', async (_title, scenario) => {
        const failures = await runScenario(scenario, databases, databaseId);
        // Each line: file › title [database] check GET path: what failed.
        expect(failures).toEqual([]);
      });
    },
  );
});
