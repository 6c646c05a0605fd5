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
  allowedFailureShare,
  BurnWindow,
  budgetRemaining,
  budgetShareLeft,
  burnRate,
  burnWindows,
  firingBurnAlerts,
  forecastBudget,
  objectiveStatus,
  ObjectiveStatus,
  worstStatus,
} from './budget';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('allowedFailureShare', () => {
  it('is the decimal share a written target allows, the same however often asked', () => {
    expect(allowedFailureShare(99.9)).toBe(0.001);
    expect(allowedFailureShare(99.95)).toBe(0.0005);
    expect(allowedFailureShare(100)).toBe(0);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000 }).map(n => n / 1000),
        target => {
          const share = Number(((100 - target) / 100).toPrecision(12));
          expect(allowedFailureShare(target)).toBe(share);
          expect(allowedFailureShare(target)).toBe(share);
        },
      ),
      { numRuns: 3000 },
    );
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

describe('forecastBudget', () => {
  it('extrapolates the spending so far to the whole period', () => {
    // 99.9 % of a 30-day month: 43.2 min allowed. 30 min down in the first
    // day (share 1/30) spends 900 min by the end at that rate.
    expect(
      forecastBudget({ allowed: 43.2, spent: 30, elapsedShare: 1 / 30 }),
    ).toEqual({
      alreadyExhausted: false,
      breachesBeforeEnd: true,
      projectedSpent: 900,
    });
  });

  it('says nothing breaks when the rate spends at most the budget', () => {
    // 10 min in the first third: 30 min by the end, under 43.2.
    expect(
      forecastBudget({ allowed: 43.2, spent: 10, elapsedShare: 1 / 3 }),
    ).toMatchObject({ alreadyExhausted: false, breachesBeforeEnd: false });
    // Exactly the budget by the end still meets the target.
    expect(
      forecastBudget({ allowed: 40, spent: 20, elapsedShare: 0.5 }),
    ).toMatchObject({ breachesBeforeEnd: false, projectedSpent: 40 });
  });

  it('reports a budget spent beyond the whole period as exhausted', () => {
    expect(
      forecastBudget({ allowed: 43.2, spent: 43.3, elapsedShare: 0.5 }),
    ).toMatchObject({ alreadyExhausted: true, breachesBeforeEnd: true });
    // A 100 % target allows nothing.
    expect(
      forecastBudget({ allowed: 0, spent: 1, elapsedShare: 0.1 }),
    ).toMatchObject({ alreadyExhausted: true });
  });

  it('never forecasts less than is spent', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (allowed, spent, elapsedShare) => {
          const forecast = forecastBudget({ allowed, spent, elapsedShare });
          expect(forecast.projectedSpent).toBeGreaterThanOrEqual(spent);
          // An exhausted budget is always forecast to breach.
          expect(!forecast.alreadyExhausted || forecast.breachesBeforeEnd).toBe(
            true,
          );
        },
      ),
    );
  });
});

describe('budgetShareLeft', () => {
  it.each([
    [43.2, 30, 13.2 / 43.2],
    [43.2, 0, 1],
    [43.2, 43.2, 0],
    [10, 20, -1],
    [0, 0, 1],
    [0, 5, -1],
  ])('allowed %p, spent %p → %p', (allowed, spent, share) => {
    expect(budgetShareLeft(allowed, spent)).toBeCloseTo(share, 9);
  });
});

describe('objectiveStatus', () => {
  const open = { closed: false };
  it.each<[string, ObjectiveStatus, Parameters<typeof objectiveStatus>[0]]>([
    ['no attainment', 'no-data', { target: 99.9, attainment: null, ...open }],
    [
      'no attainment even with alerts',
      'no-data',
      { target: 99.9, attainment: null, pageAlertFiring: true, ...open },
    ],
    [
      'below target, period closed',
      'breached',
      { target: 99.9, attainment: 99.8, closed: true },
    ],
    [
      'below target, open, whole budget overspent',
      'breached',
      {
        target: 99.9,
        attainment: 99.8,
        exhausted: true,
        budgetRemaining: -0.2,
        ...open,
      },
    ],
    [
      'below target, open, budget exactly spent (can still end at target)',
      'at-risk',
      { target: 99.9, attainment: 99.8, budgetRemaining: 0, ...open },
    ],
    [
      'below target so far with budget of the period left',
      'at-risk',
      { target: 99.9, attainment: 97.9, budgetRemaining: 0.31, ...open },
    ],
    [
      'little budget left',
      'at-risk',
      { target: 99.9, attainment: 99.95, budgetRemaining: 0.2, ...open },
    ],
    [
      'a quarter of the budget left',
      'met',
      { target: 99.9, attainment: 99.95, budgetRemaining: 0.25, ...open },
    ],
    [
      'less than a custom at-risk share',
      'at-risk',
      {
        target: 99.9,
        attainment: 99.95,
        budgetRemaining: 0.4,
        atRiskRemaining: 0.5,
        ...open,
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
        ...open,
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
        ...open,
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
        ...open,
      },
    ],
    [
      'above target, period closed',
      'met',
      { target: 99.9, attainment: 99.95, closed: true },
    ],
    [
      'at target, period closed',
      'met',
      { target: 99.9, attainment: 99.9, closed: true },
    ],
    [
      'closed: signals of the open period no longer matter',
      'met',
      {
        target: 99.9,
        attainment: 99.95,
        closed: true,
        budgetRemaining: 0.1,
        pageAlertFiring: true,
      },
    ],
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
