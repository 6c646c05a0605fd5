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

import { maintenanceOccurrences } from './maintenance';

const window = {
  name: 'sunday-release-window',
  rrule: 'FREQ=WEEKLY;BYDAY=SU',
  start: '2026-01-04T02:00',
  duration: '2h',
  timezone: 'Europe/Berlin',
};

describe('maintenanceOccurrences', () => {
  it('lists the weekly windows in a range, in the window zone', () => {
    const occurrences = maintenanceOccurrences(window, {
      start: new Date('2026-03-01T00:00:00Z'),
      end: new Date('2026-03-16T00:00:00Z'),
    });
    expect(occurrences.map(o => o.start.toISOString())).toEqual([
      '2026-03-01T01:00:00.000Z',
      '2026-03-08T01:00:00.000Z',
      '2026-03-15T01:00:00.000Z',
    ]);
    expect(occurrences[0].end.toISOString()).toBe('2026-03-01T03:00:00.000Z');
  });

  it('keeps the local time across the daylight saving change', () => {
    // Berlin moves to CEST (UTC+2) at 02:00 on 29 March 2026: that day's
    // 02:00 does not exist and becomes 03:00 CEST; a week later 02:00 CEST.
    const occurrences = maintenanceOccurrences(window, {
      start: new Date('2026-03-22T00:00:00Z'),
      end: new Date('2026-04-06T00:00:00Z'),
    });
    expect(occurrences.map(o => o.start.toISOString())).toEqual([
      '2026-03-22T01:00:00.000Z',
      '2026-03-29T01:00:00.000Z',
      '2026-04-05T00:00:00.000Z',
    ]);
  });

  it('includes a window that began before the range but overlaps it', () => {
    const occurrences = maintenanceOccurrences(window, {
      start: new Date('2026-03-01T02:30:00Z'),
      end: new Date('2026-03-02T00:00:00Z'),
    });
    expect(occurrences).toEqual([
      {
        start: new Date('2026-03-01T01:00:00Z'),
        end: new Date('2026-03-01T03:00:00Z'),
      },
    ]);
  });

  it('reads monthly rules with ordinal weekdays and intervals', () => {
    const occurrences = maintenanceOccurrences(
      {
        name: 'q',
        rrule: 'FREQ=MONTHLY;INTERVAL=3;BYDAY=2SU',
        start: '2026-01-11T01:00',
        duration: '3h',
      },
      {
        start: new Date('2026-01-01T00:00:00Z'),
        end: new Date('2027-01-01T00:00:00Z'),
      },
      'Europe/Berlin',
    );
    expect(occurrences.map(o => o.start.toISOString())).toEqual([
      '2026-01-11T00:00:00.000Z',
      '2026-04-11T23:00:00.000Z',
      '2026-07-11T23:00:00.000Z',
      '2026-10-10T23:00:00.000Z',
    ]);
  });

  it('starts no earlier than the first window', () => {
    expect(
      maintenanceOccurrences(window, {
        start: new Date('2025-12-01T00:00:00Z'),
        end: new Date('2026-01-05T00:00:00Z'),
      }).map(o => o.start.toISOString()),
    ).toEqual(['2026-01-04T01:00:00.000Z']);
  });
});
