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
import { pagerDutyIncidentChange, pagerDutyPriority } from './mapping';
import { parsePagerDutyWebhook, PagerDutyIncidentEvent } from './payload';

function incidentEvent(body: unknown): PagerDutyIncidentEvent {
  const parsed = parsePagerDutyWebhook(body);
  if (parsed.kind !== 'incident') throw new Error('not an incident event');
  return parsed.event;
}

describe('pagerDutyPriority', () => {
  it('passes priorities named P1 to P5 through, in any case', () => {
    expect(pagerDutyPriority({ priority: 'P1', urgency: 'low' })).toBe('P1');
    expect(pagerDutyPriority({ priority: 'p4' })).toBe('P4');
    expect(pagerDutyPriority({ priority: ' P5 ' })).toBe('P5');
  });

  it('falls back on the urgency: high P2, low P4, else P3', () => {
    expect(pagerDutyPriority({ urgency: 'high' })).toBe('P2');
    expect(pagerDutyPriority({ urgency: 'low' })).toBe('P4');
    expect(pagerDutyPriority({ priority: 'SEV-1', urgency: 'low' })).toBe('P4');
    expect(pagerDutyPriority({})).toBe('P3');
    expect(pagerDutyPriority({ urgency: 'whenever' })).toBe('P3');
  });

  it('lets the configuration map priority names and urgencies first', () => {
    const mapping = {
      priorities: { 'SEV-1': 'P1' as const, P1: 'P2' as const },
      urgencies: { High: 'P3' as const },
    };
    expect(pagerDutyPriority({ priority: 'sev-1' }, mapping)).toBe('P1');
    expect(pagerDutyPriority({ priority: 'P1' }, mapping)).toBe('P2');
    expect(pagerDutyPriority({ priority: 'P4' }, mapping)).toBe('P4');
    expect(pagerDutyPriority({ urgency: 'high' }, mapping)).toBe('P3');
    expect(pagerDutyPriority({ urgency: 'low' }, mapping)).toBe('P4');
  });
});

describe('pagerDutyIncidentChange', () => {
  it('turns the documented webhook into a priority change of incident PGR0VU2', () => {
    expect(
      pagerDutyIncidentChange(
        incidentEvent(fixture('incident-priority-updated.json')),
      ),
    ).toEqual({
      source: 'pagerduty',
      externalId: 'PGR0VU2',
      kind: 'priority',
      at: Date.parse('2020-10-02T18:45:22.169Z'),
      openedAt: Date.parse('2020-04-09T15:16:27Z'),
      priority: 'P1',
      title: 'A little bump in the road',
      url: 'https://acme.pagerduty.com/incidents/PGR0VU2',
    });
  });

  it.each([
    ['incident.triggered', 'opened'],
    ['incident.reopened', 'reopened'],
    ['incident.acknowledged', 'acknowledged'],
    ['incident.resolved', 'resolved'],
    ['incident.priority_updated', 'priority'],
    ['incident.service_updated', 'updated'],
  ])('maps %s to a change of kind %s at occurred_at', (eventType, kind) => {
    const change = pagerDutyIncidentChange(
      incidentEvent(pagerDutyEvent(eventType, '2020-10-02T18:50:00Z')),
    );
    expect(change.kind).toBe(kind);
    expect(change.at).toBe(Date.parse('2020-10-02T18:50:00Z'));
  });

  it('drops links that are not http(s), and uses the priority mapping', () => {
    const change = pagerDutyIncidentChange(
      incidentEvent(
        pagerDutyEvent('incident.triggered', '2020-10-02T18:50:00Z', {
          data: {
            html_url: 'ftp://acme.pagerduty.com/incidents/PGR0VU2',
            priority: null,
            urgency: 'low',
            title: '  Disk full  ',
          },
        }),
      ),
      { urgencies: { low: 'P5' } },
    );
    expect(change).toMatchObject({ priority: 'P5', title: 'Disk full' });
    expect(change).not.toHaveProperty('url');
  });
});
