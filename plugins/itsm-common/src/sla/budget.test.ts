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
import {
  BurnWindow,
  budgetRemaining,
  burnRate,
  burnWindows,
  errorBudgetMs,
  firingBurnAlerts,
  forecastBreach,
  objectiveStatus,
  ObjectiveStatus,
  worstStatus,
} from './budget';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('errorBudgetMs', () => {
  it.each([
    // target, window, budget: (1 − t) × window
    [99.9, 30 * DAY, 43.2 * MINUTE], // 0.001 × 2 592 000 000 = 2 592 000
    [99, 7 * DAY, 6_048_000], // 0.01 × 604 800 000 (100.8 min)
    [99.5, 28 * DAY, 12_096_000], // 0.005 × 2 419 200 000 (201.6 min)
    [95, DAY, 72 * MINUTE], // 0.05 × 86 400 000
    [100, 30 * DAY, 0],
  ])('%p %% over %p ms is %p ms', (target, windowMs, budget) => {
    expect(errorBudgetMs(target, windowMs)).toBeCloseTo(budget, 3);
  });
});

describe('budgetRemaining', () => {
  it.each([
    // target, attainment, remaining: ((1 − t) − (1 − a)) ÷ (1 − t)
    [99.9, 99.95, 0.5], // (0.001 − 0.0005) ÷ 0.001
    [99.9, 100, 1],
    [99.9, 99.9, 0],
    [99.9, 99.8, -1], // (0.001 − 0.002) ÷ 0.001
    [99, 99.75, 0.75], // (0.01 − 0.0025) ÷ 0.01
    [95, 90, -1], // (0.05 − 0.1) ÷ 0.05
    [100, 100, 1], // no budget, none spent
    [100, 99.99, -1], // no budget, some spent: -1 instead of -Infinity
  ])('target %p, attainment %p → %p', (target, attainment, remaining) => {
    expect(budgetRemaining(target, attainment)).toBeCloseTo(remaining, 9);
  });

  it('falls as the error ratio grows', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 50, max: 99.999, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        (target, a, b) => {
          const [worse, better] = a < b ? [a, b] : [b, a];
          expect(budgetRemaining(target, worse)).toBeLessThanOrEqual(
            budgetRemaining(target, better),
          );
        },
      ),
    );
  });
});

describe('burnRate', () => {
  it.each([
    // target, attainment, burn rate: (1 − a) ÷ (1 − t)
    [99.9, 99.8, 2], // error ratio 0.2 % is twice the 0.1 % budget
    [99.9, 99.9, 1],
    [99.9, 100, 0],
    [99.9, 99.95, 0.5],
    [99, 85.6, 14.4], // 14.4 % ÷ 1 %
    [99.9, 99.4, 6], // 0.6 % ÷ 0.1 %
    [99.9, 100.0000001, 0], // floating point overshoot is no negative burn
    [100, 100, 0],
    [100, 99, Infinity],
  ])('target %p, attainment %p → %p', (target, attainment, rate) => {
    // toBeCloseTo(Infinity) passes only for Infinity.
    expect(burnRate(target, attainment)).toBeCloseTo(rate, 9);
  });

  it('is never negative and complements the budget remaining', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 50, max: 99.99, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        (target, attainment) => {
          const rate = burnRate(target, attainment);
          expect(rate).toBeGreaterThanOrEqual(0);
          // (1 − a)/(1 − t) + (a − t)/(1 − t) = 1
          expect(rate + budgetRemaining(target, attainment)).toBeCloseTo(1, 6);
        },
      ),
    );
  });
});

describe('burnWindows', () => {
  const windows = (windowMs: number) =>
    burnWindows(windowMs).map(w => [w.name, w.longMs, w.shortMs, w.threshold]);

  it('has the SRE workbook windows for 30 days', () => {
    expect(burnWindows(30 * DAY)).toEqual<BurnWindow[]>([
      {
        name: 'page-fast',
        longMs: 3_600_000,
        shortMs: 300_000,
        threshold: 14.4,
        budgetShare: 2,
        severity: 'page',
      },
      {
        name: 'page-slow',
        longMs: 21_600_000,
        shortMs: 1_800_000,
        threshold: 6,
        budgetShare: 5,
        severity: 'page',
      },
      {
        name: 'ticket-fast',
        longMs: 86_400_000,
        shortMs: 7_200_000,
        threshold: 3,
        budgetShare: 10,
        severity: 'ticket',
      },
      {
        name: 'ticket-slow',
        longMs: 259_200_000,
        shortMs: 21_600_000,
        threshold: 1,
        budgetShare: 10,
        severity: 'ticket',
      },
    ]);
  });

  it('scales the look-backs to 7 days by 7/30', () => {
    expect(windows(7 * DAY)).toEqual([
      ['page-fast', 840_000, 70_000, 14.4], // 14 min, 70 s
      ['page-slow', 5_040_000, 420_000, 6], // 84 min, 7 min
      ['ticket-fast', 20_160_000, 1_680_000, 3], // 5.6 h, 28 min
      ['ticket-slow', 60_480_000, 5_040_000, 1], // 16.8 h, 84 min
    ]);
  });

  it('scales the look-backs to 90 days by 3', () => {
    expect(windows(90 * DAY)).toEqual([
      ['page-fast', 10_800_000, 900_000, 14.4], // 3 h, 15 min
      ['page-slow', 64_800_000, 5_400_000, 6], // 18 h, 90 min
      ['ticket-fast', 259_200_000, 21_600_000, 3], // 3 d, 6 h
      ['ticket-slow', 777_600_000, 64_800_000, 1], // 9 d, 18 h
    ]);
  });

  it.each([7 * DAY, 28 * DAY, 30 * DAY, 90 * DAY])(
    'spends the stated share of a %p ms budget at the threshold',
    windowMs => {
      for (const w of burnWindows(windowMs)) {
        // threshold × long ÷ window of the budget
        expect((100 * w.threshold * w.longMs) / windowMs).toBeCloseTo(
          w.budgetShare,
          9,
        );
      }
    },
  );
});

describe('firingBurnAlerts', () => {
  const pageFast = burnWindows(30 * DAY).slice(0, 1);

  it.each([
    // long (1 h), short (5 min), fires: both must exceed 14.4
    [15, 20, true],
    [15, 10, false],
    [10, 20, false],
    [14.4, 20, false], // equal is not above
    [15, 14.4, false],
    [undefined, 20, false],
    [15, undefined, false],
  ])('long %p, short %p → fires %p', (long, short, fires) => {
    const rates: Record<number, number | undefined> = {
      [HOUR]: long,
      [5 * MINUTE]: short,
    };
    expect(firingBurnAlerts(pageFast, ms => rates[ms])).toHaveLength(
      fires ? 1 : 0,
    );
  });

  it('reports every window whose two look-backs exceed it', () => {
    const rates: Record<number, number> = {
      [5 * MINUTE]: 30,
      [30 * MINUTE]: 8,
      [HOUR]: 20,
      [2 * HOUR]: 4,
      [6 * HOUR]: 7, // long of page-slow and short of ticket-slow
      [DAY]: 2.5, // below 3: ticket-fast stays quiet
      [3 * DAY]: 1.2,
    };
    expect(firingBurnAlerts(burnWindows(30 * DAY), ms => rates[ms])).toEqual([
      {
        name: 'page-fast',
        severity: 'page',
        threshold: 14.4,
        longBurnRate: 20,
        shortBurnRate: 30,
      },
      {
        name: 'page-slow',
        severity: 'page',
        threshold: 6,
        longBurnRate: 7,
        shortBurnRate: 8,
      },
      {
        name: 'ticket-slow',
        severity: 'ticket',
        threshold: 1,
        longBurnRate: 1.2,
        shortBurnRate: 7,
      },
    ]);
  });
});

describe('forecastBreach', () => {
  const now = Date.UTC(2026, 2, 11);

  it('finds when a 30-day budget runs out at the current rate', () => {
    // Budget 0.001 × 30 d = 43.2 min; spent 0.0015 × 10 d = 21.6 min.
    // 0.0015 per ms spends 43.2 min after 43.2 min ÷ 0.0015 = 20 d, which
    // is 10 d from now and 10 d before the end.
    expect(
      forecastBreach({
        target: 99.9,
        attainment: 99.85,
        elapsedMs: 10 * DAY,
        periodMs: 30 * DAY,
        now,
      }),
    ).toEqual({
      alreadyExhausted: false,
      breachesBeforeEnd: true,
      exhaustedAt: now + 864_000_000,
      projectedAttainment: 99.85,
    });
  });

  it('finds when a 7-day budget runs out', () => {
    // Budget 0.01 × 7 d = 100.8 min; at 0.02 it lasts 3.5 d from the start,
    // 2.5 d = 216 000 000 ms after now (1 d elapsed).
    expect(
      forecastBreach({
        target: 99,
        attainment: 98,
        elapsedMs: DAY,
        periodMs: 7 * DAY,
        now,
      }),
    ).toEqual({
      alreadyExhausted: false,
      breachesBeforeEnd: true,
      exhaustedAt: now + 216_000_000,
      projectedAttainment: 98,
    });
  });

  it.each([
    ['above target', 99.95, 10 * DAY],
    ['at target', 99.9, 10 * DAY],
    ['without errors', 100, 10 * DAY],
    ['before any time elapsed', 99, 0],
  ])('forecasts no breach %s', (_, attainment, elapsedMs) => {
    expect(
      forecastBreach({
        target: 99.9,
        attainment,
        elapsedMs,
        periodMs: 30 * DAY,
        now,
      }),
    ).toEqual({
      alreadyExhausted: false,
      breachesBeforeEnd: false,
      projectedAttainment: attainment,
    });
  });

  it.each([
    // Spent 0.003 × 20 d = 86.4 min of 43.2 min.
    [99.9, 99.7, 20 * DAY],
    // Spent exactly 0.02 × 15 d = 0.3 d, the whole 0.01 × 30 d.
    [99, 98, 15 * DAY],
    // A 100 % target has no budget to spend.
    [100, 99.99, DAY],
  ])(
    'reports target %p at %p after %p ms as already exhausted',
    (target, attainment, elapsedMs) => {
      expect(
        forecastBreach({
          target,
          attainment,
          elapsedMs,
          periodMs: 30 * DAY,
          now,
        }),
      ).toEqual({
        alreadyExhausted: true,
        breachesBeforeEnd: true,
        projectedAttainment: attainment,
      });
    },
  );
});

describe('objectiveStatus', () => {
  it.each<[string, ObjectiveStatus, Parameters<typeof objectiveStatus>[0]]>([
    ['no attainment', 'no-data', { target: 99.9, attainment: null }],
    [
      'no attainment even with alerts',
      'no-data',
      { target: 99.9, attainment: null, pageAlertFiring: true },
    ],
    [
      'below target, period closed',
      'breached',
      { target: 99.9, attainment: 99.8 },
    ],
    [
      'below target, budget overspent',
      'breached',
      { target: 99.9, attainment: 99.8, budgetRemaining: -0.2 },
    ],
    [
      'below target, budget exactly spent',
      'breached',
      { target: 99.9, attainment: 99.8, budgetRemaining: 0 },
    ],
    [
      'below target with budget left',
      'at-risk',
      { target: 99.9, attainment: 99.8, budgetRemaining: 0.6 },
    ],
    [
      'little budget left',
      'at-risk',
      { target: 99.9, attainment: 99.95, budgetRemaining: 0.2 },
    ],
    [
      'a quarter of the budget left',
      'met',
      { target: 99.9, attainment: 99.95, budgetRemaining: 0.25 },
    ],
    [
      'less than a custom at-risk share',
      'at-risk',
      {
        target: 99.9,
        attainment: 99.95,
        budgetRemaining: 0.4,
        atRiskRemaining: 0.5,
      },
    ],
    [
      'a page alert firing',
      'at-risk',
      {
        target: 99.9,
        attainment: 99.95,
        budgetRemaining: 0.9,
        pageAlertFiring: true,
      },
    ],
    [
      'a forecast breach',
      'at-risk',
      {
        target: 99.9,
        attainment: 99.95,
        budgetRemaining: 0.9,
        forecastBreaches: true,
      },
    ],
    [
      'healthy with signals off',
      'met',
      {
        target: 99.9,
        attainment: 99.95,
        budgetRemaining: 0.9,
        pageAlertFiring: false,
        forecastBreaches: false,
      },
    ],
    ['above target, period closed', 'met', { target: 99.9, attainment: 99.95 }],
    ['at target, period closed', 'met', { target: 99.9, attainment: 99.9 }],
  ])('%s → %s', (_, status, input) => {
    expect(objectiveStatus(input)).toBe(status);
  });
});

describe('worstStatus', () => {
  it.each<[ObjectiveStatus[], ObjectiveStatus]>([
    [[], 'no-data'],
    [['met'], 'met'],
    [['met', 'met'], 'met'],
    [['no-data', 'no-data'], 'no-data'],
    [['met', 'no-data'], 'no-data'],
    [['met', 'at-risk', 'no-data'], 'at-risk'],
    [['at-risk', 'breached', 'met'], 'breached'],
    [['no-data', 'breached'], 'breached'],
  ])('%j → %s', (statuses, worst) => {
    expect(worstStatus(statuses)).toBe(worst);
  });
});
