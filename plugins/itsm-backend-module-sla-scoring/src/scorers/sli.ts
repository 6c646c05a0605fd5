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
  ItsmScoreBudget,
  ItsmScoringContext,
  SliEventRecord,
} from '@backstage-itsm/plugin-itsm-node';
import { allowedFailureShare } from '@backstage-itsm/plugin-itsm-common';
import { evaluatedRange, firstIndex, firstInstant, percent } from './common';

/** How far before a look-back a slice may start and still overlap it. */
function longestSliceMs(slices: readonly SliEventRecord[]): number {
  let longest = 0;
  for (const slice of slices) {
    longest = Math.max(longest, slice.sliceSeconds * 1000);
  }
  return longest;
}

/**
 * SLI objectives, the occurrences method: good ÷ total over the slices that
 * start in the period. In a burn-rate look-back (`context.lookback`) a
 * slice counts pro rata by its overlap with the look-back instead. Slices
 * are reported under the objective's `indicator`, or its name. The error
 * budget is in bad events: (1 − target) × the period's events, projected
 * to its end from the rate so far while it is open.
 *
 * @public
 */
export const sliScorer: ItsmObjectiveScorer = {
  objectiveType: 'sli',
  score(context: ItsmScoringContext) {
    const range = evaluatedRange(context);
    let good = 0;
    let total = 0;
    if (context.lookback) {
      const longest = longestSliceMs(context.measurements.sliEvents);
      forEachSlice(context, range.start - longest, (slice, start) => {
        const end = start + slice.sliceSeconds * 1000;
        const overlap = Math.min(end, range.end) - Math.max(start, range.start);
        if (overlap > 0) {
          const share = overlap / (end - start);
          good += slice.good * share;
          total += slice.total * share;
        }
      });
    } else {
      forEachSlice(context, range.start, (slice, start) => {
        if (start < range.end) {
          good += slice.good;
          total += slice.total;
        }
      });
    }
    if (total === 0) {
      return { attainment: null, met: null, details: { good, total } };
    }
    const attainment = percent(good, total);
    return {
      attainment,
      met: attainment >= context.objective.target,
      budget: budgetOf(context, good, total, range.end),
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
    forEachSlice(context, context.period.start.getTime(), (slice, start) => {
      if (start >= end) return;
      const first = firstInstant(times, instant => instant > start);
      good[first] += slice.good;
      total[first] += slice.total;
    });
    let goodSoFar = 0;
    let totalSoFar = 0;
    return times.map((at, i) => {
      goodSoFar += good[i];
      totalSoFar += total[i];
      if (totalSoFar === 0) return { attainment: null };
      return {
        attainment: percent(goodSoFar, totalSoFar),
        budget: budgetOf(context, goodSoFar, totalSoFar, Math.min(at, end)),
      };
    });
  },
};

/** Bad events against (1 − target) × the period's events, projected while it is open. */
function budgetOf(
  context: ItsmScoringContext,
  good: number,
  total: number,
  evaluatedEnd: number,
): ItsmScoreBudget {
  const start = context.period.start.getTime();
  const periodMs = context.period.end.getTime() - start;
  const elapsedShare = Math.min(1, (evaluatedEnd - start) / periodMs);
  const share = allowedFailureShare(context.objective.target);
  const bad = total - good;
  const allowed = share * (total / elapsedShare);
  const budget: ItsmScoreBudget = {
    unit: 'events',
    allowed,
    spent: bad,
    remaining: allowed - bad,
    elapsedShare,
  };
  // Bad events at the rate so far reach the allowance (1 − t) × total ÷
  // share after (1 − t) × total × period ÷ bad of the period.
  if (bad > 0 && bad < allowed) {
    const after = (share * total * periodMs) / bad;
    if (after < periodMs) budget.exhaustsAt = Math.round(start + after);
  }
  return budget;
}

/**
 * Each slice of the objective's indicator that starts at `from` or later.
 * Slices come in time order (the context's contract): a look-back skips
 * straight to its first one.
 */
function forEachSlice(
  context: ItsmScoringContext,
  from: number,
  visit: (slice: SliEventRecord, start: number) => void,
) {
  const { objective } = context;
  const indicator = objective.indicator ?? objective.name;
  const slices = context.measurements.sliEvents;
  const first = firstIndex(i => slices[i].sliceStart >= from, 0, slices.length);
  for (let i = first; i < slices.length; i++) {
    const slice = slices[i];
    if (slice.objective === indicator || slice.objective === objective.name) {
      visit(slice, slice.sliceStart);
    }
  }
}
