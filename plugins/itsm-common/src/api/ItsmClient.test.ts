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

import { ResponseError } from '@backstage/errors';
import { ItsmClient } from './ItsmClient';

type Answer = { status: number; body?: string; type?: string };

// A client whose fetch records each request and plays back the answers.
function clientAnswering(...answers: Answer[]) {
  const requests: Request[] = [];
  const client = new ItsmClient({
    discoveryApi: { getBaseUrl: async () => 'http://backstage/api/itsm' },
    fetchApi: {
      fetch: async (input: Request | string | URL, init?: RequestInit) => {
        requests.push(new Request(input, init));
        const { status, body, type } = answers.shift()!;
        return new Response(body ?? null, {
          status,
          headers: { 'Content-Type': type ?? 'application/json' },
        });
      },
    },
  });
  return { client, requests };
}

describe('ItsmClient', () => {
  it('sends the items as JSON with the caller token and returns the counts', async () => {
    const { client, requests } = clientAnswering({
      status: 200,
      body: '{"created":1,"updated":0,"unchanged":0}',
    });
    const items = [
      {
        source: 'pagerduty',
        externalId: 'PD-1',
        service: 'itservice:default/online-banking',
        priority: 'P1' as const,
        openedAt: '2026-10-01T10:00:00Z',
      },
    ];
    await expect(
      client.pushIncidents(items, { token: 'service-token' }),
    ).resolves.toEqual({ created: 1, updated: 0, unchanged: 0 });
    const [request] = requests;
    expect(request.method).toBe('POST');
    expect(request.url).toBe('http://backstage/api/itsm/v1/incidents');
    expect(request.headers.get('Authorization')).toBe('Bearer service-token');
    expect(request.headers.get('Content-Type')).toBe('application/json');
    await expect(request.json()).resolves.toEqual({ items });
  });

  it('puts entity refs into the path, kind defaulted and characters escaped, and sends no token unless given', async () => {
    const { client, requests } = clientAnswering(
      { status: 200, body: '{"items":[]}' },
      { status: 204 },
    );
    await client.getServiceSlaHistory('online-banking', {
      from: '2026-01',
      to: '2026-10',
    });
    await expect(
      client.deleteIncident({ source: 'pager duty', externalId: 'PD/1' }),
    ).resolves.toBeUndefined();
    expect(requests.map(r => `${r.method} ${r.url}`)).toEqual([
      'GET http://backstage/api/itsm/v1/services/default/online-banking/sla/history?from=2026-01&to=2026-10',
      'DELETE http://backstage/api/itsm/v1/incidents/pager%20duty/PD%2F1',
    ]);
    expect(requests[0].headers.get('Authorization')).toBeNull();
  });

  it('returns the CSV report as text', async () => {
    const { client } = clientAnswering({
      status: 200,
      body: 'service,objective\r\nonline-banking,availability\r\n',
      type: 'text/csv',
    });
    await expect(
      client.getStakeholderReportCsv('stakeholder:default/retail', {
        month: '2026-10',
      }),
    ).resolves.toBe('service,objective\r\nonline-banking,availability\r\n');
  });

  it("throws Backstage's ResponseError with the backend's error for an answer that is not 2xx", async () => {
    const { client } = clientAnswering({
      status: 400,
      body: JSON.stringify({
        error: { name: 'InputError', message: 'from is not a date-time' },
        request: { method: 'GET', url: '/v1/outages' },
        response: { statusCode: 400 },
      }),
    });
    const failure = await client
      .listOutages({ service: 'online-banking', from: 'yesterday' })
      .catch(e => e);
    expect(failure).toBeInstanceOf(ResponseError);
    expect(failure.statusCode).toBe(400);
    expect(failure.body.error.message).toBe('from is not a date-time');
  });

  it('follows the pages of a portfolio to the end', async () => {
    const row = (service: string) => ({ service });
    const { client, requests } = clientAnswering(
      {
        status: 200,
        body: JSON.stringify({ items: [row('a')], nextCursor: 'n1' }),
      },
      { status: 200, body: JSON.stringify({ items: [row('b')] }) },
    );
    const { items } = await client.getPortfolio({ lifecycle: 'live' });
    expect(items.map(i => i.service)).toEqual(['a', 'b']);
    expect(requests.map(r => new URL(r.url).search)).toEqual([
      '?lifecycle=live',
      '?lifecycle=live&cursor=n1',
    ]);
  });
});
