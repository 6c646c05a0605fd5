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

import { fixture, pagerDutyEvent } from './__testUtils__/fixtures';
import { parsePagerDutyWebhook } from './payload';

describe('parsePagerDutyWebhook', () => {
  it('reads the documented incident.priority_updated webhook', () => {
    expect(
      parsePagerDutyWebhook(fixture('incident-priority-updated.json')),
    ).toEqual({
      kind: 'incident',
      event: {
        id: '5ac64822-4adc-4fda-ade0-410becf0de4f',
        eventType: 'incident.priority_updated',
        occurredAt: Date.parse('2020-10-02T18:45:22.169Z'),
        incident: {
          id: 'PGR0VU2',
          createdAt: Date.parse('2020-04-09T15:16:27Z'),
          title: 'A little bump in the road',
          htmlUrl: 'https://acme.pagerduty.com/incidents/PGR0VU2',
          service: { id: 'PF9KMXH', summary: 'API Service' },
          priority: 'P1',
          urgency: 'high',
        },
      },
    });
  });

  it('reads the documented incident object under every handled event type', () => {
    const data = fixture('incident-data.json');
    for (const eventType of [
      'incident.triggered',
      'incident.acknowledged',
      'incident.resolved',
      'incident.reopened',
      'incident.service_updated',
    ]) {
      const parsed = parsePagerDutyWebhook(
        pagerDutyEvent(eventType, '2020-10-02T18:50:00Z', { data }),
      );
      expect(parsed).toMatchObject({
        kind: 'incident',
        event: { eventType, incident: { id: 'PGR0VU2', priority: 'P1' } },
      });
    }
  });

  it('reads an incident without a priority', () => {
    const parsed = parsePagerDutyWebhook(
      pagerDutyEvent('incident.triggered', '2020-10-02T18:50:00Z', {
        data: { priority: null, urgency: 'low' },
      }),
    );
    expect(parsed.kind === 'incident' && parsed.event.incident).toMatchObject({
      urgency: 'low',
    });
    expect(
      parsed.kind === 'incident' && 'priority' in parsed.event.incident,
    ).toBe(false);
  });

  it('accepts and ignores other event types, such as the documented service.updated', () => {
    expect(parsePagerDutyWebhook(fixture('service-updated.json'))).toEqual({
      kind: 'ignored',
      eventType: 'service.updated',
      occurredAt: Date.parse('2021-03-02T13:35:11.682Z'),
    });
    expect(
      parsePagerDutyWebhook({
        event: { event_type: 'pagey.ping', data: { type: 'ping' } },
      }),
    ).toEqual({ kind: 'ignored', eventType: 'pagey.ping' });
    // Handled or not is decided by the type; an unknown one needs no data.
    expect(
      parsePagerDutyWebhook({ event: { event_type: 'incident.annotated' } }),
    ).toEqual({ kind: 'ignored', eventType: 'incident.annotated' });
  });

  it.each([
    [null, 'the body must be an object, got null'],
    ['text', 'the body must be an object, got "text"'],
    [[], 'the body must be an object, got an array'],
    [{}, 'event must be an object, got nothing'],
    [{ event: {} }, 'event.event_type must be a non-empty string, got nothing'],
    [
      { event: { event_type: 42 } },
      'event.event_type must be a non-empty string, got 42',
    ],
  ])('refuses %j: %s', (body, message) => {
    expect(() => parsePagerDutyWebhook(body)).toThrow(
      `Malformed PagerDuty webhook: ${message}`,
    );
  });

  it.each([
    [{ id: undefined }, {}, 'event.id must be a non-empty string, got nothing'],
    [
      { occurred_at: 'yesterday' },
      {},
      'event.occurred_at must be an ISO 8601 date-time with a time zone, got "yesterday"',
    ],
    [
      { occurred_at: '2020-10-02T18:45:22' },
      {},
      'event.occurred_at must be an ISO 8601 date-time with a time zone, got "2020-10-02T18:45:22"',
    ],
    [
      {},
      { type: 'incident_note' },
      'event.data.type must be "incident", got "incident_note"',
    ],
    [{}, { id: '' }, 'event.data.id must be a non-empty string, got ""'],
    [
      {},
      { created_at: undefined },
      'event.data.created_at must be an ISO 8601 date-time with a time zone, got nothing',
    ],
    [
      {},
      { service: 'PF9KMXH' },
      'event.data.service must be an object, got "PF9KMXH"',
    ],
    [
      {},
      { service: { summary: 'API Service' } },
      'event.data.service.id must be a non-empty string, got nothing',
    ],
    [{}, { priority: 'P1' }, 'event.data.priority must be an object, got "P1"'],
    [
      {},
      { priority: { id: 'PSO75BM' } },
      'event.data.priority.summary must be a non-empty string, got nothing',
    ],
    [{}, { title: 7 }, 'event.data.title must be a string, got 7'],
  ])(
    'refuses an incident event whose fields are wrong (%j, data %j)',
    (eventChanges, dataChanges, message) => {
      const body = pagerDutyEvent(
        'incident.acknowledged',
        '2020-10-02T18:50:00Z',
        {
          data: dataChanges,
        },
      );
      Object.assign(body.event, eventChanges);
      expect(() => parsePagerDutyWebhook(body)).toThrow(
        `Malformed PagerDuty webhook: ${message}`,
      );
    },
  );

  it('refuses an incident event without data', () => {
    const body = pagerDutyEvent('incident.resolved', '2020-10-02T18:50:00Z');
    delete (body.event as { data?: unknown }).data;
    expect(() => parsePagerDutyWebhook(body)).toThrow(
      'Malformed PagerDuty webhook: event.data must be an object, got nothing',
    );
  });
});
