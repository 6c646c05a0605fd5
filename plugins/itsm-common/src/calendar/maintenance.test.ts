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

import type { MaintenanceWindow } from '../entities';
import fc from 'fast-check';
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

describe('maintenanceOccurrences around DST changes (RFC 5545 §3.3.5)', () => {
  const weekly = (
    start: string,
    timezone: string,
    duration = '1h',
  ): MaintenanceWindow => ({
    name: 'weekly',
    rrule: 'FREQ=WEEKLY;BYDAY=SU',
    start,
    duration,
    timezone,
  });
  const starts = (w: MaintenanceWindow, from: string, to: string) =>
    maintenanceOccurrences(w, {
      start: new Date(from),
      end: new Date(to),
    }).map(o => o.start.toISOString());

  it('starts a window at a repeated time at its first occurrence', () => {
    // Berlin goes back from 03:00 CEST to 02:00 CET on 25 October 2026:
    // 02:00 happens twice, first at 00:00Z (CEST), then at 01:00Z (CET).
    const w = weekly('2026-10-04T02:00:00', 'Europe/Berlin');
    const occurrences = maintenanceOccurrences(w, {
      start: new Date('2026-10-01T00:00:00Z'),
      end: new Date('2026-11-02T00:00:00Z'),
    });
    expect(occurrences.map(o => o.start.toISOString())).toEqual([
      '2026-10-04T00:00:00.000Z',
      '2026-10-11T00:00:00.000Z',
      '2026-10-18T00:00:00.000Z',
      '2026-10-25T00:00:00.000Z',
      '2026-11-01T01:00:00.000Z',
    ]);
    expect(occurrences[3].end.toISOString()).toBe('2026-10-25T01:00:00.000Z');
  });

  it('moves a window at a missing time forward by the gap, keeping its length', () => {
    // Berlin jumps from 02:00 CET to 03:00 CEST on 29 March 2026: 02:30
    // does not exist and becomes 03:30 CEST (01:30Z).
    const occurrences = maintenanceOccurrences(
      weekly('2026-03-01T02:30', 'Europe/Berlin'),
      {
        start: new Date('2026-03-22T00:00:00Z'),
        end: new Date('2026-04-06T00:00:00Z'),
      },
    );
    expect(occurrences).toEqual([
      {
        start: new Date('2026-03-22T01:30:00Z'),
        end: new Date('2026-03-22T02:30:00Z'),
      },
      {
        start: new Date('2026-03-29T01:30:00Z'),
        end: new Date('2026-03-29T02:30:00Z'),
      },
      {
        start: new Date('2026-04-05T00:30:00Z'),
        end: new Date('2026-04-05T01:30:00Z'),
      },
    ]);
  });

  it('takes the first 01:30 when Los Angeles goes back to PST', () => {
    // DST ends on 1 November 2026 at 02:00 PDT: 01:00–01:59 happens twice,
    // first in PDT (UTC-7), then in PST (UTC-8).
    expect(
      starts(
        weekly('2026-10-04T01:30', 'America/Los_Angeles', '30m'),
        '2026-10-20T00:00:00Z',
        '2026-11-10T00:00:00Z',
      ),
    ).toEqual([
      '2026-10-25T08:30:00.000Z',
      '2026-11-01T08:30:00.000Z',
      '2026-11-08T09:30:00.000Z',
    ]);
  });

  it('resolves a repeated first start (DTSTART) to its first occurrence', () => {
    expect(
      starts(
        weekly('2026-10-25T02:00', 'Europe/Berlin'),
        '2026-10-01T00:00:00Z',
        '2026-11-02T00:00:00Z',
      ),
    ).toEqual(['2026-10-25T00:00:00.000Z', '2026-11-01T01:00:00.000Z']);
  });

  it('moves a missing first start (DTSTART) forward, but not the later windows', () => {
    const occurrences = maintenanceOccurrences(
      weekly('2026-03-29T02:30', 'Europe/Berlin'),
      {
        start: new Date('2026-03-01T00:00:00Z'),
        end: new Date('2026-04-13T00:00:00Z'),
      },
    );
    expect(occurrences).toEqual([
      // 03:30 CEST, an hour long.
      {
        start: new Date('2026-03-29T01:30:00Z'),
        end: new Date('2026-03-29T02:30:00Z'),
      },
      // 02:30 CEST again from the next week.
      {
        start: new Date('2026-04-05T00:30:00Z'),
        end: new Date('2026-04-05T01:30:00Z'),
      },
      {
        start: new Date('2026-04-12T00:30:00Z'),
        end: new Date('2026-04-12T01:30:00Z'),
      },
    ]);
  });

  it('reads a start with an explicit offset as that instant', () => {
    // 01:00Z is 02:00 in Berlin in January: the same rule as window.
    expect(
      starts(
        { ...window, start: '2026-01-04T01:00:00Z' },
        '2026-03-01T00:00:00Z',
        '2026-03-16T00:00:00Z',
      ),
    ).toEqual([
      '2026-03-01T01:00:00.000Z',
      '2026-03-08T01:00:00.000Z',
      '2026-03-15T01:00:00.000Z',
    ]);
  });
});

describe('maintenanceOccurrences, bounded', () => {
  it('expands an hourly window over a year, and never more than 10,000 windows', () => {
    const hourly = {
      name: 'sweep',
      rrule: 'FREQ=HOURLY;BYMINUTE=0',
      start: '2026-01-01T00:00:00',
      duration: '5m',
    };
    const year = {
      start: new Date('2026-01-01T00:00:00Z'),
      end: new Date('2027-01-01T00:00:00Z'),
    };
    expect(maintenanceOccurrences(hourly, year)).toHaveLength(8760);
    // A rule finer than validation allows (catalog data that skipped it)
    // is not expanded instead of stalling the backend.
    const started = Date.now();
    for (const rrule of ['FREQ=SECONDLY', 'FREQ=MINUTELY']) {
      expect(
        maintenanceOccurrences(
          { ...hourly, rrule, start: '2016-01-01T00:00:00' },
          year,
        ),
      ).toEqual([]);
    }
    // An hourly rule that started ten years before the range.
    expect(
      maintenanceOccurrences({ ...hourly, start: '2016-01-01T00:00:00' }, year),
    ).toHaveLength(8760);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('gives the same windows whether the rule started long ago or just before', () => {
    const rule = fc.record({
      freq: fc.constantFrom('HOURLY', 'DAILY', 'WEEKLY'),
      interval: fc.integer({ min: 1, max: 5 }),
      byday: fc.option(
        fc.uniqueArray(
          fc.constantFrom('MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'),
          {
            minLength: 1,
            maxLength: 3,
          },
        ),
        { nil: undefined },
      ),
      byhour: fc.option(fc.integer({ min: 0, max: 23 }), { nil: undefined }),
      startDay: fc.integer({ min: 0, max: 400 }),
      rangeDay: fc.integer({ min: 0, max: 60 }),
      zone: fc.constantFrom('UTC', 'Europe/Berlin', 'America/Los_Angeles'),
    });
    fc.assert(
      fc.property(rule, r => {
        const parts = [`FREQ=${r.freq}`, `INTERVAL=${r.interval}`];
        if (r.byday) parts.push(`BYDAY=${r.byday.join(',')}`);
        if (r.byhour !== undefined && r.freq !== 'HOURLY') {
          parts.push(`BYHOUR=${r.byhour}`);
        }
        const start = new Date(Date.UTC(2025, 0, 1) + r.startDay * 86_400_000)
          .toISOString()
          .slice(0, 19);
        const maintenance = {
          name: 'w',
          rrule: parts.join(';'),
          start,
          duration: '30m',
          timezone: r.zone,
        };
        const rangeStart = Date.UTC(2026, 6, 1) + r.rangeDay * 86_400_000;
        const range = {
          start: new Date(rangeStart),
          end: new Date(rangeStart + 9 * 86_400_000),
        };
        // The same rule with COUNT far away is never moved: the reference.
        const reference = maintenanceOccurrences(
          { ...maintenance, rrule: `${maintenance.rrule};COUNT=100000` },
          range,
        );
        expect(maintenanceOccurrences(maintenance, range)).toEqual(reference);
      }),
      { numRuns: 150 },
    );
  });
});
