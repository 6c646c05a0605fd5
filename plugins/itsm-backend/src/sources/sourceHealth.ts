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
  SourceHealth,
  SourceSummary,
} from '@backstage-itsm/plugin-itsm-common';
import type {
  SourceHealthRecord,
  SourceSummaryRecord,
} from '../database/SourceHealthStore';

const iso = (ms: number | undefined) =>
  ms === undefined ? undefined : new Date(ms).toISOString();

function lastStored(record: SourceHealthRecord): SourceHealth['lastStored'] {
  return Object.fromEntries(
    Object.entries(record.lastStored).map(([kind, at]) => [kind, iso(at)]),
  );
}

/** Whether a record's latest attempt failed after its latest success. */
const failing = (record?: SourceHealthRecord) =>
  record?.lastFailureAt !== undefined &&
  record.lastFailureAt > (record.lastSuccessAt ?? 0);

/**
 * How a source fares for one service: failing when its latest attempt for
 * the service failed, or when its latest run as a whole (its tool
 * unreachable) failed after the service's latest success. A later run that
 * succeeded as a whole does not clear the failure of one service.
 */
export function serviceSourceHealth(
  record: SourceHealthRecord,
  whole?: SourceHealthRecord,
): SourceHealth {
  const failures = [
    failing(record) ? record : undefined,
    failing(whole) && whole!.lastFailureAt! > (record.lastSuccessAt ?? 0)
      ? whole
      : undefined,
  ].filter((r): r is SourceHealthRecord => r !== undefined);
  const failure = failures.sort(
    (a, b) => b.lastFailureAt! - a.lastFailureAt!,
  )[0];
  return {
    source: record.source,
    status: failure ? 'failing' : 'ok',
    lastStored: lastStored(record),
    lastSuccessAt: iso(record.lastSuccessAt),
    lastFailureAt: iso(failure?.lastFailureAt),
    lastFailure: failure?.lastFailure,
  };
}

/** A source as a whole: failing when its latest run failed. */
export function sourceSummary(record: SourceSummaryRecord): SourceSummary {
  return {
    source: record.source,
    status: failing(record) ? 'failing' : 'ok',
    lastStored: lastStored(record),
    lastSuccessAt: iso(record.lastSuccessAt),
    lastFailureAt: iso(record.lastFailureAt),
    lastFailure: record.lastFailure,
    services: record.services,
    failingServices: record.failingServices,
    unmatched: {
      count: record.unmatchedCount,
      lastAt: iso(record.lastUnmatchedAt),
      last: record.lastUnmatched,
    },
  };
}
