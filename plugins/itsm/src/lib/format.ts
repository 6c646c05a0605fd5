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

/*
 * Number formatting that never shows NaN, Infinity or undefined: what is
 * not a finite number reads as an em dash, with the reason in a tooltip.
 * An attainment next to its target goes through formatAttainment
 * (docs/sla-semantics.md, rule 11): a figure below its target is never
 * shown equal to or above it.
 */

import {
  ErrorBudgetReport,
  formatAttainment,
  Money,
} from '@backstage-itsm/plugin-itsm-common';

export const isNumber = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value);

/** 99.9567 → "99.957 %"; null → "—". */
export function formatPercent(
  value: number | null | undefined,
  digits = 3,
): string {
  return isNumber(value) ? `${value.toFixed(digits)} %` : '—';
}

/**
 * An attainment against its target, e.g. 99.94982 against 99.95 →
 * "99.9498 %", never "99.950 %"; null → "—". Without a known target it
 * reads like formatPercent.
 */
export function formatAttainmentPercent(
  attainment: number | null | undefined,
  target: number | null | undefined,
  digits = 3,
): string {
  return isNumber(attainment)
    ? `${formatAttainment(
        attainment,
        isNumber(target) ? target : undefined,
        digits,
      )} %`
    : '—';
}

/**
 * A target with at least `digits` decimals and as many more as it has:
 * 99.9 → "99.90 %", 99.995 → "99.995 %" (never rounded to "100.00 %").
 */
export function formatTarget(
  target: number | null | undefined,
  digits = 2,
): string {
  if (!isNumber(target)) return '—';
  for (let d = digits; d < 6; d++) {
    const text = target.toFixed(d);
    if (Number(text) === target) return `${text} %`;
  }
  return `${target.toFixed(6)} %`;
}

/** A count or quantity, e.g. 1200 → "1,200", 3.2 → "3.2", 11.336 → "11.34". */
export function formatQuantity(value: number | null | undefined): string {
  return isNumber(value)
    ? new Intl.NumberFormat('en', { maximumFractionDigits: 2 }).format(value)
    : '—';
}

const plural = (count: number, one: string, many: string) =>
  count === 1 ? one : many;

/**
 * An error budget in its own unit:
 * "11.34 min allowed, 3.2 min spent, 8.14 min left (71.8 %)";
 * "1,200 bad events allowed (projected), 300 spent";
 * "1 late incident allowed so far, 0 late; 2 more may be late this period".
 * `projected`: the period is still open, so the events it allows are
 * projected to its end.
 */
export function formatBudget(
  budget: ErrorBudgetReport,
  options: { projected: boolean },
): string {
  const { allowed, spent, remaining, remainingPercent } = budget;
  switch (budget.unit) {
    case 'minutes': {
      const left =
        isNumber(remaining) && remaining < 0
          ? `${formatQuantity(-remaining)} min over budget`
          : `${formatQuantity(remaining)} min left`;
      const share = isNumber(remainingPercent)
        ? ` (${remainingPercent.toFixed(1)} %)`
        : '';
      return `${formatQuantity(allowed)} min allowed, ${formatQuantity(
        spent,
      )} min spent, ${left}${share}`;
    }
    case 'events':
      return `${formatQuantity(allowed)} ${plural(
        allowed,
        'bad event',
        'bad events',
      )} allowed${options.projected ? ' (projected)' : ''}, ${formatQuantity(
        spent,
      )} spent`;
    case 'incidents':
      return `${formatQuantity(allowed)} late ${plural(
        allowed,
        'incident',
        'incidents',
      )} allowed so far, ${formatQuantity(spent)} late; ${formatQuantity(
        remaining,
      )} more may be late this period`;
    default:
      return `${formatQuantity(allowed)} allowed, ${formatQuantity(
        spent,
      )} spent, ${formatQuantity(remaining)} left`;
  }
}

/** 43.2 → "43 min"; 90 → "1 h 30 min"; 2000 → "1 d 9 h". */
export function formatMinutes(value: number | null | undefined): string {
  if (!isNumber(value)) return '—';
  const minutes = Math.round(value);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  if (days > 0) return hours ? `${days} d ${hours} h` : `${days} d`;
  if (hours > 0) return rest ? `${hours} h ${rest} min` : `${hours} h`;
  return `${rest} min`;
}

/** A burn rate, e.g. "2.4×"; null → "—". */
export function formatBurnRate(value: number | null | undefined): string {
  return isNumber(value) ? `${value.toFixed(value >= 10 ? 0 : 1)}×` : '—';
}

/** Money in its currency, e.g. "€2,400.00". */
export function formatMoney(amount: Money): string {
  return new Intl.NumberFormat('en', {
    style: 'currency',
    currency: amount.currency,
  }).format(amount.amount);
}

/** Sums in several currencies, e.g. "€2,400.00, $120.00"; none → `empty`. */
export function formatMoneyList(list: Money[], empty = '—'): string {
  return list.length ? list.map(formatMoney).join(', ') : empty;
}

/** An ISO instant in the viewer's locale and zone. */
export function formatInstant(iso: string | undefined): string {
  return iso
    ? new Date(iso).toLocaleString('en-GB', {
        dateStyle: 'medium',
        timeStyle: 'short',
      })
    : '—';
}

/**
 * The link target for a URL from data (an incident's url, a supplier's
 * website), or undefined unless it is http or https: data must never place
 * a javascript: or data: link on the page, whatever the backend accepted.
 */
export function httpHref(text: string | undefined): string | undefined {
  if (!text) return undefined;
  try {
    const { protocol } = new URL(text);
    return protocol === 'http:' || protocol === 'https:' ? text : undefined;
  } catch {
    return undefined;
  }
}
