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
  maintenanceOccurrences,
  type Outage,
} from '@backstage-itsm/plugin-itsm-common';
import {
  ItsmObjectiveScorer,
  ItsmScoringContext,
  measurementTimes,
} from '@backstage-itsm/plugin-itsm-node';
import {
  agreedIntervals,
  Interval,
  intersectIntervals,
  subtractIntervals,
  totalLength,
} from '../calendar';
import {
  calendarFor,
  evaluatedRange,
  hasMeasurements,
  percent,
} from './common';

const MINUTE = 60_000;

/**
 * Availability = (agreed service time − unplanned downtime inside it) ÷
 * agreed service time. Planned maintenance (the service's recurring windows
 * and outages marked planned) is taken out of agreed service time; a partial
 * outage counts with `partialWeight`; overlapping outages count once, a
 * full outage over a partial one as full.
 */
export function createAvailabilityScorer(options: {
  partialWeight: number;
}): ItsmObjectiveScorer {
  /** Agreed time and the outages inside it over the evaluated range, or undefined if none. */
  const timeline = (context: ItsmScoringContext) => {
    const range = evaluatedRange(context);
    if (range.end <= range.start || !hasMeasurements(context)) {
      return undefined;
    }
    const { service, now } = context;
    const outages = context.measurements.outages;
    const starts = measurementTimes(outages, 'start');
    const ends = measurementTimes(outages, 'end');
    // The outages that `keep` selects; one still open lasts until now.
    const outageIntervals = (keep: (outage: Outage) => boolean) => {
      const intervals: Interval[] = [];
      outages.forEach((outage, i) => {
        if (keep(outage)) {
          intervals.push({
            start: starts[i],
            end: Number.isNaN(ends[i]) ? now.getTime() : ends[i],
          });
        }
      });
      return intervals;
    };
    const maintenance = [
      ...(service.spec.maintenance ?? []).flatMap(window =>
        maintenanceOccurrences(
          window,
          { start: new Date(range.start), end: new Date(range.end) },
          service.spec.serviceHours?.timezone,
        ).map(o => ({ start: o.start.getTime(), end: o.end.getTime() })),
      ),
      ...outageIntervals(o => o.planned),
    ];
    const agreed = subtractIntervals(
      agreedIntervals(calendarFor(service), range),
      maintenance,
    );
    const full = outageIntervals(o => !o.planned && o.impact === 'full');
    const partial = subtractIntervals(
      outageIntervals(o => !o.planned && o.impact === 'partial'),
      full,
    );
    return {
      agreed,
      full: intersectIntervals(full, agreed),
      partial: intersectIntervals(partial, agreed),
    };
  };
  const attainmentOf = (agreedMs: number, fullMs: number, partialMs: number) =>
    percent(agreedMs - (fullMs + options.partialWeight * partialMs), agreedMs);

  return {
    objectiveType: 'availability',
    score(context: ItsmScoringContext) {
      const intervals = timeline(context);
      if (!intervals) return { attainment: null, met: null };
      const agreedMs = totalLength(intervals.agreed);
      if (agreedMs === 0) {
        return { attainment: null, met: null, details: { agreedMinutes: 0 } };
      }
      const fullMs = totalLength(intervals.full);
      const partialMs = totalLength(intervals.partial);
      const attainment = attainmentOf(agreedMs, fullMs, partialMs);
      return {
        attainment,
        met: attainment >= context.objective.target,
        details: {
          agreedMinutes: agreedMs / MINUTE,
          downtimeMinutes:
            (fullMs + options.partialWeight * partialMs) / MINUTE,
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
      const intervals = timeline({
        ...context,
        now: instants[instants.length - 1],
      });
      const start = context.period.start.getTime();
      const periodEnd = context.period.end.getTime();
      return instants.map(instant => {
        const end = Math.min(periodEnd, instant.getTime());
        if (!intervals || end <= start) return null;
        const before = (list: Interval[]) =>
          totalLength(intersectIntervals(list, [{ start, end }]));
        const agreedMs = before(intervals.agreed);
        if (agreedMs === 0) return null;
        return attainmentOf(
          agreedMs,
          before(intervals.full),
          before(intervals.partial),
        );
      });
    },
  };
}
