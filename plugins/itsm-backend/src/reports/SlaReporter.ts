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
import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  burnWindows,
  creditTotals,
  currentPeriod,
  entityRefKey,
  isITServiceEntity,
  ITServiceEntity,
  ITSM_REF_FIELDS,
  ItsmRefField,
  monthPeriod,
  monthsBetween,
  PartySlaReport,
  partyTotals,
  PortfolioRow,
  resolveItsmRef,
  ServiceSlaReport,
  SlaHistoryEntry,
  worstStatus,
} from '@backstage-itsm/plugin-itsm-common';
import type {
  ItsmClockService,
  ItsmObjectiveScorer,
  ItsmScoringContext,
} from '@backstage-itsm/plugin-itsm-node';
import { MeasurementStore } from '../database/MeasurementStore';
import { MeasurementAccess } from '../measurements/MeasurementAccess';
import { scoringMeasurements } from '../measurements/records';
import {
  agreementPeriod,
  buildServiceReport,
  counterpartyRef,
  ReportPeriod,
  serviceAvailability,
} from './buildServiceReport';

/** Reads a period parameter: 'current' or a month YYYY-MM. */
export function parseReportPeriod(text: string | undefined): ReportPeriod {
  if (text === undefined || text === 'current') {
    return { kind: 'current' };
  }
  if (!monthPeriod(text)) {
    throw new InputError(
      `period: must be "current" or a month YYYY-MM (got "${text}")`,
    );
  }
  return { kind: 'month', month: text };
}

/**
 * Builds SLA reports from the catalog (agreements) and the store
 * (measurements of the period only). Reports of closed months are kept as
 * snapshots, so history never recomputes what cannot change; ingesting late
 * measurements for a closed month drops its snapshot.
 */
type Measurements = ItsmScoringContext['measurements'];

/** Raised when what reports store changes shape, so old snapshots are recomputed. */
const SNAPSHOT_FORMAT = 3;
const DEFAULT_SNAPSHOT_GRACE_MS = 7 * 86_400_000;

// Services whose measurements a portfolio or party report holds at once.
const PRELOAD_CHUNK = 500;

export class SlaReporter {
  constructor(
    private readonly deps: {
      store: MeasurementStore;
      catalog: CatalogService;
      access: MeasurementAccess;
      scorers: ReadonlyMap<string, ItsmObjectiveScorer>;
      clock: ItsmClockService;
      atRiskRemaining?: number;
      /** How long after its end a month that is not final is snapshotted anyway. */
      snapshotGraceMs?: number;
    },
  ) {}

  async serviceReport(
    ref: string,
    period: ReportPeriod,
    credentials: BackstageCredentials,
    now = this.deps.clock.now(),
  ): Promise<ServiceSlaReport> {
    const entity = await this.deps.access.visibleEntity(
      ref,
      'itservice',
      credentials,
    );
    return this.report(entity as ITServiceEntity, period, credentials, now, {
      withTrend: true,
    });
  }

  async history(
    ref: string,
    range: { from: string; to: string },
    credentials: BackstageCredentials,
    now = this.deps.clock.now(),
  ): Promise<SlaHistoryEntry[]> {
    for (const [name, month] of Object.entries(range)) {
      if (!monthPeriod(month)) {
        throw new InputError(
          `${name}: must be a month YYYY-MM (got "${month}")`,
        );
      }
    }
    const months = monthsBetween(range.from, range.to);
    if (months.length === 0 || months.length > 120) {
      throw new InputError(
        'from..to must span 1 to 120 months, from before to',
      );
    }
    const entity = (await this.deps.access.visibleEntity(
      ref,
      'itservice',
      credentials,
    )) as ITServiceEntity;
    const reports: ServiceSlaReport[] = [];
    for (const month of months) {
      reports.push(
        await this.report(entity, { kind: 'month', month }, credentials, now),
      );
    }
    return reports.map(report => ({
      month: report.period,
      final: report.final,
      status: report.status,
      score: report.score,
      agreements: report.agreements.map(a => ({
        name: a.name,
        status: a.status,
        creditPercent: a.credit.percent,
        creditBasis: a.credit.basis,
        creditDirection: a.credit.direction,
        objectives: a.objectives.map(o => ({
          name: o.name,
          attainment: o.attainment,
          status: o.status,
        })),
      })),
    }));
  }

  /** Everything agreed with one stakeholder or supplier, across the services the caller can see. */
  async partyReport(
    ref: string,
    kind: 'stakeholder' | 'supplier',
    period: ReportPeriod,
    credentials: BackstageCredentials,
    now = this.deps.clock.now(),
    page?: ReportPage,
  ): Promise<PartySlaReport & { nextCursor?: string }> {
    const party = await this.deps.access.visibleEntity(ref, kind, credentials);
    const partyRef = entityRefKey(party);
    const services: PartySlaReport['services'] = [];
    const { items: parties, next } = pageOf(
      (await this.services(credentials)).flatMap(service => {
        const agreed = (service.spec.agreements ?? []).filter(
          a => counterpartyRef(a, service) === partyRef,
        );
        return agreed.length > 0 ? [{ service, agreed }] : [];
      }),
      p => p.service,
      page,
    );
    for await (const { item, preloaded } of this.preloaded(
      parties,
      p => p.service,
      period,
      now,
    )) {
      const { service, agreed } = item;
      const report = await this.report(service, period, credentials, now, {
        preloaded,
      });
      const agreements = report.agreements.filter(a =>
        agreed.some(x => x.name === a.name),
      );
      services.push({
        service: report.service,
        ...(report.title && { title: report.title }),
        status: worstStatus(agreements.map(a => a.status)),
        agreements,
      });
    }
    return {
      party: partyRef,
      period: period.kind === 'current' ? 'current' : period.month,
      ...partyTotals(services),
      services,
      ...(next && { nextCursor: next }),
    };
  }

  /** One row per ITService the caller can see, in the current period or a month. */
  async portfolio(
    filters: {
      owner?: string;
      customer?: string;
      supplier?: string;
      lifecycle?: string;
    },
    credentials: BackstageCredentials,
    now = this.deps.clock.now(),
    period: ReportPeriod = { kind: 'current' },
    page?: ReportPage,
  ): Promise<{ items: PortfolioRow[]; nextCursor?: string }> {
    const rows: PortfolioRow[] = [];
    const { items: services, next } = pageOf(
      (await this.services(credentials)).filter(service =>
        matches(service, filters),
      ),
      s => s,
      page,
    );
    for await (const { item: service, preloaded } of this.preloaded(
      services,
      s => s,
      period,
      now,
    )) {
      const report = await this.report(service, period, credentials, now, {
        preloaded,
      });
      const objectives = report.agreements.flatMap(a =>
        a.objectives.map(o => ({
          agreement: a.name,
          objective: o.name,
          target: o.target,
          attainment: o.attainment,
          status: o.status,
        })),
      );
      const worst = objectives.find(
        o => o.status === worstStatus(objectives.map(x => x.status)),
      );
      rows.push({
        service: report.service,
        ...(report.title && { title: report.title }),
        type: service.spec.type,
        lifecycle: service.spec.lifecycle,
        owner: service.spec.owner,
        customers: resolveRefs(
          service,
          service.spec.customers,
          ITSM_REF_FIELDS.ITService.customers,
        ),
        suppliers: resolveRefs(
          service,
          service.spec.suppliers,
          ITSM_REF_FIELDS.ITService.suppliers,
        ),
        status: report.status,
        score: report.score,
        ...(worst && { worstObjective: worst }),
        creditPercent: Math.max(
          0,
          ...report.agreements
            .filter(a => a.credit.direction === 'payable')
            .map(a => a.credit.percent),
        ),
        credits: creditTotals(report.agreements),
      });
    }
    return { items: rows, ...(next && { nextCursor: next }) };
  }

  private async services(
    credentials: BackstageCredentials,
  ): Promise<ITServiceEntity[]> {
    const { items } = await this.deps.catalog.getEntities(
      { filter: { kind: 'ITService' } },
      { credentials: await this.deps.access.lookupCredentials(credentials) },
    );
    return items.filter((e): e is ITServiceEntity => isITServiceEntity(e));
  }

  private async report(
    service: ITServiceEntity,
    period: ReportPeriod,
    credentials: BackstageCredentials,
    now: Date,
    options: {
      withDependencies?: boolean;
      withTrend?: boolean;
      /** Measurements already read for this period, by service ref. */
      preloaded?: Map<string, Measurements>;
    } = {},
  ): Promise<ServiceSlaReport> {
    const { withDependencies = true, withTrend = false, preloaded } = options;
    const ref = entityRefKey(service);
    const month = closedMonth(service, period, now);
    // A closed month is stored once for every reader: computed on the whole
    // catalog, then cut to what this reader may see.
    const chain = withDependencies
      ? await this.dependencyChain(
          service,
          month
            ? await this.deps.access.wholeCatalogCredentials()
            : credentials,
        )
      : { services: [], cycles: [] };
    const forReader = (report: ServiceSlaReport) =>
      month && chain.services.length > 0
        ? this.visibleTo(report, chain.services, credentials)
        : report;
    const fingerprint =
      month && withDependencies
        ? this.fingerprint(service, chain.services)
        : undefined;
    if (month && fingerprint) {
      const stored = (
        await this.deps.store.getSnapshots(ref, [month.label])
      ).get(month.label);
      const snapshot = stored && readSnapshot(stored, fingerprint);
      if (snapshot) return forReader(snapshot);
    }
    const dependencies = await Promise.all(
      chain.services.map(async entity => ({
        entity,
        availability: serviceAvailability(
          await this.report(entity, period, credentials, now, {
            withDependencies: false,
            preloaded,
          }),
        ),
      })),
    );
    const report = buildServiceReport({
      service,
      scorers: this.deps.scorers,
      measurements:
        preloaded?.get(ref) ??
        scoringMeasurements(
          await this.deps.store.loadMeasurements({
            service: ref,
            ...measurementWindow(service, period, now),
          }),
        ),
      period,
      now,
      dependencies,
      cycles: chain.cycles,
      atRiskRemaining: this.deps.atRiskRemaining,
      withTrend,
    });
    // A month is kept once nothing can change any more, or once the grace
    // period for its running incidents is over.
    const grace = this.deps.snapshotGraceMs ?? DEFAULT_SNAPSHOT_GRACE_MS;
    if (
      month &&
      fingerprint &&
      (report.final || now.getTime() >= month.end.getTime() + grace)
    ) {
      await this.deps.store.putSnapshot(
        ref,
        month.label,
        JSON.stringify({ format: SNAPSHOT_FORMAT, fingerprint, report }),
      );
    }
    return forReader(report);
  }

  /**
   * The report without the dependencies the reader cannot see: their rows
   * of the composite chain, the cycles through them and the warnings about
   * their agreements. The composite figure stays what the service can
   * promise.
   */
  private async visibleTo(
    report: ServiceSlaReport,
    chain: ITServiceEntity[],
    credentials: BackstageCredentials,
  ): Promise<ServiceSlaReport> {
    const refs = chain.map(e => entityRefKey(e));
    const { items } = await this.deps.catalog.getEntitiesByRefs(
      {
        entityRefs: refs,
        fields: ['kind', 'metadata.namespace', 'metadata.name'],
      },
      { credentials: await this.deps.access.lookupCredentials(credentials) },
    );
    const hidden = new Set(refs.filter((_, i) => !items[i]));
    if (hidden.size === 0) return report;
    const seen = (ref: string) => !hidden.has(ref.toLocaleLowerCase('en-US'));
    return {
      ...report,
      warnings: report.warnings.filter(w => !w.service || seen(w.service)),
      composite: {
        ...report.composite,
        chain: report.composite.chain.filter(c => seen(c.service)),
        ...(report.composite.cycles && {
          cycles: report.composite.cycles.filter(cycle => cycle.every(seen)),
        }),
      },
    };
  }

  /**
   * What a stored report was computed from: the service's and its chain's
   * specs, the at-risk setting and the scorers with their settings.
   */
  private fingerprint(
    service: ITServiceEntity,
    chain: ITServiceEntity[],
  ): string {
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
   * Every ITService the service depends on, directly or through others,
   * each once, and the cycles among them (docs/sla-semantics.md, rule 8).
   * One catalog read per level of the chain.
   */
  private async dependencyChain(
    service: ITServiceEntity,
    credentials: BackstageCredentials,
  ): Promise<{ services: ITServiceEntity[]; cycles: string[][] }> {
    const refOf = (e: ITServiceEntity) => entityRefKey(e);
    const root = refOf(service);
    const found = new Map<string, ITServiceEntity>([[root, service]]);
    const edges = new Map<string, string[]>();
    let level = [service];
    while (level.length > 0) {
      const wanted = new Set<string>();
      for (const entity of level) {
        const targets = dependsOnRefs(entity);
        edges.set(refOf(entity), targets);
        for (const target of targets) {
          if (!found.has(target)) wanted.add(target);
        }
      }
      if (wanted.size === 0) break;
      const { items } = await this.deps.catalog.getEntitiesByRefs(
        { entityRefs: [...wanted] },
        { credentials: await this.deps.access.lookupCredentials(credentials) },
      );
      level = items.filter((e): e is ITServiceEntity => isITServiceEntity(e));
      for (const entity of level) found.set(refOf(entity), entity);
    }
    found.delete(root);
    return { services: [...found.values()], cycles: findCycles(root, edges) };
  }

  /**
   * Items with the measurements of their services read ahead, a few hundred
   * services at a time: a few queries instead of three per service, and no
   * more of them in memory at once.
   */
  private async *preloaded<T>(
    items: T[],
    serviceOf: (item: T) => ITServiceEntity,
    period: ReportPeriod,
    now: Date,
  ) {
    for (let i = 0; i < items.length; i += PRELOAD_CHUNK) {
      const chunk = items.slice(i, i + PRELOAD_CHUNK);
      const preloaded = await this.preload(chunk.map(serviceOf), period, now);
      for (const item of chunk) yield { item, preloaded };
    }
  }

  /**
   * The measurements of services for one open period; services with the
   * same window share their queries. Closed months come from snapshots and
   * are not read ahead.
   */
  private async preload(
    services: ITServiceEntity[],
    period: ReportPeriod,
    now: Date,
  ): Promise<Map<string, Measurements>> {
    const loaded = new Map<string, Measurements>();
    const windows = new Map<
      string,
      { from: number; to: number; refs: string[] }
    >();
    for (const service of services) {
      if (isClosed(service, period, now)) continue;
      const window = measurementWindow(service, period, now);
      const key = `${window.from}-${window.to}`;
      const group = windows.get(key) ?? { ...window, refs: [] };
      group.refs.push(entityRefKey(service));
      windows.set(key, group);
    }
    for (const { from, to, refs } of windows.values()) {
      const stored = await this.deps.store.loadMeasurementsOfServices({
        services: refs,
        from,
        to,
      });
      for (const [ref, measurements] of stored) {
        loaded.set(ref, scoringMeasurements(measurements));
      }
    }
    return loaded;
  }
}

/** A stored report, if it was computed in this format from the same configuration. */
function readSnapshot(
  stored: string,
  fingerprint: string,
): ServiceSlaReport | undefined {
  const snapshot = JSON.parse(stored);
  return snapshot?.format === SNAPSHOT_FORMAT &&
    snapshot.fingerprint === fingerprint
    ? snapshot.report
    : undefined;
}

/** The report's month when it has ended in the service's zone (and so may be a snapshot). */
function closedMonth(
  service: ITServiceEntity,
  period: ReportPeriod,
  now: Date,
) {
  if (period.kind !== 'month') return undefined;
  const month = monthPeriod(
    period.month,
    service.spec.serviceHours?.timezone ?? 'UTC',
  )!;
  return month.end <= now ? month : undefined;
}

/** Whether a report's period is a month that has ended in the service's zone. */
function isClosed(
  service: ITServiceEntity,
  period: ReportPeriod,
  now: Date,
): boolean {
  return closedMonth(service, period, now) !== undefined;
}

/** The ITService refs a service lists in dependsOn. */
function dependsOnRefs(service: ITServiceEntity): string[] {
  return resolveRefs(
    service,
    service.spec.dependsOn,
    ITSM_REF_FIELDS.ITService.dependsOn,
  )
    .map(ref => ref.toLocaleLowerCase('en-US'))
    .filter(ref => ref.startsWith('itservice:'));
}

/** The cycles reachable from `root`, each once, as lists of refs starting at the smallest. */
function findCycles(root: string, edges: Map<string, string[]>): string[][] {
  const cycles = new Map<string, string[]>();
  const path: string[] = [];
  const done = new Set<string>();
  const visit = (node: string) => {
    path.push(node);
    for (const next of edges.get(node) ?? []) {
      const at = path.indexOf(next);
      if (at >= 0) {
        const cycle = path.slice(at);
        const first = cycle.indexOf([...cycle].sort()[0]);
        const rotated = [...cycle.slice(first), ...cycle.slice(0, first)];
        cycles.set(rotated.join(' '), rotated);
      } else if (!done.has(next)) {
        visit(next);
      }
    }
    path.pop();
    done.add(node);
  };
  visit(root);
  return [...cycles.values()];
}

/** Only the period's measurements, plus the look-back of the burn-rate windows. */
function measurementWindow(
  service: ITServiceEntity,
  period: ReportPeriod,
  now: Date,
): { from: number; to: number } {
  const zone = service.spec.serviceHours?.timezone ?? 'UTC';
  const periods = (service.spec.agreements ?? []).map(a =>
    agreementPeriod(a, service, period, now),
  );
  if (periods.length === 0) {
    periods.push(currentPeriod('calendar-month', now, zone));
  }
  const lookback = Math.max(
    0,
    ...periods.flatMap(p =>
      burnWindows(p.end.getTime() - p.start.getTime()).map(w => w.longMs),
    ),
  );
  return {
    from: Math.min(
      ...periods.map(p => p.start.getTime()),
      now.getTime() - lookback,
    ),
    to: Math.min(now.getTime(), Math.max(...periods.map(p => p.end.getTime()))),
  };
}

function matches(
  service: ITServiceEntity,
  filters: {
    owner?: string;
    customer?: string;
    supplier?: string;
    lifecycle?: string;
  },
): boolean {
  const { owner, customers, suppliers } = ITSM_REF_FIELDS.ITService;
  const has = (
    refs: string[] | undefined,
    wanted: string | undefined,
    field: ItsmRefField,
  ) => {
    if (wanted === undefined) return true;
    let ref: string;
    try {
      ref = entityRefKey(
        parseEntityRef(wanted, {
          defaultKind: field.defaultKind,
          defaultNamespace: 'default',
        }),
      );
    } catch {
      // A filter that is no entity ref matches no service.
      return false;
    }
    return resolveRefs(service, refs, field).includes(ref);
  };
  return (
    (filters.lifecycle === undefined ||
      service.spec.lifecycle === filters.lifecycle) &&
    has([service.spec.owner], filters.owner, owner) &&
    has(service.spec.customers, filters.customer, customers) &&
    has(service.spec.suppliers, filters.supplier, suppliers)
  );
}

/**
 * Which services a report scores per request: at most `limit`, after the
 * service ref in `cursor`. Without a page, all of them (the CSV export).
 * @public
 */
export type ReportPage = { limit: number; cursor?: string };

function encodeReportCursor(ref: string) {
  return Buffer.from(JSON.stringify([ref])).toString('base64url');
}

function decodeReportCursor(cursor: string): string {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString());
    if (Array.isArray(value) && typeof value[0] === 'string') return value[0];
  } catch {
    // fall through to the error below
  }
  throw new InputError(
    'cursor: must be the nextCursor of a previous page of this report',
  );
}

// Services in ref order, one page of them.
function pageOf<T>(
  items: T[],
  serviceOf: (item: T) => ITServiceEntity,
  page: ReportPage | undefined,
): { items: T[]; next?: string } {
  const refOf = (item: T) => entityRefKey(serviceOf(item));
  const sorted = items
    .map(item => ({ item, ref: refOf(item) }))
    .sort((a, b) => (a.ref < b.ref ? -1 : Number(a.ref > b.ref)));
  if (!page) return { items: sorted.map(s => s.item) };
  const after = page.cursor ? decodeReportCursor(page.cursor) : undefined;
  const rest = after ? sorted.filter(s => s.ref > after) : sorted;
  const taken = rest.slice(0, page.limit);
  return {
    items: taken.map(s => s.item),
    next:
      rest.length > page.limit
        ? encodeReportCursor(taken[taken.length - 1].ref)
        : undefined,
  };
}

function resolveRefs(
  service: ITServiceEntity,
  refs: string[] | undefined,
  field: ItsmRefField,
): string[] {
  return (refs ?? []).map(ref =>
    stringifyEntityRef(resolveItsmRef(ref, field, service)),
  );
}
