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
  contractNoticeState,
  DEFAULT_CONTRACT_NOTICE_DAYS,
} from './contractNotice';

const DAY = 86_400_000;
const at = (iso: string) => new Date(iso);
const iso = (d: Date | undefined) => d?.toISOString();

describe('contractNoticeState', () => {
  it('tells days left, the notice start and the end of a contract', () => {
    const state = contractNoticeState(
      { end: '2027-01-14', noticePeriod: '60d' },
      at('2026-11-25T00:00:00Z'),
    );
    expect(state).toEqual({
      daysLeft: 50,
      endsAt: at('2027-01-15T00:00:00Z'),
      noticeStartsAt: at('2026-11-16T00:00:00Z'),
      insideNotice: true,
      expired: false,
    });
  });

  it('is undefined without an end date, or with one that is not a date', () => {
    expect(contractNoticeState({}, at('2026-11-25T00:00:00Z'))).toBeUndefined();
    expect(
      contractNoticeState({ noticePeriod: '90d' }, at('2026-11-25T00:00:00Z')),
    ).toBeUndefined();
    expect(
      contractNoticeState({ end: '2027-02-30' }, at('2026-11-25T00:00:00Z')),
    ).toBeUndefined();
  });

  it('runs the contract to the end of its last day', () => {
    const contract = { end: '2027-01-14', noticePeriod: '60d' };
    expect(
      contractNoticeState(contract, at('2027-01-14T23:59:59.999Z')),
    ).toMatchObject({ daysLeft: 0, insideNotice: true, expired: false });
    expect(
      contractNoticeState(contract, at('2027-01-15T00:00:00Z')),
    ).toMatchObject({ daysLeft: -1, insideNotice: false, expired: true });
    expect(
      contractNoticeState(contract, at('2027-01-20T12:00:00Z')),
    ).toMatchObject({ daysLeft: -6, expired: true });
  });

  it('makes the notice period the last days of the contract', () => {
    // 60 days: 16 November to 14 January, both included.
    const contract = { end: '2027-01-14', noticePeriod: '60d' };
    expect(
      contractNoticeState(contract, at('2026-11-15T23:59:59.999Z')),
    ).toMatchObject({ daysLeft: 60, insideNotice: false });
    expect(
      contractNoticeState(contract, at('2026-11-16T00:00:00Z')),
    ).toMatchObject({ daysLeft: 59, insideNotice: true });
  });

  it.each([
    // 12 weeks: 84 days before the end of 10 February 2027.
    ['12w', '2027-02-10', '2026-11-19T00:00:00.000Z'],
    ['2w3d', '2027-02-10', '2027-01-25T00:00:00.000Z'],
    ['36h', '2027-02-10', '2027-02-09T12:00:00.000Z'],
    // m is minutes, as in every duration of the kinds.
    ['3m', '2027-02-10', '2027-02-10T23:57:00.000Z'],
    ['1d12h', '2027-02-10', '2027-02-09T12:00:00.000Z'],
  ])('reads a %s notice period', (noticePeriod, end, noticeStartsAt) => {
    expect(
      iso(
        contractNoticeState({ end, noticePeriod }, at('2026-11-25T12:00:00Z'))
          ?.noticeStartsAt,
      ),
    ).toBe(noticeStartsAt);
  });

  it('warns 12 weeks ahead for a 12w notice period, where a 60-day default would not', () => {
    const now = at('2026-11-25T12:00:00Z');
    expect(
      contractNoticeState({ end: '2027-02-10', noticePeriod: '12w' }, now),
    ).toMatchObject({ daysLeft: 77, insideNotice: true });
    expect(contractNoticeState({ end: '2027-02-10' }, now)).toMatchObject({
      daysLeft: 77,
      insideNotice: false,
    });
  });

  it.each([[undefined], ['3 months'], ['']])(
    'assumes the default notice period for %p',
    noticePeriod => {
      const state = contractNoticeState(
        { end: '2027-01-14', noticePeriod },
        at('2026-11-25T00:00:00Z'),
      );
      expect(DEFAULT_CONTRACT_NOTICE_DAYS).toBe(60);
      expect(iso(state?.noticeStartsAt)).toBe(
        iso(new Date(Date.parse('2027-01-15') - 60 * DAY)),
      );
    },
  );

  it('counts days in the given zone', () => {
    const contract = { end: '2027-01-14', noticePeriod: '60d' };
    // 00:30 on 15 January in Berlin, still the 14th in UTC.
    const now = at('2027-01-14T23:30:00Z');
    expect(contractNoticeState(contract, now)).toMatchObject({
      daysLeft: 0,
      expired: false,
    });
    expect(contractNoticeState(contract, now, 'Europe/Berlin')).toMatchObject({
      daysLeft: -1,
      expired: true,
      endsAt: at('2027-01-14T23:00:00Z'),
    });
  });

  it('counts whole days of notice as calendar days across a DST change', () => {
    // Berlin moves to summer time on 29 March 2026.
    const state = contractNoticeState(
      { end: '2026-04-10', noticePeriod: '14d' },
      at('2026-03-01T00:00:00Z'),
      'Europe/Berlin',
    );
    expect(iso(state?.endsAt)).toBe('2026-04-10T22:00:00.000Z');
    expect(iso(state?.noticeStartsAt)).toBe('2026-03-27T23:00:00.000Z');
  });

  it('refuses an unknown zone', () => {
    expect(() =>
      contractNoticeState({ end: '2027-01-14' }, new Date(), 'Mars/Olympus'),
    ).toThrow(RangeError);
  });

  const zones = [
    'UTC',
    'Europe/Berlin',
    'America/New_York',
    'Australia/Lord_Howe',
    'Asia/Kolkata',
    'Pacific/Kiritimati',
  ];
  const arbZone = fc.constantFrom(...zones);
  const base = Date.parse('2026-01-01T00:00:00Z');
  const arbEnd = fc
    .integer({ min: 0, max: 3 * 365 })
    .map(days => new Date(base + days * DAY).toISOString().slice(0, 10));
  const arbNow = fc
    .integer({ min: -200 * DAY, max: (3 * 365 + 200) * DAY })
    .map(offset => new Date(base + offset));
  const arbNotice = fc
    .tuple(
      fc.integer({ min: 0, max: 20 }),
      fc.integer({ min: 0, max: 120 }),
      fc.integer({ min: 0, max: 30 }),
      fc.integer({ min: 0, max: 90 }),
    )
    .filter(parts => parts.some(n => n > 0))
    .map(([w, d, h, m]) =>
      [
        [w, 'w'],
        [d, 'd'],
        [h, 'h'],
        [m, 'm'],
      ]
        .filter(([n]) => n)
        .map(([n, unit]) => `${n}${unit}`)
        .join(''),
    );

  it('is inside the notice iff noticeStartsAt ≤ now < endsAt, and expired iff now ≥ endsAt', () => {
    fc.assert(
      fc.property(
        arbEnd,
        fc.option(arbNotice, { nil: undefined }),
        arbNow,
        arbZone,
        (end, noticePeriod, now, zone) => {
          const state = contractNoticeState({ end, noticePeriod }, now, zone)!;
          const t = now.getTime();
          expect(state.insideNotice).toBe(
            state.noticeStartsAt.getTime() <= t && t < state.endsAt.getTime(),
          );
          expect(state.expired).toBe(t >= state.endsAt.getTime());
          expect(state.expired).toBe(state.daysLeft < 0);
          expect(state.noticeStartsAt.getTime()).toBeLessThan(
            state.endsAt.getTime(),
          );
        },
      ),
      { numRuns: 500 },
    );
  });

  it('counts days left as calendar days from today to the last day, in the zone', () => {
    fc.assert(
      fc.property(arbEnd, arbNow, arbZone, (end, now, zone) => {
        const today = DateTime.fromJSDate(now, { zone }).toISODate()!;
        const state = contractNoticeState({ end }, now, zone)!;
        expect(state.daysLeft).toBe(
          Math.round((Date.parse(end) - Date.parse(today)) / DAY),
        );
      }),
      { numRuns: 500 },
    );
  });

  it('counts days left in UTC as the portal always has', () => {
    fc.assert(
      fc.property(arbEnd, arbNow, (end, now) => {
        const before = Math.ceil((Date.parse(end) - now.getTime()) / DAY);
        expect(contractNoticeState({ end }, now)!.daysLeft).toBe(before || 0);
      }),
      { numRuns: 500 },
    );
  });

  it('is inside a notice of N whole days on the last N days of the contract', () => {
    fc.assert(
      fc.property(
        arbEnd,
        fc.integer({ min: 1, max: 400 }),
        arbNow,
        arbZone,
        (end, days, now, zone) => {
          const state = contractNoticeState(
            { end, noticePeriod: `${days}d` },
            now,
            zone,
          )!;
          expect(state.insideNotice).toBe(
            state.daysLeft >= 0 && state.daysLeft < days,
          );
        },
      ),
      { numRuns: 500 },
    );
  });
});
