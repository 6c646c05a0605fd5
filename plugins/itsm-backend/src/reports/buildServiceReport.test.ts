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

import type { ITServiceEntity } from '@backstage-itsm/plugin-itsm-common';
import type { ItsmObjectiveScorer } from '@backstage-itsm/plugin-itsm-node';
import { buildServiceReport } from './buildServiceReport';

const service: ITServiceEntity = {
  apiVersion: 'itsm.backstage.io/v1alpha1',
  kind: 'ITService',
  metadata: { name: 'online-banking', namespace: 'default' },
  spec: {
    type: 'business',
    lifecycle: 'live',
    owner: 'group:default/digital-channels',
    customers: ['retail-customers'],
    agreements: [
      {
        name: 'retail-sla',
        type: 'SLA',
        with: 'retail-customers',
        window: 'calendar-month',
        objectives: [
          { name: 'availability', type: 'availability', target: 99.9 },
          { name: 'backlog', type: 'x-backlog', target: 90 },
        ],
        fee: { amount: 10000, currency: 'EUR' },
        credits: {
          tiers: [
            { below: 99.9, credit: 5 },
            { below: 99.5, credit: 10 },
          ],
          cap: 10,
        },
      },
    ],
  },
};

// Availability falls steadily with the days of the period: 99.99 on the
// first day, 0.01 less each day after.
const fallingAvailability: ItsmObjectiveScorer = {
  objectiveType: 'availability',
  score: ({ now, period, objective }) => {
    const days = (now.getTime() - period.start.getTime()) / 86_400_000;
    const attainment = 99.99 - 0.01 * Math.max(0, Math.ceil(days) - 1);
    return { attainment, met: attainment >= objective.target };
  },
};

const scorers = new Map([['availability', fallingAvailability]]);
const measurements = { incidents: [], outages: [], sliEvents: [] };

describe('buildServiceReport', () => {
  it('scores the current period with budget, forecast, credits and a trend', () => {
    const report = buildServiceReport({
      service,
      scorers,
      measurements,
      period: { kind: 'current' },
      now: new Date('2026-11-15T12:00:00Z'),
      dependencies: [],
      withTrend: true,
    });
    const [agreement] = report.agreements;
    // Day 15 of the month: 99.99 − 0.14 = 99.85, below the 99.9 target.
    const availability = agreement.objectives[0];
    expect(availability.attainment).toBeCloseTo(99.85, 9);
    // Open, and a scorer without a budget cannot say the period is lost.
    expect(availability.status).toBe('at-risk');
    expect(availability.budget).toBeUndefined();
    expect(agreement.with).toBe('stakeholder:default/retail-customers');
    expect(agreement).toMatchObject({ closed: false, final: false });
    expect(agreement.credit).toEqual({
      percent: 5,
      objective: 'availability',
      amount: { amount: 500, currency: 'EUR' },
      fee: { amount: 10000, currency: 'EUR' },
      basis: 'projected',
      direction: 'payable',
    });

    // A day per point from the first to now; the budget falls with attainment.
    const trend = availability.trend!;
    expect(trend[0]).toEqual({
      at: '2026-11-02T00:00:00.000Z',
      attainment: 99.99,
      budgetRemainingPercent: expect.closeTo(90, 6),
    });
    expect(trend[trend.length - 1]).toMatchObject({
      at: '2026-11-15T12:00:00.000Z',
    });
    expect(trend.length).toBe(15);

    // No scorer for the custom type: no data, explained, never 100 %.
    expect(agreement.objectives[1]).toMatchObject({
      attainment: null,
      status: 'no-data',
      details: {
        reason: 'No scorer is installed for objective type "x-backlog"',
      },
    });
    expect(report.status).toBe('at-risk');
  });

  it('takes the budget, the forecast and the status from the budget a scorer reports', () => {
    // 30 min down in the first day of a 30-day month at 99.9 %: 43.2 min
    // allowed, 13.2 left (30.56 %); the rate so far spends it all.
    const budgeted: ItsmObjectiveScorer = {
      objectiveType: 'availability',
      score: () => ({
        attainment: (100 * (1440 - 30)) / 1440,
        met: false,
        budget: {
          unit: 'minutes',
          allowed: 43.2,
          spent: 30,
          elapsedShare: 1 / 30,
          exhaustsAt: Date.parse('2026-11-02T10:33:36Z'),
        },
      }),
    };
    const report = buildServiceReport({
      service,
      scorers: new Map([['availability', budgeted]]),
      measurements,
      period: { kind: 'current' },
      now: new Date('2026-11-02T00:00:00Z'),
      dependencies: [],
    });
    const [availability] = report.agreements[0].objectives;
    expect(availability.status).toBe('at-risk');
    expect(availability.budget).toEqual({
      unit: 'minutes',
      allowed: 43.2,
      spent: 30,
      remaining: expect.closeTo(13.2, 9),
      remainingPercent: expect.closeTo((100 * 13.2) / 43.2, 9),
      consumedPercent: expect.closeTo((100 * 30) / 43.2, 9),
    });
    expect(availability.forecast).toMatchObject({
      alreadyExhausted: false,
      breachesBeforeEnd: true,
      exhaustedAt: '2026-11-02T10:33:36.000Z',
    });
    expect(report.agreements[0].credit.basis).toBe('projected');
  });

  it('breaches an open period only once the whole budget is spent', () => {
    const spent: ItsmObjectiveScorer = {
      objectiveType: 'availability',
      score: () => ({
        attainment: 90,
        met: false,
        budget: {
          unit: 'minutes',
          allowed: 43.2,
          spent: 43.3,
          elapsedShare: 0.5,
        },
      }),
    };
    const report = buildServiceReport({
      service,
      scorers: new Map([['availability', spent]]),
      measurements,
      period: { kind: 'current' },
      now: new Date('2026-11-16T00:00:00Z'),
      dependencies: [],
    });
    expect(report.agreements[0].objectives[0]).toMatchObject({
      status: 'breached',
      forecast: { alreadyExhausted: true },
    });
  });

  it("takes the trend from a scorer's scoreTrend when it has one", () => {
    const asked: Date[][] = [];
    const withTrend: ItsmObjectiveScorer = {
      ...fallingAvailability,
      scoreTrend: (_context, instants) => {
        asked.push(instants);
        return instants.map((_, i) => ({
          attainment: i === 0 ? null : 99 - i,
        }));
      },
    };
    const now = new Date('2026-11-04T12:00:00Z');
    const report = buildServiceReport({
      service,
      scorers: new Map([['availability', withTrend]]),
      measurements,
      period: { kind: 'current' },
      now,
      dependencies: [],
      withTrend: true,
    });
    expect(asked).toHaveLength(1);
    expect(asked[0].map(at => at.toISOString())).toEqual([
      '2026-11-02T00:00:00.000Z',
      '2026-11-03T00:00:00.000Z',
      '2026-11-04T00:00:00.000Z',
      '2026-11-04T12:00:00.000Z',
    ]);
    expect(report.agreements[0].objectives[0].trend).toEqual([
      {
        at: '2026-11-02T00:00:00.000Z',
        attainment: null,
        budgetRemainingPercent: null,
      },
      {
        at: '2026-11-03T00:00:00.000Z',
        attainment: 98,
        budgetRemainingPercent: expect.any(Number),
      },
      {
        at: '2026-11-04T00:00:00.000Z',
        attainment: 97,
        budgetRemainingPercent: expect.any(Number),
      },
      {
        at: '2026-11-04T12:00:00.000Z',
        attainment: 96,
        budgetRemainingPercent: expect.any(Number),
      },
    ]);
  });

  it('leaves the trend out unless asked for, and reports a closed month by attainment alone', () => {
    const current = buildServiceReport({
      service,
      scorers,
      measurements,
      period: { kind: 'current' },
      now: new Date('2026-11-03T00:00:00Z'),
      dependencies: [],
    });
    expect(current.agreements[0].objectives[0].trend).toBeUndefined();
    expect(current.agreements[0].objectives[0].status).toBe('met');

    const october = buildServiceReport({
      service,
      scorers,
      measurements,
      period: { kind: 'month', month: '2026-10' },
      now: new Date('2026-11-15T00:00:00Z'),
      dependencies: [],
    });
    const objective = october.agreements[0].objectives[0];
    expect(objective.status).toBe('breached');
    expect(october).toMatchObject({ closed: true, final: true });
    expect(october.agreements[0].credit).toMatchObject({
      basis: 'owed',
      direction: 'payable',
    });
    expect(objective.burnRates).toBeUndefined();
    expect(objective.forecast).toBeUndefined();
  });

  it('rolls up the availability of the dependency chain', () => {
    const report = buildServiceReport({
      service,
      scorers,
      measurements,
      period: { kind: 'current' },
      now: new Date('2026-11-01T12:00:00Z'),
      dependencies: [
        {
          entity: {
            ...service,
            metadata: { name: 'payments', namespace: 'default' },
          },
          availability: 99.9,
        },
      ],
    });
    // 99.99 % × 99.9 % = 99.89001 %.
    expect(report.composite.availability).toBeCloseTo(99.89001, 9);
    expect(report.composite.chain).toEqual([
      { service: 'itservice:default/payments', availability: 99.9 },
    ]);
  });
});
