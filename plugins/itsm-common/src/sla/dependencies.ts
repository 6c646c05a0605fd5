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

import { entityRefKey } from '../refs';
import { DateTime } from 'luxon';
import type {
  Agreement,
  AgreementWindow,
  ITServiceEntity,
  Objective,
  ServiceHours,
  Weekday,
} from '../entities';
import { parseDuration } from '../validation/duration';

/**
 * The availability of services in series, all needed: the product of their
 * availabilities, in percent. No services, nothing to fail: 100.
 *
 * @public
 */
export function seriesAvailability(availabilities: number[]): number {
  return availabilities.reduce((product, a) => (product * a) / 100, 100);
}

/**
 * The availability of redundant services, any one enough:
 * 1 − Π(1 − a), in percent. No services, nothing to serve: 0.
 *
 * @public
 */
export function parallelAvailability(availabilities: number[]): number {
  const allDown = availabilities.reduce(
    (product, a) => (product * (100 - a)) / 100,
    100,
  );
  return 100 - allDown;
}

/**
 * An OLA or UC objective less strict than the SLA objective it underpins,
 * compared like with like: on the same clock and per the same window.
 *
 * @public
 */
export type StrictnessWarning = {
  sla: string;
  objective: string;
  underpinning: {
    /** Entity ref (lower case) of the service carrying the OLA or UC. */
    service: string;
    agreement: string;
    type: 'OLA' | 'UC';
    objective: string;
  };
  slaTarget: number;
  underpinningTarget: number;
  /**
   * Why, in the order the message gives them: `lower-target`;
   * `longer-threshold`; `fewer-hours`, its clock runs on fewer hours than
   * the SLA's (service hours under a 24x7 SLA, weekly hours or holidays
   * that leave out time the SLA counts); `longer-window`, its agreement's
   * window is longer, so that a whole window's allowance may fall into one
   * window of the SLA.
   */
  reasons: Array<
    'lower-target' | 'longer-threshold' | 'fewer-hours' | 'longer-window'
  >;
  /** Both objectives with target, threshold, window and clock, and every reason in words. */
  message: string;
};

type Reason = StrictnessWarning['reasons'][number];

type Underpinning = Agreement & { type: 'OLA' | 'UC' };

/** An agreement with the service that carries it. */
type Carried<A extends Agreement> = {
  entity: ITServiceEntity;
  service: string;
  agreement: A;
};

const isUnderpinning = (agreement: Agreement): agreement is Underpinning =>
  agreement.type === 'OLA' || agreement.type === 'UC';

// Objectives promise the same thing when of one type and, for incident
// objectives, one priority; SLIs also need the same indicator.
function sameKind(a: Objective, b: Objective): boolean {
  if (a.type !== b.type) {
    return false;
  }
  if (a.type === 'response' || a.type === 'resolution') {
    return a.priority === b.priority;
  }
  return a.type !== 'sli' || a.indicator === b.indicator;
}

/** The clock an objective runs on, its default resolved. */
type Clock = { kind: '24x7' } | { kind: 'service-hours'; hours: ServiceHours };

/**
 * An objective's own calendar; by default service hours when the service
 * carrying its agreement has them, else 24x7. Service hours on a service
 * without them are 24x7, as the scorers count them.
 */
function clockOf(entity: ITServiceEntity, objective: Objective): Clock {
  const hours = entity.spec.serviceHours;
  return hours && objective.calendar !== '24x7'
    ? { kind: 'service-hours', hours }
    : { kind: '24x7' };
}

/** A span of time [start, end), in epoch milliseconds. */
type Span = { start: number; end: number };

const HOUR_MS = 3_600_000;

// Weekly hours are compared on the minutes of one reference week, from
// Monday 2026-01-05 00:00 UTC, each zone's intervals converted with that
// week's offsets.
const REFERENCE_WEEK: Span = {
  start: Date.UTC(2026, 0, 5),
  end: Date.UTC(2026, 0, 12),
};

// Indexed by Luxon's weekday − 1: Monday first.
const WEEKDAYS: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** The instant of local 'HH:mm' on a local day; '24:00' is the next midnight. */
function timeOn(day: DateTime, time: string): number {
  const match = /^(\d\d):(\d\d)$/.exec(time);
  if (!match) {
    return NaN;
  }
  const [hour, minute] = [Number(match[1]), Number(match[2])];
  return hour === 24
    ? day.plus({ days: 1 }).toMillis()
    : day.set({ hour, minute }).toMillis();
}

/**
 * The service hours that meet `range`, clipped to it, unsorted; holidays
 * left out when `observeHolidays`.
 */
function hoursSpans(
  hours: ServiceHours,
  range: Span,
  observeHolidays: boolean,
): Span[] {
  const first = DateTime.fromMillis(range.start, {
    zone: hours.timezone,
  }).startOf('day');
  if (!first.isValid) {
    return [];
  }
  const holidays = new Set(
    observeHolidays ? (hours.holidays ?? []).map(h => h.date) : [],
  );
  const spans: Span[] = [];
  for (
    let day = first;
    day.toMillis() < range.end;
    day = day.plus({ days: 1 })
  ) {
    if (holidays.has(day.toISODate() ?? '')) {
      continue;
    }
    const weekday = WEEKDAYS[day.weekday - 1];
    for (const interval of hours.intervals) {
      if (interval.days.includes(weekday)) {
        const start = Math.max(timeOn(day, interval.start), range.start);
        const end = Math.min(timeOn(day, interval.end), range.end);
        if (start < end) {
          spans.push({ start, end });
        }
      }
    }
  }
  return spans;
}

/** The time inside `range` that a clock counts. */
function clockSpans(clock: Clock, range: Span, observeHolidays: boolean) {
  return clock.kind === '24x7'
    ? [range]
    : hoursSpans(clock.hours, range, observeHolidays);
}

/** Sorted and disjoint. */
function merge(spans: Span[]): Span[] {
  const merged: Span[] = [];
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) {
      last.end = Math.max(last.end, span.end);
    } else {
      merged.push({ ...span });
    }
  }
  return merged;
}

const total = (spans: Span[]) =>
  merge(spans).reduce((sum, span) => sum + span.end - span.start, 0);

/** How much of the time in `a` the time in `b` covers. */
function overlap(a: Span[], b: Span[]): number {
  const others = merge(b);
  return merge(a).reduce(
    (sum, x) =>
      others.reduce(
        (s, y) =>
          s + Math.max(0, Math.min(x.end, y.end) - Math.max(x.start, y.start)),
        sum,
      ),
    0,
  );
}

const hoursText = (ms: number) => String(Number((ms / HOUR_MS).toFixed(2)));

function listText(items: string[], shown = 3): string {
  const more = items.length - shown;
  return more > 0
    ? `${items.slice(0, shown).join(', ')} and ${more} more`
    : items.join(', ');
}

/**
 * Why the underpinning's clock runs on fewer hours than the SLA's, in
 * words; none when it counts all the time the SLA counts. Weekly hours are
 * compared on the reference week; a holiday of the underpinning counts
 * when the SLA's clock runs on that day while the underpinning's weekly
 * hours would have.
 */
function fewerHours(sla: Clock, underpinning: Clock): string[] {
  if (underpinning.kind === '24x7') {
    return [];
  }
  const { hours } = underpinning;
  const needed = clockSpans(sla, REFERENCE_WEEK, false);
  const covered = overlap(needed, hoursSpans(hours, REFERENCE_WEEK, false));
  const weekGap = covered < total(needed);
  const holidays = [...new Set((hours.holidays ?? []).map(h => h.date))]
    .filter(date => {
      const start = DateTime.fromISO(date, { zone: hours.timezone });
      if (!start.isValid) {
        return false;
      }
      const day = {
        start: start.toMillis(),
        end: start.plus({ days: 1 }).toMillis(),
      };
      return (
        overlap(clockSpans(sla, day, true), hoursSpans(hours, day, false)) > 0
      );
    })
    .sort();
  if (sla.kind === '24x7') {
    return weekGap || holidays.length > 0
      ? ['service hours instead of 24x7']
      : [];
  }
  return [
    ...(weekGap
      ? [
          `service hours cover ${hoursText(covered)} of the SLA's ${hoursText(
            total(needed),
          )} hours a week`,
        ]
      : []),
    ...(holidays.length > 0
      ? [`holidays ${listText(holidays)} on which the SLA's clock runs`]
      : []),
  ];
}

/**
 * Lengths of the windows in days; rolling 30 days and calendar months are
 * one length, and so are weeks.
 */
const WINDOW_DAYS: Record<AgreementWindow, number> = {
  'calendar-week': 7,
  'rolling-7d': 7,
  'rolling-28d': 28,
  'rolling-30d': 30,
  'calendar-month': 30,
  'calendar-quarter': 91,
};

/**
 * Whether the underpinning's longer window makes its target weaker: all
 * the shortfall its window allows may fall into one window of the SLA,
 * which then attains 100 − (100 − target) × its window ÷ the SLA's. With
 * the same target below 100 that is always below the SLA's target; a
 * higher target may make up for the longer window.
 */
function longerWindow(
  sla: { agreement: Agreement; objective: Objective },
  underpinning: { agreement: Agreement; objective: Objective },
): boolean {
  const ratio =
    WINDOW_DAYS[underpinning.agreement.window] /
    WINDOW_DAYS[sla.agreement.window];
  const worst = 100 - (100 - underpinning.objective.target) * ratio;
  return ratio > 1 && worst < sla.objective.target - 1e-9;
}

function clockText(clock: Clock): string {
  if (clock.kind === '24x7') {
    return '24x7';
  }
  const { intervals, timezone, holidays } = clock.hours;
  const weekly =
    intervals
      .map(i => `${dayText(i.days)} ${i.start}–${i.end}`)
      .join(' and ') || 'none';
  const off = new Set((holidays ?? []).map(h => h.date)).size;
  return `service hours ${weekly} ${timezone}${
    off > 0 ? ` except ${off} holiday${off === 1 ? '' : 's'}` : ''
  }`;
}

/** Weekdays as runs, e.g. Mon–Fri or Mon, Wed–Thu. */
function dayText(days: Weekday[]): string {
  const indices = [...new Set(days.map(d => WEEKDAYS.indexOf(d)))]
    .filter(i => i >= 0)
    .sort((a, b) => a - b);
  const runs: number[][] = [];
  for (const i of indices) {
    const run = runs[runs.length - 1];
    if (run && run[run.length - 1] === i - 1) {
      run.push(i);
    } else {
      runs.push([i]);
    }
  }
  const name = (i: number) =>
    WEEKDAYS[i].charAt(0).toLocaleUpperCase('en-US') + WEEKDAYS[i].slice(1);
  return runs
    .map(run =>
      run.length === 1
        ? name(run[0])
        : `${name(run[0])}–${name(run[run.length - 1])}`,
    )
    .join(', ');
}

type Side = { agreement: Agreement; objective: Objective; clock: Clock };

const summary = ({ agreement, objective, clock }: Side) =>
  `"${objective.name}" (${objective.target} %${
    objective.threshold ? ` within ${objective.threshold}` : ''
  } per ${agreement.window}, ${clockText(clock)})`;

/** Every way the underpinning is weaker: a code and its words. */
function looser(sla: Side, underpinning: Side): Array<[Reason, string]> {
  const reasons: Array<[Reason, string]> = [];
  const s = sla.objective;
  const u = underpinning.objective;
  if (u.target < s.target) {
    reasons.push([
      'lower-target',
      `lower target (${u.target} % instead of ${s.target} %)`,
    ]);
  }
  const slaMs = s.threshold && parseDuration(s.threshold);
  const underpinningMs = u.threshold && parseDuration(u.threshold);
  if (slaMs && underpinningMs && underpinningMs > slaMs) {
    reasons.push([
      'longer-threshold',
      `longer threshold (${u.threshold} instead of ${s.threshold})`,
    ]);
  }
  const hours = fewerHours(sla.clock, underpinning.clock);
  if (hours.length > 0) {
    reasons.push([
      'fewer-hours',
      `measured on fewer hours (${hours.join(' and ')})`,
    ]);
  }
  if (longerWindow(sla, underpinning)) {
    reasons.push([
      'longer-window',
      `longer window (${underpinning.agreement.window} instead of ${sla.agreement.window})`,
    ]);
  }
  return reasons;
}

function compare(
  sla: Carried<Agreement>,
  objective: Objective,
  underpinning: Carried<Underpinning>,
  other: Objective,
): StrictnessWarning[] {
  const slaSide: Side = {
    agreement: sla.agreement,
    objective,
    clock: clockOf(sla.entity, objective),
  };
  const underpinningSide: Side = {
    agreement: underpinning.agreement,
    objective: other,
    clock: clockOf(underpinning.entity, other),
  };
  const reasons = looser(slaSide, underpinningSide);
  if (reasons.length === 0) {
    return [];
  }
  const { service, agreement } = underpinning;
  return [
    {
      sla: sla.agreement.name,
      objective: objective.name,
      underpinning: {
        service,
        agreement: agreement.name,
        type: agreement.type,
        objective: other.name,
      },
      slaTarget: objective.target,
      underpinningTarget: other.target,
      reasons: reasons.map(([code]) => code),
      message:
        `${agreement.type} "${
          agreement.name
        }" of ${service} objective ${summary(underpinningSide)} ` +
        `is less strict than SLA "${sla.agreement.name}" objective ${summary(
          slaSide,
        )}: ` +
        `${reasons.map(([, words]) => words).join('; ')}`,
    },
  ];
}

/**
 * ITIL: an OLA or UC that underpins an SLA must be at least as strict as
 * the SLA. Compares every objective of the service's SLAs with the OLA and
 * UC objectives on the service itself and on the given services it depends
 * on, pairing objectives of the same type (response and resolution: the
 * same priority; sli: the same indicator), like with like. Warns when the
 * underpinning target is lower, its threshold longer, its clock runs on
 * fewer hours (each objective on its own calendar, by default the service
 * hours of the service carrying its agreement: service hours are fewer than
 * 24x7, and service hours are fewer than others when they leave out some of
 * their weekly time or have holidays the other's clock runs on) or its
 * agreement's window is longer with a target that does not make up for it.
 * One warning per pair, its message naming both agreements and objectives
 * with their targets, thresholds, windows and clocks, and every reason.
 *
 * @public
 */
export function underpinningWarnings(
  service: ITServiceEntity,
  dependencies: ITServiceEntity[],
): StrictnessWarning[] {
  const refOf = (entity: ITServiceEntity) => entityRefKey(entity);
  // A service listed among its own dependencies must not warn twice.
  const entities = [service, ...dependencies].filter(
    (entity, i, all) => all.findIndex(e => refOf(e) === refOf(entity)) === i,
  );
  const underpinnings = entities.flatMap(entity =>
    (entity.spec.agreements ?? [])
      .filter(isUnderpinning)
      .map(agreement => ({ entity, service: refOf(entity), agreement })),
  );
  const slas = (service.spec.agreements ?? [])
    .filter(a => a.type === 'SLA')
    .map(agreement => ({
      entity: service,
      service: refOf(service),
      agreement,
    }));
  return slas.flatMap(sla =>
    sla.agreement.objectives.flatMap(objective =>
      underpinnings.flatMap(underpinning =>
        underpinning.agreement.objectives
          .filter(other => sameKind(objective, other))
          .flatMap(other => compare(sla, objective, underpinning, other)),
      ),
    ),
  );
}
