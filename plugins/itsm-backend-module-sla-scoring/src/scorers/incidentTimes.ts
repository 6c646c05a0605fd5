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
  allowedFailureShare,
  businessDeadline,
  businessDuration,
  parseDuration,
} from '@backstage-itsm/plugin-itsm-common';
import {
  IncidentRecord,
  ItsmObjectiveScorer,
  ItsmOpenIncident,
  ItsmScoringContext,
} from '@backstage-itsm/plugin-itsm-node';
import {
  calendarFor,
  evaluatedRange,
  firstInstant,
  hasMeasurements,
  percent,
} from './common';

/**
 * The warning milestones service desks use, as shares of the threshold. At
 * exactly 100 % an incident is still within target: it breaches after.
 */
export function milestone(share: number): 'ok' | '50%' | '75%' | 'breached' {
  if (share > 1) return 'breached';
  if (share >= 0.75) return '75%';
  if (share >= 0.5) return '50%';
  return 'ok';
}

// Counts compare with a little slack so that 0.1 × 30 is 3, not 2.
const EPSILON = 1e-9;

/**
 * Response or resolution attainment: of the incidents of the objective's
 * priority opened in the period, the share whose response (acknowledgement
 * or resolution, whichever came first) or resolution came within the
 * threshold, in business time with pauses taken out. An incident's clock
 * runs past the period's end until it stops, or until now: a running one is
 * breached once past the threshold and pending before. Running incidents
 * are listed with their milestone and the instant they breach; while the
 * period is open, so are those opened before it (they count in their own).
 *
 * @public
 */
export function createIncidentTimeScorer(
  objectiveType: 'response' | 'resolution',
): ItsmObjectiveScorer {
  /**
   * When an incident's clock stops, undefined while it runs: a response
   * at the acknowledgement or the resolution, whichever is first.
   */
  const stopTime = ({ acknowledgedAt, resolvedAt }: IncidentRecord) => {
    if (objectiveType === 'resolution' || acknowledgedAt === undefined) {
      return resolvedAt;
    }
    return resolvedAt !== undefined && resolvedAt < acknowledgedAt
      ? resolvedAt
      : acknowledgedAt;
  };

  /** What scoring needs of a context, or undefined when it scores nothing. */
  const prepare = (context: ItsmScoringContext) => {
    const threshold = parseDuration(context.objective.threshold ?? '');
    if (!hasMeasurements(context) || !threshold) return undefined;
    const incidents = context.measurements.incidents;
    return {
      threshold,
      calendar: calendarFor(context.service, context.objective),
      incidents,
      stops: incidents.map(stopTime),
    };
  };
  type Prepared = NonNullable<ReturnType<typeof prepare>>;

  /** One incident as seen at `now`: stopped by then, or running until now. */
  const evaluate = (prepared: Prepared, i: number, now: number) => {
    const incident = prepared.incidents[i];
    const openedAt = incident.openedAt;
    const pauses = (incident.pauses ?? []).map(p => ({
      start: p.from,
      end: p.to ?? now,
    }));
    const stoppedAt = prepared.stops[i];
    const stopped = stoppedAt !== undefined && stoppedAt <= now;
    const elapsed = businessDuration(
      prepared.calendar,
      { start: openedAt, end: stopped ? stoppedAt : now },
      pauses,
    );
    const late = elapsed > prepared.threshold;
    return { incident, openedAt, pauses, stopped, elapsed, late };
  };

  /** Indexes of the incidents of the objective's priority opened in [from, end). */
  const candidates = (
    prepared: Prepared,
    context: ItsmScoringContext,
    from: number,
    end: number,
  ) => {
    const indexes: number[] = [];
    for (let i = 0; i < prepared.incidents.length; i++) {
      const { openedAt, priority } = prepared.incidents[i];
      if (
        priority === context.objective.priority &&
        openedAt >= from &&
        openedAt < end
      ) {
        indexes.push(i);
      }
    }
    return indexes;
  };

  /** A running incident as the open list shows it. */
  const openEntry = (
    prepared: Prepared,
    seen: ReturnType<typeof evaluate>,
  ): ItsmOpenIncident => {
    const { incident, openedAt, pauses, elapsed } = seen;
    const breachAt = businessDeadline(
      prepared.calendar,
      openedAt,
      prepared.threshold,
      pauses,
    );
    return {
      source: incident.source,
      externalId: incident.externalId,
      priority: incident.priority,
      openedAt,
      ...(incident.title !== undefined && { title: incident.title }),
      ...(incident.url !== undefined && { url: incident.url }),
      elapsedMinutes: elapsed / 60_000,
      percentOfThreshold: percent(elapsed, prepared.threshold),
      milestone: milestone(elapsed / prepared.threshold),
      ...(breachAt !== undefined && { breachAt }),
    };
  };

  return {
    objectiveType,
    score(context: ItsmScoringContext) {
      const range = evaluatedRange(context);
      const prepared = prepare(context);
      if (range.end <= range.start || !prepared) {
        return { attainment: null, met: null, burnRatesApply: false };
      }
      const now = context.now.getTime();
      let met = 0;
      let breached = 0;
      let pending = 0;
      const open: ItsmOpenIncident[] = [];
      for (const i of candidates(prepared, context, range.start, range.end)) {
        const seen = evaluate(prepared, i, now);
        if (seen.stopped) {
          if (seen.late) breached += 1;
          else met += 1;
          continue;
        }
        if (seen.late) breached += 1;
        else pending += 1;
        open.push(openEntry(prepared, seen));
      }
      const earlier: ItsmOpenIncident[] = [];
      if (context.period.end.getTime() > now) {
        for (const i of candidates(prepared, context, -Infinity, range.start)) {
          const seen = evaluate(prepared, i, now);
          if (!seen.stopped) {
            earlier.push({ ...openEntry(prepared, seen), earlierPeriod: true });
          }
        }
      }
      return summarize(met, breached, pending, context, [...earlier, ...open]);
    },

    // Seen over ascending instants, an incident is absent until it opens,
    // then pending until late (elapsed time only grows), and final once
    // stopped: a few evaluations per incident instead of one per instant.
    scoreTrend(context: ItsmScoringContext, instants: Date[]) {
      const times = instants.map(instant => instant.getTime());
      const periodStart = context.period.start.getTime();
      const periodEnd = context.period.end.getTime();
      const prepared = prepare(context);
      if (!prepared) return times.map(() => ({ attainment: null }));
      const met = new Array<number>(times.length + 1).fill(0);
      const breached = new Array<number>(times.length + 1).fill(0);
      const add = (counts: number[], from: number, to: number) => {
        if (from >= to) return;
        counts[from] += 1;
        counts[to] -= 1;
      };
      for (const i of candidates(prepared, context, periodStart, periodEnd)) {
        const openedAt = prepared.incidents[i].openedAt;
        const stoppedAt = prepared.stops[i];
        const opens = firstInstant(times, at => at > openedAt);
        const stops =
          stoppedAt === undefined
            ? times.length
            : firstInstant(times, at => at >= stoppedAt, opens);
        if (stops < times.length) {
          const { late } = evaluate(prepared, i, times[stops]);
          add(late ? breached : met, stops, times.length);
        }
        const late = firstInstant(
          times,
          at => evaluate(prepared, i, at).late,
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
        if (Math.min(periodEnd, at) <= periodStart) return { attainment: null };
        const counted = metSoFar + breachedSoFar;
        return {
          attainment: counted === 0 ? 100 : percent(metSoFar, counted),
          budget: budgetOf(metSoFar, breachedSoFar, context.objective.target),
        };
      });
    },
  };
}

/**
 * Late incidents: allowed among those counted so far, spent, and how many
 * more may still be late this period if no other one is met in time.
 */
function budgetOf(met: number, breached: number, target: number) {
  const counted = met + breached;
  return {
    unit: 'incidents' as const,
    allowed: Math.floor(allowedFailureShare(target) * counted + EPSILON),
    spent: breached,
    remaining: Math.max(
      0,
      Math.floor((met * 100) / target - counted + EPSILON),
    ),
  };
}

function summarize(
  met: number,
  breached: number,
  pending: number,
  context: ItsmScoringContext,
  open: ItsmOpenIncident[],
) {
  const counted = met + breached;
  // No incident of this priority is a perfect record, once sources report.
  const attainment = counted === 0 ? 100 : percent(met, counted);
  return {
    attainment,
    met: attainment >= context.objective.target,
    budget: budgetOf(met, breached, context.objective.target),
    burnRatesApply: false,
    details: {
      incidents: counted,
      met,
      breached,
      pending,
    },
    openIncidents: open,
  };
}
