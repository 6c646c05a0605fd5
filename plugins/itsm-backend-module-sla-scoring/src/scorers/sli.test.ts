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

import type { Objective, SliEvent } from '@backstage-itsm/plugin-itsm-common';
import { sliScorer } from './sli';
import { testOutage, testScoringContext, testSliEvent } from './testContext';

const NOVEMBER: [string, string] = [
  '2026-11-01T00:00:00Z',
  '2026-12-01T00:00:00Z',
];

const slice = (
  sliceStart: string,
  good: number,
  total: number,
  objective = 'checkout-success',
) => testSliEvent({ sliceStart, good, total, objective });

const score = (
  sliEvents: SliEvent[],
  now: string,
  objective: Partial<Objective> = {},
) =>
  sliScorer.score(
    testScoringContext({
      objective: {
        type: 'sli',
        name: 'checkout-success',
        indicator: 'checkout-success',
        target: 99,
        ...objective,
      },
      period: NOVEMBER,
      now,
      sliEvents,
      outages: [testOutage({ start: '2026-11-10T10:00:00Z' })],
    }),
  );

describe('sliScorer', () => {
  it('declares its objective type', () => {
    expect(sliScorer.objectiveType).toBe('sli');
  });

  it.each([
    {
      name: 'slices starting in [period start, now) mid-period',
      now: '2026-11-16T00:00:00Z',
      // 9,950 + 9,950 of 10,000 + 10,000 = 99.5 %; the slices before the
      // start and at now are left out.
      slices: [
        slice('2026-10-31T23:00:00Z', 0, 1000),
        slice('2026-11-01T00:00:00Z', 9950, 10000),
        slice('2026-11-15T23:00:00Z', 9950, 10000),
        slice('2026-11-16T00:00:00Z', 0, 1000),
      ],
      good: 19900,
      total: 20000,
      attainment: 99.5,
    },
    {
      name: 'slices starting in [period start, period end) after the period',
      now: '2026-12-05T00:00:00Z',
      // 1,990 of 2,000 = 99.5 %; the slice at the period end is left out.
      slices: [
        slice('2026-11-20T00:00:00Z', 995, 1000),
        slice('2026-11-30T23:00:00Z', 995, 1000),
        slice('2026-12-01T00:00:00Z', 0, 1000),
      ],
      good: 1990,
      total: 2000,
      attainment: 99.5,
    },
    {
      name: 'slices of another objective ignored',
      now: '2026-12-05T00:00:00Z',
      slices: [
        slice('2026-11-10T00:00:00Z', 199, 200),
        slice('2026-11-10T00:00:00Z', 0, 5000, 'search-latency'),
      ],
      good: 199,
      total: 200,
      attainment: 99.5,
    },
    {
      name: 'a target missed',
      now: '2026-12-05T00:00:00Z',
      // 98 of 100 = 98 % against 99 %.
      slices: [slice('2026-11-10T00:00:00Z', 98, 100)],
      good: 98,
      total: 100,
      attainment: 98,
    },
  ])(
    'sums good ÷ total over $name',
    ({ slices, now, good, total, attainment }) => {
      // Rule 1: the budget in bad events against 1 % of the period's events,
      // projected from the share of the month passed (0.5 on Nov 16, else 1).
      // No row runs out before the end at its rate so far: no exhaustsAt.
      const elapsedShare = now < NOVEMBER[1] ? 0.5 : 1;
      const allowed = (0.01 * total) / elapsedShare;
      expect(score(slices, now)).toEqual({
        attainment,
        met: attainment >= 99,
        budget: {
          unit: 'events',
          allowed: expect.closeTo(allowed, 9),
          spent: total - good,
          remaining: expect.closeTo(allowed - (total - good), 9),
          elapsedShare,
        },
        details: { good, total },
      });
    },
  );

  it('matches slices reported under the indicator or the objective name', () => {
    // Objective 'Checkout success' measures indicator 'checkout-success':
    // 995 + 994 of 1,000 + 1,000 = 99.45 %.
    expect(
      score(
        [
          slice('2026-11-10T00:00:00Z', 995, 1000, 'checkout-success'),
          slice('2026-11-11T00:00:00Z', 994, 1000, 'Checkout success'),
          slice('2026-11-12T00:00:00Z', 0, 1000, 'checkout'),
        ],
        '2026-12-05T00:00:00Z',
        { name: 'Checkout success', indicator: 'checkout-success' },
      ),
    ).toEqual({
      attainment: 99.45,
      met: true,
      budget: {
        unit: 'events',
        allowed: expect.closeTo(20, 9),
        spent: 11,
        remaining: expect.closeTo(9, 9),
        elapsedShare: 1,
      },
      details: { good: 1989, total: 2000 },
    });
  });

  it.each([
    {
      name: 'zero traffic',
      now: '2026-12-05T00:00:00Z',
      slices: [slice('2026-11-10T00:00:00Z', 0, 0)],
    },
    { name: 'no slices', now: '2026-12-05T00:00:00Z', slices: [] },
    {
      name: 'only slices of another objective',
      now: '2026-12-05T00:00:00Z',
      slices: [slice('2026-11-10T00:00:00Z', 5, 10, 'search-latency')],
    },
    {
      name: 'a period in the future',
      now: '2026-10-20T00:00:00Z',
      slices: [slice('2026-11-10T00:00:00Z', 5, 10)],
    },
  ])('has no data for $name', ({ slices, now }) => {
    expect(score(slices, now)).toEqual({
      attainment: null,
      met: null,
      details: { good: 0, total: 0 },
    });
  });

  describe('rule 7: slices', () => {
    it('counts a slice that starts in the period whole, one that starts before it not at all', () => {
      // Hourly slices: Oct 31 23:30 is half inside November, Nov 30 23:30
      // half after it; Nov 15 23:30 half after now.
      expect(
        score(
          [
            slice('2026-10-31T23:30:00Z', 0, 1000),
            slice('2026-11-15T23:30:00Z', 990, 1000),
            slice('2026-11-30T23:30:00Z', 990, 1000),
          ],
          '2026-12-05T00:00:00Z',
        ),
      ).toMatchObject({ attainment: 99, details: { good: 1980, total: 2000 } });
      expect(
        score(
          [slice('2026-11-15T23:30:00Z', 990, 1000)],
          '2026-11-16T00:00:00Z',
        ),
      ).toMatchObject({ attainment: 99, details: { good: 990, total: 1000 } });
    });

    // A 6 h burn-rate look-back, [10:30, 16:30) on Nov 10.
    const LOOKBACK: [string, string] = [
      '2026-11-10T10:30:00Z',
      '2026-11-10T16:30:00Z',
    ];
    const lookbackSlices = [
      slice('2026-11-10T09:00:00Z', 0, 100), // ends at 10:00: outside
      slice('2026-11-10T10:00:00Z', 0, 100), // half inside: 0 of 50
      slice('2026-11-10T11:00:00Z', 1000, 1000), // whole
      slice('2026-11-10T12:00:00Z', 100, 200), // whole, or half before 12:30
      slice('2026-11-10T16:00:00Z', 100, 200), // half inside: 50 of 100
      slice('2026-11-10T16:30:00Z', 0, 100), // starts at the end: outside
      // A daily slice: 6 h of its 24 inside, a quarter: 100 of 100.
      testSliEvent({
        sliceStart: '2026-11-10T00:00:00Z',
        sliceSeconds: 86_400,
        good: 400,
        total: 400,
      }),
      // A daily slice that ended before the look-back.
      testSliEvent({
        sliceStart: '2026-11-09T00:00:00Z',
        sliceSeconds: 86_400,
        good: 0,
        total: 400,
      }),
    ];
    const lookbackContext = (now: string, lookback?: boolean) =>
      testScoringContext({
        objective: {
          type: 'sli',
          name: 'checkout-success',
          indicator: 'checkout-success',
          target: 99,
        },
        period: LOOKBACK,
        now,
        ...(lookback !== undefined && { lookback }),
        sliEvents: lookbackSlices,
      });

    it('counts slices pro rata by overlap in a burn-rate look-back', () => {
      // 0 + 1,000 + 100 + 50 + 100 of 50 + 1,000 + 200 + 100 + 100.
      expect(sliScorer.score(lookbackContext(LOOKBACK[1], true))).toMatchObject(
        {
          attainment: (100 * 1250) / 1450,
          details: { good: 1250, total: 1450 },
        },
      );
    });

    it('counts the overlap up to now when now is before the look-back end', () => {
      // Up to 12:30: 0 of 50, 1,000 of 1,000, 50 of 100 (12:00–12:30), and
      // the daily slice's 2 h of 24: 400/12 of 400/12.
      const { details } = sliScorer.score(
        lookbackContext('2026-11-10T12:30:00Z', true),
      );
      expect(details!.good).toBeCloseTo(1050 + 400 / 12, 9);
      expect(details!.total).toBeCloseTo(1150 + 400 / 12, 9);
    });

    it('counts whole slices starting in the window without lookback', () => {
      // 11:00, 12:00 and 16:00 only.
      for (const lookback of [undefined, false]) {
        expect(
          sliScorer.score(lookbackContext(LOOKBACK[1], lookback)),
        ).toMatchObject({ details: { good: 1200, total: 1400 } });
      }
    });
  });

  describe('rule 1: the events budget', () => {
    it("projects the period's events from the wall-clock share passed and forecasts exhaustion", () => {
      // Nov 11 00:00 is a third of November: 3,000 events so far project to
      // 9,000, of which 1 % = 90 may be bad. 50 bad in 10 days reach 90
      // after 18 days: Nov 19 00:00.
      expect(
        score(
          [slice('2026-11-05T00:00:00Z', 2950, 3000)],
          '2026-11-11T00:00:00Z',
        ).budget,
      ).toEqual({
        unit: 'events',
        allowed: expect.closeTo(90, 9),
        spent: 50,
        remaining: expect.closeTo(40, 9),
        elapsedShare: 1 / 3,
        exhaustsAt: Date.parse('2026-11-19T00:00:00Z'),
      });
    });

    it('has no exhaustsAt once the budget is overspent, nor in a closed period', () => {
      expect(
        score(
          [slice('2026-11-05T00:00:00Z', 2900, 3000)],
          '2026-11-11T00:00:00Z',
        ).budget,
      ).toEqual({
        unit: 'events',
        allowed: expect.closeTo(90, 9),
        spent: 100,
        remaining: expect.closeTo(-10, 9),
        elapsedShare: 1 / 3,
      });
      expect(
        score(
          [slice('2026-11-05T00:00:00Z', 2950, 3000)],
          '2026-12-05T00:00:00Z',
        ).budget,
      ).toEqual({
        unit: 'events',
        allowed: expect.closeTo(30, 9),
        spent: 50,
        remaining: expect.closeTo(-20, 9),
        elapsedShare: 1,
      });
    });
  });
});
