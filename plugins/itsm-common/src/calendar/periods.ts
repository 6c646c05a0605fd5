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

import { DateTime } from 'luxon';
import type { AgreementWindow } from '../entities';

/** A measurement period, [start, end), with a label such as 2026-11. @public */
export type Period = { start: Date; end: Date; label: string };

const ROLLING_DAYS: Partial<Record<AgreementWindow, number>> = {
  'rolling-7d': 7,
  'rolling-28d': 28,
  'rolling-30d': 30,
};

const CALENDAR_UNITS = {
  'calendar-week': 'week',
  'calendar-month': 'month',
  'calendar-quarter': 'quarter',
} as const;

const LABELS: Record<
  'week' | 'month' | 'quarter',
  (start: DateTime) => string
> = {
  week: start => start.toFormat("kkkk-'W'WW"),
  month: start => start.toFormat('yyyy-MM'),
  quarter: start => `${start.year}-Q${start.quarter}`,
};

// The last calendar period computed per window and zone: a portfolio asks
// for the same few thousands of times, and luxon's zone arithmetic took a
// tenth of its time. One entry per window and zone in use.
const lastCalendarPeriods = new Map<string, Period>();

/**
 * The agreement window's period that contains `at`: calendar weeks (ISO,
 * from Monday), months and quarters in `zone`; rolling windows end at
 * `at`.
 *
 * @public
 */
export function currentPeriod(
  window: AgreementWindow,
  at: Date,
  zone: string = 'UTC',
): Period {
  const days = ROLLING_DAYS[window];
  if (days !== undefined) {
    return {
      start: new Date(at.getTime() - days * 86_400_000),
      end: at,
      label: window,
    };
  }
  const key = `${window} ${zone}`;
  const time = at.getTime();
  let period = lastCalendarPeriods.get(key);
  if (
    !period ||
    time < period.start.getTime() ||
    time >= period.end.getTime()
  ) {
    const unit = CALENDAR_UNITS[window as keyof typeof CALENDAR_UNITS];
    const start = DateTime.fromJSDate(at, { zone }).startOf(unit);
    period = {
      start: start.toJSDate(),
      end: start.plus({ [unit]: 1 }).toJSDate(),
      label: LABELS[unit](start),
    };
    lastCalendarPeriods.set(key, period);
  }
  // Copies: callers own the dates they get.
  return {
    start: new Date(period.start),
    end: new Date(period.end),
    label: period.label,
  };
}

/**
 * Whether `earlier` and `later` fall in the same period of the window:
 * always for a rolling window, which moves with time rather than starting
 * anew; for a calendar window, when neither instant is past the other's
 * period.
 *
 * @public
 */
export function samePeriod(
  window: AgreementWindow,
  earlier: Date,
  later: Date,
  zone: string = 'UTC',
): boolean {
  if (ROLLING_DAYS[window] !== undefined) return true;
  const period = currentPeriod(window, earlier, zone);
  return (
    later.getTime() >= period.start.getTime() &&
    later.getTime() < period.end.getTime()
  );
}

/**
 * A calendar month, YYYY-MM, in `zone`: the unit of SLA history and of
 * monthly reports, whatever the agreement's own window. Undefined when the
 * text is not such a month.
 *
 * @public
 */
export function monthPeriod(
  month: string,
  zone: string = 'UTC',
): Period | undefined {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) {
    return undefined;
  }
  const start = DateTime.fromFormat(month, 'yyyy-MM', { zone });
  return {
    start: start.toJSDate(),
    end: start.plus({ months: 1 }).toJSDate(),
    label: month,
  };
}

/** The months from `from` to `to` inclusive, as YYYY-MM. @public */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let month = DateTime.fromFormat(from, 'yyyy-MM', { zone: 'utc' });
  const last = DateTime.fromFormat(to, 'yyyy-MM', { zone: 'utc' });
  for (; month <= last; month = month.plus({ months: 1 })) {
    months.push(month.toFormat('yyyy-MM'));
  }
  return months;
}

/** The month before the one `at` lies in, in `zone`, as YYYY-MM. @public */
export function monthBefore(at: Date, zone: string = 'UTC'): string {
  return recentMonths(at, 1, zone)[0];
}

/**
 * The last `count` months before the one `at` lies in, in `zone`, newest
 * first, as YYYY-MM.
 *
 * @public
 */
export function recentMonths(
  at: Date,
  count: number,
  zone: string = 'UTC',
): string[] {
  const month = DateTime.fromJSDate(at, { zone }).startOf('month');
  return Array.from({ length: count }, (_, i) =>
    month.minus({ months: i + 1 }).toFormat('yyyy-MM'),
  );
}
