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

/** A half-open span of time [start, end), in epoch milliseconds. @public */
export type Interval = { start: number; end: number };

/**
 * Sorts the intervals, drops empty ones and merges overlapping or touching
 * ones, so every other operation can work on a canonical, disjoint list.
 *
 * @public
 */
export function mergeIntervals(intervals: Interval[]): Interval[] {
  const sorted = intervals
    .filter(i => i.end > i.start)
    .sort((x, y) => x.start - y.start);
  const merged: Interval[] = [];
  for (const { start, end } of sorted) {
    const last = merged[merged.length - 1];
    if (last && start <= last.end) {
      last.end = Math.max(last.end, end);
    } else {
      merged.push({ start, end });
    }
  }
  return merged;
}

/**
 * The intervals as mergeIntervals returns them, read only: the same array
 * when it already is sorted, disjoint and without empty intervals, as the
 * results of these functions are. Scoring intersects and subtracts such
 * lists many times per report; re-sorting them was a tenth of its time.
 */
function normalized(intervals: Interval[]): readonly Interval[] {
  for (let i = 0; i < intervals.length; i++) {
    const { start, end } = intervals[i];
    if (!(end > start) || (i > 0 && !(start > intervals[i - 1].end))) {
      return mergeIntervals(intervals);
    }
  }
  return intervals;
}

/** The time covered by both `a` and `b`, merged and sorted. @public */
export function intersectIntervals(a: Interval[], b: Interval[]): Interval[] {
  const left = normalized(a);
  const right = normalized(b);
  const result: Interval[] = [];
  // Both lists are disjoint and sorted, so one linear sweep suffices.
  let i = 0;
  let j = 0;
  while (i < left.length && j < right.length) {
    const start = Math.max(left[i].start, right[j].start);
    const end = Math.min(left[i].end, right[j].end);
    if (start < end) {
      result.push({ start, end });
    }
    if (left[i].end < right[j].end) {
      i++;
    } else {
      j++;
    }
  }
  return result;
}

/** The time covered by `a` but not by `b`, merged and sorted. @public */
export function subtractIntervals(a: Interval[], b: Interval[]): Interval[] {
  const cuts = normalized(b);
  const result: Interval[] = [];
  let j = 0;
  for (const { start, end } of normalized(a)) {
    let cursor = start;
    // Cuts ending before this interval cannot touch later ones either.
    while (j < cuts.length && cuts[j].end <= cursor) {
      j++;
    }
    for (let k = j; k < cuts.length && cuts[k].start < end; k++) {
      if (cuts[k].start > cursor) {
        result.push({ start: cursor, end: cuts[k].start });
      }
      cursor = Math.max(cursor, cuts[k].end);
    }
    if (cursor < end) {
      result.push({ start: cursor, end });
    }
  }
  return result;
}

/** The length of the union of the intervals: overlaps count once. @public */
export function totalLength(intervals: Interval[]): number {
  return normalized(intervals).reduce(
    (sum, { start, end }) => sum + end - start,
    0,
  );
}
