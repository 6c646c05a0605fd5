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
import type { ServiceHours } from '../entities';
import {
  BusinessCalendar,
  agreedIntervals,
  businessDeadline,
  businessDuration,
} from './businessTime';
import { Interval } from './intervals';

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** An instant written as Berlin wall-clock time, e.g. '2026-11-20T21:00'. */
const berlin = (local: string) =>
  DateTime.fromISO(local, { zone: 'Europe/Berlin' }).toMillis();
const utc = (iso: string) => Date.parse(`${iso}Z`);
const span = (start: string, end: string): Interval => ({
  start: berlin(start),
  end: berlin(end),
});

const serviceHours = (
  intervals: ServiceHours['intervals'],
  extra: Partial<ServiceHours> = {},
): BusinessCalendar => ({
  kind: 'service-hours',
  hours: { timezone: 'Europe/Berlin', intervals, ...extra },
});

const WEEKDAYS: ServiceHours['intervals'][number]['days'] = [
  'mon',
  'tue',
  'wed',
  'thu',
  'fri',
];
const ALL_DAYS: ServiceHours['intervals'][number]['days'] = [
  ...WEEKDAYS,
  'sat',
  'sun',
];
const officeHours = serviceHours([
  { days: WEEKDAYS, start: '08:00', end: '17:00' },
]);
const always: BusinessCalendar = { kind: '24x7' };

describe('worked example: Mon–Fri 08:00–17:00 in Europe/Berlin', () => {
  const opened = berlin('2026-11-20T21:00'); // Friday
  const checked = berlin('2026-11-23T09:30'); // Monday

  it('counts 1 h 30 min of business time over 60 h 30 min of wall time', () => {
    const business = businessDuration(officeHours, {
      start: opened,
      end: checked,
    });
    expect(business).toBe(90 * MINUTE);
    expect(business / (8 * HOUR)).toBe(0.1875);
    expect(checked - opened).toBe(60 * HOUR + 30 * MINUTE);
  });

  it('reaches an 8 h target on Monday at 16:00 local time', () => {
    expect(businessDeadline(officeHours, opened, 8 * HOUR)).toBe(
      berlin('2026-11-23T16:00'),
    );
  });
});

describe('agreedIntervals', () => {
  it('lists one interval per working day, in order', () => {
    expect(
      agreedIntervals(
        officeHours,
        span('2026-11-21T00:00', '2026-11-28T00:00'),
      ),
    ).toEqual([
      span('2026-11-23T08:00', '2026-11-23T17:00'),
      span('2026-11-24T08:00', '2026-11-24T17:00'),
      span('2026-11-25T08:00', '2026-11-25T17:00'),
      span('2026-11-26T08:00', '2026-11-26T17:00'),
      span('2026-11-27T08:00', '2026-11-27T17:00'),
    ]);
  });

  it('clips the intervals to the range', () => {
    expect(
      agreedIntervals(
        officeHours,
        span('2026-11-23T10:00', '2026-11-24T09:00'),
      ),
    ).toEqual([
      span('2026-11-23T10:00', '2026-11-23T17:00'),
      span('2026-11-24T08:00', '2026-11-24T09:00'),
    ]);
  });

  it('converts with the zone in winter and in summer', () => {
    expect(
      agreedIntervals(
        officeHours,
        span('2026-01-05T00:00', '2026-01-06T00:00'),
      ),
    ).toEqual([
      { start: utc('2026-01-05T07:00'), end: utc('2026-01-05T16:00') },
    ]);
    expect(
      agreedIntervals(
        officeHours,
        span('2026-07-06T00:00', '2026-07-07T00:00'),
      ),
    ).toEqual([
      { start: utc('2026-07-06T06:00'), end: utc('2026-07-06T15:00') },
    ]);
  });

  it('merges several intervals on one day', () => {
    const calendar = serviceHours([
      { days: ['mon'], start: '08:00', end: '12:00' },
      { days: ['mon'], start: '13:00', end: '17:00' },
      { days: ['mon'], start: '16:00', end: '19:00' },
      { days: ['mon', 'tue'], start: '11:00', end: '12:30' },
    ]);
    expect(
      agreedIntervals(calendar, span('2026-11-23T00:00', '2026-11-25T00:00')),
    ).toEqual([
      span('2026-11-23T08:00', '2026-11-23T12:30'),
      span('2026-11-23T13:00', '2026-11-23T19:00'),
      span('2026-11-24T11:00', '2026-11-24T12:30'),
    ]);
  });

  it('ends a 24:00 interval at the next local midnight', () => {
    const calendar = serviceHours([
      { days: ['sat'], start: '20:00', end: '24:00' },
      { days: ['sun'], start: '00:00', end: '02:00' },
    ]);
    expect(
      agreedIntervals(calendar, span('2026-11-21T00:00', '2026-11-23T00:00')),
    ).toEqual([span('2026-11-21T20:00', '2026-11-22T02:00')]);
  });

  it('moves a start inside the spring-forward gap forward by the gap', () => {
    // 2026-03-29 02:30 does not exist in Berlin; RFC 5545 §3.3.5 moves it
    // forward by the gap's length, to 03:30 CEST.
    const calendar = serviceHours([
      { days: ['sun'], start: '02:30', end: '04:00' },
    ]);
    expect(
      agreedIntervals(calendar, span('2026-03-29T00:00', '2026-03-30T00:00')),
    ).toEqual([
      { start: utc('2026-03-29T01:30'), end: utc('2026-03-29T02:00') },
    ]);
  });

  it('starts an interval at a repeated time at its first occurrence', () => {
    // Berlin goes back from 03:00 CEST to 02:00 CET on 2026-10-25: 02:00 is
    // first 00:00Z (CEST), then 01:00Z (CET). RFC 5545 §3.3.5: the first.
    const calendar = serviceHours([
      { days: ['sun'], start: '02:00', end: '04:00' },
    ]);
    expect(
      agreedIntervals(calendar, span('2026-10-25T00:00', '2026-10-26T00:00')),
    ).toEqual([
      { start: utc('2026-10-25T00:00'), end: utc('2026-10-25T03:00') },
    ]);
  });

  it('ends an interval at a repeated time at its first occurrence', () => {
    const calendar = serviceHours([
      { days: ['sun'], start: '00:00', end: '02:30' },
    ]);
    expect(
      agreedIntervals(calendar, span('2026-10-25T00:00', '2026-10-26T00:00')),
    ).toEqual([
      { start: utc('2026-10-24T22:00'), end: utc('2026-10-25T00:30') },
    ]);
  });

  it('takes the first 01:00 when Los Angeles goes back to PST', () => {
    // 2026-11-01: 01:00–01:59 happens in PDT (UTC-7), then in PST (UTC-8).
    const calendar: BusinessCalendar = {
      kind: 'service-hours',
      hours: {
        timezone: 'America/Los_Angeles',
        intervals: [{ days: ['sun'], start: '01:00', end: '03:00' }],
      },
    };
    expect(
      agreedIntervals(calendar, {
        start: utc('2026-11-01T00:00'),
        end: utc('2026-11-02T00:00'),
      }),
    ).toEqual([
      { start: utc('2026-11-01T08:00'), end: utc('2026-11-01T11:00') },
    ]);
  });

  it.each([
    { name: 'empty', range: span('2026-11-23T10:00', '2026-11-23T10:00') },
    { name: 'reversed', range: span('2026-11-23T12:00', '2026-11-23T10:00') },
    { name: 'a weekend', range: span('2026-11-21T00:00', '2026-11-23T00:00') },
    {
      name: 'outside the hours',
      range: span('2026-11-23T17:00', '2026-11-24T08:00'),
    },
  ])('is empty for a range that is $name', ({ range }) => {
    expect(agreedIntervals(officeHours, range)).toEqual([]);
  });

  it('is the range itself for 24x7, unless the range is empty', () => {
    const range = span('2026-11-21T00:00', '2026-11-23T00:00');
    expect(agreedIntervals(always, range)).toEqual([range]);
    expect(agreedIntervals(always, { start: 5, end: 5 })).toEqual([]);
  });

  it('rejects an unknown time zone', () => {
    const calendar: BusinessCalendar = {
      kind: 'service-hours',
      hours: { timezone: 'Mars/Olympus_Mons', intervals: [] },
    };
    expect(() => agreedIntervals(calendar, { start: 0, end: DAY })).toThrow(
      /time zone 'Mars\/Olympus_Mons'/,
    );
  });
});

describe('businessDuration', () => {
  const allDay = serviceHours([
    { days: ALL_DAYS, start: '00:00', end: '24:00' },
  ]);
  const nineToFive = serviceHours([
    { days: ALL_DAYS, start: '08:00', end: '17:00' },
  ]);

  it.each([
    { name: 'spring forward', date: '2026-03-29', allDayHours: 23 },
    { name: 'an ordinary Sunday', date: '2026-03-22', allDayHours: 24 },
    { name: 'fall back', date: '2026-10-25', allDayHours: 25 },
  ])('counts local days on $name ($date)', ({ date, allDayHours }) => {
    const next = DateTime.fromISO(date).plus({ days: 1 }).toISODate()!;
    const day = span(`${date}T00:00`, `${next}T00:00`);
    expect(businessDuration(allDay, day)).toBe(allDayHours * HOUR);
    expect(businessDuration(nineToFive, day)).toBe(9 * HOUR);
    expect(businessDuration(always, day)).toBe(allDayHours * HOUR);
  });

  it.each([
    {
      name: 'a full working day',
      from: '2026-11-23T00:00',
      to: '2026-11-24T00:00',
      hours: 9,
    },
    {
      name: 'a full week',
      from: '2026-11-23T00:00',
      to: '2026-11-30T00:00',
      hours: 45,
    },
    {
      name: 'a weekend',
      from: '2026-11-21T00:00',
      to: '2026-11-23T00:00',
      hours: 0,
    },
    {
      name: 'starting mid-interval',
      from: '2026-11-23T12:00',
      to: '2026-11-23T20:00',
      hours: 5,
    },
    {
      name: 'ending mid-interval',
      from: '2026-11-23T06:00',
      to: '2026-11-23T10:30',
      hours: 2.5,
    },
    {
      name: 'inside one interval',
      from: '2026-11-23T10:00',
      to: '2026-11-23T15:00',
      hours: 5,
    },
    {
      name: 'overnight',
      from: '2026-11-23T16:00',
      to: '2026-11-24T09:00',
      hours: 2,
    },
    {
      name: 'an empty range',
      from: '2026-11-23T10:00',
      to: '2026-11-23T10:00',
      hours: 0,
    },
    {
      name: 'a reversed range',
      from: '2026-11-24T10:00',
      to: '2026-11-23T10:00',
      hours: 0,
    },
  ])('counts $hours h over $name', ({ from, to, hours }) => {
    expect(businessDuration(officeHours, span(from, to))).toBe(hours * HOUR);
  });

  it('removes holidays as whole local days', () => {
    const calendar = serviceHours(
      [{ days: ALL_DAYS, start: '00:00', end: '24:00' }],
      {
        holidays: [
          { date: '2026-12-24', name: 'Christmas Eve' },
          { date: '2026-12-26' },
        ],
      },
    );
    const week = span('2026-12-21T00:00', '2026-12-28T00:00');
    expect(businessDuration(calendar, week)).toBe(5 * DAY);
    expect(agreedIntervals(calendar, week).map(i => i.end)).toEqual([
      berlin('2026-12-24T00:00'),
      berlin('2026-12-26T00:00'),
      week.end,
    ]);
  });

  it.each([
    { name: 'no pauses', pauses: [], hours: 18 },
    {
      name: 'a pause inside the hours',
      pauses: [span('2026-11-23T10:00', '2026-11-23T11:00')],
      hours: 17,
    },
    {
      name: 'pauses overlapping each other',
      pauses: [
        span('2026-11-23T10:30', '2026-11-23T12:00'),
        span('2026-11-23T10:00', '2026-11-23T11:00'),
      ],
      hours: 16,
    },
    {
      name: 'a pause outside the hours',
      pauses: [span('2026-11-23T18:00', '2026-11-24T07:00')],
      hours: 18,
    },
    {
      name: 'a pause across the night',
      pauses: [span('2026-11-23T16:00', '2026-11-24T09:00')],
      hours: 16,
    },
    {
      name: 'a pause starting before the range',
      pauses: [span('2026-11-20T12:00', '2026-11-23T09:00')],
      hours: 17,
    },
    {
      name: 'an open-ended pause (extends beyond the range)',
      pauses: [
        { start: berlin('2026-11-24T15:00'), end: Number.MAX_SAFE_INTEGER },
      ],
      hours: 16,
    },
    {
      name: 'an empty pause',
      pauses: [span('2026-11-23T10:00', '2026-11-23T10:00')],
      hours: 18,
    },
  ])('subtracts $name', ({ pauses, hours }) => {
    const twoDays = span('2026-11-23T00:00', '2026-11-25T00:00');
    expect(businessDuration(officeHours, twoDays, pauses)).toBe(hours * HOUR);
  });

  it('is wall time minus pauses for 24x7', () => {
    const range = span('2026-11-20T21:00', '2026-11-23T09:30');
    expect(businessDuration(always, range)).toBe(range.end - range.start);
    expect(
      businessDuration(always, range, [
        span('2026-11-21T00:00', '2026-11-21T02:00'),
        span('2026-11-21T01:00', '2026-11-21T03:00'),
        span('2026-11-23T09:00', '2026-11-30T00:00'),
      ]),
    ).toBe(range.end - range.start - 3.5 * HOUR);
  });
});

describe('businessDeadline', () => {
  const friday21 = berlin('2026-11-20T21:00');

  it.each([
    {
      name: 'zero amount',
      start: '2026-11-21T10:00',
      hours: 0,
      deadline: '2026-11-21T10:00',
    },
    {
      name: 'negative amount',
      start: '2026-11-21T10:00',
      hours: -1,
      deadline: '2026-11-21T10:00',
    },
    {
      name: 'inside the first interval',
      start: '2026-11-23T09:00',
      hours: 2,
      deadline: '2026-11-23T11:00',
    },
    {
      name: 'exactly at an interval end',
      start: '2026-11-23T08:00',
      hours: 9,
      deadline: '2026-11-23T17:00',
    },
    {
      name: 'into the next day',
      start: '2026-11-23T16:00',
      hours: 2,
      deadline: '2026-11-24T09:00',
    },
    {
      name: 'over the weekend',
      start: '2026-11-27T12:00',
      hours: 10,
      deadline: '2026-11-30T13:00',
    },
    {
      name: 'over several weeks (11 working days of 9 h)',
      start: '2026-11-23T08:00',
      hours: 99,
      deadline: '2026-12-07T17:00',
    },
  ])('$name', ({ start, hours, deadline }) => {
    expect(businessDeadline(officeHours, berlin(start), hours * HOUR)).toBe(
      berlin(deadline),
    );
  });

  it('moves later by the paused business time', () => {
    expect(
      businessDeadline(officeHours, friday21, 8 * HOUR, [
        span('2026-11-23T09:00', '2026-11-23T10:00'),
      ]),
    ).toBe(berlin('2026-11-23T17:00'));
    // Paused Monday 12:00 to Tuesday 12:00: 4 h on Monday, 4 h more on Tuesday.
    expect(
      businessDeadline(officeHours, friday21, 8 * HOUR, [
        span('2026-11-24T11:00', '2026-11-24T12:00'),
        span('2026-11-23T12:00', '2026-11-24T11:30'),
        span('2026-11-22T12:00', '2026-11-22T13:00'),
      ]),
    ).toBe(berlin('2026-11-24T16:00'));
  });

  it('ignores pauses outside the hours and before the start', () => {
    expect(
      businessDeadline(officeHours, friday21, 8 * HOUR, [
        span('2026-11-20T09:00', '2026-11-20T22:00'),
        span('2026-11-21T00:00', '2026-11-23T08:00'),
      ]),
    ).toBe(berlin('2026-11-23T16:00'));
  });

  it('crosses long holiday stretches', () => {
    const calendar = serviceHours(
      [{ days: WEEKDAYS, start: '08:00', end: '17:00' }],
      {
        holidays: [21, 22, 23, 24, 25, 28, 29, 30, 31]
          .map(day => ({ date: `2026-12-${day}` }))
          .concat({ date: '2027-01-01' }),
      },
    );
    expect(
      businessDeadline(calendar, berlin('2026-12-18T16:00'), 2 * HOUR),
    ).toBe(berlin('2027-01-04T09:00'));
  });

  it('is start + amount + paused time for 24x7', () => {
    expect(
      businessDeadline(always, friday21, 8 * HOUR, [
        span('2026-11-20T22:00', '2026-11-20T23:00'),
      ]),
    ).toBe(berlin('2026-11-21T06:00'));
  });

  it('returns undefined when the horizon comes first', () => {
    expect(
      businessDeadline(
        officeHours,
        friday21,
        8 * HOUR,
        [],
        berlin('2026-11-23T15:59'),
      ),
    ).toBeUndefined();
    expect(
      businessDeadline(
        officeHours,
        friday21,
        8 * HOUR,
        [],
        berlin('2026-11-23T16:00'),
      ),
    ).toBe(berlin('2026-11-23T16:00'));
    const never = serviceHours([]);
    expect(businessDeadline(never, friday21, MINUTE)).toBeUndefined();
    expect(
      businessDeadline(officeHours, friday21, HOUR, [
        { start: friday21, end: Number.MAX_SAFE_INTEGER },
      ]),
    ).toBeUndefined();
  });

  it('searches 366 days by default', () => {
    const yearly = serviceHours([
      { days: ALL_DAYS, start: '00:00', end: '24:00' },
    ]);
    const start = berlin('2026-01-01T00:00');
    const pauses = [{ start: start + HOUR, end: start + 366 * DAY - HOUR }];
    expect(businessDeadline(yearly, start, 2 * HOUR, pauses)).toBe(
      start + 366 * DAY,
    );
    expect(
      businessDeadline(yearly, start, 2 * HOUR + 1, pauses),
    ).toBeUndefined();
  });
});

describe('properties', () => {
  const YEAR_START = utc('2026-01-01T00:00');
  // Calendars with DST changes, 24:00 ends, several intervals a day,
  // holidays, a 30-minute DST shift (Lord Howe) and none at all (24x7).
  const calendars: BusinessCalendar[] = [
    always,
    serviceHours([{ days: WEEKDAYS, start: '08:00', end: '17:00' }], {
      holidays: [{ date: '2026-03-30' }, { date: '2026-10-26' }],
    }),
    {
      kind: 'service-hours',
      hours: {
        timezone: 'America/New_York',
        intervals: [
          { days: ['mon', 'wed', 'fri'], start: '06:00', end: '12:00' },
          { days: ['mon', 'sun'], start: '01:30', end: '03:15' },
          { days: ['sat', 'sun'], start: '18:00', end: '24:00' },
        ],
      },
    },
    {
      kind: 'service-hours',
      hours: {
        timezone: 'Australia/Lord_Howe',
        intervals: [{ days: ALL_DAYS, start: '01:00', end: '03:00' }],
      },
    },
  ];
  const arbCalendar = fc.constantFrom(...calendars);
  const arbInstant = fc.integer({
    min: YEAR_START,
    max: YEAR_START + 400 * DAY,
  });
  const arbPauses = fc.array(
    fc
      .tuple(arbInstant, fc.integer({ min: 0, max: 10 * DAY }))
      .map(([start, length]) => ({ start, end: start + length })),
    { maxLength: 4 },
  );

  // Ranges of up to 120 days keep each run cheap; the deadline property
  // below covers ranges of up to a year.
  const arbRange = fc
    .tuple(arbInstant, fc.integer({ min: 0, max: 120 * DAY }))
    .map(([start, length]) => ({ start, end: start + length }));

  it('business duration is additive over a split of the range', () => {
    fc.assert(
      fc.property(
        arbCalendar,
        arbRange,
        fc.double({ min: 0, max: 1, noNaN: true }),
        arbPauses,
        (calendar, range, fraction, pauses) => {
          const split = Math.round(
            range.start + fraction * (range.end - range.start),
          );
          expect(
            businessDuration(calendar, { ...range, end: split }, pauses) +
              businessDuration(calendar, { ...range, start: split }, pauses),
          ).toBe(businessDuration(calendar, range, pauses));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('business duration never exceeds wall time', () => {
    fc.assert(
      fc.property(
        arbCalendar,
        arbRange,
        arbPauses,
        (calendar, range, pauses) => {
          const business = businessDuration(calendar, range, pauses);
          expect(business).toBeGreaterThanOrEqual(0);
          expect(business).toBeLessThanOrEqual(range.end - range.start);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('the deadline for the business time up to t is the earliest instant reaching it', () => {
    fc.assert(
      fc.property(
        arbCalendar,
        arbInstant,
        fc.integer({ min: 0, max: 365 * DAY }),
        arbPauses,
        (calendar, start, length, pauses) => {
          const t = start + length;
          const amount = businessDuration(calendar, { start, end: t }, pauses);
          const deadline = businessDeadline(calendar, start, amount, pauses);
          expect(deadline).toBeDefined();
          expect(deadline!).toBeLessThanOrEqual(t);
          expect(
            businessDuration(calendar, { start, end: deadline! }, pauses),
          ).toBe(amount);
          // Earliest: one millisecond before, the amount is not yet reached.
          expect(
            businessDuration(calendar, { start, end: deadline! - 1 }, pauses),
          ).toBe(Math.max(0, amount - 1));
        },
      ),
      { numRuns: 200 },
    );
  }, 60_000);
});
