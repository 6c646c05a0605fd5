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
import { Options, RRule } from 'rrule';
import type { MaintenanceWindow } from '../entities';
import { parseDuration } from '../validation/duration';
import { localWallClockToInstant } from './localTime';

/** A year of hourly windows, and a little more. */
const MAX_OCCURRENCES = 10_000;

/** One planned maintenance window, [start, end). @public */
export type Occurrence = { start: Date; end: Date };

// rrule computes in "floating" time: a local wall-clock time written as if
// it were UTC. Each wall-clock occurrence then becomes the real instant in
// the window's zone, so 02:00 stays 02:00 across DST changes; a repeated or
// missing time resolves as RFC 5545 §3.3.5 says (localWallClockToInstant).
const toFloating = (dt: DateTime) =>
  new Date(
    Date.UTC(dt.year, dt.month - 1, dt.day, dt.hour, dt.minute, dt.second),
  );

const fromFloating = (date: Date, zone: string) =>
  new Date(
    localWallClockToInstant(
      {
        year: date.getUTCFullYear(),
        month: date.getUTCMonth() + 1,
        day: date.getUTCDate(),
        hour: date.getUTCHours(),
        minute: date.getUTCMinutes(),
        second: date.getUTCSeconds(),
      },
      zone,
    ),
  );

// The rule's DTSTART in floating time. A local date-time (the schema's
// form) keeps its wall-clock time as written, even one that is repeated or
// missing in the zone: the first occurrence resolves like any other, and a
// start in a DST gap does not shift the later occurrences. A date-time with
// an explicit offset (or Z) is an instant: its wall-clock time in the zone.
function floatingStart(start: string, zone: string): Date {
  const written = DateTime.fromISO(start, { zone: 'UTC', setZone: true });
  const isInstant =
    written.toMillis() ===
    DateTime.fromISO(start, { zone: 'UTC+1', setZone: true }).toMillis();
  return toFloating(isInstant ? written.setZone(zone) : written);
}

// Whole periods of the rules that repeat on a fixed step in floating time.
const STEP_MS: Partial<Record<number, number>> = {
  [RRule.HOURLY]: 3_600_000,
  [RRule.DAILY]: 86_400_000,
  [RRule.WEEKLY]: 7 * 86_400_000,
};

/**
 * rrule walks every occurrence from DTSTART on: an hourly rule started
 * years ago would take tens of thousands of steps per report. Moving the
 * start forward by whole steps of the rule (INTERVAL × hour, day or week)
 * keeps every occurrence in the range the same. Rules with COUNT count from
 * their own start and stay as they are.
 */
function closerStart(
  options: Partial<Options>,
  dtstart: Date,
  from: DateTime,
): Date {
  const step = options.freq === undefined ? undefined : STEP_MS[options.freq];
  const target = toFloating(from).getTime();
  if (!step || options.count || dtstart.getTime() >= target) return dtstart;
  const size = step * (options.interval ?? 1);
  const steps = Math.floor((target - dtstart.getTime()) / size);
  // One step of slack: BYxxx parts may place occurrences before the start
  // of their period's step.
  return new Date(dtstart.getTime() + Math.max(0, steps - 1) * size);
}

/**
 * The occurrences of a recurring maintenance window that overlap
 * [range.start, range.end), in time order. The window's zone is its own
 * `timezone`, else `defaultZone` (the service hours' zone), else UTC.
 * Expects a window that passed validateItsmEntity.
 *
 * @public
 */
export function maintenanceOccurrences(
  window: MaintenanceWindow,
  range: { start: Date; end: Date },
  defaultZone: string = 'UTC',
): Occurrence[] {
  const zone = window.timezone ?? defaultZone;
  const length = parseDuration(window.duration) ?? 0;
  const options = RRule.parseString(window.rrule.replace(/^RRULE:/i, ''));
  // Validation allows nothing finer than hourly; a rule that skipped it is
  // not expanded rather than stall the backend.
  if (options.freq === RRule.SECONDLY || options.freq === RRule.MINUTELY) {
    return [];
  }
  // A window that started before the range may still overlap it; a day of
  // slack on either side covers any UTC offset.
  const from = DateTime.fromMillis(range.start.getTime() - length, {
    zone,
  }).minus({ days: 1 });
  const to = DateTime.fromJSDate(range.end, { zone }).plus({ days: 1 });
  const rule = new RRule({
    ...options,
    dtstart: closerStart(options, floatingStart(window.start, zone), from),
  });
  // A backstop behind validation (at most hourly): expansion never runs away.
  let count = 0;
  return rule
    .between(
      toFloating(from),
      toFloating(to),
      true,
      () => ++count <= MAX_OCCURRENCES,
    )
    .map(date => {
      const start = fromFloating(date, zone);
      return { start, end: new Date(start.getTime() + length) };
    })
    .filter(o => o.end > range.start && o.start < range.end);
}
