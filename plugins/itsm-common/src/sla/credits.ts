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
  Agreement,
  AgreementType,
  AgreementWindow,
  Credits,
  Objective,
} from '../entities';

/**
 * The service credit in percent of the period's fee: the credit of the tier
 * with the lowest `below` threshold that the attainment is strictly below,
 * capped by `cap`. Tiers may be listed in any order. 0 without credits,
 * without attainment (no data earns no credit) or when no tier applies.
 *
 * @public
 */
export function creditPercent(
  credits: Credits | undefined,
  attainment: number | null,
): number {
  if (!credits || attainment === null) {
    return 0;
  }
  const applicable = credits.tiers.filter(tier => attainment < tier.below);
  if (applicable.length === 0) {
    return 0;
  }
  const lowest = applicable.reduce((a, b) => (b.below < a.below ? b : a));
  return Math.min(lowest.credit, credits.cap ?? Infinity);
}

/**
 * The credit in money: percent of the fee, rounded half up to cents.
 * Undefined without a fee.
 *
 * @public
 */
export function creditAmount(
  percent: number,
  fee?: { amount: number; currency: string },
): { amount: number; currency: string } | undefined {
  if (!fee) {
    return undefined;
  }
  // amount × percent ÷ 100 in cents is amount × percent. Trimming to 15
  // significant digits drops binary noise, so 1.005 rounds to 1.01, not 1.00.
  const cents = Math.round(Number((fee.amount * percent).toPrecision(15)));
  return { amount: cents / 100, currency: fee.currency };
}

/**
 * The objective whose attainment decides the credits: the one named by
 * `credits.objective`, else the agreement's first availability objective.
 * Undefined when the named objective does not exist (rather than silently
 * crediting on another one) or there is no availability objective.
 *
 * @public
 */
export function creditObjective(agreement: Agreement): Objective | undefined {
  const name = agreement.credits?.objective;
  return name === undefined
    ? agreement.objectives.find(o => o.type === 'availability')
    : agreement.objectives.find(o => o.name === name);
}

// Months of fee one period of each window is worth: a year's twelve
// monthly fees spread over its 52 weeks or 365 days.
const FEE_MONTHS: Record<AgreementWindow, number> = {
  'calendar-month': 1,
  'calendar-quarter': 3,
  'calendar-week': 12 / 52,
  'rolling-7d': 12 / 52,
  'rolling-28d': (28 * 12) / 365,
  'rolling-30d': (30 * 12) / 365,
};

/**
 * The fee of one period of the agreement's window, from the monthly `fee`:
 * a month 1×, a quarter 3×, a week 12/52×, N rolling days N × 12/365×,
 * rounded half up to cents. A month report (`window` 'calendar-month')
 * takes the monthly fee whatever the agreement's own window. Undefined
 * without a fee.
 *
 * @public
 */
export function periodFee(
  fee: { amount: number; currency: string } | undefined,
  window: AgreementWindow,
): { amount: number; currency: string } | undefined {
  if (!fee) return undefined;
  return creditAmount(100 * FEE_MONTHS[window], fee);
}

/**
 * Who pays a credit: we pay our customers (SLA) and internal parties
 * (OLA); suppliers pay us (UC).
 *
 * @public
 */
export function creditDirection(type: AgreementType): 'payable' | 'receivable' {
  return type === 'UC' ? 'receivable' : 'payable';
}
