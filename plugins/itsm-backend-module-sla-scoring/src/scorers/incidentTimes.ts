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

import { Incident, parseDuration } from '@backstage-itsm/plugin-itsm-common';
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
  const stopOf = (incident: Incident) =>
    objectiveType === 'response'
      ? incident.acknowledgedAt
      : incident.resolvedAt;
  return {
    objectiveType,
    score(context: ItsmScoringContext) {
      const range = evaluatedRange(context);
      const { service, objective } = context;
      const threshold = parseDuration(objective.threshold ?? '');
      if (range.end <= range.start || !hasMeasurements(context) || !threshold) {
        return { attainment: null, met: null };
      }
      const calendar = calendarFor(service, objective);
      let met = 0;
      let breached = 0;
      let pending = 0;
      const open: JsonObject[] = [];
      const incidents = context.measurements.incidents;
      const opened = measurementTimes(incidents, 'openedAt');
      for (let i = 0; i < incidents.length; i++) {
        const incident = incidents[i];
        const openedAt = opened[i];
        if (
          incident.priority !== objective.priority ||
          openedAt < range.start ||
          openedAt >= range.end
        ) {
          continue;
        }
        const pauses = (incident.pauses ?? []).map(p => ({
          start: time(p.from),
          end: p.to ? time(p.to) : range.end,
        }));
        const stop = stopOf(incident);
        const stoppedAt = stop === undefined ? undefined : time(stop);
        // An incident belongs to the period it was opened in, with its final
        // outcome once it has one, even if that came after the period.
        const end =
          stoppedAt !== undefined && stoppedAt <= context.now.getTime()
            ? stoppedAt
            : range.end;
        const elapsed = businessDuration(
          calendar,
          { start: openedAt, end },
          pauses,
        );
        if (end === stoppedAt) {
          if (elapsed <= threshold) met += 1;
          else breached += 1;
          continue;
        }
        if (elapsed > threshold) breached += 1;
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
      const counted = met + breached;
      // No incident of this priority is a perfect record, once sources report.
      const attainment = counted === 0 ? 100 : percent(met, counted);
      return {
        attainment,
        met: attainment >= objective.target,
        details: {
          incidents: counted,
          met,
          breached,
          pending,
          openIncidents: open,
        },
      };
    },
  };
}
