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
import { DateTime, Settings } from 'luxon';
import { LocalWallClock, localWallClockToInstant } from './localTime';

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** '2026-10-25T02:00' as a LocalWallClock. */
const wall = (text: string): LocalWallClock => {
  const dt = DateTime.fromISO(text, { zone: 'UTC' });
  return {
    year: dt.year,
    month: dt.month,
    day: dt.day,
    hour: dt.hour,
    minute: dt.minute,
    second: dt.second,
    millisecond: dt.millisecond,
  };
};
const resolve = (text: string, zone: string) =>
  new Date(localWallClockToInstant(wall(text), zone)).toISOString();

describe('localWallClockToInstant', () => {
  it.each([
    // Europe/Berlin: CEST (+2) → CET (+1) at 03:00 CEST = 01:00Z on 25 Oct.
    ['2026-10-25T01:59', '2026-10-24T23:59:00.000Z'],
    ['2026-10-25T02:00', '2026-10-25T00:00:00.000Z'],
    ['2026-10-25T02:30', '2026-10-25T00:30:00.000Z'],
    ['2026-10-25T02:59:59.999', '2026-10-25T00:59:59.999Z'],
    ['2026-10-25T03:00', '2026-10-25T02:00:00.000Z'],
  ])('takes the first of a repeated time in Berlin: %s', (local, utc) => {
    expect(resolve(local, 'Europe/Berlin')).toBe(utc);
  });

  it.each([
    // Europe/Berlin: CET (+1) → CEST (+2) at 02:00 CET = 01:00Z on 29 Mar.
    ['2026-03-29T01:59', '2026-03-29T00:59:00.000Z'],
    ['2026-03-29T02:00', '2026-03-29T01:00:00.000Z'],
    ['2026-03-29T02:30', '2026-03-29T01:30:00.000Z'],
    ['2026-03-29T02:59:59.999', '2026-03-29T01:59:59.999Z'],
    ['2026-03-29T03:00', '2026-03-29T01:00:00.000Z'],
    ['2026-03-29T03:30', '2026-03-29T01:30:00.000Z'],
  ])('moves a missing time forward by the gap in Berlin: %s', (local, utc) => {
    expect(resolve(local, 'Europe/Berlin')).toBe(utc);
  });

  it.each([
    {
      name: 'America/Los_Angeles, repeated 01:30 (PDT first)',
      zone: 'America/Los_Angeles',
      local: '2026-11-01T01:30',
      utc: '2026-11-01T08:30:00.000Z',
    },
    {
      name: 'America/Los_Angeles, missing 02:30 (→ 03:30 PDT)',
      zone: 'America/Los_Angeles',
      local: '2026-03-08T02:30',
      utc: '2026-03-08T10:30:00.000Z',
    },
    {
      name: 'Australia/Lord_Howe, 30-minute repeat (+11 first)',
      zone: 'Australia/Lord_Howe',
      local: '2026-04-05T01:45',
      utc: '2026-04-04T14:45:00.000Z',
    },
    {
      name: 'Australia/Lord_Howe, 30-minute gap (02:15 → 02:45)',
      zone: 'Australia/Lord_Howe',
      local: '2026-10-04T02:15',
      utc: '2026-10-03T15:45:00.000Z',
    },
    {
      name: 'Antarctica/Troll, two-hour repeat (+02 first)',
      zone: 'Antarctica/Troll',
      local: '2026-10-25T01:30',
      utc: '2026-10-24T23:30:00.000Z',
    },
    {
      name: 'Antarctica/Troll, two-hour gap (01:30 → 03:30)',
      zone: 'Antarctica/Troll',
      local: '2026-03-29T01:30',
      utc: '2026-03-29T01:30:00.000Z',
    },
    {
      name: 'Pacific/Apia, the day skipped in 2011 (moved forward 24 h)',
      zone: 'Pacific/Apia',
      local: '2011-12-30T12:00',
      utc: '2011-12-30T22:00:00.000Z',
    },
    {
      name: 'Asia/Kolkata, no DST',
      zone: 'Asia/Kolkata',
      local: '2026-10-25T02:30',
      utc: '2026-10-24T21:00:00.000Z',
    },
    {
      name: 'UTC',
      zone: 'UTC',
      local: '2026-10-25T02:30',
      utc: '2026-10-25T02:30:00.000Z',
    },
  ])('resolves $name', ({ zone, local, utc }) => {
    expect(resolve(local, zone)).toBe(utc);
  });

  it('does not depend on the season in which it runs (unlike Luxon)', () => {
    const original = Settings.now;
    const repeated = { year: 2026, month: 10, day: 25, hour: 2, minute: 0 };
    try {
      for (const now of ['2026-07-01T00:00:00Z', '2026-12-01T00:00:00Z']) {
        Settings.now = () => Date.parse(now);
        expect(localWallClockToInstant(repeated, 'Europe/Berlin')).toBe(
          Date.parse('2026-10-25T00:00:00Z'),
        );
      }
      // Luxon alone picks the occurrence whose offset is the zone's offset
      // now: the second one in winter.
      expect(
        DateTime.fromObject(repeated, { zone: 'Europe/Berlin' }).toMillis(),
      ).toBe(Date.parse('2026-10-25T01:00:00Z'));
    } finally {
      Settings.now = original;
    }
  });

  it('carries fields over as Date.UTC does (hour 24 is the next midnight)', () => {
    expect(
      localWallClockToInstant(
        { year: 2026, month: 10, day: 24, hour: 24, minute: 0 },
        'Europe/Berlin',
      ),
    ).toBe(Date.parse('2026-10-24T22:00:00Z'));
    expect(
      localWallClockToInstant(
        { year: 2026, month: 3, day: 28, hour: 26, minute: 30 },
        'Europe/Berlin',
      ),
    ).toBe(Date.parse('2026-03-29T01:30:00Z'));
  });

  it('reads two-digit years literally', () => {
    expect(
      new Date(
        localWallClockToInstant(
          { year: 50, month: 6, day: 1, hour: 12, minute: 0 },
          'UTC',
        ),
      ).getUTCFullYear(),
    ).toBe(50);
  });

  it('rejects an unknown time zone', () => {
    expect(() =>
      localWallClockToInstant(wall('2026-10-25T02:00'), 'Mars/Olympus_Mons'),
    ).toThrow(/Invalid time zone 'Mars\/Olympus_Mons'/);
  });
});

describe('properties', () => {
  // Zones with 1-hour, 30-minute and 2-hour shifts, shifts at midnight,
  // southern-hemisphere DST, odd offsets and none at all.
  const ZONES = [
    'Europe/Berlin',
    'America/Los_Angeles',
    'America/St_Johns',
    'America/Santiago',
    'America/Havana',
    'Australia/Lord_Howe',
    'Pacific/Chatham',
    'Antarctica/Troll',
    'Asia/Kolkata',
    'UTC',
  ];
  const offsetAt = (instant: number, zone: string) =>
    DateTime.fromMillis(instant, { zone }).offset;
  const wallOf = (instant: number, zone: string): LocalWallClock => {
    const dt = DateTime.fromMillis(instant, { zone });
    return {
      year: dt.year,
      month: dt.month,
      day: dt.day,
      hour: dt.hour,
      minute: dt.minute,
      second: dt.second,
      millisecond: dt.millisecond,
    };
  };
  const floating = (w: LocalWallClock) =>
    Date.UTC(
      w.year,
      w.month - 1,
      w.day,
      w.hour,
      w.minute,
      w.second,
      w.millisecond,
    );

  /**
   * Every instant that reads as this wall-clock time in zone, found by brute
   * force: try every offset the zone has within a day of it (sampled every
   * 15 minutes).
   */
  function instantsOf(w: LocalWallClock, zone: string): number[] {
    const local = floating(w);
    const offsets = new Set<number>();
    for (let t = local - DAY; t <= local + DAY; t += 15 * MINUTE) {
      offsets.add(offsetAt(t, zone));
    }
    return [...offsets]
      .map(offset => local - offset * MINUTE)
      .filter(instant => floating(wallOf(instant, zone)) === local)
      .sort((a, b) => a - b);
  }

  // The offset transitions of each zone in 2020–2030, found by sampling
  // every 6 hours and bisecting to the second.
  const transitions = (zone: string): number[] => {
    const found: number[] = [];
    const end = Date.UTC(2031, 0, 1);
    let offset = offsetAt(Date.UTC(2020, 0, 1), zone);
    for (let t = Date.UTC(2020, 0, 1); t < end; t += 6 * HOUR) {
      const next = offsetAt(t + 6 * HOUR, zone);
      if (next !== offset) {
        offset = next;
        let [lo, hi] = [t, t + 6 * HOUR];
        while (hi - lo > 1000) {
          const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
          if (offsetAt(mid, zone) === offsetAt(lo, zone)) {
            lo = mid;
          } else {
            hi = mid;
          }
        }
        found.push(hi);
      }
    }
    return found;
  };
  const nearTransitions = ZONES.flatMap(zone =>
    transitions(zone).map(instant => ({ zone, instant })),
  );

  const arbZone = fc.constantFrom(...ZONES);
  const arbAnyInstant = fc.record({
    zone: arbZone,
    instant: fc.integer({
      min: Date.UTC(1970, 0, 1),
      max: Date.UTC(2100, 0, 1),
    }),
  });
  // Instants within 3 hours of a transition, to hit repeated and missing
  // times often.
  const arbNearTransition = fc
    .tuple(
      fc.constantFrom(...nearTransitions),
      fc.integer({ min: -3 * HOUR, max: 3 * HOUR }),
    )
    .map(([{ zone, instant }, delta]) => ({ zone, instant: instant + delta }));
  const arbInstant = fc.oneof(arbAnyInstant, arbNearTransition);

  it('finds transitions to test near', () => {
    expect(nearTransitions.length).toBeGreaterThan(100);
  });

  it('gives back the instant of a wall-clock time, or the earlier of two', () => {
    fc.assert(
      fc.property(arbInstant, ({ zone, instant }) => {
        const local = wallOf(instant, zone);
        const resolved = localWallClockToInstant(local, zone);
        const candidates = instantsOf(local, zone);
        expect(candidates).toContain(instant);
        // The instant itself, unless the wall-clock time is repeated: then
        // the earlier instant.
        const repeated = candidates.length > 1;
        expect(resolved).toBe(repeated ? Math.min(...candidates) : instant);
      }),
      { numRuns: 500 },
    );
  });

  it('moves a missing wall-clock time forward by the length of the gap', () => {
    fc.assert(
      fc.property(
        arbInstant,
        fc.integer({ min: -3 * 60, max: 3 * 60 }),
        ({ zone, instant }, minutes) => {
          // A wall-clock time near the instant's, which may not exist.
          const local = floating(wallOf(instant, zone)) + minutes * MINUTE;
          const w = wallOf(local, 'UTC');
          const resolved = localWallClockToInstant(w, zone);
          const shift = floating(wallOf(resolved, zone)) - local;
          const exists = instantsOf(w, zone).length > 0;
          // In a gap, the offset jumps by `shift` between resolved - shift
          // (before the gap) and resolved (after it).
          const jump =
            (offsetAt(resolved, zone) - offsetAt(resolved - shift, zone)) *
            MINUTE;
          expect(shift).toBe(exists ? 0 : jump);
          expect(exists || shift > 0).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });
});
