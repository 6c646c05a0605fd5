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

import type { IngestResult } from '@backstage-itsm/plugin-itsm-common';
import type {
  IncidentRecord,
  OutageRecord,
  SliEventRecord,
  Stored,
} from '@backstage-itsm/plugin-itsm-node';

// Records (itsm-node) are what the store keeps: instants as UTC epoch
// milliseconds and services as normalised ITService refs.
export type { IncidentRecord, OutageRecord, SliEventRecord, Stored };

/** What a report reads of one service. */
export type StoredMeasurements = {
  incidents: Array<Stored<IncidentRecord>>;
  outages: Array<Stored<OutageRecord>>;
  sliEvents: Array<Stored<SliEventRecord>>;
  /** The start of the service's earliest outage record of any impact, if any. */
  availabilityReportedSince?: number;
};

/**
 * How a report reads SLI slices: raw from `rawFrom` on; before it, a
 * quarter hour's rollup stands for its slices unless one of the `cuts`
 * (instants a score splits slices at) falls inside it. @public
 */
export type SliReadOptions = { rawFrom: number; cuts: number[] };

/** Which records of a service to list: [from, to), newest first. @public */
export type ListOptions = {
  service: string;
  from?: number;
  to?: number;
  limit: number;
  /** The nextCursor of the previous page. */
  cursor?: string;
};

/** An incident's or outage's key as its source knows it. @public */
export type MeasurementKey = { source: string; externalId: string };

/** The key of one stored incident or outage: keys are unique per service. @public */
export type ServiceMeasurementKey = MeasurementKey & { service: string };

/** @public */
export type UpsertOptions<R = unknown> = {
  /**
   * Rows of the same key in other services, deleted in the same transaction:
   * the measurement moved to the service of its new record.
   */
  moves?: ServiceMeasurementKey[];
  /**
   * Called in the write's transaction with the stored rows of the batch's
   * keys that live under another service (only when there are some);
   * resolves those that move, as `moves`. The others stay, and the record
   * is stored beside them.
   */
  relocate?(elsewhere: Array<Stored<R>>): Promise<ServiceMeasurementKey[]>;
  /**
   * Receives the rows as stored before the write, of the batch's keys in
   * their record's service and of those moved: the periods they leave.
   */
  replaced?(rows: Array<Stored<R>>): void;
};

/** One page, and the cursor of the next when there is one. @public */
export type RecordPage<T> = { items: Array<Stored<T>>; nextCursor?: string };

/** What a reconciliation with the catalog found and did. @public */
export type ReconcileResult = {
  /** Services with measurements that the catalog does not have. */
  missing: string[];
  /** Services whose measurements were deleted, missing past the grace period. */
  pruned: string[];
};

/**
 * A kept portfolio row (docs/sla-semantics.md, rule 16): what it was made
 * from, when, and its figures as JSON. @public
 */
export type KeptPortfolioRow = {
  fingerprint: string;
  /** The service's generation read before the measurements it was made from. */
  generation: number;
  /** Epoch ms. */
  evaluatedAt: number;
  figures: string;
};

/**
 * Storage of measurements. Every write is one transaction: a batch is stored
 * whole or not at all. Upserts are keyed by (service, source, externalId), or
 * for SLI events by (source, service, objective, sliceStart): a write to one
 * service never touches a row of another unless it names it in `moves`.
 *
 * @public
 */
export interface MeasurementStore {
  upsertIncidents(
    records: IncidentRecord[],
    options?: UpsertOptions<IncidentRecord>,
  ): Promise<IngestResult>;
  upsertOutages(
    records: OutageRecord[],
    options?: UpsertOptions<OutageRecord>,
  ): Promise<IngestResult>;
  upsertSliEvents(records: SliEventRecord[]): Promise<IngestResult>;

  /** With open: true, only incidents not resolved yet. */
  listIncidents(
    options: ListOptions & { open?: boolean },
  ): Promise<RecordPage<IncidentRecord>>;
  listOutages(options: ListOptions): Promise<RecordPage<OutageRecord>>;
  listSliEvents(
    options: ListOptions & { objective?: string },
  ): Promise<RecordPage<SliEventRecord>>;

  /** Where the latest SLI slice of a source's series ends (epoch ms), if any. */
  latestSliSliceEnd(key: {
    source: string;
    service: string;
    objective: string;
  }): Promise<number | undefined>;

  /** The stored incidents or outages of these keys, in every service. */
  findIncidents(keys: MeasurementKey[]): Promise<Array<Stored<IncidentRecord>>>;
  findOutages(keys: MeasurementKey[]): Promise<Array<Stored<OutageRecord>>>;

  /** Deletes these rows in one transaction; resolves how many there were. */
  deleteIncidents(keys: ServiceMeasurementKey[]): Promise<number>;
  deleteOutages(keys: ServiceMeasurementKey[]): Promise<number>;
  /** Resolves false when there was nothing to delete. */
  deleteSliEvent(key: {
    source: string;
    service: string;
    objective: string;
    sliceStart: number;
  }): Promise<boolean>;

  /**
   * Every measurement of a service that matters for [from, to): incidents
   * opened in it or still running at its start, outages overlapping it,
   * SLI slices starting in it, and when outages were first reported.
   */
  loadMeasurements(options: {
    service: string;
    from: number;
    to: number;
    /**
     * Where quarter-hour rollups may stand for the raw slices (rule 15):
     * before `rawFrom`, in quarter hours no cut falls inside. Without it,
     * every slice is read raw.
     */
    sli?: SliReadOptions;
  }): Promise<StoredMeasurements>;

  /** The same for many services at once (portfolio, party reports), by service. */
  loadMeasurementsOfServices(options: {
    services: string[];
    from: number;
    to: number;
    sli?: SliReadOptions;
  }): Promise<Map<string, StoredMeasurements>>;

  /**
   * Deletes the raw SLI slices that start before `boundary` (a quarter
   * hour); their rollups stay. Resolves how many there were.
   */
  deleteSliEventsBefore(boundary: number): Promise<number>;

  /** Stored reports of closed months, by month (YYYY-MM). */
  getSnapshots(
    service: string,
    periods: string[],
  ): Promise<Map<string, string>>;
  /** Stored reports of one closed month (YYYY-MM) of many services, by service ref. */
  snapshotsOfServices(
    services: string[],
    period: string,
  ): Promise<Map<string, string>>;
  putSnapshot(service: string, period: string, report: string): Promise<void>;
  /** Forgets the snapshots of a service for the months from..to (YYYY-MM, inclusive). */
  invalidateSnapshots(service: string, from: string, to: string): Promise<void>;

  /**
   * The services' generations: 0 for a service never written to; every
   * write that changes a service's measurements raises it in the same
   * transaction.
   */
  serviceGenerations(services: string[]): Promise<Map<string, number>>;
  /** The services' kept portfolio rows; a service without one is not in the map. */
  portfolioRows(services: string[]): Promise<Map<string, KeptPortfolioRow>>;
  /** Keeps portfolio rows, each in place of the service's earlier one. */
  keepPortfolioRows(
    rows: Array<KeptPortfolioRow & { service: string }>,
  ): Promise<void>;

  /**
   * Compares the services that have measurements with those the catalog
   * has: remembers since when each is missing, forgets those that came back,
   * and deletes the measurements of services missing for longer than the
   * grace period.
   */
  reconcileServices(options: {
    existing: Set<string>;
    now: number;
    gracePeriodMs: number;
  }): Promise<ReconcileResult>;
}
