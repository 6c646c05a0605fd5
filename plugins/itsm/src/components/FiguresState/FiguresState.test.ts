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

import { mockApis } from '@backstage/frontend-test-utils';
import type { ObjectiveReport } from '@backstage-itsm/plugin-itsm-common';
import { figuresState, pendingIncidents } from './FiguresState';
import {
  testOpenIncident as open,
  testResolutionObjective,
} from '../../lib/testData';
import { itsmTranslationRef } from '../../translation';

const { t } = mockApis.translation().getTranslation(itsmTranslationRef);

const resolution = (
  details: ObjectiveReport['details'],
  name = 'p1-resolution',
  openIncidents?: ObjectiveReport['openIncidents'],
): ObjectiveReport =>
  testResolutionObjective({
    name,
    details,
    ...(openIncidents && { openIncidents }),
  });

describe('figuresState', () => {
  it('tells an open period, provisional figures and final ones apart', () => {
    const running = resolution({ pending: 1 }, 'p1-resolution', [
      open('INC1', '50%'),
      open('INC2', 'breached'),
    ]);
    expect(
      figuresState(t, { closed: false, final: false }, [running]).text,
    ).toBe('Period open');
    expect(
      figuresState(t, { closed: true, final: false }, [running]).text,
    ).toBe('Provisional: 1 incident still open');
    expect(figuresState(t, { closed: true, final: false }, []).text).toBe(
      'Provisional: incidents still open',
    );
    expect(figuresState(t, { closed: true, final: true }, []).text).toBe(
      'Final',
    );
  });

  it('counts each pending incident once across objectives', () => {
    expect(
      pendingIncidents([
        resolution({}, 'p1-resolution', [open('INC1'), open('INC2')]),
        resolution({}, 'p1-response', [open('INC2')]),
        resolution({}, 'p1-resolution', [
          { ...open('INC0'), earlierPeriod: true },
        ]),
      ]),
    ).toBe(2);
    expect(pendingIncidents([resolution({ pending: 3 })])).toBe(3);
    expect(pendingIncidents([resolution(undefined)])).toBe(0);
  });
});
