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

import type { SliEventRecord, Stored } from '@backstage-itsm/plugin-itsm-node';

/**
 * Rollups sum the SLI slices that start in each quarter hour of UTC: every
 * zone's offset today is a whole number of quarter hours, so a period's
 * edges in any zone fall between them.
 */
export const SLI_BUCKET_MS = 15 * 60_000;

/** The start of the quarter hour an instant (epoch ms, not negative) is in. */
export const bucketOf = (time: number) => time - (time % SLI_BUCKET_MS);

/** One quarter hour's sums of one service's objective. */
export type SliRollup = {
  service: string;
  objective: string;
  bucketStart: number;
  good: number;
  total: number;
  /** Where the latest-ending of its slices ends. */
  lastEnd: number;
  updatedAt: number;
};

/**
 * What a report of [from, to) scores its SLI objectives on: raw slices from
 * `rawFrom` on, where the burn-rate look-backs start (they score slices pro
 * rata; it may lie past `to`), and `cuts`, every other instant a score
 * splits the slices at (period edges, trend instants).
 */
export type SliReadWindow = {
  from: number;
  to: number;
  rawFrom: number;
  cuts: number[];
};

/** The quarter hours rollups may stand for: whole, in [from, min(rawFrom, to)). */
export function rollupSpan(
  window: SliReadWindow,
): { start: number; end: number } | undefined {
  const first = bucketOf(window.from);
  const start = first === window.from ? first : first + SLI_BUCKET_MS;
  const end = bucketOf(Math.min(window.rawFrom, window.to));
  return start < end ? { start, end } : undefined;
}

/**
 * Which quarter hours of the span are read as rollups, and the ranges of
 * slice starts read raw: the window's edges, and every quarter hour that a
 * cut falls inside or that has a slice reaching into the look-backs.
 * Scoring a rollup as one slice at its quarter hour's start is then exact:
 * outside look-backs a score counts a slice by where it starts (rule 15),
 * and no such quarter hour is split by a cut or reaches a look-back.
 */
export function planSliRead(
  window: SliReadWindow,
  rollups: Iterable<SliRollup>,
): {
  useRollup: (rollup: SliRollup) => boolean;
  rawRanges: Array<[number, number]>;
} {
  const span = rollupSpan(window);
  if (!span) {
    return { useRollup: () => false, rawRanges: [[window.from, window.to]] };
  }
  const inSpan = (bucket: number) => bucket >= span.start && bucket < span.end;
  const raw = new Set<number>();
  for (const cut of window.cuts) {
    if (cut % SLI_BUCKET_MS !== 0 && inSpan(bucketOf(cut))) {
      raw.add(bucketOf(cut));
    }
  }
  for (const rollup of rollups) {
    if (rollup.lastEnd > window.rawFrom && inSpan(rollup.bucketStart)) {
      raw.add(rollup.bucketStart);
    }
  }
  const rawRanges: Array<[number, number]> = [];
  const add = (start: number, end: number) => {
    if (start >= end) return;
    const last = rawRanges[rawRanges.length - 1];
    if (last && last[1] === start) last[1] = end;
    else rawRanges.push([start, end]);
  };
  add(window.from, span.start);
  for (const bucket of [...raw].sort((a, b) => a - b)) {
    add(bucket, bucket + SLI_BUCKET_MS);
  }
  add(span.end, window.to);
  return {
    useRollup: rollup =>
      inSpan(rollup.bucketStart) && !raw.has(rollup.bucketStart),
    rawRanges,
  };
}

/** A rollup as the one slice scorers see in its place. */
export function rollupSlice(rollup: SliRollup): Stored<SliEventRecord> {
  return {
    source: 'itsm-rollup',
    service: rollup.service,
    objective: rollup.objective,
    sliceStart: rollup.bucketStart,
    sliceSeconds: SLI_BUCKET_MS / 1000,
    good: rollup.good,
    total: rollup.total,
    updatedAt: rollup.updatedAt,
  };
}

/** Two lists of slices in time order, merged in time order. */
export function mergeByStart<T extends { sliceStart: number }>(
  a: T[],
  b: T[],
): T[] {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  const merged: T[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i].sliceStart <= b[j].sliceStart)) {
      merged.push(a[i++]);
    } else {
      merged.push(b[j++]);
    }
  }
  return merged;
}
