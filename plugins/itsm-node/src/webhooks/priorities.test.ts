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

import { mockServices } from '@backstage/backend-test-utils';
import { isIncidentPriority, readIncidentPriorityMap } from './priorities';

describe('isIncidentPriority', () => {
  it('accepts P1 to P5 as written, and nothing else', () => {
    for (const p of ['P1', 'P2', 'P3', 'P4', 'P5']) {
      expect(isIncidentPriority(p)).toBe(true);
    }
    for (const other of ['p1', 'P0', 'P6', ' P1', '', undefined, 1, null]) {
      expect(isIncidentPriority(other)).toBe(false);
    }
  });
});

describe('readIncidentPriorityMap', () => {
  const read = (data: object, key = 'itsm.tool.priorities') =>
    readIncidentPriorityMap(mockServices.rootConfig({ data }), key);

  it('is undefined when the section is absent', () => {
    expect(read({})).toBeUndefined();
    expect(read({ itsm: { tool: {} } })).toBeUndefined();
  });

  it('reads names as written to ITSM priorities', () => {
    expect(
      read({ itsm: { tool: { priorities: { 'SEV-1': 'P1', low: 'P4' } } } }),
    ).toEqual({ 'SEV-1': 'P1', low: 'P4' });
  });

  it('throws naming the key of a value that is not P1 to P5', () => {
    expect(() =>
      read({ itsm: { tool: { priorities: { 'SEV-1': 'urgent' } } } }),
    ).toThrow(
      'Invalid config at itsm.tool.priorities.SEV-1: must be one of P1, P2, P3, P4, P5, got "urgent"',
    );
  });
});
