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

import { createEngine } from '@backstage-itsm/bench';
import {
  catalogFile,
  catalogReady,
  check,
  startBackend,
  tally,
  TOKEN,
} from './harness';

/**
 * Test 5, the callers a real backend can tell apart without a custom
 * permission policy: anonymous, a bad token, an external static token, one
 * restricted to another plugin, one restricted to reading measurements, and
 * a signed-in (guest) user. Every endpoint, the MCP actions included, gives
 * the expected status, and no refused answer names a service.
 */
export async function accessScenario(options: {
  runId: string;
  log: (line: string) => void;
}) {
  const { log } = options;
  const engine = createEngine('sqlite', options.runId);
  const { file, services } = catalogFile(1);
  const service = services[0];
  const backend = await startBackend({
    name: 'access',
    port: 7405,
    database: engine.databaseConfig,
    catalog: file,
    extraAccess: [
      {
        type: 'static',
        options: { token: 'catalog-only-token', subject: 'catalog-tool' },
        accessRestrictions: [{ plugin: 'catalog' }],
      },
      {
        type: 'static',
        options: { token: 'read-only-token', subject: 'dashboard' },
        accessRestrictions: [
          { plugin: 'itsm', permission: ['itsm.measurement.read'] },
        ],
      },
    ],
  });
  try {
    await catalogReady(backend, 1);
    const guest = await fetch(
      `${backend.baseUrl}/api/auth/guest/refresh?env=development`,
      { headers: { 'x-requested-with': 'XMLHttpRequest' } },
    );
    check(guest.ok, `guest sign-in answered ${guest.status}`);
    const userToken = (await guest.json()).backstageIdentity.token as string;

    const incident = {
      source: 'access',
      externalId: 'A-1',
      service,
      priority: 'P1',
      openedAt: new Date().toISOString(),
    };
    type Kind = 'write' | 'read' | 'sla';
    const endpoints: Array<{
      kind: Kind;
      method: string;
      url: string;
      body?: unknown;
    }> = [
      {
        kind: 'write',
        method: 'POST',
        url: '/api/itsm/v1/incidents',
        body: { items: [incident] },
      },
      {
        kind: 'read',
        method: 'GET',
        url: `/api/itsm/v1/incidents?service=${service}`,
      },
      {
        kind: 'read',
        method: 'GET',
        url: `/api/itsm/v1/outages?service=${service}`,
      },
      {
        kind: 'read',
        method: 'GET',
        url: `/api/itsm/v1/sli-events?service=${service}`,
      },
      {
        kind: 'sla',
        method: 'GET',
        url: `/api/itsm/v1/services/default/${service}/sla`,
      },
      {
        kind: 'sla',
        method: 'GET',
        url: `/api/itsm/v1/services/default/${service}/sla/history?from=2026-01&to=2026-02`,
      },
      {
        kind: 'sla',
        method: 'GET',
        url: '/api/itsm/v1/stakeholders/default/bench-customers/sla',
      },
      {
        kind: 'sla',
        method: 'GET',
        url: '/api/itsm/v1/suppliers/default/bench-supplier/sla',
      },
      { kind: 'sla', method: 'GET', url: '/api/itsm/v1/portfolio' },
      {
        kind: 'sla',
        method: 'POST',
        url: '/api/itsm/.backstage/actions/v1/actions/itsm:get-sla-status/invoke',
        body: { service },
      },
      {
        kind: 'read',
        method: 'POST',
        url: '/api/itsm/.backstage/actions/v1/actions/itsm:list-open-incidents/invoke',
        body: { service },
      },
      {
        kind: 'read',
        method: 'POST',
        url: '/api/itsm/.backstage/actions/v1/actions/itsm:list-outages/invoke',
        body: { service },
      },
      {
        kind: 'write',
        method: 'DELETE',
        url: '/api/itsm/v1/incidents/access/A-1',
      },
    ];
    const callers: Array<{
      name: string;
      token?: string;
      expect: (kind: Kind, url: string) => number[];
    }> = [
      { name: 'anonymous', expect: () => [401] },
      {
        name: 'a token nobody issued',
        token: 'forged-token',
        expect: () => [401],
      },
      {
        name: 'external token for the catalog only',
        token: 'catalog-only-token',
        expect: () => [403],
      },
      {
        name: 'external token that may read measurements only',
        token: 'read-only-token',
        // Denied actions hide themselves (404), as the actions registry does.
        expect: (kind, url) => {
          if (kind === 'read') return [200];
          return url.includes('/actions/') ? [403, 404] : [403];
        },
      },
      {
        name: 'external token for itsm',
        token: TOKEN,
        expect: () => [200, 204],
      },
      { name: 'signed-in user', token: userToken, expect: () => [200, 204] },
    ];
    const wrong: string[] = [];
    let checked = 0;
    for (const caller of callers) {
      for (const endpoint of endpoints) {
        const answer = await sendAs(backend.baseUrl, caller.token, endpoint);
        checked += 1;
        const allowed = caller.expect(endpoint.kind, endpoint.url);
        // A refusal may repeat the URL the caller sent, never what the
        // catalog or the store hold: the title, the agreements.
        const text = JSON.stringify(answer.body ?? '');
        const leaked =
          answer.status >= 400 &&
          (text.includes('Benchmark service') || text.includes('customer-sla'));
        if (!allowed.includes(answer.status) || leaked) {
          wrong.push(
            `${caller.name}: ${endpoint.method} ${endpoint.url} answered ${
              answer.status
            }${leaked ? ' naming the service' : ''} (expected ${allowed.join(
              ' or ',
            )})`,
          );
        }
      }
    }
    tally.requests += checked;
    check(wrong.length === 0, `access control:\n${wrong.join('\n')}`);
    log(
      `access: ${callers.length} callers x ${endpoints.length} endpoints (MCP actions included), every answer as expected`,
    );
  } finally {
    await backend.kill();
    await engine.cleanup();
  }
}

async function sendAs(
  baseUrl: string,
  token: string | undefined,
  endpoint: { method: string; url: string; body?: unknown },
) {
  const response = await fetch(`${baseUrl}${endpoint.url}`, {
    method: endpoint.method,
    headers: {
      ...(token && { authorization: `Bearer ${token}` }),
      ...(endpoint.body !== undefined && {
        'content-type': 'application/json',
      }),
    },
    body:
      endpoint.body === undefined ? undefined : JSON.stringify(endpoint.body),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // CSV or empty
  }
  return { status: response.status, body };
}
