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

import type {
  ITServiceEntity,
  Objective,
} from '@backstage-itsm/plugin-itsm-common';
import type { ItsmScoringContext } from '@backstage-itsm/plugin-itsm-node';
import type {
  BusinessCalendar,
  Interval,
} from '@backstage-itsm/plugin-itsm-common';

/** The part of the period that has happened: [start, min(end, now)). */
export function evaluatedRange(context: ItsmScoringContext): Interval {
  return {
    start: context.period.start.getTime(),
    end: Math.min(context.period.end.getTime(), context.now.getTime()),
  };
}

/**
 * The clock an objective runs on: its own `calendar`, by default the
 * service hours when the service has them, else 24x7.
 */
export function calendarFor(
  service: ITServiceEntity,
  objective?: Objective,
): BusinessCalendar {
  const hours = service.spec.serviceHours;
  return hours && objective?.calendar !== '24x7'
    ? { kind: 'service-hours', hours }
    : { kind: '24x7' };
}

/** Whether any measurement source reported anything for the service in the loaded window. */
export function hasMeasurements(context: ItsmScoringContext): boolean {
  const { incidents, outages, sliEvents } = context.measurements;
  return incidents.length + outages.length + sliEvents.length > 0;
}

export const percent = (part: number, whole: number) => (100 * part) / whole;

/**
 * The first index in [from, to) at which `reached` holds, given that once it
 * holds it holds for every later index; `to` if none. A binary search.
 */
export function firstIndex(
  reached: (index: number) => boolean,
  from: number,
  to: number,
): number {
  let low = from;
  let high = to;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (reached(middle)) high = middle;
    else low = middle + 1;
  }
  return low;
}

/**
 * The index of the first of ascending `instants` for which `reached` holds,
 * given that once it holds it holds for every later one; `instants.length`
 * if none. Trend scoring uses it to find when a measurement starts to count.
 */
export function firstInstant(
  instants: ArrayLike<number>,
  reached: (instant: number) => boolean,
  from = 0,
  to = instants.length,
): number {
  return firstIndex(i => reached(instants[i]), from, to);
}
