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

import { DateTime } from 'luxon';
import type { ServiceHours, Weekday } from '../entities';
import { localWallClockToInstant } from './localTime';
import {
  Interval,
  intersectIntervals,
  mergeIntervals,
  subtractIntervals,
  totalLength,
} from './intervals';

/** Which time counts: around the clock, or the service's agreed hours. @public */
export type BusinessCalendar =
  | { kind: '24x7' }
  | { kind: 'service-hours'; hours: ServiceHours };

const DAY_MS = 24 * 60 * 60 * 1000;
const DEFAULT_HORIZON_MS = 366 * DAY_MS;
// businessDeadline walks forward in chunks so it can stop as soon as the
// amount is reached instead of building a whole year of intervals.
const DEADLINE_CHUNK_MS = 7 * DAY_MS;

// Indexed by Date#getUTCDay(): 0 = Sunday.
const WEEKDAYS: Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

// A local calendar date, held as the UTC midnight of that date ("floating"
// time, as in itsm-common's maintenance.ts). Stepping it by DAY_MS can never
// skip or repeat a date, whatever the zone's DST rules, and plain Date
// arithmetic is cheaper than Luxon for walking a year of days.
type LocalDate = number;

function localDate(instant: number, zone: string): LocalDate {
  const local = DateTime.fromMillis(instant, { zone });
  if (!local.isValid) {
    throw new Error(`Invalid service hours time zone '${zone}'`);
  }
  return Date.UTC(local.year, local.month - 1, local.day);
}

/**
 * The instant of a local wall-clock time 'HH:mm' on a local date. '24:00'
 * is the next local midnight. A time that occurs twice (DST ends) is its
 * first occurrence; one inside a DST gap is moved forward by the gap's
 * length (RFC 5545 §3.3.5, via localWallClockToInstant).
 */
function localInstant(date: LocalDate, time: string, zone: string): number {
  const [hour, minute] = time.split(':').map(Number);
  const wall = new Date(date + (hour * 60 + minute) * 60 * 1000);
  return localWallClockToInstant(
    {
      year: wall.getUTCFullYear(),
      month: wall.getUTCMonth() + 1,
      day: wall.getUTCDate(),
      hour: wall.getUTCHours(),
      minute: wall.getUTCMinutes(),
    },
    zone,
  );
}

/** The service-hours intervals of one local date (before merging). */
function dayIntervals(hours: ServiceHours, date: LocalDate): Interval[] {
  const weekday = WEEKDAYS[new Date(date).getUTCDay()];
  return hours.intervals
    .filter(interval => interval.days.includes(weekday))
    .map(interval => ({
      start: localInstant(date, interval.start, hours.timezone),
      end: localInstant(date, interval.end, hours.timezone),
    }));
}

function serviceHoursIntervals(
  hours: ServiceHours,
  range: Interval,
): Interval[] {
  // Date.parse reads a bare 'YYYY-MM-DD' as UTC midnight: a LocalDate.
  const holidays = new Set((hours.holidays ?? []).map(h => Date.parse(h.date)));
  const last = localDate(range.end - 1, hours.timezone);
  const intervals: Interval[] = [];
  for (
    let date = localDate(range.start, hours.timezone);
    date <= last;
    date += DAY_MS
  ) {
    if (!holidays.has(date)) {
      intervals.push(...dayIntervals(hours, date));
    }
  }
  return intersectIntervals(intervals, [range]);
}

/** The agreed-service-time intervals inside range: sorted, disjoint. @public */
export function agreedIntervals(
  calendar: BusinessCalendar,
  range: Interval,
): Interval[] {
  if (range.end <= range.start) {
    return [];
  }
  if (calendar.kind === '24x7') {
    return [{ start: range.start, end: range.end }];
  }
  return serviceHoursIntervals(calendar.hours, range);
}

/** The agreed time inside range that is not paused, as intervals. */
function businessIntervals(
  calendar: BusinessCalendar,
  range: Interval,
  pauses: Interval[],
): Interval[] {
  return subtractIntervals(agreedIntervals(calendar, range), pauses);
}

/**
 * Agreed time inside range minus the pauses (pauses may overlap each other,
 * extend outside range, be unsorted).
 *
 * @public
 */
export function businessDuration(
  calendar: BusinessCalendar,
  range: Interval,
  pauses: Interval[] = [],
): number {
  // Around the clock and never paused, the most common case by far.
  if (calendar.kind === '24x7' && pauses.length === 0) {
    return Math.max(0, range.end - range.start);
  }
  return totalLength(businessIntervals(calendar, range, pauses));
}

/**
 * The instant at which the agreed time elapsed since `start` (not counting
 * pauses) reaches `amountMs`, searching no further than `horizon` (default
 * start + 366 days); undefined if not reached by then. amountMs of 0 or less: start.
 *
 * @public
 */
export function businessDeadline(
  calendar: BusinessCalendar,
  start: number,
  amountMs: number,
  pauses: Interval[] = [],
  horizon: number = start + DEFAULT_HORIZON_MS,
): number | undefined {
  if (amountMs <= 0) {
    return start;
  }
  const merged = mergeIntervals(pauses);
  let remaining = amountMs;
  for (let from = start; from < horizon; from += DEADLINE_CHUNK_MS) {
    const range = {
      start: from,
      end: Math.min(from + DEADLINE_CHUNK_MS, horizon),
    };
    for (const interval of businessIntervals(calendar, range, merged)) {
      const length = interval.end - interval.start;
      // The earliest instant: an amount used up exactly at an interval's
      // end is reached at that end, not at the next interval's start.
      if (remaining <= length) {
        return interval.start + remaining;
      }
      remaining -= length;
    }
  }
  return undefined;
}
