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

import { createHash } from 'node:crypto';
import {
  entityRefKey,
  ITServiceEntity,
  monthPeriod,
  Period,
  ServiceSlaReport,
} from '@backstage-itsm/plugin-itsm-common';
import type { ItsmObjectiveScorer } from '@backstage-itsm/plugin-itsm-node';
import { MeasurementStore } from '../database/MeasurementStore';
import { ReportPeriod } from './buildServiceReport';

/** Raised when what reports store changes shape, so old snapshots are recomputed. */
const SNAPSHOT_FORMAT = 3;
const DEFAULT_SNAPSHOT_GRACE_MS = 7 * 86_400_000;

/**
 * Reports of closed months, kept so that history never computes again what
 * cannot change. Each carries a fingerprint of what it was computed from
 * (the specs of the service and its chain, the at-risk share, the scorers
 * with their settings): a stored report computed from anything else is
 * not read. Ingesting measurements of a stored month drops it (the store).
 */
export class SnapshotStore {
  constructor(
    private readonly deps: {
      store: MeasurementStore;
      scorers: ReadonlyMap<string, ItsmObjectiveScorer>;
      atRiskRemaining?: number;
      /** How long after its end a month that is not final is kept anyway. */
      graceMs?: number;
    },
  ) {}

  /** What a stored report of the service with this chain was computed from. */
  fingerprint(service: ITServiceEntity, chain: ITServiceEntity[]): string {
    const scorers = [...this.deps.scorers.values()]
      .map(s => `${s.objectiveType}:${s.fingerprint ?? ''}`)
      .sort();
    return createHash('sha256')
      .update(
        JSON.stringify({
          service: service.spec,
          chain: chain.map(entity => [entityRefKey(entity), entity.spec]),
          atRiskRemaining: this.deps.atRiskRemaining ?? null,
          scorers,
        }),
      )
      .digest('hex');
  }

  /**
   * The stored report of a month, if computed in this format from the same
   * configuration. From `readAhead` when given: what `readAhead()` found
   * for the month, a service absent from it having none.
   */
  async get(
    ref: string,
    month: string,
    fingerprint: string,
    readAhead?: Map<string, string>,
  ): Promise<ServiceSlaReport | undefined> {
    const stored = readAhead
      ? readAhead.get(ref)
      : (await this.deps.store.getSnapshots(ref, [month])).get(month);
    if (!stored) return undefined;
    const snapshot = JSON.parse(stored);
    return snapshot?.format === SNAPSHOT_FORMAT &&
      snapshot.fingerprint === fingerprint
      ? snapshot.report
      : undefined;
  }

  /** The stored reports of one month of many services, read together, for `get`. */
  readAhead(refs: string[], month: string): Promise<Map<string, string>> {
    return this.deps.store.snapshotsOfServices(refs, month);
  }

  /**
   * Keeps a closed month's report once nothing can change any more, or once
   * the grace period for its running incidents is over.
   */
  async keep(
    ref: string,
    month: Period,
    fingerprint: string,
    report: ServiceSlaReport,
    now: Date,
  ): Promise<void> {
    const grace = this.deps.graceMs ?? DEFAULT_SNAPSHOT_GRACE_MS;
    if (report.final || now.getTime() >= month.end.getTime() + grace) {
      await this.deps.store.putSnapshot(
        ref,
        month.label,
        JSON.stringify({ format: SNAPSHOT_FORMAT, fingerprint, report }),
      );
    }
  }
}

/** The report's month when it has ended in the service's zone (and so may be stored). */
export function closedMonth(
  service: ITServiceEntity,
  period: ReportPeriod,
  now: Date,
): Period | undefined {
  if (period.kind !== 'month') return undefined;
  const month = monthPeriod(
    period.month,
    service.spec.serviceHours?.timezone ?? 'UTC',
  )!;
  return month.end <= now ? month : undefined;
}
