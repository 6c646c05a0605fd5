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

// A report scores the same measurement lists dozens of times (burn-rate
// windows, trend points); parsing their ISO instants on every pass was most
// of its cost. Lists are keyed by identity, so they must not be mutated.
const caches = new Map<string, WeakMap<readonly object[], Float64Array>>();

function cacheOf(field: string) {
  let cache = caches.get(field);
  if (!cache) {
    cache = new WeakMap();
    caches.set(field, cache);
  }
  return cache;
}

/**
 * The instants (epoch milliseconds) of one ISO date-time field over a list
 * of measurements, parsed once per list and field; NaN where the field is
 * absent. Scorers use it to read times in their loops.
 *
 * @public
 */
export function measurementTimes<F extends string>(
  items: ReadonlyArray<Partial<Record<F, string>>>,
  field: F,
): Float64Array {
  const cache = cacheOf(field);
  let times = cache.get(items);
  if (!times) {
    times = Float64Array.from(items, item => {
      const text = item[field];
      return text === undefined ? NaN : Date.parse(text);
    });
    cache.set(items, times);
  }
  return times;
}

/**
 * Hands over the instants of a list whose producer already holds them as
 * numbers (a store), so that `measurementTimes` need not parse them.
 *
 * @public
 */
export function presetMeasurementTimes<F extends string>(
  items: ReadonlyArray<Partial<Record<F, string>>>,
  field: F,
  times: Float64Array,
): void {
  if (times.length !== items.length) {
    throw new RangeError(
      `${field}: ${times.length} times for ${items.length} measurements`,
    );
  }
  cacheOf(field).set(items, times);
}
