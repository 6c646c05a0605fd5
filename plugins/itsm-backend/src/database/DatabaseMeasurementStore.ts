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

import { waitOutMigrationRaces } from '@backstage-itsm/plugin-itsm-node';
import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import type { IngestResult } from '@backstage-itsm/plugin-itsm-common';
import { Knex } from 'knex';
import {
  IncidentRecord,
  KeptPortfolioRow,
  ListOptions,
  MeasurementKey,
  MeasurementStore,
  OutageRecord,
  ReconcileResult,
  RecordPage,
  ServiceMeasurementKey,
  SliEventRecord,
  Stored,
  StoredMeasurements,
  SliReadOptions,
  UpsertOptions,
} from './MeasurementStore';
import { chunks } from './chunks';
import { postgresUpsert, sqliteUpsert } from './jsonUpsert';
import {
  mergeByStart,
  planSliRead,
  rollupSlice,
  rollupSpan,
  SLI_BUCKET_MS,
  SliReadWindow,
  SliRollup,
} from '../rollups/readPlan';
import {
  compareSliRollups,
  lockSliSeries,
  raiseSliKeptFrom,
  readRollup,
  refreshSliRollups,
  ROLLUP_TABLE,
  sliKeptFrom,
} from '../rollups/rollupTable';
import {
  PORTFOLIO_ROWS_TABLE,
  raiseGenerations,
  readGenerations,
  readPortfolioRows,
  writePortfolioRows,
} from './portfolioRows';

const migrationsDir = resolvePackagePath(
  '@backstage-itsm/plugin-itsm-backend',
  'migrations',
);

// Rows per statement: SQLite's multi-row insert is a compound SELECT of at
// most 500 terms, and 500 rows stay far below either engine's bind limit.
const CHUNK = 500;
// Keys per lookup on PostgreSQL, where they go as one JSON text.
const FIND_CHUNK_PG = 5000;
// Reads come in pieces whose driver rows die young: one service's SLI
// slices in pages of SLI_PAGE rows, several services' rows SERVICES_PER_READ
// services at a time.
const SLI_PAGE = 5000;
const SERVICES_PER_READ = 200;
// Raw SLI rows per retention delete.
const RETENTION_CHUNK = 5000;

type Row = Record<string, unknown>;

/** How one kind of record maps to its table. */
type TableSpec<R> = {
  table: string;
  keyColumns: string[];
  timeColumn: string;
  toRow(record: R): Row;
  fromRow(row: Row): R;
};

const optionalNumber = (value: unknown) =>
  value === null || value === undefined ? undefined : Number(value);
const optionalString = (value: unknown) =>
  value === null || value === undefined ? undefined : String(value);

const incidents: TableSpec<IncidentRecord> = {
  table: 'itsm_incidents',
  keyColumns: ['service_ref', 'source', 'external_id'],
  timeColumn: 'opened_at',
  toRow: r => ({
    source: r.source,
    external_id: r.externalId,
    service_ref: r.service,
    priority: r.priority,
    opened_at: r.openedAt,
    acknowledged_at: r.acknowledgedAt ?? null,
    resolved_at: r.resolvedAt ?? null,
    pauses: r.pauses?.length ? JSON.stringify(r.pauses) : null,
    title: r.title ?? null,
    url: r.url ?? null,
  }),
  fromRow: row => ({
    source: String(row.source),
    externalId: String(row.external_id),
    service: String(row.service_ref),
    priority: row.priority as IncidentRecord['priority'],
    openedAt: Number(row.opened_at),
    acknowledgedAt: optionalNumber(row.acknowledged_at),
    resolvedAt: optionalNumber(row.resolved_at),
    pauses: row.pauses ? JSON.parse(String(row.pauses)) : undefined,
    title: optionalString(row.title),
    url: optionalString(row.url),
  }),
};

const outages: TableSpec<OutageRecord> = {
  table: 'itsm_outages',
  keyColumns: ['service_ref', 'source', 'external_id'],
  timeColumn: 'start_at',
  toRow: r => ({
    source: r.source,
    external_id: r.externalId,
    service_ref: r.service,
    start_at: r.start,
    end_at: r.end ?? null,
    impact: r.impact,
    planned: r.planned,
    title: r.title ?? null,
  }),
  fromRow: row => ({
    source: String(row.source),
    externalId: String(row.external_id),
    service: String(row.service_ref),
    start: Number(row.start_at),
    end: optionalNumber(row.end_at),
    impact: row.impact as OutageRecord['impact'],
    // SQLite answers 0/1, PostgreSQL a boolean.
    planned: Boolean(row.planned),
    title: optionalString(row.title),
  }),
};

const sliEvents: TableSpec<SliEventRecord> = {
  table: 'itsm_sli_events',
  keyColumns: ['source', 'service_ref', 'objective', 'slice_start'],
  timeColumn: 'slice_start',
  toRow: r => ({
    source: r.source,
    service_ref: r.service,
    objective: r.objective,
    slice_start: r.sliceStart,
    slice_seconds: r.sliceSeconds,
    good: r.good,
    total: r.total,
  }),
  fromRow: row => ({
    source: String(row.source),
    service: String(row.service_ref),
    objective: String(row.objective),
    sliceStart: Number(row.slice_start),
    sliceSeconds: Number(row.slice_seconds),
    good: Number(row.good),
    total: Number(row.total),
  }),
};

const MEASUREMENT_TABLES = [incidents, outages, sliEvents].map(s => s.table);
// Pruning a service removes its snapshots, rollups and portfolio row with
// its measurements. Its generation stays: a row made before the pruning
// must not match it again once the service is back.
const SERVICE_TABLES = [
  ...MEASUREMENT_TABLES,
  ROLLUP_TABLE,
  'itsm_sla_snapshots',
  PORTFOLIO_ROWS_TABLE,
];

/** Hooks around a write, inside its transaction. */
type WriteHooks<R> = {
  before?(tx: Knex.Transaction, records: R[]): Promise<void>;
  after?(tx: Knex.Transaction, records: R[]): Promise<void>;
};

// SLI writes keep the rollups of the quarter hours they touch equal to the
// raw rows, in the same transaction. Slices before where retention deleted
// up to are refused: they could not be told from the rollups they are
// summed in (rule 15).
const sliRollupHooks: WriteHooks<SliEventRecord> = {
  before: async (tx, records) => {
    await lockSliSeries(
      tx,
      records.map(r => r.service),
    );
    const keptFrom = await sliKeptFrom(tx);
    const refused = records.flatMap((record, index) =>
      record.sliceStart < keptFrom ? [index] : [],
    );
    if (refused.length > 0) {
      const shown = refused
        .slice(0, 20)
        .map(index => `items[${index}].sliceStart`)
        .join(', ');
      throw new InputError(
        `${shown}${
          refused.length > 20 ? ` and ${refused.length - 20} more` : ''
        }: before ${new Date(
          keptFrom,
        ).toISOString()}, up to which retention (itsm.retention.sliSlices) deleted the raw SLI slices; older slices count only in their rollups and cannot change`,
      );
    }
  },
  after: (tx, records) => refreshSliRollups(tx, records, Date.now()),
};

// Completes the fresh record rather than copying it: reports read many.
function readStored<R>(spec: TableSpec<R>, row: Row): Stored<R> {
  const record = spec.fromRow(row) as Stored<R>;
  record.updatedAt = Number(row.updated_at);
  return record;
}

// Deletes the row of one service's key; resolves how many there were.
function deleteRow<R>(
  tx: Knex.Transaction,
  spec: TableSpec<R>,
  key: ServiceMeasurementKey,
): Promise<number> {
  return tx(spec.table)
    .where({
      service_ref: key.service,
      source: key.source,
      external_id: key.externalId,
    })
    .delete();
}

/**
 * Where a batch goes, decided in the write's transaction: the rows of other
 * services it moves and, when this step read them, the batch's rows in their
 * records' services (key text to canonical row) to compare with.
 */
type Placement = (tx: Knex.Transaction) => Promise<{
  moves: ServiceMeasurementKey[];
  known?: Map<string, string>;
}>;

/**
 * A batch's counts, the keys it moved out of other services, and the
 * services whose rows it changed.
 */
type Counter = {
  result: IngestResult;
  moved: Set<string>;
  changed: Set<string>;
};

// A record whose key left another service was there before: updated.
function count(counter: Counter, status: keyof IngestResult, row: Row) {
  const moved =
    counter.moved.size > 0 &&
    counter.moved.has(JSON.stringify([row.source, row.external_id]));
  counter.result[moved ? 'updated' : status] += 1;
}

// A row's key as text, the same whichever engine returned it.
function keyText<R>(spec: TableSpec<R>, row: Row): string {
  return JSON.stringify(spec.keyColumns.map(c => String(row[c])));
}

// Comparable form of a row: the same record gives the same text whichever
// engine it went through (bigint as string, boolean as 0/1).
function canonical<R>(spec: TableSpec<R>, record: R): string {
  return JSON.stringify(spec.toRow(record));
}

// A list is ordered by time, then by the rest of the key within the service:
// the cursor carries the last row's values of those columns, nothing a
// reader has not seen (no row id, which would tell how many rows all
// services hold).
function pageColumns<R>(spec: TableSpec<R>): string[] {
  return [
    spec.timeColumn,
    ...spec.keyColumns.filter(
      c => c !== 'service_ref' && c !== spec.timeColumn,
    ),
  ];
}

function encodeCursor(values: unknown[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

function decodeCursor(
  cursor: string,
  columns: string[],
): [number, ...string[]] {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString());
    if (
      Array.isArray(value) &&
      value.length === columns.length &&
      Number.isSafeInteger(value[0]) &&
      value.slice(1).every(v => typeof v === 'string')
    ) {
      return value as [number, ...string[]];
    }
  } catch {
    // fall through to the error below
  }
  throw new InputError(
    'cursor: must be the nextCursor of a previous page of this list',
  );
}

// Rows after `values` in descending (columns) order.
function after(
  query: Knex.QueryBuilder,
  columns: string[],
  values: unknown[],
): Knex.QueryBuilder {
  const [column, ...rest] = columns;
  const [value, ...restValues] = values;
  if (rest.length === 0) return query.where(column, '<', value as any);
  return query.where(q =>
    q
      .where(column, '<', value as any)
      .orWhere(tie =>
        after(tie.where(column, '=', value as any), rest, restValues),
      ),
  );
}

/**
 * The knex implementation of the MeasurementStore, for SQLite and PostgreSQL.
 *
 * @public
 */
export class DatabaseMeasurementStore implements MeasurementStore {
  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseMeasurementStore> {
    const { database } = options;
    const client = await database.getClient();
    if (!database.migrations?.skip) {
      // Replicas that start together wait for each other's migrations.
      await waitOutMigrationRaces(client).migrate.latest({
        directory: migrationsDir,
      });
    }
    return new DatabaseMeasurementStore(client);
  }

  // PostgreSQL takes other statements than SQLite for upserts and lookups.
  private readonly postgres: boolean;

  private constructor(private readonly db: Knex) {
    this.postgres = db.client.config.client === 'pg';
  }

  upsertIncidents(
    records: IncidentRecord[],
    options?: UpsertOptions<IncidentRecord>,
  ) {
    return this.upsert(
      incidents,
      records,
      this.placement(incidents, records, options),
    );
  }

  upsertOutages(
    records: OutageRecord[],
    options?: UpsertOptions<OutageRecord>,
  ) {
    return this.upsert(
      outages,
      records,
      this.placement(outages, records, options),
    );
  }

  upsertSliEvents(records: SliEventRecord[]) {
    return this.upsert(sliEvents, records, undefined, sliRollupHooks);
  }

  async latestSliSliceEnd(key: {
    source: string;
    service: string;
    objective: string;
  }) {
    const row = await this.db(sliEvents.table)
      .where({
        source: key.source,
        service_ref: key.service,
        objective: key.objective,
      })
      .orderBy('slice_start', 'desc')
      .first('slice_start', 'slice_seconds');
    return row
      ? Number(row.slice_start) + Number(row.slice_seconds) * 1000
      : undefined;
  }

  listIncidents(options: ListOptions & { open?: boolean }) {
    return this.list(incidents, options, query =>
      options.open ? query.whereNull('resolved_at') : query,
    );
  }

  listOutages(options: ListOptions) {
    return this.list(outages, options);
  }

  listSliEvents(options: ListOptions & { objective?: string }) {
    return this.list(sliEvents, options, query =>
      options.objective ? query.where('objective', options.objective) : query,
    );
  }

  findIncidents(keys: MeasurementKey[]) {
    return this.find(incidents, keys);
  }

  findOutages(keys: MeasurementKey[]) {
    return this.find(outages, keys);
  }

  deleteIncidents(keys: ServiceMeasurementKey[]) {
    return this.deleteKeyed(incidents, keys);
  }

  deleteOutages(keys: ServiceMeasurementKey[]) {
    return this.deleteKeyed(outages, keys);
  }

  deleteSliEvent(key: {
    source: string;
    service: string;
    objective: string;
    sliceStart: number;
  }) {
    return this.db.transaction(async tx => {
      await lockSliSeries(tx, [key.service]);
      // Before the retention boundary the raw slice is gone, and its
      // quarter hour's rollup must stay as it is.
      if (key.sliceStart < (await sliKeptFrom(tx))) return false;
      const deleted = await tx(sliEvents.table)
        .where(this.keyWhere(sliEvents, key))
        .delete();
      await sliRollupHooks.after!(tx, [key as SliEventRecord]);
      if (deleted > 0) await raiseGenerations(tx, [key.service]);
      return deleted > 0;
    });
  }

  /**
   * Deletes the raw SLI slices that start before `boundary` (a quarter
   * hour); their rollups stay. From then on, slices before the boundary are
   * refused. Resolves how many were deleted.
   */
  async deleteSliEventsBefore(boundary: number): Promise<number> {
    if (boundary % SLI_BUCKET_MS !== 0) {
      throw new Error(
        `deleteSliEventsBefore: ${boundary} is not on a quarter hour`,
      );
    }
    // The boundary first: a write that starts after it refuses what is
    // about to go; one already running holds its services' lock, which
    // each service's delete below waits for.
    await raiseSliKeptFrom(this.db, boundary);
    const services = await this.db(sliEvents.table)
      .where('slice_start', '<', boundary)
      .distinct('service_ref');
    let deleted = 0;
    for (const { service_ref: service } of services) {
      for (;;) {
        // In pieces: one long delete would hold back the service's writers.
        const n = await this.db.transaction(async (tx): Promise<number> => {
          await lockSliSeries(tx, [String(service)]);
          const ids = await tx(sliEvents.table)
            .where('service_ref', String(service))
            .where('slice_start', '<', boundary)
            .limit(RETENTION_CHUNK)
            .pluck('id');
          if (ids.length === 0) return 0;
          const removed = await tx(sliEvents.table).whereIn('id', ids).delete();
          await raiseGenerations(tx, [String(service)]);
          return removed;
        });
        deleted += n;
        if (n === 0) break;
      }
    }
    return deleted;
  }

  /** Where rollups differ from the raw rows they sum, from `from` on. */
  compareSliRollups(options?: { from?: number }) {
    return compareSliRollups(this.db, options);
  }

  async loadMeasurements(options: {
    service: string;
    from: number;
    to: number;
    sli?: SliReadOptions;
  }): Promise<StoredMeasurements> {
    const { service, from, to } = options;
    const scope = (q: Knex.QueryBuilder) => q.where('service_ref', service);
    const [rows, slices, since] = await Promise.all([
      this.incidentAndOutageRows(scope, from, to),
      this.slicesOfService(service, { from, to, sli: options.sli }),
      this.availabilityReportedSince(scope),
    ]);
    return {
      incidents: rows.incidents.map(row => readStored(incidents, row)),
      outages: rows.outages.map(row => readStored(outages, row)),
      sliEvents: slices,
      ...(since.has(service) && {
        availabilityReportedSince: since.get(service),
      }),
    };
  }

  async loadMeasurementsOfServices(options: {
    services: string[];
    from: number;
    to: number;
    sli?: SliReadOptions;
  }): Promise<Map<string, StoredMeasurements>> {
    const { from, to } = options;
    const loaded = new Map<string, StoredMeasurements>(
      options.services.map(service => [
        service,
        { incidents: [], outages: [], sliEvents: [] },
      ]),
    );
    const of = (row: Row) => loaded.get(String(row.service_ref))!;
    for (const chunk of chunks([...loaded.keys()], SERVICES_PER_READ)) {
      const scope = (q: Knex.QueryBuilder) => q.whereIn('service_ref', chunk);
      const { rollups, plan } = await this.sliReadPlan(scope, {
        from,
        to,
        sli: options.sli,
      });
      const rows = {
        ...(await this.incidentAndOutageRows(scope, from, to)),
        sliEvents: await this.sliEventRowsIn(scope, plan.rawRanges)
          .select('service_ref')
          .orderBy('slice_start'),
      };
      for (const row of rows.incidents) {
        of(row).incidents.push(readStored(incidents, row));
      }
      for (const row of rows.outages) {
        of(row).outages.push(readStored(outages, row));
      }
      for (const row of rows.sliEvents) {
        of(row).sliEvents.push(readStored(sliEvents, row));
      }
      const rolled = new Map<string, Array<Stored<SliEventRecord>>>();
      for (const rollup of rollups) {
        if (!plan.useRollup(rollup)) continue;
        const list = rolled.get(rollup.service) ?? [];
        list.push(rollupSlice(rollup));
        rolled.set(rollup.service, list);
      }
      for (const [service, list] of rolled) {
        const measurements = loaded.get(service)!;
        measurements.sliEvents = mergeByStart(list, measurements.sliEvents);
      }
      for (const [service, since] of await this.availabilityReportedSince(
        scope,
      )) {
        loaded.get(service)!.availabilityReportedSince = since;
      }
    }
    return loaded;
  }

  // A service's slices of the window: rollups where the plan allows, raw
  // rows for the rest.
  private async slicesOfService(
    service: string,
    options: { from: number; to: number; sli?: SliReadOptions },
  ): Promise<Array<Stored<SliEventRecord>>> {
    const scope = (q: Knex.QueryBuilder) => q.where('service_ref', service);
    const { rollups, plan } = await this.sliReadPlan(scope, options);
    let raw: Array<Stored<SliEventRecord>> = [];
    for (const [start, end] of plan.rawRanges) {
      const part = await this.sliEventsOfService(service, start, end);
      raw = raw.length === 0 ? part : raw.concat(part);
    }
    const rolled = rollups.filter(plan.useRollup).map(rollupSlice);
    return mergeByStart(rolled, raw);
  }

  // The rollups of the window and what to read raw; without a read window
  // (`sli`), every slice is read raw.
  private async sliReadPlan(
    scope: (query: Knex.QueryBuilder) => Knex.QueryBuilder,
    options: { from: number; to: number; sli?: SliReadOptions },
  ) {
    const { from, to, sli } = options;
    if (!sli) {
      return {
        rollups: [] as SliRollup[],
        plan: {
          useRollup: () => false,
          rawRanges: [[from, to]] as Array<[number, number]>,
        },
      };
    }
    const window = { from, to, ...sli };
    const rollups = await this.rollupsIn(scope, window);
    return { rollups, plan: planSliRead(window, rollups) };
  }

  // The rollups of the services the scope selects in the window's span, in
  // time order.
  private async rollupsIn(
    scope: (query: Knex.QueryBuilder) => Knex.QueryBuilder,
    window: SliReadWindow,
  ): Promise<SliRollup[]> {
    const span = rollupSpan(window);
    if (!span) return [];
    const rows: Row[] = await scope(this.db(ROLLUP_TABLE))
      .where('bucket_start', '>=', span.start)
      .where('bucket_start', '<', span.end)
      .orderBy('bucket_start')
      .select();
    return rows.map(readRollup);
  }

  // The bulk of a report's rows, page by page, each completed before the
  // next is read: a page's driver rows then die young, instead of all of
  // them surviving the collections a large report's allocations trigger
  // (which took the larger part of its time).
  private async sliEventsOfService(service: string, from: number, to: number) {
    const scope = (q: Knex.QueryBuilder) => q.where('service_ref', service);
    const slices: Array<Stored<SliEventRecord>> = [];
    let page = await this.sliEventPage(scope, from, to);
    for (;;) {
      for (const row of page) {
        // Fresh rows from the driver: cheaper to complete than to copy; the
        // service is not even read, they all share it.
        slices.push(
          readStored(sliEvents, Object.assign(row, { service_ref: service })),
        );
      }
      if (page.length < SLI_PAGE) return slices;
      page = await this.sliEventPage(scope, from, to, page[page.length - 1]);
    }
  }

  // The page of slices after the `last` row read, by (slice_start, id), with
  // a lower bound the index can seek to.
  private sliEventPage(
    scope: (query: Knex.QueryBuilder) => Knex.QueryBuilder,
    from: number,
    to: number,
    last?: Row,
  ): Promise<Row[]> {
    const query = last
      ? this.sliEventRows(scope, Number(last.slice_start), to).where(q =>
          q
            .where('slice_start', '>', Number(last.slice_start))
            .orWhere('id', '>', Number(last.id)),
        )
      : this.sliEventRows(scope, from, to);
    return query.orderBy(['slice_start', 'id']).limit(SLI_PAGE).select('id');
  }

  // The earliest outage start of each service the scope selects.
  private async availabilityReportedSince(
    scope: (query: Knex.QueryBuilder) => Knex.QueryBuilder,
  ): Promise<Map<string, number>> {
    const rows = await scope(this.db(outages.table))
      .groupBy('service_ref')
      .select('service_ref')
      .min({ since: 'start_at' });
    return new Map(
      (rows as Row[]).map(row => [String(row.service_ref), Number(row.since)]),
    );
  }

  // Incidents opened in [from, to) or still running at from, and outages
  // overlapping it, of the services the scope selects.
  private async incidentAndOutageRows(
    scope: (query: Knex.QueryBuilder) => Knex.QueryBuilder,
    from: number,
    to: number,
  ) {
    const [incidentRows, outageRows] = await Promise.all([
      this.runningIn(scope, incidents.table, ['opened_at', 'resolved_at'], {
        from,
        to,
      }),
      // An outage counts only where it overlaps the window: one that ended
      // at its start, or lasted no time there, stays out.
      this.runningIn(
        scope,
        outages.table,
        ['start_at', 'end_at'],
        { from, to },
        q => q.where(r => r.where('end_at', '>', from).orWhereNull('end_at')),
      ),
    ]);
    return {
      incidents: incidentRows as Row[],
      outages: outageRows as Row[],
    };
  }

  // Rows that started in [from, to), or started before it and had not ended
  // by from: three index range reads rather than one OR the planner cannot
  // seek, so a read does not grow with the service's history.
  private async runningIn(
    scope: (query: Knex.QueryBuilder) => Knex.QueryBuilder,
    table: string,
    [start, end]: [string, string],
    { from, to }: { from: number; to: number },
    startedInWindow: (query: Knex.QueryBuilder) => Knex.QueryBuilder = q => q,
  ): Promise<Row[]> {
    const parts = await Promise.all([
      startedInWindow(
        scope(this.db(table)).where(start, '>=', from).where(start, '<', to),
      ),
      scope(this.db(table)).whereNull(end).where(start, '<', from),
      scope(this.db(table)).where(end, '>', from).where(start, '<', from),
    ]);
    return parts.flat();
  }

  // SLI slices starting in any of these ranges, of the services the scope
  // selects; callers add the columns they need beyond a record's.
  private sliEventRowsIn(
    scope: (query: Knex.QueryBuilder) => Knex.QueryBuilder,
    ranges: Array<[number, number]>,
  ): Knex.QueryBuilder {
    const query = scope(this.db(sliEvents.table));
    if (ranges.length === 1) {
      query.where('slice_start', '>=', ranges[0][0]);
      query.where('slice_start', '<', ranges[0][1]);
    } else {
      query.where(q => {
        for (const [start, end] of ranges) {
          q.orWhere(r =>
            r.where('slice_start', '>=', start).where('slice_start', '<', end),
          );
        }
        if (ranges.length === 0) q.whereRaw('1 = 0');
      });
    }
    return query.select(
      'source',
      'objective',
      'slice_start',
      'slice_seconds',
      'good',
      'total',
      'updated_at',
    );
  }

  // SLI slices starting in [from, to), of the services the scope selects.
  private sliEventRows(
    scope: (query: Knex.QueryBuilder) => Knex.QueryBuilder,
    from: number,
    to: number,
  ): Knex.QueryBuilder {
    return this.sliEventRowsIn(scope, [[from, to]]);
  }

  async getSnapshots(service: string, periods: string[]) {
    const rows = await this.db('itsm_sla_snapshots')
      .where('service_ref', service)
      .whereIn('period', periods)
      .select('period', 'report');
    return new Map(rows.map(row => [String(row.period), String(row.report)]));
  }

  async snapshotsOfServices(services: string[], period: string) {
    const found = new Map<string, string>();
    for (const chunk of chunks([...new Set(services)], SERVICES_PER_READ)) {
      const rows = await this.db('itsm_sla_snapshots')
        .where('period', period)
        .whereIn('service_ref', chunk)
        .select('service_ref', 'report');
      for (const row of rows) {
        found.set(String(row.service_ref), String(row.report));
      }
    }
    return found;
  }

  async putSnapshot(service: string, period: string, report: string) {
    await this.db('itsm_sla_snapshots')
      .insert({ service_ref: service, period, report, computed_at: Date.now() })
      .onConflict(['service_ref', 'period'])
      .merge();
  }

  async invalidateSnapshots(service: string, from: string, to: string) {
    await this.db('itsm_sla_snapshots')
      .where('service_ref', service)
      .whereBetween('period', [from, to])
      .delete();
  }

  serviceGenerations(services: string[]) {
    return readGenerations(this.db, services);
  }

  portfolioRows(services: string[]) {
    return readPortfolioRows(this.db, services);
  }

  keepPortfolioRows(rows: Array<KeptPortfolioRow & { service: string }>) {
    return writePortfolioRows(this.db, rows);
  }

  async reconcileServices(options: {
    existing: Set<string>;
    now: number;
    gracePeriodMs: number;
  }): Promise<ReconcileResult> {
    return this.db.transaction(async tx => {
      const measured = new Set<string>();
      for (const table of MEASUREMENT_TABLES) {
        const rows = await tx(table).distinct('service_ref');
        rows.forEach(row => measured.add(String(row.service_ref)));
      }
      const missing = [...measured].filter(ref => !options.existing.has(ref));

      // Forget services that came back (or whose data is already gone).
      await tx('itsm_missing_services')
        .whereNotIn('service_ref', missing.length ? missing : [''])
        .delete();
      for (const chunk of chunks(missing, CHUNK)) {
        await tx('itsm_missing_services')
          .insert(
            chunk.map(ref => ({
              service_ref: ref,
              missing_since: options.now,
            })),
          )
          .onConflict('service_ref')
          .ignore();
      }

      const expired = (
        await tx('itsm_missing_services')
          .where('missing_since', '<=', options.now - options.gracePeriodMs)
          .select('service_ref')
      ).map(row => String(row.service_ref));
      for (const chunk of chunks(expired, CHUNK)) {
        for (const table of [...SERVICE_TABLES, 'itsm_missing_services']) {
          await tx(table).whereIn('service_ref', chunk).delete();
        }
      }
      await raiseGenerations(tx, expired);
      return { missing, pruned: expired };
    });
  }

  // Where a keyed batch's rows live before the write, when the caller asks:
  // read once, in the write's transaction, for the moves and for comparing.
  private placement<R extends ServiceMeasurementKey>(
    spec: TableSpec<R>,
    records: R[],
    options: UpsertOptions<R> = {},
  ): Placement {
    const given = options.moves ?? [];
    if (!options.relocate && !options.replaced) {
      return async () => ({ moves: given });
    }
    return async tx => {
      const keyOf = (k: MeasurementKey) =>
        JSON.stringify([k.source, k.externalId]);
      const stored = await this.find(spec, records, tx);
      // Built after the read: held across it, it outlived young collections.
      const target = new Map<string, string>(
        stored.length > 0 ? records.map(r => [keyOf(r), r.service]) : [],
      );
      const own: Stored<R>[] = [];
      const elsewhere: Stored<R>[] = [];
      for (const s of stored) {
        (s.service === target.get(keyOf(s)) ? own : elsewhere).push(s);
      }
      const moves =
        elsewhere.length > 0 && options.relocate
          ? await options.relocate(elsewhere)
          : [];
      const movedKeys = new Set(
        moves.map(m => JSON.stringify([m.service, m.source, m.externalId])),
      );
      options.replaced?.([
        ...own,
        ...elsewhere.filter(s =>
          movedKeys.has(JSON.stringify([s.service, s.source, s.externalId])),
        ),
      ]);
      // PostgreSQL compares in its upsert statement.
      const known = this.postgres
        ? undefined
        : new Map(
            own.map(row => [
              keyText(spec, spec.toRow(row)),
              canonical(spec, row),
            ]),
          );
      return { moves: [...given, ...moves], known };
    };
  }

  private upsert<R>(
    spec: TableSpec<R>,
    records: R[],
    place: Placement | undefined,
    hooks: WriteHooks<R> = {},
  ): Promise<IngestResult> {
    return this.db.transaction(async tx => {
      await hooks.before?.(tx, records);
      const { moves, known } = place ? await place(tx) : { moves: [] };
      const moved = new Set<string>();
      const changed = new Set<string>();
      for (const move of moves) {
        if ((await deleteRow(tx, spec, move)) > 0) {
          moved.add(JSON.stringify([move.source, move.externalId]));
          changed.add(move.service);
        }
      }
      const counter: Counter = {
        result: { created: 0, updated: 0, unchanged: 0 },
        moved,
        changed,
      };
      const write = this.postgres
        ? this.upsertInPostgres.bind(this)
        : this.upsertByComparing.bind(this);
      for (const chunk of chunks(records, CHUNK)) {
        await write(tx, spec, chunk, counter, known);
      }
      await hooks.after?.(tx, records);
      await raiseGenerations(tx, changed);
      return counter.result;
    });
  }

  // One statement per chunk: rows that differ are written, the rest left
  // alone, and RETURNING tells inserts (xmax = 0) from updates. No read
  // first, so no query plan that stale statistics of a fast-growing table
  // can spoil (a lookup by key had degraded to scanning every row of the
  // source).
  private async upsertInPostgres<R>(
    tx: Knex.Transaction,
    spec: TableSpec<R>,
    chunk: R[],
    counter: Counter,
  ): Promise<void> {
    const now = Date.now();
    const rows = chunk.map(record => {
      const row = spec.toRow(record);
      row.updated_at = now;
      return row;
    });
    const compared = Object.keys(rows[0]).filter(
      c => c !== 'updated_at' && !spec.keyColumns.includes(c),
    );
    if (counter.moved.size === 0) {
      // Counts per service, not a row per written key.
      const { rows: counts } = await postgresUpsert(
        tx,
        spec.table,
        rows,
        spec.keyColumns,
        compared,
        'service_ref',
      );
      let written = 0;
      for (const c of counts as Row[]) {
        counter.changed.add(String(c.service_ref));
        counter.result.created += Number(c.inserted);
        counter.result.updated += Number(c.written) - Number(c.inserted);
        written += Number(c.written);
      }
      counter.result.unchanged += rows.length - written;
      return;
    }
    const written: Row[] = (
      await postgresUpsert(tx, spec.table, rows, spec.keyColumns, compared)
    ).rows;
    for (const w of written) counter.changed.add(String(w.service_ref));
    const status = new Map(
      written.map(
        w => [keyText(spec, w), w.inserted ? 'created' : 'updated'] as const,
      ),
    );
    for (const row of rows) {
      count(counter, status.get(keyText(spec, row)) ?? 'unchanged', row);
    }
  }

  // SQLite: read the chunk's rows by key (unless the batch's placement has
  // them), write only what changed.
  private async upsertByComparing<R>(
    tx: Knex.Transaction,
    spec: TableSpec<R>,
    chunk: R[],
    counter: Counter,
    known?: Map<string, string>,
  ) {
    const now = Date.now();
    const keyOf = (row: Row) => keyText(spec, row);
    const rows = chunk.map(spec.toRow);
    const existing = known ?? new Map<string, string>();
    if (!known) {
      // One IN list per key column finds a superset of the chunk's rows
      // (the map below keeps exact keys).
      let query = tx(spec.table);
      for (const column of spec.keyColumns) {
        query = query.whereIn(column, [
          ...new Set(rows.map(row => row[column] as string | number)),
        ]);
      }
      for (const row of await query.select()) {
        existing.set(keyOf(row), canonical(spec, spec.fromRow(row)));
      }
    }
    // A batch holds each key once (the API refuses repeats), so what was
    // read before its first chunk stays what each row compares with.
    const changed = rows.filter((row, i) => {
      const before = existing.get(keyOf(row));
      if (before === undefined) {
        count(counter, 'created', row);
        return true;
      }
      if (before === canonical(spec, chunk[i])) {
        count(counter, 'unchanged', row);
        return false;
      }
      count(counter, 'updated', row);
      return true;
    });
    for (const row of changed) counter.changed.add(String(row.service_ref));
    if (changed.length > 0) {
      // onConflict keeps a concurrent writer of the same key (another
      // replica, a retried request) from failing the batch.
      await sqliteUpsert(
        tx,
        spec.table,
        changed.map(row => ({ ...row, updated_at: now })),
        spec.keyColumns,
      );
    }
  }

  private async list<R>(
    spec: TableSpec<R>,
    options: ListOptions,
    refine: (query: Knex.QueryBuilder) => Knex.QueryBuilder = q => q,
  ): Promise<RecordPage<R>> {
    const time = spec.timeColumn;
    let query = this.db(spec.table).where('service_ref', options.service);
    if (options.from !== undefined)
      query = query.where(time, '>=', options.from);
    if (options.to !== undefined) query = query.where(time, '<', options.to);
    const columns = pageColumns(spec);
    if (options.cursor) {
      query = after(query, columns, decodeCursor(options.cursor, columns));
    }
    const rows: Row[] = await refine(query)
      .orderBy(columns.map(column => ({ column, order: 'desc' })))
      .limit(options.limit + 1)
      .select();
    const page = rows.slice(0, options.limit);
    const last = page[page.length - 1];
    return {
      items: page.map(row => ({
        ...spec.fromRow(row),
        updatedAt: Number(row.updated_at),
      })) as Array<Stored<R>>,
      nextCursor:
        rows.length > options.limit
          ? encodeCursor(
              columns.map((c, i) => (i === 0 ? Number(last[c]) : last[c])),
            )
          : undefined,
    };
  }

  // The rows of these (source, external_id) keys, in every service.
  private async find<R>(
    spec: TableSpec<R>,
    keys: MeasurementKey[],
    db: Knex = this.db,
  ): Promise<Array<Stored<R>>> {
    const found: Array<Stored<R>> = [];
    const keyOf = (source: unknown, externalId: unknown) =>
      JSON.stringify([source, externalId]);
    const unique = (all: MeasurementKey[]) => [
      ...new Map(all.map(k => [keyOf(k.source, k.externalId), k])).values(),
    ];
    if (this.postgres) {
      // The query drops repeats within a chunk; a batch fits in one.
      const distinct = keys.length > FIND_CHUNK_PG ? unique(keys) : keys;
      for (const chunk of chunks(distinct, FIND_CHUNK_PG)) {
        // One index probe per distinct key. Given IN lists, the planner
        // scans the whole table once a batch is a few percent of it, and
        // reads grow with the table; OFFSET 0 keeps the probes from being
        // flattened into the same hash join. The keys go as one JSON text:
        // as array parameters the driver built them a string per element.
        const { rows } = await db.raw(
          `SELECT t.* FROM (
             SELECT DISTINCT source, "externalId"
             FROM json_to_recordset(?::json) AS j(source text, "externalId" text)
           ) AS k
           CROSS JOIN LATERAL (
             SELECT * FROM ?? WHERE source = k.source AND external_id = k."externalId" OFFSET 0
           ) AS t`,
          [JSON.stringify(chunk, ['source', 'externalId']), spec.table],
        );
        for (const row of rows as Row[]) found.push(readStored(spec, row));
      }
      return found;
    }
    for (const chunk of chunks(unique(keys), CHUNK)) {
      // One IN list per column: a superset, cut to the exact keys below.
      const rows: Row[] = await db(spec.table)
        .whereIn('source', [...new Set(chunk.map(k => k.source))])
        .whereIn('external_id', [...new Set(chunk.map(k => k.externalId))])
        .select();
      // This chunk's keys only: a superset may hold another chunk's rows.
      const wanted = new Set(chunk.map(k => keyOf(k.source, k.externalId)));
      for (const row of rows) {
        if (wanted.has(keyOf(row.source, row.external_id))) {
          found.push(readStored(spec, row));
        }
      }
    }
    return found;
  }

  private keyWhere<R>(spec: TableSpec<R>, key: Partial<R>) {
    const row = spec.toRow(key as R);
    return Object.fromEntries(spec.keyColumns.map(c => [c, row[c]]));
  }

  private deleteKeyed<R>(
    spec: TableSpec<R>,
    keys: ServiceMeasurementKey[],
  ): Promise<number> {
    return this.db.transaction(async tx => {
      let deleted = 0;
      const changed = new Set<string>();
      for (const key of keys) {
        const n = await deleteRow(tx, spec, key);
        if (n > 0) changed.add(key.service);
        deleted += n;
      }
      await raiseGenerations(tx, changed);
      return deleted;
    });
  }
}
