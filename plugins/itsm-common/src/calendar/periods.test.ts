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

import fc from 'fast-check';
import { DateTime } from 'luxon';
import {
  currentPeriod,
  monthBefore,
  monthPeriod,
  monthsBetween,
  recentMonths,
  samePeriod,
} from './periods';

const at = new Date('2026-11-25T10:00:00Z');
const iso = (d: Date) => d.toISOString();

describe('periods', () => {
  it.each([
    [
      'calendar-month',
      'UTC',
      '2026-11-01T00:00:00.000Z',
      '2026-12-01T00:00:00.000Z',
      '2026-11',
    ],
    [
      'calendar-month',
      'Europe/Berlin',
      '2026-10-31T23:00:00.000Z',
      '2026-11-30T23:00:00.000Z',
      '2026-11',
    ],
    [
      'calendar-quarter',
      'UTC',
      '2026-10-01T00:00:00.000Z',
      '2027-01-01T00:00:00.000Z',
      '2026-Q4',
    ],
    [
      'calendar-week',
      'UTC',
      '2026-11-23T00:00:00.000Z',
      '2026-11-30T00:00:00.000Z',
      '2026-W48',
    ],
    [
      'rolling-28d',
      'UTC',
      '2026-10-28T10:00:00.000Z',
      '2026-11-25T10:00:00.000Z',
      'rolling-28d',
    ],
    [
      'rolling-7d',
      'UTC',
      '2026-11-18T10:00:00.000Z',
      '2026-11-25T10:00:00.000Z',
      'rolling-7d',
    ],
  ] as const)('%s in %s', (window, zone, start, end, label) => {
    const period = currentPeriod(window, at, zone);
    expect([iso(period.start), iso(period.end), period.label]).toEqual([
      start,
      end,
      label,
    ]);
  });

  it('gives the period that contains each instant, in any order of asking', () => {
    const units = {
      'calendar-week': 'week',
      'calendar-month': 'month',
      'calendar-quarter': 'quarter',
    } as const;
    const windows = Object.keys(units) as Array<keyof typeof units>;
    const zones = ['UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata'];
    // Instants close together, so that calls often fall in the period asked
    // for just before, and now and then just across its end (DST included).
    const instant = fc
      .integer({ min: 0, max: 400 * 24 })
      .map(hours => new Date(Date.UTC(2026, 0, 1) + hours * 3_600_000));
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.constantFrom(...windows),
            fc.constantFrom(...zones),
            instant,
          ),
          { minLength: 1, maxLength: 30 },
        ),
        calls => {
          for (const [window, zone, instantAsked] of calls) {
            const start = DateTime.fromJSDate(instantAsked, { zone }).startOf(
              units[window],
            );
            const period = currentPeriod(window, instantAsked, zone);
            expect([period.start, period.end]).toEqual([
              start.toJSDate(),
              start.plus({ [units[window]]: 1 }).toJSDate(),
            ]);
            // What a caller does with its dates is its own business.
            period.start.setTime(0);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reads a month, and refuses anything else', () => {
    expect(monthPeriod('2026-02')).toEqual({
      start: new Date('2026-02-01T00:00:00Z'),
      end: new Date('2026-03-01T00:00:00Z'),
      label: '2026-02',
    });
    expect(monthPeriod('2026-13')).toBeUndefined();
    expect(monthPeriod('current')).toBeUndefined();
  });

  it('lists months across a year end', () => {
    expect(monthsBetween('2026-11', '2027-02')).toEqual([
      '2026-11',
      '2026-12',
      '2027-01',
      '2027-02',
    ]);
    expect(monthsBetween('2026-11', '2026-10')).toEqual([]);
  });

  it('lists the closed months before an instant, newest first, in a zone', () => {
    expect(recentMonths(at, 3)).toEqual(['2026-10', '2026-09', '2026-08']);
    // Across a year end.
    expect(recentMonths(new Date('2026-02-10T00:00:00Z'), 3)).toEqual([
      '2026-01',
      '2025-12',
      '2025-11',
    ]);
    // Dec 1 01:00 in Berlin is still Nov 30 in Los Angeles.
    const edge = new Date('2026-12-01T00:00:00Z');
    expect(recentMonths(edge, 1, 'Europe/Berlin')).toEqual(['2026-11']);
    expect(recentMonths(edge, 1, 'America/Los_Angeles')).toEqual(['2026-10']);
    expect(monthBefore(edge, 'America/Los_Angeles')).toBe('2026-10');
    expect(recentMonths(at, 0)).toEqual([]);
  });
  it('tells whether two instants share a period: calendar windows by their bounds, rolling windows always', () => {
    const nov30 = new Date('2026-11-30T23:58:00Z');
    const dec1 = new Date('2026-12-01T00:02:00Z');
    expect(samePeriod('calendar-month', nov30, dec1)).toBe(false);
    expect(samePeriod('calendar-month', dec1, dec1)).toBe(true);
    // Dec 1 00:02Z is still November in Los Angeles.
    expect(
      samePeriod('calendar-month', nov30, dec1, 'America/Los_Angeles'),
    ).toBe(true);
    expect(samePeriod('rolling-30d', nov30, dec1)).toBe(true);
    const zones = ['UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata'];
    const instant = fc
      .integer({ min: 0, max: 400 * 24 * 4 })
      .map(q => new Date(Date.UTC(2026, 0, 1) + q * 900_000));
    fc.assert(
      fc.property(
        fc.constantFrom(
          'calendar-week',
          'calendar-month',
          'calendar-quarter',
        ) as fc.Arbitrary<
          'calendar-week' | 'calendar-month' | 'calendar-quarter'
        >,
        fc.constantFrom(...zones),
        instant,
        instant,
        (window, zone, a, b) => {
          const [earlier, later] = a <= b ? [a, b] : [b, a];
          expect(samePeriod(window, earlier, later, zone)).toBe(
            currentPeriod(window, earlier, zone).label ===
              currentPeriod(window, later, zone).label,
          );
        },
      ),
      { numRuns: 500 },
    );
  });
});
