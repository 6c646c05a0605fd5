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

import {
  agreedIntervals,
  allowedFailureShare,
  Interval,
  intersectIntervals,
  maintenanceOccurrences,
  subtractIntervals,
  totalLength,
} from '@backstage-itsm/plugin-itsm-common';
import {
  ItsmObjectiveScore,
  ItsmObjectiveScorer,
  ItsmScoreBudget,
  ItsmScoringContext,
  OutageRecord,
} from '@backstage-itsm/plugin-itsm-node';
import { calendarFor, evaluatedRange, percent } from './common';

const MINUTE = 60_000;

const NO_SOURCE =
  'No availability source has reported on this service yet: push its outages, or coverage heartbeats (impact: none), to /v1/outages';

/**
 * Whether an availability source reported on the service before `end`:
 * any outage record counts, coverage heartbeats included.
 */
function reportedBefore(context: ItsmScoringContext, end: number): boolean {
  const { outages, availabilityReportedSince } = context.measurements;
  if (
    availabilityReportedSince !== undefined &&
    availabilityReportedSince < end
  ) {
    return true;
  }
  return outages.some(outage => outage.start < end);
}

/** Sorted, disjoint intervals with the length of all before each. */
type Cumulative = { intervals: Interval[]; before: Float64Array };

function cumulative(intervals: Interval[]): Cumulative {
  const before = new Float64Array(intervals.length + 1);
  intervals.forEach(({ start, end }, i) => {
    before[i + 1] = before[i] + end - start;
  });
  return { intervals, before };
}

/** The length of the intervals before `end`: a binary search, no copying. */
function lengthBefore({ intervals, before }: Cumulative, end: number): number {
  let low = 0;
  let high = intervals.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (intervals[middle].end <= end) low = middle + 1;
    else high = middle;
  }
  const inside =
    low < intervals.length ? Math.max(0, end - intervals[low].start) : 0;
  return before[low] + inside;
}

/** The instant `amountMs` of the agreed time in `intervals` has passed (sorted, disjoint). */
function afterAgreed(intervals: Interval[], amountMs: number) {
  let left = amountMs;
  for (const { start, end } of intervals) {
    if (left <= end - start) return start + left;
    left -= end - start;
  }
  return undefined;
}

/**
 * Availability = (agreed service time − unplanned downtime inside it) ÷
 * agreed service time, on the objective's own calendar. Planned maintenance
 * (the service's recurring windows and outages marked planned) is taken out
 * of agreed service time; a partial outage counts with `partialWeight`;
 * overlapping outages count once, a full outage over a partial one as full;
 * coverage heartbeats (impact none) are never downtime. The error budget is
 * (1 − target) × the agreed time of the whole period, in minutes.
 *
 * @public
 */
export function createAvailabilityScorer(options: {
  partialWeight: number;
}): ItsmObjectiveScorer {
  /** The period's agreed time and the outages inside it up to the evaluated end. */
  const timeline = (context: ItsmScoringContext) => {
    const range = evaluatedRange(context);
    if (range.end <= range.start || !reportedBefore(context, range.end)) {
      return undefined;
    }
    const { service, objective, now } = context;
    const period = {
      start: context.period.start.getTime(),
      end: context.period.end.getTime(),
    };
    // The outages that `keep` selects; one still open lasts until now.
    const outageIntervals = (keep: (outage: OutageRecord) => boolean) => {
      const intervals: Interval[] = [];
      for (const outage of context.measurements.outages) {
        if (outage.impact !== 'none' && keep(outage)) {
          intervals.push({
            start: outage.start,
            end: outage.end ?? now.getTime(),
          });
        }
      }
      return intervals;
    };
    const maintenance = [
      ...(service.spec.maintenance ?? []).flatMap(window =>
        maintenanceOccurrences(
          window,
          { start: new Date(period.start), end: new Date(period.end) },
          service.spec.serviceHours?.timezone,
        ).map(o => ({ start: o.start.getTime(), end: o.end.getTime() })),
      ),
      ...outageIntervals(o => o.planned),
    ];
    const wholePeriod = subtractIntervals(
      agreedIntervals(calendarFor(service, objective), period),
      maintenance,
    );
    const agreed = intersectIntervals(wholePeriod, [range]);
    const full = outageIntervals(o => !o.planned && o.impact === 'full');
    const partial = subtractIntervals(
      outageIntervals(o => !o.planned && o.impact === 'partial'),
      full,
    );
    return {
      wholePeriod,
      periodAgreedMs: totalLength(wholePeriod),
      agreed,
      full: intersectIntervals(full, agreed),
      partial: intersectIntervals(partial, agreed),
    };
  };
  type Timeline = NonNullable<ReturnType<typeof timeline>>;

  const downtimeOf = (fullMs: number, partialMs: number) =>
    fullMs + options.partialWeight * partialMs;

  const budgetOf = (
    context: ItsmScoringContext,
    intervals: Timeline,
    agreedMs: number,
    downtimeMs: number,
    end: number,
    withForecast = true,
  ): ItsmScoreBudget => {
    const allowedMs =
      allowedFailureShare(context.objective.target) * intervals.periodAgreedMs;
    const budget: ItsmScoreBudget = {
      unit: 'minutes',
      allowed: allowedMs / MINUTE,
      spent: downtimeMs / MINUTE,
      remaining: (allowedMs - downtimeMs) / MINUTE,
      elapsedShare:
        intervals.periodAgreedMs === 0
          ? 1
          : agreedMs / intervals.periodAgreedMs,
    };
    // At the rate so far, the budget lasts (allowed − spent) ÷ rate more
    // agreed time, counted on the agreed time still to come.
    if (withForecast && downtimeMs > 0 && downtimeMs < allowedMs) {
      const more = ((allowedMs - downtimeMs) * agreedMs) / downtimeMs;
      const exhaustsAt = afterAgreed(
        subtractIntervals(intervals.wholePeriod, [
          { start: context.period.start.getTime(), end },
        ]),
        more,
      );
      if (exhaustsAt !== undefined) budget.exhaustsAt = Math.round(exhaustsAt);
    }
    return budget;
  };

  return {
    objectiveType: 'availability',
    fingerprint: `partialWeight=${options.partialWeight}`,
    score(context: ItsmScoringContext): ItsmObjectiveScore {
      const intervals = timeline(context);
      if (!intervals) {
        // Nothing of the period has happened yet: no data, whatever the sources.
        const range = evaluatedRange(context);
        if (range.end <= range.start) return { attainment: null, met: null };
        return {
          attainment: null,
          met: null,
          details: { reason: NO_SOURCE },
        };
      }
      const agreedMs = totalLength(intervals.agreed);
      if (agreedMs === 0) {
        return { attainment: null, met: null, details: { agreedMinutes: 0 } };
      }
      const fullMs = totalLength(intervals.full);
      const partialMs = totalLength(intervals.partial);
      const downtimeMs = downtimeOf(fullMs, partialMs);
      const attainment = percent(agreedMs - downtimeMs, agreedMs);
      return {
        attainment,
        met: attainment >= context.objective.target,
        budget: budgetOf(
          context,
          intervals,
          agreedMs,
          downtimeMs,
          evaluatedRange(context).end,
        ),
        details: {
          agreedMinutes: agreedMs / MINUTE,
          periodAgreedMinutes: intervals.periodAgreedMs / MINUTE,
          downtimeMinutes: downtimeMs / MINUTE,
          fullOutageMinutes: fullMs / MINUTE,
          partialOutageMinutes: partialMs / MINUTE,
          partialWeight: options.partialWeight,
        },
      };
    },

    // Everything is clipped to the evaluated range, so the timeline up to
    // the last instant, cut at each earlier one, is that instant's timeline.
    scoreTrend(context: ItsmScoringContext, instants: Date[]) {
      if (instants.length === 0) return [];
      const last = { ...context, now: instants[instants.length - 1] };
      const intervals = timeline(last);
      const start = context.period.start.getTime();
      const periodEnd = context.period.end.getTime();
      const [agreed, full, partial] = intervals
        ? [intervals.agreed, intervals.full, intervals.partial].map(cumulative)
        : [];
      return instants.map(instant => {
        const end = Math.min(periodEnd, instant.getTime());
        const none = { attainment: null };
        if (!intervals || end <= start || !reportedBefore(context, end)) {
          return none;
        }
        const agreedMs = lengthBefore(agreed, end);
        if (agreedMs === 0) return none;
        const downtimeMs = downtimeOf(
          lengthBefore(full, end),
          lengthBefore(partial, end),
        );
        return {
          attainment: percent(agreedMs - downtimeMs, agreedMs),
          // A trend point needs what was spent, not when it runs out.
          budget: budgetOf(
            { ...context, now: instant },
            intervals,
            agreedMs,
            downtimeMs,
            end,
            false,
          ),
        };
      });
    },
  };
}
