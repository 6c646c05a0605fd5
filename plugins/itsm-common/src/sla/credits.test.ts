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

import type { Agreement, Credits } from '../entities';
import { creditAmount, creditObjective, creditPercent } from './credits';

describe('creditPercent', () => {
  const credits: Credits = {
    tiers: [
      { below: 99.9, credit: 10 },
      { below: 99, credit: 25 },
      { below: 95, credit: 50 },
    ],
    cap: 30,
  };

  it.each([
    [99.95, 0], // no tier applies
    [99.9, 0], // not strictly below 99.9
    [99.89, 10],
    [99, 10], // not strictly below 99: still the 99.9 tier
    [98.99, 25], // below 99.9 and 99: the lowest threshold wins
    [95, 25],
    [94.9, 30], // 50 capped at 30
    [0, 30],
    [null, 0], // no data, no credit
  ])('attainment %p → %p %%', (attainment, percent) => {
    expect(creditPercent(credits, attainment)).toBe(percent);
  });

  it.each([
    [94.9, 50], // no cap
    [98, 25], // tiers in any order
  ])('without a cap, tiers unordered: %p → %p %%', (attainment, percent) => {
    const unordered: Credits = {
      tiers: [
        { below: 95, credit: 50 },
        { below: 99.9, credit: 10 },
        { below: 99, credit: 25 },
      ],
    };
    expect(creditPercent(unordered, attainment)).toBe(percent);
  });

  it('is 0 without credits or tiers', () => {
    expect(creditPercent(undefined, 50)).toBe(0);
    expect(creditPercent({ tiers: [] }, 50)).toBe(0);
  });
});

describe('creditAmount', () => {
  it.each([
    [10, 1000, 100], // 10 % of 1000
    [12.5, 1234.56, 154.32], // 154.32 exactly
    [33.333, 100, 33.33], // 33.333 → 33.33
    [7, 19.99, 1.4], // 1.3993 → 1.40
    [2.5, 999.99, 25], // 24.99975 → 25.00
    [100, 1.005, 1.01], // half a cent rounds up despite 1.005 × 100 = 100.4999…
    [0, 500, 0],
  ])('%p %% of %p → %p', (percent, amount, credit) => {
    expect(creditAmount(percent, { amount, currency: 'EUR' })).toEqual({
      amount: credit,
      currency: 'EUR',
    });
  });

  it('is undefined without a fee', () => {
    expect(creditAmount(10)).toBeUndefined();
  });
});

describe('creditObjective', () => {
  const agreement: Agreement = {
    name: 'gold',
    type: 'SLA',
    with: 'stakeholder:retail',
    window: 'calendar-month',
    objectives: [
      {
        name: 'p1-response',
        type: 'response',
        target: 95,
        priority: 'P1',
        threshold: '15m',
      },
      { name: 'uptime', type: 'availability', target: 99.9 },
      { name: 'uptime-eu', type: 'availability', target: 99.5 },
    ],
  };
  const withCredits = (objective?: string): Agreement => ({
    ...agreement,
    credits: { objective, tiers: [{ below: 99, credit: 10 }] },
  });

  it.each<[string, Agreement, string | undefined]>([
    ['no credits: first availability', agreement, 'uptime'],
    ['credits without a name: first availability', withCredits(), 'uptime'],
    ['the named objective', withCredits('uptime-eu'), 'uptime-eu'],
    ['a named response objective', withCredits('p1-response'), 'p1-response'],
    ['a missing name', withCredits('missing'), undefined],
    [
      'no availability objective',
      { ...agreement, objectives: agreement.objectives.slice(0, 1) },
      undefined,
    ],
  ])('%s → %s', (_, input, name) => {
    expect(creditObjective(input)?.name).toBe(name);
  });
});
