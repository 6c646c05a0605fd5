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

import type {
  AgreementReport,
  CreditTotals,
  ErrorBudgetReport,
  ItsmApi,
  ITServiceEntity,
  Money,
  ObjectiveReport,
  OpenIncident,
  PortfolioRow,
  ServiceSlaReport,
} from '@backstage-itsm/plugin-itsm-common';

/** An ITService with one SLA, as the catalog returns it. */
export const testService: ITServiceEntity = {
  apiVersion: 'itsm.backstage.io/v1alpha1',
  kind: 'ITService',
  metadata: {
    name: 'online-banking',
    namespace: 'default',
    title: 'Online Banking',
  },
  spec: {
    type: 'business',
    lifecycle: 'live',
    owner: 'group:default/digital-channels',
    customers: ['retail-customers'],
    agreements: [
      {
        name: 'retail-sla',
        type: 'SLA',
        with: 'stakeholder:default/retail-customers',
        window: 'calendar-month',
        objectives: [
          { name: 'availability', type: 'availability', target: 99.9 },
        ],
      },
    ],
  },
};

/** An availability budget in minutes: 43.2 allowed, `spent` of it spent. */
export function minutesBudget(
  spent: number,
  allowed = 43.2,
): ErrorBudgetReport {
  const remaining = allowed - spent;
  return {
    unit: 'minutes',
    allowed,
    spent,
    remaining,
    remainingPercent: (100 * remaining) / allowed,
    consumedPercent: (100 * spent) / allowed,
  };
}

/** Credit totals with only the given sums, the rest empty. */
export function testCredits(totals: {
  owed?: { payable?: Money[]; receivable?: Money[] };
  projected?: { payable?: Money[]; receivable?: Money[] };
}): CreditTotals {
  return {
    owed: {
      payable: totals.owed?.payable ?? [],
      receivable: totals.owed?.receivable ?? [],
    },
    projected: {
      payable: totals.projected?.payable ?? [],
      receivable: totals.projected?.receivable ?? [],
    },
  };
}

/**
 * A report of testService with the given objective outcome, for the current
 * (open) period unless `agreement` says otherwise: closed and final, the
 * credit's basis and direction follow.
 */
export function testReport(
  objective: Partial<ObjectiveReport>,
  agreement: Partial<Omit<AgreementReport, 'credit'>> & {
    credit?: Partial<AgreementReport['credit']>;
  } = {},
): ServiceSlaReport {
  const status = objective.status ?? 'met';
  const closed = agreement.closed ?? false;
  const final = agreement.final ?? false;
  const { credit, ...rest } = agreement;
  return {
    service: 'itservice:default/online-banking',
    title: 'Online Banking',
    period: closed ? agreement.period?.label ?? '2026-10' : 'current',
    evaluatedAt: '2026-11-25T10:00:00.000Z',
    closed,
    final,
    status,
    score: status === 'no-data' ? null : 100,
    agreements: [
      {
        name: 'retail-sla',
        type: 'SLA',
        with: 'stakeholder:default/retail-customers',
        window: 'calendar-month',
        period: {
          start: '2026-11-01T00:00:00.000Z',
          end: '2026-12-01T00:00:00.000Z',
          label: '2026-11',
        },
        status,
        ...rest,
        closed,
        final,
        credit: {
          percent: status === 'breached' ? 5 : 0,
          objective: 'availability',
          ...(status === 'breached' && {
            amount: { amount: 2400, currency: 'EUR' },
          }),
          fee: { amount: 48000, currency: 'EUR' },
          basis: closed ? 'owed' : 'projected',
          direction: 'payable',
          ...credit,
        },
        objectives: agreement.objectives ?? [
          {
            name: 'availability',
            type: 'availability',
            target: 99.9,
            attainment: 99.95,
            status,
            burnRatesApply: true,
            ...objective,
          },
        ],
      },
    ],
    atRiskIncidents: [],
    atRiskBudgetRemaining: 0.25,
    warnings: [],
    composite: { availability: objective.attainment ?? 99.95, chain: [] },
  };
}

/** A met P1 resolution objective (4 h, 95 %), with the given changes. */
export function testResolutionObjective(
  changes: Partial<ObjectiveReport> = {},
): ObjectiveReport {
  return {
    name: 'p1-resolution',
    type: 'resolution',
    priority: 'P1',
    threshold: '4h',
    target: 95,
    attainment: 100,
    status: 'met',
    burnRatesApply: false,
    ...changes,
  };
}

/** A running incident as an objective's open list shows it. */
export function testOpenIncident(
  externalId: string,
  milestone: OpenIncident['milestone'] = 'ok',
): OpenIncident {
  return {
    source: 'sn',
    externalId,
    priority: 'P1',
    openedAt: '2026-10-31T22:00:00Z',
    elapsedMinutes: 180,
    percentOfThreshold: 75,
    milestone,
  };
}

/** A portfolio row of a service, met unless changed. */
export function testRow(changes: Partial<PortfolioRow>): PortfolioRow {
  return {
    service: 'itservice:default/online-banking',
    title: 'Online Banking',
    type: 'business',
    lifecycle: 'live',
    owner: 'group:default/digital-channels',
    customers: ['stakeholder:default/retail-customers'],
    suppliers: [],
    status: 'met',
    score: 100,
    worstObjective: {
      agreement: 'retail-sla',
      objective: 'availability',
      target: 99.9,
      attainment: 99.95,
      status: 'met',
    },
    creditPercent: 0,
    credits: testCredits({}),
    evaluatedAt: '2026-11-25T10:00:00.000Z',
    ...changes,
  };
}

/** An ItsmApi whose methods fail unless a test gives them an answer. */
export function mockItsmApi(overrides: Partial<ItsmApi>): ItsmApi {
  const missing = (name: string) => () =>
    Promise.reject(new Error(`${name} was not expected in this test`));
  return new Proxy(overrides as ItsmApi, {
    get: (target, name: string) => (target as any)[name] ?? missing(name),
  });
}
