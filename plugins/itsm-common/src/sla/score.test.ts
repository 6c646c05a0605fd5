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

import fc from 'fast-check';
import type { Objective } from '../entities';
import type { ObjectiveStatus } from './budget';
import { complianceScore, complianceScoreRules } from './score';

const availability: Objective = {
  name: 'availability',
  type: 'availability',
  target: 99.9,
};
const p1: Objective = {
  name: 'p1-response',
  type: 'response',
  priority: 'P1',
  target: 95,
};
const p2: Objective = {
  name: 'p2-resolution',
  type: 'resolution',
  priority: 'P2',
  target: 90,
};
const p4: Objective = {
  name: 'p4-response',
  type: 'response',
  priority: 'P4',
  target: 80,
};
const anyPriority: Objective = {
  name: 'response',
  type: 'response',
  target: 80,
};
const sli: Objective = {
  name: 'latency',
  type: 'sli',
  indicator: 'checkout',
  target: 99,
};

describe('complianceScore', () => {
  it.each<[string, Array<[Objective, ObjectiveStatus]>, number | null]>([
    ['nothing', [], null],
    [
      'nothing with data',
      [
        [availability, 'no-data'],
        [p1, 'no-data'],
      ],
      null,
    ],
    ['availability met', [[availability, 'met']], 100],
    ['availability breached', [[availability, 'breached']], 0],
    // (3 × 1 + 3 × 0) ÷ (3 + 3)
    [
      'availability met, P1 breached',
      [
        [availability, 'met'],
        [p1, 'breached'],
      ],
      50,
    ],
    // (3 × 1 + 2 × 0.5 + 2 × 0) ÷ (3 + 2 + 2) = 4 ÷ 7
    [
      'availability met, P2 at risk, SLI breached',
      [
        [availability, 'met'],
        [p2, 'at-risk'],
        [sli, 'breached'],
      ],
      400 / 7,
    ],
    // (3 × 0.5 + 1 × 1) ÷ (3 + 1), the SLI left out
    [
      'availability at risk, P4 met, SLI no data',
      [
        [availability, 'at-risk'],
        [p4, 'met'],
        [sli, 'no-data'],
      ],
      62.5,
    ],
    // (3 × 1 + 2 × 0 + 1 × 1) ÷ (3 + 2 + 1)
    [
      'P1 met, P2 breached, no priority met',
      [
        [p1, 'met'],
        [p2, 'breached'],
        [anyPriority, 'met'],
      ],
      200 / 3,
    ],
    [
      'no-data does not lower it',
      [
        [availability, 'met'],
        [p1, 'no-data'],
      ],
      100,
    ],
  ])('%s → %p', (_, pairs, score) => {
    const input = pairs.map(([objective, status]) => ({ objective, status }));
    // Rounding keeps null comparable while 400 / 7 matches to 9 digits.
    const round = (n: number | null) => (n === null ? n : Number(n.toFixed(9)));
    expect(round(complianceScore(input))).toBe(round(score));
  });

  it('stays between 0 and 100', () => {
    const objective = fc.constantFrom(
      availability,
      p1,
      p2,
      p4,
      anyPriority,
      sli,
    );
    const status = fc.constantFrom<ObjectiveStatus>(
      'met',
      'at-risk',
      'breached',
      'no-data',
    );
    fc.assert(
      fc.property(fc.array(fc.record({ objective, status })), scored => {
        const score = complianceScore(scored);
        expect(score === null).toBe(scored.every(s => s.status === 'no-data'));
        expect(score ?? 0).toBeGreaterThanOrEqual(0);
        expect(score ?? 100).toBeLessThanOrEqual(100);
      }),
    );
  });

  it('describes its weights from the tables it scores with', () => {
    expect(complianceScoreRules()).toBe(
      'met 1, at risk 0.5, breached 0; availability, P1 weigh 3; P2, SLI weigh 2; P3, P4, P5 weigh 1',
    );
  });
});
