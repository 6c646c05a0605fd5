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

import { ObjectiveReport } from '@backstage-itsm/plugin-itsm-common';
import { formatInstant, formatPercent } from '../../lib/format';

// The share of a partial outage that counted as downtime, as the scorer reports it.
function partialOutages(o: ObjectiveReport): string {
  const weight = o.details?.partialWeight;
  return typeof weight === 'number'
    ? `partial outages count ${formatPercent(weight * 100, 0)}`
    : 'partial outages count with the configured weight';
}

export function attainmentExplanation(o: ObjectiveReport): string {
  switch (o.type) {
    case 'availability':
      return `(agreed service time − unplanned downtime inside it) ÷ agreed service time; planned maintenance is not agreed time, ${partialOutages(
        o,
      )}.`;
    case 'response':
    case 'resolution':
      return `Share of ${
        o.priority ?? ''
      } incidents opened in the period whose ${o.type} took at most ${
        o.threshold ?? 'the threshold'
      } of business time; open incidents count once past it.`;
    case 'sli':
      return 'Good events ÷ total events in the period.';
    default:
      return 'Computed by a scorer module for this objective type.';
  }
}

export const noDataCommand = (
  service: string,
) => `curl -X POST http://localhost:7007/api/itsm/v1/outages \\
  -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \\
  -d '{"items":[{"source":"monitoring","externalId":"OUT-1","service":"${service}",
       "start":"2026-11-20T08:00:00Z","end":"2026-11-20T08:20:00Z","impact":"full"}]}'`;

export function budgetExplanation(o: ObjectiveReport): string {
  switch (o.budget?.unit) {
    case 'minutes':
      return `Allowed = (1 − target) × the agreed minutes of the whole period; spent = downtime inside agreed time so far (${partialOutages(
        o,
      )}); left = allowed − spent.`;
    case 'events':
      return "Allowed = (1 − target) × the period's events, projected to the period's end while it is open; spent = bad events so far.";
    case 'incidents':
      return 'Late incidents allowed among those counted so far, (1 − target) × counted, rounded down; "more may be late" = how many more may still breach this period if no other one is met in time.';
    default:
      return 'Allowed = (1 − target) × the period; spent so far.';
  }
}

export function forecastText(o: ObjectiveReport): string {
  if (!o.forecast) return o.status === 'no-data' ? 'No measurements yet.' : '';
  if (o.forecast.alreadyExhausted) return 'Budget already spent.';
  if (o.forecast.breachesBeforeEnd && o.forecast.exhaustedAt) {
    return `At this pace the budget runs out ${formatInstant(
      o.forecast.exhaustedAt,
    )}.`;
  }
  return 'At this pace the budget lasts the period.';
}
