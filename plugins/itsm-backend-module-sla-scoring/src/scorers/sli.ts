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
import type { SliEvent } from '@backstage-itsm/plugin-itsm-common';
import { evaluatedRange, firstInstant, percent } from './common';

/**
 * SLI objectives, the occurrences method: good ÷ total over the slices that
 * start in the period. Slices are reported under the objective's
 * `indicator`, or its name.
 */
export const sliScorer: ItsmObjectiveScorer = {
  objectiveType: 'sli',
  score(context: ItsmScoringContext) {
    const range = evaluatedRange(context);
    let good = 0;
    let total = 0;
    forEachSlice(context, (slice, start) => {
      if (start < range.end) {
        good += slice.good;
        total += slice.total;
      }
    });
    if (total === 0) {
      return { attainment: null, met: null, details: { good, total } };
    }
    const attainment = percent(good, total);
    return {
      attainment,
      met: attainment >= context.objective.target,
      details: { good, total },
    };
  },

  // A slice counts from the first instant after its start on: add it there
  // and sum up, one pass instead of one per instant.
  scoreTrend(context: ItsmScoringContext, instants: Date[]) {
    const times = instants.map(instant => instant.getTime());
    const good = new Array<number>(times.length + 1).fill(0);
    const total = new Array<number>(times.length + 1).fill(0);
    const end = context.period.end.getTime();
    forEachSlice(context, (slice, start) => {
      if (start >= end) return;
      const first = firstInstant(times, instant => instant > start);
      good[first] += slice.good;
      total[first] += slice.total;
    });
    let goodSoFar = 0;
    let totalSoFar = 0;
    return times.map((_, i) => {
      goodSoFar += good[i];
      totalSoFar += total[i];
      return totalSoFar === 0 ? null : percent(goodSoFar, totalSoFar);
    });
  },
};

/** Each slice of the objective's indicator that starts in the period or later. */
function forEachSlice(
  context: ItsmScoringContext,
  visit: (slice: SliEvent, start: number) => void,
) {
  const { objective } = context;
  const indicator = objective.indicator ?? objective.name;
  const periodStart = context.period.start.getTime();
  const slices = context.measurements.sliEvents;
  const starts = measurementTimes(slices, 'sliceStart');
  for (let i = 0; i < slices.length; i++) {
    const slice = slices[i];
    if (
      (slice.objective === indicator || slice.objective === objective.name) &&
      starts[i] >= periodStart
    ) {
      visit(slice, starts[i]);
    }
  }
}
