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

import type { IncidentPriority, Objective } from '../entities';
import type { ObjectiveStatus } from './budget';

const PRIORITY_WEIGHT: Record<IncidentPriority, number> = {
  P1: 3,
  P2: 2,
  P3: 1,
  P4: 1,
  P5: 1,
};

const STATUS_VALUE: Record<Exclude<ObjectiveStatus, 'no-data'>, number> = {
  met: 1,
  'at-risk': 0.5,
  breached: 0,
};

// What matters most to the business weighs most: availability and P1
// incidents, then SLIs and P2, then the rest.
function weight(objective: Objective): number {
  switch (objective.type) {
    case 'availability':
      return 3;
    case 'sli':
      return 2;
    default:
      return objective.priority ? PRIORITY_WEIGHT[objective.priority] : 1;
  }
}

/**
 * The compliance score, 0–100: the weighted share of objectives met,
 * 100 × Σ weight × value ÷ Σ weight. Weights: availability 3; response and
 * resolution by priority, P1 3, P2 2, P3 to P5 (or none) 1; sli 2. Values:
 * met 1, at-risk 0.5, breached 0. Objectives without data are left out of
 * both sums, so they neither raise nor lower the score; null when no
 * objective has data.
 *
 * @public
 */
export function complianceScore(
  objectives: Array<{ objective: Objective; status: ObjectiveStatus }>,
): number | null {
  let weighted = 0;
  let total = 0;
  for (const { objective, status } of objectives) {
    if (status !== 'no-data') {
      weighted += weight(objective) * STATUS_VALUE[status];
      total += weight(objective);
    }
  }
  return total === 0 ? null : (100 * weighted) / total;
}

/**
 * How the compliance score weighs, in words for the portal's explanations:
 * written from the same tables the score is computed with.
 *
 * @public
 */
export function complianceScoreRules(): string {
  const byWeight = new Map<number, string[]>();
  const add = (weightOf: number, what: string) =>
    byWeight.set(weightOf, [...(byWeight.get(weightOf) ?? []), what]);
  add(weight({ name: '', type: 'availability', target: 0 }), 'availability');
  for (const priority of Object.keys(PRIORITY_WEIGHT) as IncidentPriority[]) {
    add(PRIORITY_WEIGHT[priority], priority);
  }
  add(weight({ name: '', type: 'sli', target: 0 }), 'SLI');
  const weights = [...byWeight]
    .sort((a, b) => b[0] - a[0])
    .map(([w, what]) => `${what.join(', ')} weigh ${w}`)
    .join('; ');
  const values = Object.entries(STATUS_VALUE)
    .map(([status, value]) => `${status.replace('-', ' ')} ${value}`)
    .join(', ');
  return `${values}; ${weights}`;
}
