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

import { Info } from 'luxon';

/**
 * A local wall-clock date and time, with no zone: month 1–12, hour 0–23.
 * Fields out of range carry over as in Date.UTC (hour 24 is the next day's
 * midnight). second and millisecond default to 0.
 *
 * @public
 */
export type LocalWallClock = {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second?: number;
  millisecond?: number;
};

const MINUTE_MS = 60 * 1000;
const DAY_MS = 24 * 60 * MINUTE_MS;

// The wall-clock time written as if it were UTC ("floating" time).
function floating(wall: LocalWallClock): number {
  const { year, month, day, hour, minute } = wall;
  const second = wall.second ?? 0;
  const millisecond = wall.millisecond ?? 0;
  if (year >= 0 && year < 100) {
    // Date.UTC reads years 0–99 as 1900–1999.
    const date = new Date(0);
    date.setUTCFullYear(year, month - 1, day);
    date.setUTCHours(hour, minute, second, millisecond);
    return date.getTime();
  }
  return Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
}

/**
 * The instant (epoch milliseconds) of a local wall-clock time in an IANA
 * time zone (or any zone Luxon accepts, e.g. 'UTC'), resolved as RFC 5545
 * §3.3.5 prescribes for a DATE-TIME with a TZID:
 *
 * - a time that occurs twice, when the clocks go back (02:00–02:59 on
 *   2026-10-25 in Europe/Berlin), is its first occurrence: 02:00 Berlin on
 *   that day is 00:00Z (CEST), not 01:00Z (CET);
 * - a time that does not exist, when the clocks go forward (02:00–02:59 on
 *   2026-03-29 in Europe/Berlin), is moved forward by the length of the gap,
 *   that is read with the offset in force before the gap: 02:30 becomes
 *   03:30 CEST, 01:30Z.
 *
 * Luxon's DateTime.fromObject and fromISO do not guarantee the first: for a
 * repeated time they pick the occurrence whose offset equals the zone's
 * offset at the moment the code runs, so the answer changes with the season.
 *
 * Pure and cheap: two zone-offset look-ups, three near a transition. Assumes
 * the zone's offset changes at most once within a day either side of the
 * time, as it does under every DST rule in use. Throws a RangeError for an
 * unknown zone.
 *
 * @public
 */
export function localWallClockToInstant(
  wall: LocalWallClock,
  zone: string,
): number {
  const tz = Info.normalizeZone(zone);
  if (!tz.isValid) {
    throw new RangeError(`Invalid time zone '${zone}'`);
  }
  const local = floating(wall);
  // Zone offsets are in minutes; Math.round keeps the instant integral for
  // historical offsets with seconds.
  const at = (offset: number) => local - Math.round(offset * MINUTE_MS);

  // Every instant with this wall-clock time lies within 14 h of local (UTC
  // offsets span -12 h to +14 h), so the offset a day earlier is the one in
  // force before any transition that could make the time repeated or missing.
  const before = tz.offset(local - DAY_MS);
  const first = at(before);
  const offset = tz.offset(first);
  if (offset === before) {
    // The earliest instant that has this wall-clock time: no earlier one can
    // have a larger offset without a second transition within the day.
    return first;
  }
  // A transition from `before` to `offset` lies between a day earlier and
  // `first`, so `first` does not read as this wall-clock time.
  const second = at(offset);
  if (tz.offset(second) === offset) {
    return second;
  }
  // Neither offset gives this wall-clock time: it falls in the gap, and read
  // with the offset before the gap it is moved forward by the gap's length.
  return first;
}
