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

import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { createEngine } from '@backstage-itsm/bench';
import { monthBefore } from '@backstage-itsm/plugin-itsm-common';
import { ACCESS_HIDDEN_SERVICE, ACCESS_USERS } from './accessModules';
import {
  catalogFile,
  catalogReady,
  check,
  send,
  startBackend,
  tally,
  TOKEN,
} from './harness';

/**
 * Test 5 against a real backend whose permission policy grants per user
 * (./accessBackend.ts): anonymous, a bad token, external static tokens (for
 * itsm, for another plugin, for reading measurements only), a signed-in user
 * with the permissions, one without them, one who cannot see ITServices in
 * the catalog, and another plugin's service token. Every endpoint, the MCP
 * actions included, gives the expected status; no refused answer names a
 * service, and nothing the blind user gets does.
 */
export async function accessScenario(options: {
  runId: string;
  log: (line: string) => void;
}) {
  const { log } = options;
  const engine = createEngine('sqlite', options.runId);
  // The visible service depends on the hidden one (issue 16, row 4).
  const { file, services } = catalogFile(2, (entity, i) =>
    i === 1
      ? {
          ...entity,
          spec: { ...entity.spec, dependsOn: [ACCESS_HIDDEN_SERVICE] },
        }
      : entity,
  );
  const [service, visibleService] = services;
  check(service === ACCESS_HIDDEN_SERVICE, `unexpected service ${service}`);
  const backend = await startBackend({
    name: 'access',
    port: 7405,
    database: engine.databaseConfig,
    catalog: file,
    entry: resolvePackagePath(
      '@backstage-itsm/resilience',
      'src/accessBackend.ts',
    ),
    config: { auth: { providers: { 'access-header': {} } } },
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
    await catalogReady(backend, 2);
    const guest = await fetch(
      `${backend.baseUrl}/api/auth/guest/refresh?env=development`,
      { headers: { 'x-requested-with': 'XMLHttpRequest' } },
    );
    check(guest.ok, `guest sign-in answered ${guest.status}`);
    const userToken = (await guest.json()).backstageIdentity.token as string;
    const signIn = async (userRef: string) => {
      const answer = await fetch(
        `${backend.baseUrl}/api/auth/access-header/refresh`,
        {
          headers: {
            'x-requested-with': 'XMLHttpRequest',
            'x-access-user': userRef.split('/')[1],
          },
        },
      );
      check(answer.ok, `sign-in of ${userRef} answered ${answer.status}`);
      return (await answer.json()).backstageIdentity.token as string;
    };

    const incident = {
      source: 'access',
      externalId: 'A-1',
      service,
      priority: 'P1',
      openedAt: new Date().toISOString(),
    };
    const outage = {
      source: 'access',
      externalId: 'O-1',
      service,
      start: new Date(Date.now() - 3_600_000).toISOString(),
      end: new Date().toISOString(),
      impact: 'full',
    };
    const sliEvent = {
      source: 'access',
      service,
      objective: 'request-success',
      sliceStart: new Date(
        Math.floor(Date.now() / 3_600_000) * 3_600_000 - 3_600_000,
      ).toISOString(),
      sliceSeconds: 60,
      good: 99,
      total: 100,
    };
    // overview: answers that list services without the caller naming one.
    type Kind = 'write' | 'read' | 'sla' | 'overview';
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
        kind: 'write',
        method: 'POST',
        url: '/api/itsm/v1/outages',
        body: { items: [outage] },
      },
      {
        kind: 'write',
        method: 'POST',
        url: '/api/itsm/v1/sli-events',
        body: { items: [sliEvent] },
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
        kind: 'overview',
        method: 'GET',
        url: '/api/itsm/v1/stakeholders/default/bench-customers/sla',
      },
      {
        kind: 'overview',
        method: 'GET',
        url: '/api/itsm/v1/suppliers/default/bench-supplier/sla',
      },
      {
        kind: 'overview',
        method: 'GET',
        url: '/api/itsm/v1/stakeholders/default/bench-customers/sla/report.csv?month=2026-01',
      },
      { kind: 'overview', method: 'GET', url: '/api/itsm/v1/portfolio' },
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
      {
        kind: 'write',
        method: 'DELETE',
        url: '/api/itsm/v1/outages/access/O-1',
      },
      {
        kind: 'write',
        method: 'DELETE',
        url: `/api/itsm/v1/sli-events?${new URLSearchParams({
          source: sliEvent.source,
          service,
          objective: sliEvent.objective,
          sliceStart: sliEvent.sliceStart,
        })}`,
      },
    ];
    type Endpoint = (typeof endpoints)[number];
    const as = (token: string | undefined) => (endpoint: Endpoint) =>
      sendAs(backend.baseUrl, token, endpoint);
    // What the blind caller's deletes must leave in place.
    const kept = [
      { kind: 'incidents', item: incident },
      { kind: 'outages', item: outage },
      { kind: 'sli-events', item: sliEvent },
    ];
    const seeded = () =>
      Promise.all(
        kept.map(({ kind, item }) =>
          send(backend.baseUrl, 'POST', `/api/itsm/v1/${kind}`, {
            items: [item],
          }),
        ),
      );
    const callers: Array<{
      name: string;
      call: (endpoint: Endpoint) => Promise<{ status: number; body: unknown }>;
      expect: (endpoint: Endpoint) => number[];
      /** Whether everything it gets, not only refusals, must hide the service. */
      blind?: boolean;
      /** Stores the incident its DELETE must not remove. */
      before?: () => Promise<unknown>;
    }> = [
      { name: 'anonymous', call: as(undefined), expect: () => [401] },
      {
        name: 'a token nobody issued',
        call: as('forged-token'),
        expect: () => [401],
      },
      {
        name: 'external token for the catalog only',
        call: as('catalog-only-token'),
        expect: () => [403],
      },
      {
        name: 'external token that may read measurements only',
        call: as('read-only-token'),
        // Denied actions hide themselves (404), as the actions registry does.
        expect: ({ kind, url }) => {
          if (kind === 'read') return [200];
          return url.includes('/actions/') ? [403, 404] : [403];
        },
      },
      {
        name: 'external token for itsm',
        call: as(TOKEN),
        expect: () => [200, 204],
      },
      {
        name: 'signed-in user with the permissions',
        call: as(userToken),
        expect: () => [200, 204],
      },
      {
        name: 'signed-in user without the permissions',
        call: as(await signIn(ACCESS_USERS.withoutPermission)),
        expect: ({ url }) => (url.includes('/actions/') ? [403, 404] : [403]),
      },
      {
        name: 'signed-in user who cannot see the ITService',
        call: as(await signIn(ACCESS_USERS.blindToServices)),
        // To them the service does not exist: writes name it unknown (400).
        expect: ({ kind, method }) => {
          if (kind === 'overview') return [200];
          return method === 'POST' && kind === 'write' ? [400] : [404];
        },
        blind: true,
        before: seeded,
      },
      {
        name: "another plugin's service token",
        call: async endpoint => {
          const relayed = await sendAs(backend.baseUrl, undefined, {
            method: 'POST',
            url: '/api/access-caller/call',
            body: {
              method: endpoint.method,
              path: endpoint.url.slice('/api/itsm'.length),
              body: endpoint.body,
            },
          });
          check(
            relayed.status === 200,
            `the service-token caller answered ${relayed.status}`,
          );
          return relayed.body as { status: number; body: unknown };
        },
        expect: () => [200, 204],
      },
    ];
    const wrong: string[] = [];
    let checked = 0;
    for (const caller of callers) {
      await caller.before?.();
      for (const endpoint of endpoints) {
        const answer = await caller.call(endpoint);
        checked += 1;
        const allowed = caller.expect(endpoint);
        // A refusal may repeat the URL the caller sent, never what the
        // catalog or the store hold: the title, the agreements. To a caller
        // who may not see the service, no answer may hold those, nor its
        // name where they did not give it.
        const text = JSON.stringify(answer.body ?? '');
        const named = JSON.stringify(endpoint).includes(service);
        const leaked =
          (answer.status >= 400 || caller.blind) &&
          (text.includes('Benchmark service') ||
            text.includes('customer-sla') ||
            (caller.blind === true && !named && text.includes(service)));
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
      if (caller.before) {
        for (const { kind } of kept) {
          const stored = await send(
            backend.baseUrl,
            'GET',
            `/api/itsm/v1/${kind}?service=${service}`,
          );
          const items = (stored.body as { items?: Array<{ source: string }> })
            ?.items;
          if (!items?.some(item => item.source === 'access')) {
            wrong.push(`${caller.name}: removed ${kind} it cannot see`);
          }
        }
      }
    }
    const oneHidden: OneServiceHidden = {
      baseUrl: backend.baseUrl,
      hidden: service,
      visible: visibleService,
      token: await signIn(ACCESS_USERS.blindToOneService),
      wrong,
    };
    checked += await hiddenDependency(oneHidden);
    checked += await crossServiceKeys(oneHidden);
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

/** A user who cannot see `hidden` but can see `visible`; checks add to `wrong`. */
type OneServiceHidden = {
  baseUrl: string;
  hidden: string;
  visible: string;
  /** The user's token. */
  token: string;
  wrong: string[];
};

/**
 * Issue 16, row 4: a closed month's report is stored once, from the whole
 * catalog; the stored copy never shows a user the service they cannot see,
 * though the service they read depends on it.
 */
async function hiddenDependency(options: OneServiceHidden): Promise<number> {
  const { baseUrl, hidden, visible, token, wrong } = options;
  const month = monthBefore(new Date());
  const url = `/api/itsm/v1/services/default/${visible}/sla?period=${month}`;
  // Someone who sees both reads first (and the month is stored): the
  // dependency is there to hide.
  const insider = await send(baseUrl, 'GET', url);
  const reads = [
    await sendAs(baseUrl, token, { method: 'GET', url }),
    await sendAs(baseUrl, token, { method: 'GET', url }),
  ];
  if (!JSON.stringify(insider.body).includes(hidden)) {
    wrong.push(`hidden dependency: ${url} does not name ${hidden} to anyone`);
  }
  reads.forEach((read, i) => {
    if (read.status !== 200 || JSON.stringify(read.body).includes(hidden)) {
      wrong.push(
        `hidden dependency: read ${i + 1} of ${url} answered ${
          read.status
        }, naming ${hidden}: ${JSON.stringify(read.body).includes(hidden)}`,
      );
    }
  });
  return reads.length;
}

/**
 * Issue 16, row 2: a user who cannot see one service pushes, then deletes,
 * the key of that service's incident and outage under a service they can
 * see. The hidden rows stay, and the counts tell nothing of them.
 */
async function crossServiceKeys(options: OneServiceHidden): Promise<number> {
  const { baseUrl, hidden, visible, token, wrong } = options;
  const now = Date.now();
  const kinds = [
    {
      path: 'incidents',
      item: (service: string) => ({
        source: 'access',
        externalId: 'CROSS-1',
        service,
        priority: 'P2',
        openedAt: new Date(now - 7_200_000).toISOString(),
      }),
    },
    {
      path: 'outages',
      item: (service: string) => ({
        source: 'access',
        externalId: 'CROSS-1',
        service,
        start: new Date(now - 7_200_000).toISOString(),
        end: new Date(now - 3_600_000).toISOString(),
        impact: 'partial',
      }),
    },
  ];
  let requests = 0;
  const stored = async (path: string, service: string) => {
    const answer = await send(
      baseUrl,
      'GET',
      `/api/itsm/v1/${path}?service=${service}`,
    );
    const items = (answer.body as { items?: Array<{ externalId: string }> })
      ?.items;
    return (items ?? []).filter(i => i.externalId === 'CROSS-1').length;
  };
  for (const { path, item } of kinds) {
    await send(baseUrl, 'POST', `/api/itsm/v1/${path}`, {
      items: [item(hidden)],
    });
    const pushed = await sendAs(baseUrl, token, {
      method: 'POST',
      url: `/api/itsm/v1/${path}`,
      body: { items: [item(visible)] },
    });
    const removed = await sendAs(baseUrl, token, {
      method: 'DELETE',
      url: `/api/itsm/v1/${path}/access/CROSS-1`,
    });
    requests += 2;
    const counts = JSON.stringify(pushed.body);
    if (counts !== '{"created":1,"updated":0,"unchanged":0}') {
      wrong.push(
        `cross-service ${path}: pushing a hidden key answered ${pushed.status} ${counts}`,
      );
    }
    if (removed.status !== 204) {
      wrong.push(
        `cross-service ${path}: deleting its own copy answered ${removed.status}`,
      );
    }
    const left = [await stored(path, hidden), await stored(path, visible)];
    if (left.join() !== '1,0') {
      wrong.push(
        `cross-service ${path}: hidden and visible services hold ${left.join(
          ' and ',
        )} rows of the key (expected 1 and 0)`,
      );
    }
  }
  return requests;
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
