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

import { fixture, opsgenieAction } from './__testUtils__/fixtures';
import { opsgenieIncidentChange, opsgeniePriority } from './mapping';
import { OpsgenieAlertEvent, parseOpsgenieWebhook } from './payload';

function alertEvent(body: unknown): OpsgenieAlertEvent {
  const parsed = parseOpsgenieWebhook(body);
  if (parsed.kind !== 'alert') throw new Error('not a handled action');
  return parsed.event;
}

describe('opsgeniePriority', () => {
  it('maps P1 to P5 one to one, and anything else (or nothing) to P3', () => {
    for (const p of ['P1', 'P2', 'P3', 'P4', 'P5']) {
      expect(opsgeniePriority(p)).toBe(p);
    }
    expect(opsgeniePriority('p2')).toBe('P2');
    expect(opsgeniePriority(undefined)).toBe('P3');
    expect(opsgeniePriority('urgent')).toBe('P3');
  });

  it('lets the configuration map priorities first', () => {
    const mapping = { P1: 'P2' as const, p5: 'P4' as const };
    expect(opsgeniePriority('P1', mapping)).toBe('P2');
    expect(opsgeniePriority('P5', mapping)).toBe('P4');
    expect(opsgeniePriority('P3', mapping)).toBe('P3');
  });
});

describe('opsgenieIncidentChange', () => {
  it('turns the documented Create into an opening at createdAt', () => {
    expect(opsgenieIncidentChange(alertEvent(fixture('create.json')))).toEqual({
      source: 'opsgenie',
      externalId: '052652ac-5d1c-464a-812a-7dd18bbfba8c',
      kind: 'opened',
      at: Date.parse('2015-01-05T10:03:13.166Z'),
      openedAt: Date.parse('2015-01-05T10:03:11.104Z'),
      priority: 'P3',
      title: 'test alert',
    });
  });

  it('turns the documented Acknowledge into an acknowledgement at updatedAt', () => {
    expect(
      opsgenieIncidentChange(alertEvent(fixture('acknowledge.json'))),
    ).toMatchObject({
      kind: 'acknowledged',
      at: Date.parse('2015-01-05T10:03:44.764Z'),
    });
  });

  it('turns Close into a resolution and UpdatePriority into a priority change', () => {
    expect(
      opsgenieIncidentChange(
        alertEvent(JSON.parse(opsgenieAction('Close', '2015-01-05T10:30:00Z'))),
      ),
    ).toMatchObject({
      kind: 'resolved',
      at: Date.parse('2015-01-05T10:30:00Z'),
    });
    expect(
      opsgenieIncidentChange(
        alertEvent(
          JSON.parse(
            opsgenieAction('UpdatePriority', '2015-01-05T10:10:00Z', {
              priority: 'P1',
            }),
          ),
        ),
        { priorities: { P1: 'P2' } },
      ),
    ).toMatchObject({ kind: 'priority', priority: 'P2' });
  });

  it('links the alert when a link is configured', () => {
    expect(
      opsgenieIncidentChange(alertEvent(fixture('create.json')), {
        alertUrl:
          'https://acme.app.opsgenie.com/alert/detail/{alertId}/details',
      }).url,
    ).toBe(
      'https://acme.app.opsgenie.com/alert/detail/052652ac-5d1c-464a-812a-7dd18bbfba8c/details',
    );
  });
});
