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
import type { ItsmFormat } from '../../lib/format';
import type { ItsmTranslation } from '../../translation';

// The share of a partial outage that counted as downtime, as the scorer reports it.
function partialOutages(
  o: ObjectiveReport,
  t: ItsmTranslation,
  format: ItsmFormat,
): string {
  const weight = o.details?.partialWeight;
  return typeof weight === 'number'
    ? t('explanations.partialOutagesWeight', {
        weight: format.formatPercent(weight * 100, 0),
      })
    : t('explanations.partialOutagesConfigured');
}

export function attainmentExplanation(
  o: ObjectiveReport,
  t: ItsmTranslation,
  format: ItsmFormat,
): string {
  switch (o.type) {
    case 'availability':
      return t('explanations.availability', {
        partialOutages: partialOutages(o, t, format),
      });
    case 'response':
    case 'resolution':
      return t(`explanations.${o.type}`, {
        priority: o.priority ?? '',
        threshold: o.threshold ?? t('explanations.theThreshold'),
      });
    case 'sli':
      return t('explanations.sli');
    default:
      return t('explanations.otherType');
  }
}

export const noDataCommand = (
  service: string,
) => `curl -X POST http://localhost:7007/api/itsm/v1/outages \\
  -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \\
  -d '{"items":[{"source":"monitoring","externalId":"OUT-1","service":"${service}",
       "start":"2026-11-20T08:00:00Z","end":"2026-11-20T08:20:00Z","impact":"full"}]}'`;

export function budgetExplanation(
  o: ObjectiveReport,
  t: ItsmTranslation,
  format: ItsmFormat,
): string {
  switch (o.budget?.unit) {
    case 'minutes':
      return t('explanations.budgetMinutes', {
        partialOutages: partialOutages(o, t, format),
      });
    case 'events':
      return t('explanations.budgetEvents');
    case 'incidents':
      return t('explanations.budgetIncidents');
    default:
      return t('explanations.budgetOther');
  }
}

export function forecastText(
  o: ObjectiveReport,
  t: ItsmTranslation,
  format: ItsmFormat,
): string {
  if (!o.forecast) {
    return o.status === 'no-data' ? t('explanations.noMeasurements') : '';
  }
  if (o.forecast.alreadyExhausted) return t('explanations.budgetSpent');
  if (o.forecast.breachesBeforeEnd && o.forecast.exhaustedAt) {
    return t('explanations.budgetRunsOut', {
      at: format.formatInstant(o.forecast.exhaustedAt),
    });
  }
  return t('explanations.budgetLasts');
}
