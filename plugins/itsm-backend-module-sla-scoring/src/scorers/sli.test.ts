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
      expect(score(slices, now)).toEqual({
        attainment,
        met: attainment >= 99,
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
});
