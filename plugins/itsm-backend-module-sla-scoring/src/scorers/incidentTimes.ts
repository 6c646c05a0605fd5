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

import { parseDuration } from '@backstage-itsm/plugin-itsm-common';
import {
  ItsmObjectiveScorer,
  ItsmScoringContext,
  measurementTimes,
} from '@backstage-itsm/plugin-itsm-node';
import type { JsonObject } from '@backstage/types';
import { businessDeadline, businessDuration } from '../calendar';
import {
  calendarFor,
  evaluatedRange,
  firstInstant,
  hasMeasurements,
  percent,
  time,
} from './common';

/** The warning milestones service desks use, as shares of the threshold. */
export function milestone(share: number): 'ok' | '50%' | '75%' | 'breached' {
  if (share >= 1) return 'breached';
  if (share >= 0.75) return '75%';
  if (share >= 0.5) return '50%';
  return 'ok';
}

/**
 * Response or resolution attainment: of the incidents of the objective's
 * priority opened in the period, the share whose acknowledgement (response)
 * or resolution came within the threshold, in business time with pauses
 * taken out. An incident still open counts as breached once past the
 * threshold and is not counted before; each open one is listed with its
 * milestone and the instant it breaches.
 */
export function createIncidentTimeScorer(
  objectiveType: 'response' | 'resolution',
): ItsmObjectiveScorer {
  const stopField =
    objectiveType === 'response' ? 'acknowledgedAt' : 'resolvedAt';

  /** What scoring needs of a context, or undefined when it scores nothing. */
  const prepare = (context: ItsmScoringContext) => {
    const threshold = parseDuration(context.objective.threshold ?? '');
    if (!hasMeasurements(context) || !threshold) return undefined;
    const incidents = context.measurements.incidents;
    return {
      threshold,
      calendar: calendarFor(context.service, context.objective),
      incidents,
      opened: measurementTimes(incidents, 'openedAt'),
      stops: measurementTimes(incidents, stopField),
    };
  };
  type Prepared = NonNullable<ReturnType<typeof prepare>>;

  /**
   * One incident as seen at `now`, when opened in [period start, end of the
   * evaluated range): its final outcome once stopped by then, else whether
   * it is already past the threshold.
   */
  const evaluate = (
    prepared: Prepared,
    i: number,
    rangeEnd: number,
    now: number,
  ) => {
    const incident = prepared.incidents[i];
    const openedAt = prepared.opened[i];
    const pauses = (incident.pauses ?? []).map(p => ({
      start: time(p.from),
      end: p.to ? time(p.to) : rangeEnd,
    }));
    const stoppedAt = Number.isNaN(prepared.stops[i])
      ? undefined
      : prepared.stops[i];
    // An incident belongs to the period it was opened in, with its final
    // outcome once it has one, even if that came after the period.
    const stopped = stoppedAt !== undefined && stoppedAt <= now;
    const elapsed = businessDuration(
      prepared.calendar,
      { start: openedAt, end: stopped ? stoppedAt : rangeEnd },
      pauses,
    );
    const late = elapsed > prepared.threshold;
    return { incident, openedAt, pauses, stopped, elapsed, late };
  };

  /** Indexes of the incidents of the objective's priority opened in [start, end). */
  const candidates = (
    prepared: Prepared,
    context: ItsmScoringContext,
    end: number,
  ) => {
    const start = context.period.start.getTime();
    const indexes: number[] = [];
    for (let i = 0; i < prepared.incidents.length; i++) {
      const openedAt = prepared.opened[i];
      if (
        prepared.incidents[i].priority === context.objective.priority &&
        openedAt >= start &&
        openedAt < end
      ) {
        indexes.push(i);
      }
    }
    return indexes;
  };

  return {
    objectiveType,
    score(context: ItsmScoringContext) {
      const range = evaluatedRange(context);
      const prepared = prepare(context);
      if (range.end <= range.start || !prepared) {
        return { attainment: null, met: null };
      }
      const now = context.now.getTime();
      const { threshold, calendar } = prepared;
      let met = 0;
      let breached = 0;
      let pending = 0;
      const open: JsonObject[] = [];
      for (const i of candidates(prepared, context, range.end)) {
        const { incident, openedAt, pauses, stopped, elapsed, late } = evaluate(
          prepared,
          i,
          range.end,
          now,
        );
        if (stopped) {
          if (late) breached += 1;
          else met += 1;
          continue;
        }
        if (late) breached += 1;
        else pending += 1;
        const breachAt = businessDeadline(
          calendar,
          openedAt,
          threshold,
          pauses,
        );
        open.push({
          source: incident.source,
          externalId: incident.externalId,
          priority: incident.priority,
          openedAt: incident.openedAt,
          ...(incident.title !== undefined && { title: incident.title }),
          ...(incident.url !== undefined && { url: incident.url }),
          elapsedMinutes: elapsed / 60_000,
          percentOfThreshold: percent(elapsed, threshold),
          milestone: milestone(elapsed / threshold),
          ...(breachAt !== undefined && {
            breachAt: new Date(breachAt).toISOString(),
          }),
        });
      }
      return summarize(met, breached, pending, context, open);
    },

    // Seen over ascending instants, an incident is absent until it opens,
    // then pending until late (elapsed time only grows), and final once
    // stopped: a few evaluations per incident instead of one per instant.
    scoreTrend(context: ItsmScoringContext, instants: Date[]) {
      const times = instants.map(instant => instant.getTime());
      const periodStart = context.period.start.getTime();
      const periodEnd = context.period.end.getTime();
      const prepared = prepare(context);
      if (!prepared) return times.map(() => null);
      const met = new Array<number>(times.length + 1).fill(0);
      const breached = new Array<number>(times.length + 1).fill(0);
      const add = (counts: number[], from: number, to: number) => {
        if (from >= to) return;
        counts[from] += 1;
        counts[to] -= 1;
      };
      const rangeEnd = (at: number) => Math.min(periodEnd, at);
      for (const i of candidates(prepared, context, periodEnd)) {
        const openedAt = prepared.opened[i];
        const stoppedAt = prepared.stops[i];
        const opens = firstInstant(times, at => at > openedAt);
        const stops = Number.isNaN(stoppedAt)
          ? times.length
          : firstInstant(times, at => at >= stoppedAt, opens);
        if (stops < times.length) {
          const at = times[stops];
          const { late } = evaluate(prepared, i, rangeEnd(at), at);
          add(late ? breached : met, stops, times.length);
        }
        const late = firstInstant(
          times,
          at => evaluate(prepared, i, rangeEnd(at), at).late,
          opens,
          stops,
        );
        add(breached, late, stops);
      }
      let metSoFar = 0;
      let breachedSoFar = 0;
      return times.map((at, k) => {
        metSoFar += met[k];
        breachedSoFar += breached[k];
        if (rangeEnd(at) <= periodStart) return null;
        const counted = metSoFar + breachedSoFar;
        return counted === 0 ? 100 : percent(metSoFar, counted);
      });
    },
  };
}

function summarize(
  met: number,
  breached: number,
  pending: number,
  context: ItsmScoringContext,
  open: JsonObject[],
) {
  const counted = met + breached;
  // No incident of this priority is a perfect record, once sources report.
  const attainment = counted === 0 ? 100 : percent(met, counted);
  return {
    attainment,
    met: attainment >= context.objective.target,
    details: {
      incidents: counted,
      met,
      breached,
      pending,
      openIncidents: open,
    },
  };
}
