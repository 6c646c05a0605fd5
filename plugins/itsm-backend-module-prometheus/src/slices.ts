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

/**
 * Counting events per time slice from the raw samples of Prometheus
 * counters. Pure: no I/O, no clock. All instants in epoch milliseconds.
 */

/** One series' samples, ascending: [instant, value]. @public */
export type CounterSamples = Array<[number, number]>;

/** A series: its samples in the window and its last value before it, if any. @public */
export type CounterSeries = {
  /** The series' labels without __name__, as Prometheus' functions drop it. */
  key: string;
  /** The last sample at or before the window's start. */
  baseline?: number;
  samples: CounterSamples;
};

/**
 * The events a counter series counted in each slice of [from, to), slices of
 * `width` ms. A sample counts in the slice it ends: the increase from the
 * sample before it is attributed to the slice (s, s + width] holding its
 * instant. A drop in value is a counter reset: the increase is the new value,
 * as Prometheus' `increase` takes it. NaN samples are skipped, so the events
 * of a gap count where the next real sample lands. Without a baseline the
 * first sample only starts the count.
 *
 * @public
 */
export function increasesPerSlice(
  series: CounterSeries,
  window: { from: number; to: number; width: number },
): number[] {
  const { from, to, width } = window;
  const counts = new Array<number>(Math.ceil((to - from) / width)).fill(0);
  let previous =
    series.baseline !== undefined && Number.isFinite(series.baseline)
      ? series.baseline
      : undefined;
  for (const [at, value] of series.samples) {
    if (!Number.isFinite(value) || at <= from || at > to) {
      if (Number.isFinite(value) && at <= from) previous = value;
      continue;
    }
    if (previous !== undefined) {
      const increase = value >= previous ? value - previous : value;
      counts[Math.ceil((at - from) / width) - 1] += increase;
    }
    previous = value;
  }
  return counts;
}

/** Sums several series' counts slice by slice. @public */
export function sumSlices(perSeries: number[][], slices: number): number[] {
  const total = new Array<number>(slices).fill(0);
  for (const counts of perSeries) {
    counts.forEach((count, i) => (total[i] += count));
  }
  return total;
}

/** One slice's counts, ready for the SLI events of an objective. @public */
export type SliceCounts = {
  sliceStart: number;
  good: number;
  total: number;
};

/**
 * The good and total events per slice from the summed counts of the
 * objective's selectors (good or errors, and total). Counters of events are
 * whole numbers; each slice's sums are rounded. good is clamped to [0,
 * total]: a good counter that runs ahead of total within one slice (scraped
 * from another target a moment later) never yields more than 100 %.
 *
 * @public
 */
export function sliceCounts(options: {
  from: number;
  width: number;
  total: number[];
  good?: number[];
  errors?: number[];
  /** Slices ending after this are left out: no sample has covered them yet. */
  coveredUntil: number;
}): SliceCounts[] {
  const { from, width, total } = options;
  const result: SliceCounts[] = [];
  for (let i = 0; i < total.length; i++) {
    const sliceStart = from + i * width;
    if (sliceStart + width > options.coveredUntil) break;
    const all = Math.round(total[i]);
    const good = options.good
      ? Math.round(options.good[i])
      : all - Math.round(options.errors![i]);
    result.push({
      sliceStart,
      total: all,
      good: Math.min(all, Math.max(0, good)),
    });
  }
  return result;
}

/**
 * The slices a run asks for: from where the stored series ends (or the
 * back-fill horizon, whichever is later) to the last whole slice that ended
 * `delay` ago, aligned to multiples of the width since the epoch.
 *
 * @public
 */
export function sliceWindow(options: {
  now: number;
  width: number;
  delay: number;
  horizon: number;
  storedUntil?: number;
}): { from: number; to: number } | undefined {
  const { now, width, delay, horizon, storedUntil } = options;
  const floor = (t: number) => Math.floor(t / width) * width;
  const from = Math.max(floor(now - horizon), storedUntil ?? -Infinity);
  const to = floor(now - delay);
  return to > from ? { from: floor(from), to } : undefined;
}
