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

import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { ItsmClient } from '@backstage-itsm/plugin-itsm-common';
import express from 'express';
import { MeasurementStore } from '../database/MeasurementStore';
import { SlaReportService } from '../reports/SlaReportService';
import { MeasurementAccess } from '../measurements/MeasurementAccess';
import { MeasurementService } from '../measurements/MeasurementService';
import { spec } from '../schema/openapi.generated';
import { createRouter } from './router';

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

// "METHOD /v1/path/{param}" for every operation in the document.
const documented = Object.entries<object>(spec.paths)
  .flatMap(([path, operations]) =>
    Object.keys(operations)
      .filter(method => METHODS.includes(method))
      .map(method => `${method.toUpperCase()} ${path}`),
  )
  .sort();

// The same for every route the router serves, read from express's stack.
function served(router: express.Router): string[] {
  const routes: string[] = [];
  const walk = (stack: any[]) => {
    for (const layer of stack) {
      if (layer.route) {
        for (const method of Object.keys(layer.route.methods)) {
          const path = String(layer.route.path).replace(/:(\w+)/g, '{$1}');
          routes.push(`${method.toUpperCase()} ${path}`);
        }
      } else if (layer.handle?.stack) {
        walk(layer.handle.stack);
      }
    }
  };
  walk((router as any).stack);
  // The validated router serves its own document as well.
  return routes.filter(r => !r.includes('/openapi.json')).sort();
}

describe('the OpenAPI document', () => {
  it('documents exactly the routes the router serves', async () => {
    const store = {} as MeasurementStore;
    const access = new MeasurementAccess({
      store,
      catalog: catalogServiceMock(),
      auth: mockServices.auth(),
      permissions: mockServices.permissions(),
    });
    const router = await createRouter({
      measurements: new MeasurementService({ store, access }),
      access,
      reporter: {} as SlaReportService,
      httpAuth: mockServices.httpAuth(),
      auditor: mockServices.auditor.mock(),
      maxBodySize: '1mb',
    });
    expect(served(router)).toEqual(documented);
  });

  it('matches every request the ItsmClient sends', async () => {
    const sent: string[] = [];
    const client = new ItsmClient({
      discoveryApi: { getBaseUrl: async () => 'http://backstage/api/itsm' },
      fetchApi: {
        fetch: async (input: Request | string | URL, init?: RequestInit) => {
          const request = new Request(input, init);
          const { pathname, searchParams } = new URL(request.url);
          sent.push(
            `${request.method} ${pathname.replace('/api/itsm', '')} ${[
              ...searchParams.keys(),
            ]
              .sort()
              .join(',')}`,
          );
          const deleted = request.method === 'DELETE';
          return new Response(
            // Enough of every answer for the client to read it.
            deleted ? null : '{"items":[],"services":[]}',
            {
              status: deleted ? 204 : 200,
              headers: { 'Content-Type': 'application/json' },
            },
          );
        },
      },
    });
    const query = {
      service: 'online-banking',
      from: '2026-01-01T00:00:00Z',
      to: '2026-02-01T00:00:00Z',
      limit: 10,
      cursor: 'c',
    };
    await client.pushIncidents([]);
    await client.pushOutages([]);
    await client.pushSliEvents([]);
    await client.listIncidents({ ...query, open: true });
    await client.listOutages(query);
    await client.listSliEvents({ ...query, objective: 'login-success' });
    await client.deleteIncident({ source: 'pagerduty', externalId: 'PD/1' });
    await client.deleteOutage({ source: 'statuspage', externalId: 'SP-1' });
    await client.getServiceSla('itservice:default/online-banking', {
      period: '2026-10',
    });
    await client.getServiceSlaHistory('online-banking', {
      from: '2026-01',
      to: '2026-10',
    });
    await client.getStakeholderSla('stakeholder:default/retail-customers', {
      period: 'current',
    });
    await client.getStakeholderReportCsv('retail-customers', {
      month: '2026-10',
    });
    await client.getSupplierSla('nimbus-cloud');
    await client.getPortfolio({
      owner: 'group:default/ops',
      customer: 'c',
      supplier: 's',
      lifecycle: 'live',
    });
    await client.deleteSliEvent({
      source: 'prom',
      service: 'online-banking',
      objective: 'o',
      sliceStart: '2026-01-01T00:00:00Z',
    });

    const operations = new Map<string, { regex: RegExp; query: Set<string> }>();
    for (const [path, ops] of Object.entries<any>(spec.paths)) {
      for (const [method, op] of Object.entries<any>(ops)) {
        const params = (op.parameters ?? []).map((p: any) =>
          p.$ref
            ? (spec.components.parameters as any)[p.$ref.split('/').pop()]
            : p,
        );
        operations.set(`${method.toUpperCase()} ${path}`, {
          regex: new RegExp(`^${path.replace(/\{\w+\}/g, '[^/]+')}$`),
          query: new Set(
            params.filter((p: any) => p.in === 'query').map((p: any) => p.name),
          ),
        });
      }
    }
    const used = new Set<string>();
    for (const request of sent) {
      const [method, path, keys] = request.split(' ');
      const match = [...operations].find(
        ([operation, { regex }]) =>
          operation.startsWith(`${method} `) && regex.test(path),
      );
      expect(match).toBeDefined();
      const [operation, { query: documentedQuery }] = match!;
      for (const key of keys ? keys.split(',') : []) {
        expect(`${operation} ?${key}`).toBe(
          documentedQuery.has(key)
            ? `${operation} ?${key}`
            : 'an undocumented query parameter',
        );
      }
      used.add(operation);
    }
    // The client covers every operation of the API.
    expect([...used].sort()).toEqual(documented);
  });
});
