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

/**
 * The error budget of an objective over a window, in milliseconds:
 * (1 − target/100) × windowMs. 99.9 % over 30 days is 43.2 minutes.
 *
 * @public
 */
export function errorBudgetMs(target: number, windowMs: number): number {
  return ((100 - target) / 100) * windowMs;
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

/** The outcome of {@link forecastBreach}. @public */
export type BreachForecast = {
  /** The budget of the whole period is already spent. */
  alreadyExhausted: boolean;
  /** The objective will miss its target by the end of the period at the current rate. */
  breachesBeforeEnd: boolean;
  /** When the budget runs out, if that is after now and before the period ends. */
  exhaustedAt?: number;
  /** Attainment at the end of the period if the error ratio stays the same. */
  projectedAttainment: number;
};

/**
 * Forecasts when the error budget of the period runs out at the current
 * burn rate. The budget is (1 − t) × periodMs; the time-equivalent spent so
 * far is errorRatio × elapsedMs, and spending goes on at that rate
 * (errorRatio per elapsed millisecond), so the budget is gone
 * (1 − t) × periodMs ÷ errorRatio after the start of the period.
 *
 * When the budget is already spent, the result has alreadyExhausted and
 * breachesBeforeEnd set and no exhaustedAt: the moment lies in the past and
 * the measurements do not tell exactly when. At or above target, or before
 * any time has elapsed, nothing is forecast to break. The projected
 * attainment is the attainment so far, as the same error ratio is assumed
 * for the rest of the period; exhaustedAt is rounded to a whole millisecond.
 *
 * @public
 */
export function forecastBreach(input: {
  target: number;
  attainment: number;
  elapsedMs: number;
  periodMs: number;
  now: number;
}): BreachForecast {
  const { target, attainment, elapsedMs, periodMs, now } = input;
  const healthy = {
    alreadyExhausted: false,
    breachesBeforeEnd: false,
    projectedAttainment: attainment,
  };
  // At or above target the same error ratio spends at most the budget by the
  // end; comparing percentages keeps that edge exact.
  if (attainment >= target || elapsedMs <= 0) {
    return healthy;
  }
  const errorRatio = (100 - attainment) / 100;
  const budget = errorBudgetMs(target, periodMs);
  if (errorRatio * elapsedMs >= budget) {
    return { ...healthy, alreadyExhausted: true, breachesBeforeEnd: true };
  }
  const exhaustedAfterStart = budget / errorRatio;
  return {
    ...healthy,
    breachesBeforeEnd: true,
    exhaustedAt: Math.round(now + exhaustedAfterStart - elapsedMs),
  };
}

/** Where an objective stands. @public */
export type ObjectiveStatus = 'met' | 'at-risk' | 'breached' | 'no-data';

/**
 * The status of an objective, by the first rule that applies:
 *
 * 1. no-data: attainment is null.
 * 2. breached: attainment is below target and either the period is closed
 *    (pass no budgetRemaining) or the budget is exhausted (budgetRemaining ≤ 0).
 * 3. at-risk: attainment is below target with budget left, budgetRemaining
 *    is below atRiskRemaining (default 0.25), a page-severity burn alert
 *    fires, or the forecast breaches before the end of the period.
 * 4. met.
 *
 * For an open period pass budgetRemaining measured against the whole
 * period's budget, so that a bad start is at-risk rather than breached.
 *
 * @public
 */
export function objectiveStatus(input: {
  target: number;
  attainment: number | null;
  budgetRemaining?: number;
  pageAlertFiring?: boolean;
  forecastBreaches?: boolean;
  atRiskRemaining?: number;
}): ObjectiveStatus {
  const { target, attainment, budgetRemaining: remaining } = input;
  if (attainment === null) {
    return 'no-data';
  }
  const belowTarget = attainment < target;
  if (belowTarget && (remaining === undefined || remaining <= 0)) {
    return 'breached';
  }
  if (
    belowTarget ||
    (remaining !== undefined && remaining < (input.atRiskRemaining ?? 0.25)) ||
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
