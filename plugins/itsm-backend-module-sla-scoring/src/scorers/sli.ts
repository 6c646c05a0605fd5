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
  ItsmObjectiveScorer,
  ItsmScoringContext,
  measurementTimes,
} from '@backstage-itsm/plugin-itsm-node';
import { evaluatedRange, percent } from './common';

/**
 * SLI objectives, the occurrences method: good ÷ total over the slices that
 * start in the period. Slices are reported under the objective's
 * `indicator`, or its name.
 */
export const sliScorer: ItsmObjectiveScorer = {
  objectiveType: 'sli',
  score(context: ItsmScoringContext) {
    const range = evaluatedRange(context);
    const { objective } = context;
    const indicator = objective.indicator ?? objective.name;
    let good = 0;
    let total = 0;
    const slices = context.measurements.sliEvents;
    const starts = measurementTimes(slices, 'sliceStart');
    for (let i = 0; i < slices.length; i++) {
      const slice = slices[i];
      const start = starts[i];
      if (
        (slice.objective === indicator || slice.objective === objective.name) &&
        start >= range.start &&
        start < range.end
      ) {
        good += slice.good;
        total += slice.total;
      }
    }
    if (total === 0) {
      return { attainment: null, met: null, details: { good, total } };
    }
    const attainment = percent(good, total);
    return {
      attainment,
      met: attainment >= objective.target,
      details: { good, total },
    };
  },
};
