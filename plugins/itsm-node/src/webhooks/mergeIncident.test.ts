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

import type { Incident } from '@backstage-itsm/plugin-itsm-common';
import { ItsmIncidentChange, mergeIncident } from './mergeIncident';

const service = 'itservice:default/api';
const t = (hhmm: string) => Date.parse(`2020-10-02T${hhmm}:00.000Z`);
const iso = (hhmm: string) => `2020-10-02T${hhmm}:00.000Z`;

function change(
  kind: ItsmIncidentChange['kind'],
  at: string,
  extra: Partial<ItsmIncidentChange> = {},
): ItsmIncidentChange {
  return {
    source: 'pagerduty',
    externalId: 'PGR0VU2',
    kind,
    at: t(at),
    openedAt: t('10:00'),
    priority: 'P2',
    title: 'A little bump in the road',
    ...extra,
  };
}

/** Applies changes in order, each onto what the previous one stored. */
function replay(...changes: ItsmIncidentChange[]): Incident | undefined {
  let stored: Incident | undefined;
  for (const c of changes) {
    stored = {
      ...mergeIncident({ stored, change: c, service }),
      updatedAt: 'ignored',
    };
  }
  if (stored) delete (stored as Partial<Incident>).updatedAt;
  return stored;
}

describe('mergeIncident', () => {
  it('creates the incident from its first event', () => {
    expect(
      mergeIncident({ change: change('opened', '10:00'), service }),
    ).toEqual({
      source: 'pagerduty',
      externalId: 'PGR0VU2',
      service,
      priority: 'P2',
      openedAt: iso('10:00'),
      title: 'A little bump in the road',
    });
  });

  it('records acknowledgement and resolution in order', () => {
    expect(
      replay(
        change('opened', '10:00'),
        change('acknowledged', '10:05'),
        change('resolved', '10:30'),
      ),
    ).toMatchObject({
      openedAt: iso('10:00'),
      acknowledgedAt: iso('10:05'),
      resolvedAt: iso('10:30'),
    });
  });

  it('gives the same incident when the resolution comes before the acknowledgement', () => {
    const inOrder = replay(
      change('opened', '10:00'),
      change('acknowledged', '10:05'),
      change('resolved', '10:30'),
    );
    expect(
      replay(
        change('resolved', '10:30'),
        change('opened', '10:00'),
        change('acknowledged', '10:05'),
      ),
    ).toEqual(inOrder);
    expect(
      replay(
        change('resolved', '10:30'),
        change('acknowledged', '10:05'),
        change('opened', '10:00'),
      ),
    ).toEqual(inOrder);
  });

  it('changes nothing when an event comes twice', () => {
    const once = replay(
      change('opened', '10:00'),
      change('acknowledged', '10:05'),
    );
    const stored = { ...once!, updatedAt: iso('10:06') };
    for (const duplicate of [
      change('opened', '10:00'),
      change('acknowledged', '10:05'),
    ]) {
      expect(mergeIncident({ stored, change: duplicate, service })).toEqual(
        once,
      );
    }
    const resolved = replay(
      change('opened', '10:00'),
      change('resolved', '10:30'),
      change('resolved', '10:30'),
    );
    expect(resolved).toEqual(
      replay(change('opened', '10:00'), change('resolved', '10:30')),
    );
  });

  it('keeps the earliest opening and acknowledgement, and never removes the acknowledgement', () => {
    expect(
      replay(
        change('acknowledged', '10:20', { openedAt: t('10:10') }),
        change('acknowledged', '10:05', { openedAt: t('10:00') }),
        change('acknowledged', '10:40'),
        change('updated', '10:50'),
      ),
    ).toMatchObject({ openedAt: iso('10:00'), acknowledgedAt: iso('10:05') });
  });

  it('does not reopen a resolved incident for a late acknowledgement or priority change, but takes the priority', () => {
    const incident = replay(
      change('opened', '10:00'),
      change('resolved', '10:30'),
      change('acknowledged', '10:40'),
      change('priority', '10:45', { priority: 'P1' }),
      change('updated', '10:50'),
    );
    expect(incident).toMatchObject({
      resolvedAt: iso('10:30'),
      acknowledgedAt: iso('10:40'),
      priority: 'P1',
    });
  });

  it('keeps the first resolution when another one comes without a reopening', () => {
    expect(
      replay(
        change('opened', '10:00'),
        change('resolved', '10:30'),
        change('resolved', '10:45'),
      ),
    ).toMatchObject({ resolvedAt: iso('10:30') });
  });

  it('clears the resolution when the incident is reopened (or opened again) after it', () => {
    const reopened = replay(
      change('opened', '10:00'),
      change('acknowledged', '10:05'),
      change('resolved', '10:30'),
      change('reopened', '11:00', { priority: 'P1' }),
    );
    expect(reopened).not.toHaveProperty('resolvedAt');
    expect(reopened).toMatchObject({
      acknowledgedAt: iso('10:05'),
      priority: 'P1',
    });
    expect(
      replay(
        change('opened', '10:00'),
        change('resolved', '10:30'),
        change('opened', '10:31'),
      ),
    ).not.toHaveProperty('resolvedAt');
    // Resolved again later: the new resolution counts.
    expect(
      replay(
        change('opened', '10:00'),
        change('resolved', '10:30'),
        change('reopened', '11:00'),
        change('resolved', '11:30'),
      ),
    ).toMatchObject({ resolvedAt: iso('11:30') });
  });

  it('ignores an opening or reopening that happened before the resolution (a late duplicate)', () => {
    expect(
      replay(
        change('opened', '10:00'),
        change('resolved', '10:30'),
        change('opened', '10:00', { priority: 'P4' }),
        change('reopened', '10:20'),
      ),
    ).toMatchObject({ resolvedAt: iso('10:30'), priority: 'P2' });
  });

  it('keeps the stored priority for events other than priority changes', () => {
    expect(
      replay(
        change('opened', '10:00', { priority: 'P3' }),
        change('priority', '10:10', { priority: 'P1' }),
        change('acknowledged', '10:05', { priority: 'P3' }),
      ),
    ).toMatchObject({ priority: 'P1' });
  });

  it('counts times before the opening as the opening', () => {
    expect(
      replay(
        change('opened', '10:00'),
        change('acknowledged', '09:59'),
        change('resolved', '09:58'),
      ),
    ).toMatchObject({
      acknowledgedAt: iso('10:00'),
      resolvedAt: iso('10:00'),
    });
  });

  it('follows the latest title and link, and keeps what the event lacks', () => {
    expect(
      replay(
        change('opened', '10:00', {
          url: 'https://acme.pagerduty.com/incidents/PGR0VU2',
        }),
        change('updated', '10:10', { title: 'Renamed' }),
      ),
    ).toMatchObject({
      title: 'Renamed',
      url: 'https://acme.pagerduty.com/incidents/PGR0VU2',
    });
  });

  it('stores the incident in the given service and keeps stored pauses', () => {
    const stored: Incident = {
      source: 'pagerduty',
      externalId: 'PGR0VU2',
      service: 'itservice:default/old',
      priority: 'P2',
      openedAt: iso('10:00'),
      pauses: [{ from: iso('10:10'), to: iso('10:20') }],
      updatedAt: iso('10:21'),
    };
    expect(
      mergeIncident({ stored, change: change('updated', '10:30'), service }),
    ).toMatchObject({
      service,
      pauses: [{ from: iso('10:10'), to: iso('10:20') }],
    });
  });
});
