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

import { Config, readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds } from '@backstage/types';
import { bucketOf } from './readPlan';

const DAY = 86_400_000;
/** The default horizon of raw SLI slices. */
export const DEFAULT_SLI_HORIZON_MS = 35 * DAY;
/**
 * The shortest horizon: reports of rolling periods (30 days at most) and
 * their look-backs read raw slices that far back.
 */
export const MIN_SLI_HORIZON_MS = 32 * DAY;

/** How long raw SLI slices are kept (rule 15). */
export type SliRetention = { horizonMs: number };

/** `itsm.retention`; undefined when retention is turned off. */
export function readSliRetention(config: Config): SliRetention | undefined {
  if (config.getOptionalBoolean('itsm.retention.enabled') === false) {
    return undefined;
  }
  const key = 'itsm.retention.sliSlices';
  const horizonMs = config.has(key)
    ? durationToMilliseconds(readDurationFromConfig(config, { key }))
    : DEFAULT_SLI_HORIZON_MS;
  if (!(horizonMs >= MIN_SLI_HORIZON_MS)) {
    throw new Error(
      `${key} must be at least 32 days: reports of rolling periods and their burn-rate look-backs read raw slices that far back`,
    );
  }
  return { horizonMs };
}

/**
 * The quarter hour from which raw SLI slices are kept: retention deletes
 * the slices before it, and ingest refuses them, since a slice there could
 * no longer be told from the rollup it is summed in.
 */
export function sliKeptFrom(retention: SliRetention, now: number): number {
  return bucketOf(now - retention.horizonMs);
}
