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
 * Number formatting for the user's language that never shows NaN, Infinity
 * or undefined: what is not a finite number reads as an em dash, with the
 * reason in a tooltip. An attainment next to its target goes through
 * formatAttainment (docs/sla-semantics.md, rule 11): a figure below its
 * target is never shown equal to or above it.
 */

import {
  ErrorBudgetReport,
  formatAttainment,
  Money,
} from '@backstage-itsm/plugin-itsm-common';
import type { ItsmTranslation } from '../translation';

export const isNumber = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value);

/** What a missing or non-finite number reads as. */
const NO_VALUE = '—';

/**
 * The locale for dates: plain English keeps the day-before-month dates
 * ("3 Nov") the plugin has always shown; any other language, or English of
 * a given region, uses its own.
 */
export const dateLocale = (locale: string) =>
  locale === 'en' ? 'en-GB' : locale;

/**
 * The formatters of one language: `locale` formats the numbers, `t` gives
 * the words and units around them. Components get them from useFormat().
 */
export function createFormat(t: ItsmTranslation, locale: string) {
  const numberFormats = new Map<string, Intl.NumberFormat>();
  const numberFormat = (options: Intl.NumberFormatOptions) => {
    const key = JSON.stringify(options);
    let format = numberFormats.get(key);
    if (!format) {
      format = new Intl.NumberFormat(locale, options);
      numberFormats.set(key, format);
    }
    return format;
  };

  /**
   * A figure as toFixed wrote it ("99.9498", "-0.0") in the locale's digits
   * and separators, with the same decimals: the rounding stays toFixed's,
   * English reads exactly as before, and grouping stays off as it was.
   */
  const localizeFixed = (text: string) => {
    const decimals = text.split('.')[1]?.length ?? 0;
    return numberFormat({
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
      useGrouping: false,
    }).format(Number(text));
  };

  const percentOf = (text: string) =>
    t('format.percent', { value: localizeFixed(text) });

  /** A number with a fixed number of decimals, e.g. a score: 64.7 → "65". */
  function formatNumber(value: number | null | undefined, digits = 0): string {
    return isNumber(value) ? localizeFixed(value.toFixed(digits)) : NO_VALUE;
  }

  /** 99.9567 → "99.957 %"; null → "—". */
  function formatPercent(value: number | null | undefined, digits = 3): string {
    return isNumber(value) ? percentOf(value.toFixed(digits)) : NO_VALUE;
  }

  /**
   * An attainment against its target, e.g. 99.94982 against 99.95 →
   * "99.9498 %", never "99.950 %"; null → "—". Without a known target it
   * reads like formatPercent.
   */
  function formatAttainmentPercent(
    attainment: number | null | undefined,
    target: number | null | undefined,
    digits = 3,
  ): string {
    return isNumber(attainment)
      ? percentOf(
          formatAttainment(
            attainment,
            isNumber(target) ? target : undefined,
            digits,
          ),
        )
      : NO_VALUE;
  }

  /**
   * A target with at least `digits` decimals and as many more as it has:
   * 99.9 → "99.90 %", 99.995 → "99.995 %" (never rounded to "100.00 %").
   */
  function formatTarget(target: number | null | undefined, digits = 2): string {
    if (!isNumber(target)) return NO_VALUE;
    for (let d = digits; d < 6; d++) {
      const text = target.toFixed(d);
      if (Number(text) === target) return percentOf(text);
    }
    return percentOf(target.toFixed(6));
  }

  /** A chart tick as JavaScript writes it, in the locale: 99.925 → "99.925". */
  function formatDecimal(value: number): string {
    return isNumber(value)
      ? numberFormat({ maximumFractionDigits: 10, useGrouping: false }).format(
          value,
        )
      : NO_VALUE;
  }

  /** A count or quantity, e.g. 1200 → "1,200", 3.2 → "3.2", 11.336 → "11.34". */
  function formatQuantity(value: number | null | undefined): string {
    return isNumber(value)
      ? numberFormat({ maximumFractionDigits: 2 }).format(value)
      : NO_VALUE;
  }

  /**
   * An error budget in its own unit:
   * "11.34 min allowed, 3.2 min spent, 8.14 min left (71.8 %)";
   * "1,200 bad events allowed (projected), 300 spent";
   * "1 late incident allowed so far, 0 late; 2 more may be late this period".
   * `projected`: the period is still open, so the events it allows are
   * projected to its end.
   */
  function formatBudget(
    budget: ErrorBudgetReport,
    options: { projected: boolean },
  ): string {
    const { allowed, spent, remaining, remainingPercent } = budget;
    // The plural form follows the number allowed; a missing one reads as many.
    const count = isNumber(allowed) ? allowed : 0;
    const figures = {
      allowed: formatQuantity(allowed),
      spent: formatQuantity(spent),
      remaining: formatQuantity(remaining),
    };
    switch (budget.unit) {
      case 'minutes': {
        const over = isNumber(remaining) && remaining < 0;
        const minutes = formatQuantity(over ? -remaining : remaining);
        let left: string;
        if (isNumber(remainingPercent)) {
          const percent = formatPercent(remainingPercent, 1);
          left = over
            ? t('budget.minutesOverShare', { minutes, percent })
            : t('budget.minutesLeftShare', { minutes, percent });
        } else {
          left = over
            ? t('budget.minutesOver', { minutes })
            : t('budget.minutesLeft', { minutes });
        }
        return t('budget.minutes', {
          allowed: figures.allowed,
          spent: figures.spent,
          left,
        });
      }
      case 'events':
        return options.projected
          ? t('budget.eventsProjected', { count, ...figures })
          : t('budget.events', { count, ...figures });
      case 'incidents':
        return t('budget.incidents', { count, ...figures });
      default:
        return t('budget.other', figures);
    }
  }

  /** 43.2 → "43 min"; 90 → "1 h 30 min"; 2000 → "1 d 9 h". */
  function formatMinutes(value: number | null | undefined): string {
    if (!isNumber(value)) return NO_VALUE;
    const total = Math.round(value);
    const days = Math.floor(total / 1440);
    const hours = Math.floor((total % 1440) / 60);
    const minutes = total % 60;
    const n = (part: number) => formatNumber(part);
    if (days > 0) {
      return hours
        ? t('format.daysHours', { days: n(days), hours: n(hours) })
        : t('format.days', { days: n(days) });
    }
    if (hours > 0) {
      return minutes
        ? t('format.hoursMinutes', { hours: n(hours), minutes: n(minutes) })
        : t('format.hours', { hours: n(hours) });
    }
    return t('format.minutes', { minutes: n(minutes) });
  }

  /** A burn rate, e.g. "2.4×"; null → "—". */
  function formatBurnRate(value: number | null | undefined): string {
    return isNumber(value)
      ? t('format.burnRate', {
          value: localizeFixed(value.toFixed(value >= 10 ? 0 : 1)),
        })
      : NO_VALUE;
  }

  /** Money in its currency, e.g. "€2,400.00". */
  function formatMoney(amount: Money): string {
    return numberFormat({
      style: 'currency',
      currency: amount.currency,
    }).format(amount.amount);
  }

  /** Sums in several currencies, e.g. "€2,400.00, $120.00"; none → `empty`. */
  function formatMoneyList(list: Money[], empty = NO_VALUE): string {
    return list.length ? list.map(formatMoney).join(', ') : empty;
  }

  const formatDate = (
    iso: string | undefined,
    options: Intl.DateTimeFormatOptions,
  ) => {
    const date = iso ? new Date(iso) : undefined;
    // An unparsable date reads as the dash too, not as "Invalid Date".
    return date && isNumber(date.getTime())
      ? date.toLocaleString(dateLocale(locale), options)
      : NO_VALUE;
  };

  /** An ISO instant in the viewer's language and zone. */
  function formatInstant(iso: string | undefined): string {
    return formatDate(iso, { dateStyle: 'medium', timeStyle: 'short' });
  }

  /** The day of an ISO instant, e.g. "3 Nov", for chart axes. */
  function formatDay(iso: string): string {
    return formatDate(iso, { day: 'numeric', month: 'short' });
  }

  return {
    locale,
    formatNumber,
    formatDecimal,
    formatPercent,
    formatAttainmentPercent,
    formatTarget,
    formatQuantity,
    formatBudget,
    formatMinutes,
    formatBurnRate,
    formatMoney,
    formatMoneyList,
    formatInstant,
    formatDay,
  };
}

/** The formatters of one language, see createFormat. */
export type ItsmFormat = ReturnType<typeof createFormat>;

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
