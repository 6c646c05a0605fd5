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

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;
const DAY_MS = 24 * HOUR_MS;
/** The window the SRE workbook's alert windows were tuned for. */
const REFERENCE_WINDOW_MS = 30 * DAY_MS;

/**
 * One multi-window burn-rate alert: it fires when the burn rate over both
 * the long and the short look-back exceeds the threshold. The short window
 * makes the alert stop soon after the burning stops.
 *
 * @public
 */
export type BurnWindow = {
  /** Stable identifier: page-fast, page-slow, ticket-fast or ticket-slow. */
  name: string;
  longMs: number;
  shortMs: number;
  /** Burn rate that must be exceeded in both windows. */
  threshold: number;
  /** Percent (0–100) of the window's error budget spent when the long window fires at the threshold. */
  budgetShare: number;
  severity: 'page' | 'ticket';
};

const REFERENCE_BURN_WINDOWS: BurnWindow[] = [
  {
    name: 'page-fast',
    longMs: HOUR_MS,
    shortMs: 5 * MINUTE_MS,
    threshold: 14.4,
    budgetShare: 2,
    severity: 'page',
  },
  {
    name: 'page-slow',
    longMs: 6 * HOUR_MS,
    shortMs: 30 * MINUTE_MS,
    threshold: 6,
    budgetShare: 5,
    severity: 'page',
  },
  {
    name: 'ticket-fast',
    longMs: DAY_MS,
    shortMs: 2 * HOUR_MS,
    threshold: 3,
    budgetShare: 10,
    severity: 'ticket',
  },
  {
    name: 'ticket-slow',
    longMs: 3 * DAY_MS,
    shortMs: 6 * HOUR_MS,
    threshold: 1,
    budgetShare: 10,
    severity: 'ticket',
  },
];

/**
 * The Google SRE workbook's multi-window burn-rate alerts for a 30-day
 * window: 14.4 over 1 h and 5 min (2 % of the budget) and 6 over 6 h and
 * 30 min (5 %) page; 3 over 1 d and 2 h (10 %) and 1 over 3 d and 6 h (10 %)
 * open a ticket. For another window length the look-backs are scaled by
 * windowMs ÷ 30 days and rounded to whole milliseconds; thresholds and
 * budget shares stay the same, because the share of the budget a burn rate
 * spends depends only on the look-back's fraction of the window.
 *
 * @public
 */
export function burnWindows(windowMs: number): BurnWindow[] {
  // Multiply before dividing so whole-day windows scale exactly.
  const scale = (ms: number) =>
    Math.round((ms * windowMs) / REFERENCE_WINDOW_MS);
  return REFERENCE_BURN_WINDOWS.map(window => ({
    ...window,
    longMs: scale(window.longMs),
    shortMs: scale(window.shortMs),
  }));
}

const allowedShares = new Map<number, number>();

/**
 * The share of events or time a target allows to fail, (100 − target) ÷
 * 100, without the binary noise of the subtraction: targets are decimals
 * people write, so 99.9 allows exactly 0.001, not 0.000999999999999943.
 *
 * @public
 */
export function allowedFailureShare(target: number): number {
  let share = allowedShares.get(target);
  if (share === undefined) {
    share = Number(((100 - target) / 100).toPrecision(12));
    // Targets are the few an organisation writes; asked for once per
    // objective and burn-rate window of every service a report scores.
    if (allowedShares.size < 1000) allowedShares.set(target, share);
  }
  return share;
}

/**
 * The fraction of the error budget left: ((1 − t) − errorRatio) ÷ (1 − t)
 * with errorRatio = 1 − attainment/100; 1 is untouched, 0 is spent exactly,
 * negative is overspent (−0.5: half a budget too much). A target of 100 %
 * has no budget: the result is 1 without errors and −1 with any, so that
 * callers never see a division by zero or an infinity.
 *
 * @public
 */
export function budgetRemaining(target: number, attainment: number): number {
  // (1 − t) − (1 − a) = a − t; computing in percent avoids one rounding step.
  const allowed = 100 - target;
  if (allowed <= 0) {
    return attainment >= 100 ? 1 : -1;
  }
  return (attainment - target) / allowed;
}

/**
 * The burn rate: errorRatio ÷ (1 − target/100), where the attainment is the
 * one measured over the look-back window. A burn rate of 1 spends exactly
 * the budget over the agreement's window. Never negative. A target of 100 %
 * has no budget: 0 without errors, Infinity with any (so every alert fires).
 *
 * @public
 */
export function burnRate(target: number, attainment: number): number {
  // Attainment may come out a hair above 100 from floating point sums.
  const errors = Math.max(0, 100 - attainment);
  const allowed = 100 - target;
  if (allowed <= 0) {
    return errors > 0 ? Infinity : 0;
  }
  return errors / allowed;
}

/** A firing burn-rate alert with the burn rates that triggered it. @public */
export type BurnAlert = {
  name: string;
  severity: 'page' | 'ticket';
  threshold: number;
  longBurnRate: number;
  shortBurnRate: number;
};

/**
 * The alerts that fire: those whose long and short windows both have a burn
 * rate strictly above the threshold. `burnRateOver` gives the burn rate over
 * the last `lookbackMs`, or undefined when there is no data, and a window
 * without data on either look-back does not fire.
 *
 * @public
 */
export function firingBurnAlerts(
  windows: BurnWindow[],
  burnRateOver: (lookbackMs: number) => number | undefined,
): BurnAlert[] {
  return windows.flatMap(window => {
    const longBurnRate = burnRateOver(window.longMs);
    const shortBurnRate = burnRateOver(window.shortMs);
    if (
      longBurnRate === undefined ||
      shortBurnRate === undefined ||
      longBurnRate <= window.threshold ||
      shortBurnRate <= window.threshold
    ) {
      return [];
    }
    const { name, severity, threshold } = window;
    return [{ name, severity, threshold, longBurnRate, shortBurnRate }];
  });
}

/** The outcome of {@link forecastBudget}. @public */
export type BudgetForecast = {
  /** More than the whole period's budget is spent: the period cannot be met. */
  alreadyExhausted: boolean;
  /** At the rate so far, more than the budget is spent by the period's end. */
  breachesBeforeEnd: boolean;
  /** What is spent by the end at the rate so far. */
  projectedSpent: number;
};

/**
 * Forecasts the budget of a whole period: spending goes on at the rate so
 * far, measured on the objective's own time base (agreed time for
 * availability), so `spent ÷ elapsedShare` is spent by the end. Spending
 * exactly the budget still meets the target. Nothing is extrapolated before
 * any of the period has passed.
 *
 * @public
 */
export function forecastBudget(input: {
  allowed: number;
  spent: number;
  /** The share of the period passed, 0–1. */
  elapsedShare: number;
}): BudgetForecast {
  const { allowed, spent, elapsedShare } = input;
  const projectedSpent = elapsedShare > 0 ? spent / elapsedShare : spent;
  return {
    alreadyExhausted: spent > allowed,
    breachesBeforeEnd: spent > allowed || projectedSpent > allowed,
    projectedSpent,
  };
}

/**
 * The share of a budget left, (allowed − spent) ÷ allowed: 1 untouched, 0
 * spent exactly, negative overspent. A budget of nothing (a 100 % target)
 * is 1 while nothing is spent and −1 after.
 *
 * @public
 */
export function budgetShareLeft(allowed: number, spent: number): number {
  if (allowed <= 0) return spent > 0 ? -1 : 1;
  return (allowed - spent) / allowed;
}

/** Where an objective stands. @public */
export type ObjectiveStatus = 'met' | 'at-risk' | 'breached' | 'no-data';

/**
 * The share of its error budget below which an open objective is at risk,
 * unless `itsm.atRiskBudgetRemaining` says otherwise.
 *
 * @public
 */
export const DEFAULT_AT_RISK_BUDGET_REMAINING = 0.25;

/**
 * The status of an objective (docs/sla-semantics.md, rule 1), by the first
 * rule that applies:
 *
 * 1. no-data: attainment is null.
 * 2. A closed period: met at or above target, else breached.
 * 3. An open period: breached only when it can no longer be met
 *    (`exhausted`: the whole period's budget is spent).
 * 4. at-risk: attainment below target, budgetRemaining (share of the whole
 *    period's budget) below atRiskRemaining (default 0.25), a page-severity
 *    burn alert firing, or the forecast spending the budget before the end.
 * 5. met.
 *
 * @public
 */
export function objectiveStatus(input: {
  target: number;
  attainment: number | null;
  closed: boolean;
  exhausted?: boolean;
  budgetRemaining?: number;
  pageAlertFiring?: boolean;
  forecastBreaches?: boolean;
  atRiskRemaining?: number;
}): ObjectiveStatus {
  const { target, attainment, budgetRemaining: remaining } = input;
  if (attainment === null) {
    return 'no-data';
  }
  if (input.closed) {
    return attainment >= target ? 'met' : 'breached';
  }
  if (input.exhausted) {
    return 'breached';
  }
  if (
    attainment < target ||
    (remaining !== undefined &&
      remaining <
        (input.atRiskRemaining ?? DEFAULT_AT_RISK_BUDGET_REMAINING)) ||
    input.pageAlertFiring ||
    input.forecastBreaches
  ) {
    return 'at-risk';
  }
  return 'met';
}

// Worst first. no-data ranks above met: an unmeasured objective must not
// let an agreement look healthy.
const SEVERITY: ObjectiveStatus[] = ['breached', 'at-risk', 'no-data', 'met'];

/**
 * The worst of several statuses, in the order breached, at-risk, no-data,
 * met: one unmeasured objective makes an otherwise met agreement no-data,
 * and an agreement whose objectives are all no-data is no-data. An empty
 * list is no-data, as there is nothing to measure.
 *
 * @public
 */
export function worstStatus(statuses: ObjectiveStatus[]): ObjectiveStatus {
  return SEVERITY.find(status => statuses.includes(status)) ?? 'no-data';
}
