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

import { actionsRegistryServiceFactory } from '@backstage/backend-defaults/alpha';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import scoringModule from '@backstage-itsm/plugin-itsm-backend-module-sla-scoring';
import fc from 'fast-check';
import { Knex } from 'knex';
import request from 'supertest';
import { itsmPlugin } from '../plugin';

// Property-based hostile input: thousands of malformed requests across every
// endpoint. Promise: never a 5xx, every rejection a 4xx with a message, and a
// rejected write changes nothing.

jest.setTimeout(300_000);

const asTool = mockCredentials.service.header();
const TABLES = ['itsm_incidents', 'itsm_outages', 'itsm_sli_events'];

const validIncident = {
  source: 'pd',
  externalId: 'X-1',
  service: 'online-banking',
  priority: 'P1',
  openedAt: '2026-10-01T10:00:00Z',
  resolvedAt: '2026-10-01T12:00:00Z',
};
const validOutage = {
  source: 'mon',
  externalId: 'O-1',
  service: 'online-banking',
  start: '2026-10-01T10:00:00Z',
  end: '2026-10-01T11:00:00Z',
  impact: 'full',
};
const validSlice = {
  source: 'prom',
  service: 'online-banking',
  objective: 'login',
  sliceStart: '2026-10-01T10:00:00Z',
  sliceSeconds: 3600,
  good: 9,
  total: 10,
};

// Values that break types, sizes, dates and object shapes.
const hostileValue = fc.oneof(
  fc.anything({ maxDepth: 3 }),
  fc.string({ unit: 'grapheme', maxLength: 50 }),
  fc.string({ minLength: 600, maxLength: 2000 }),
  fc.constantFrom(
    '',
    '0000-01-01T00:00:00Z',
    '99999-01-01T00:00:00Z',
    '2026-13-45T99:99:99Z',
    '1969-12-31T23:59:59Z',
    '__proto__',
    'constructor',
    'itservice:default/',
    'component:default/banking-web',
    ':::',
    '\u0000',
    '😀'.repeat(100),
    -1,
    -1e308,
    1e308,
    Number.MAX_SAFE_INTEGER,
    0.5,
    true,
    null,
    [],
    {},
    { __proto__: { polluted: true } },
  ),
  fc.integer(),
  fc.double(),
);

function mutate(item: Record<string, unknown>) {
  return fc
    .tuple(
      fc.subarray(Object.keys(item)),
      fc.dictionary(
        fc.oneof(
          fc.constantFrom(
            ...Object.keys(item),
            '__proto__',
            'constructor',
            'prototype',
          ),
          fc.string(),
        ),
        hostileValue,
        { maxKeys: 3 },
      ),
    )
    .map(([dropped, changes]) => {
      const copy: Record<string, unknown> = JSON.parse(JSON.stringify(item));
      for (const key of dropped.slice(0, 2)) delete copy[key];
      for (const [key, value] of Object.entries(changes)) {
        Object.defineProperty(copy, key, {
          value,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return copy;
    });
}

const hostileBody = (item: Record<string, unknown>) =>
  fc.oneof(
    fc.record({
      items: fc.array(mutate(item), { minLength: 1, maxLength: 5 }),
    }),
    fc.anything({ maxDepth: 4 }),
    fc.record({ items: hostileValue }),
    fc.record({ items: fc.constant(Array.from({ length: 5001 }, () => item)) }),
    // Deep nesting.
    fc.integer({ min: 50, max: 400 }).map(depth => {
      let value: unknown = item;
      for (let i = 0; i < depth; i += 1) value = { items: [value] };
      return value;
    }),
  );

describe('hostile input', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  let server: any;
  let knex: Knex;
  let counted = 0;

  beforeAll(async () => {
    knex = await databases.init('SQLITE_3');
    ({ server } = await startTestBackend({
      features: [
        itsmPlugin,
        scoringModule,
        catalogServiceMock.factory({
          entities: [
            {
              apiVersion: 'itsm.backstage.io/v1alpha1',
              kind: 'ITService',
              metadata: { name: 'online-banking', namespace: 'default' },
              spec: {
                type: 'business',
                lifecycle: 'live',
                owner: 'group:default/ops',
                customers: ['retail'],
                agreements: [
                  {
                    name: 'sla',
                    type: 'SLA',
                    with: 'retail',
                    window: 'calendar-month',
                    objectives: [
                      {
                        name: 'availability',
                        type: 'availability',
                        target: 99.9,
                      },
                    ],
                  },
                ],
              },
            },
            {
              apiVersion: 'itsm.backstage.io/v1alpha1',
              kind: 'Stakeholder',
              metadata: { name: 'retail', namespace: 'default' },
              spec: {},
            },
          ],
        }),
        mockServices.database.factory({ knex }),
        // The real registry, so that the MCP actions' HTTP endpoint is attacked.
        actionsRegistryServiceFactory,
      ],
    }));
  });

  afterAll(() => {
    // eslint-disable-next-line no-console
    console.log(
      `hostile input: ${counted} requests, no 5xx, no partial writes`,
    );
  });

  // Every stored row, so that an update in place counts as a write too.
  const rows = async () => {
    const tables = [];
    for (const table of TABLES)
      tables.push(await knex(table).select().orderBy('id'));
    return JSON.stringify(tables);
  };

  // Never a 5xx; a 4xx always says what is wrong.
  const expectClientError = (res: request.Response) => {
    counted += 1;
    expect({
      status: res.status,
      body: res.status >= 500 ? res.text.slice(0, 500) : '',
    }).toEqual({
      status: expect.any(Number),
      body: '',
    });
    expect(
      res.status < 400 || Boolean(res.body?.error?.message ?? res.text),
    ).toBe(true);
  };

  it.each([
    ['/v1/incidents', validIncident],
    ['/v1/outages', validOutage],
    ['/v1/sli-events', validSlice],
  ])('POST %s never fails with 5xx nor half-writes', async (path, item) => {
    await fc.assert(
      fc.asyncProperty(hostileBody(item), async body => {
        const before = await rows();
        const res = await request(server)
          .post(`/api/itsm${path}`)
          .set('Authorization', asTool)
          .set('Content-Type', 'application/json')
          .send(JSON.stringify(body));
        expectClientError(res);
        const after = await rows();
        // A rejected batch leaves the tables as they were.
        expect(res.status >= 400 ? after : before).toBe(before);
      }),
      { numRuns: 2500 },
    );
  });

  it('reads and deletes never fail with 5xx', async () => {
    const paths = fc.oneof(
      fc
        .tuple(
          fc.constantFrom(
            '/v1/incidents',
            '/v1/outages',
            '/v1/sli-events',
            '/v1/portfolio',
          ),
          fc.dictionary(
            fc.constantFrom(
              'service',
              'from',
              'to',
              'limit',
              'cursor',
              'open',
              'objective',
              'owner',
              'customer',
              'supplier',
              'lifecycle',
              'source',
              'sliceStart',
              'month',
              '__proto__',
              'x',
            ),
            fc.string({ maxLength: 300 }),
            { maxKeys: 4 },
          ),
        )
        .map(([path, query]) => `${path}?${new URLSearchParams(query)}`),
      fc
        .tuple(
          fc.constantFrom('incidents', 'outages'),
          fc.string({ unit: 'grapheme', minLength: 1, maxLength: 600 }),
          fc.string({ unit: 'grapheme', minLength: 1, maxLength: 600 }),
        )
        .map(
          ([kind, source, id]) =>
            `/v1/${kind}/${encodeURIComponent(source)}/${encodeURIComponent(
              id,
            )}`,
        ),
      fc
        .tuple(
          fc.constantFrom('services', 'stakeholders', 'suppliers'),
          fc.string({ minLength: 1, maxLength: 40 }),
          fc.string({ minLength: 1, maxLength: 40 }),
          fc.constantFrom('/sla', '/sla/history', '/sla/report.csv'),
          fc.string({ maxLength: 40 }),
        )
        .map(
          ([kind, ns, name, suffix, q]) =>
            `/v1/${kind}/${encodeURIComponent(ns)}/${encodeURIComponent(
              name,
            )}${suffix}?period=${encodeURIComponent(
              q,
            )}&from=${encodeURIComponent(
              q,
            )}&to=2026-10&month=${encodeURIComponent(q)}`,
        ),
    );
    let checked = 0;
    await fc.assert(
      fc.asyncProperty(paths, fc.boolean(), async (path, remove) => {
        const before = await rows();
        const req = remove
          ? request(server).delete(`/api/itsm${path}`)
          : request(server).get(`/api/itsm${path}`);
        const res = await req.set('Authorization', asTool);
        expectClientError(res);
        // Nothing matches these keys, so no request may change a row.
        expect(await rows()).toBe(before);
        checked += 1;
      }),
      { numRuns: 2500 },
    );
    expect(checked).toBe(2500);
  });

  it('MCP actions never fail with 5xx', async () => {
    const actions = [
      'itsm:get-sla-status',
      'itsm:list-open-incidents',
      'itsm:list-outages',
    ];
    const statuses = new Set<number>();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...actions),
        fc.oneof(
          mutate({ service: 'online-banking' }),
          fc.record({ service: hostileValue }),
          fc.anything({ maxDepth: 4 }),
        ),
        async (action, body) => {
          const res = await request(server)
            .post(`/api/itsm/.backstage/actions/v1/actions/${action}/invoke`)
            .set('Authorization', asTool)
            .set('Content-Type', 'application/json')
            .send(JSON.stringify(body));
          expectClientError(res);
          statuses.add(res.status);
        },
      ),
      { numRuns: 1500 },
    );
    // The actions were reached: some inputs were good, most refused as input.
    expect([...statuses].sort()).toEqual(expect.arrayContaining([200, 400]));
  });
});
