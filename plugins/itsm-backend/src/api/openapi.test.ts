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
import express from 'express';
import { MeasurementStore } from '../database/MeasurementStore';
import { SourceHealthStore } from '../database/SourceHealthStore';
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
      health: {} as SourceHealthStore,
      httpAuth: mockServices.httpAuth(),
      auditor: mockServices.auditor.mock(),
      maxBodySize: '1mb',
    });
    expect(served(router)).toEqual(documented);
  });
});
