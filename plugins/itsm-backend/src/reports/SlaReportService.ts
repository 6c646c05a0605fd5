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

import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  burnWindows,
  currentPeriod,
  entityRefKey,
  ITServiceEntity,
  ITSM_REF_FIELDS,
  monthPeriod,
  monthsBetween,
  PartySlaReport,
  partyTotals,
  PortfolioRow,
  ServiceSlaReport,
  SlaHistoryEntry,
  worstStatus,
} from '@backstage-itsm/plugin-itsm-common';
import type {
  ItsmClockService,
  ItsmObjectiveScorer,
  ItsmScoringContext,
} from '@backstage-itsm/plugin-itsm-node';
import {
  KeptPortfolioRow,
  MeasurementStore,
  SliReadOptions,
} from '../database/MeasurementStore';
import { MeasurementAccess } from '../measurements/MeasurementAccess';
import { scoringMeasurements } from '../measurements/records';
import {
  agreementPeriod,
  buildServiceReport,
  counterpartyRef,
  ReportPeriod,
  serviceAvailability,
  trendInstants,
} from './buildServiceReport';
import {
  decodeCatalogCursor,
  encodeCatalogCursor,
  pageOf,
  ReportPage,
} from './reportPages';
import {
  matchesFilters,
  resolveRefs,
  ServiceDirectory,
  ServiceFilters,
} from './ServiceDirectory';
import { closedMonth, SnapshotStore } from './SnapshotStore';
import {
  DEFAULT_PORTFOLIO_MAX_AGE_MS,
  keptRow,
  portfolioFigures,
  PortfolioFigures,
  servableFigures,
} from './portfolioRows';
import { supportedServices, supportTargets } from './supportedServices';

export type { ReportPage } from './reportPages';

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

type Measurements = ItsmScoringContext['measurements'];

// Services whose measurements a portfolio or party report holds at once.
const PRELOAD_CHUNK = 500;

/**
 * SLA reports of services, stakeholders, suppliers and the portfolio, from
 * the catalog's agreements (through the `ServiceDirectory`) and the
 * measurements of the period only (the store). Closed months come from and
 * go to the `SnapshotStore`.
 */
export class SlaReportService {
  constructor(
    private readonly deps: {
      store: MeasurementStore;
      directory: ServiceDirectory;
      snapshots: SnapshotStore;
      access: MeasurementAccess;
      scorers: ReadonlyMap<string, ItsmObjectiveScorer>;
      clock: ItsmClockService;
      atRiskRemaining?: number;
      /**
       * How old a kept portfolio row may be when served (rule 16); 0 makes
       * every row at every request. Default 5 minutes.
       */
      portfolioMaxAgeMs?: number;
    },
  ) {}

  private get portfolioMaxAgeMs(): number {
    return this.deps.portfolioMaxAgeMs ?? DEFAULT_PORTFOLIO_MAX_AGE_MS;
  }

  /** Whether rows of this period are kept: the current period's (rule 16). */
  private keepsRows(period: ReportPeriod): boolean {
    return period.kind === 'current' && this.portfolioMaxAgeMs > 0;
  }

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

  /**
   * The report of a service entity already read from the catalog, without
   * the trend: what the notification evaluator watches.
   */
  async reportOf(
    service: ITServiceEntity,
    period: ReportPeriod,
    credentials: BackstageCredentials,
    now = this.deps.clock.now(),
  ): Promise<ServiceSlaReport> {
    return this.report(service, period, credentials, now);
  }

  /**
   * The reports of many services already read from the catalog, without the
   * trend, one after another as they are scored: their measurements are read
   * a few hundred services at a time, not per service. A service whose
   * report fails comes with the error, and the others still come.
   */
  async *reportsOf(
    services: ITServiceEntity[],
    period: ReportPeriod,
    credentials: BackstageCredentials,
    now = this.deps.clock.now(),
  ): AsyncGenerator<
    | { service: ITServiceEntity; report: ServiceSlaReport }
    | { service: ITServiceEntity; error: unknown }
  > {
    // The current period's rows are kept as they are scored (rule 16).
    const keep = this.keepsRows(period);
    const kept: Array<KeptPortfolioRow & { service: string }> = [];
    for await (const {
      item: service,
      preloaded,
      generations,
      snapshots,
    } of this.preloaded(services, s => s, period, now, keep)) {
      let report: ServiceSlaReport;
      try {
        report = await this.report(service, period, credentials, now, {
          preloaded,
          snapshots,
        });
      } catch (error) {
        yield { service, error };
        continue;
      }
      if (generations) {
        const ref = entityRefKey(service);
        kept.push({
          service: ref,
          ...keptRow(
            portfolioFigures(report),
            this.deps.snapshots.fingerprint(service, []),
            generations.get(ref) ?? 0,
          ),
        });
        if (kept.length >= PRELOAD_CHUNK) {
          await this.deps.store.keepPortfolioRows(kept.splice(0));
        }
      }
      yield { service, report };
    }
    if (kept.length > 0) await this.deps.store.keepPortfolioRows(kept);
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
      (await this.deps.directory.services(credentials)).flatMap(service => {
        const agreed = (service.spec.agreements ?? []).filter(
          a => counterpartyRef(a, service) === partyRef,
        );
        return agreed.length > 0 ? [{ service, agreed }] : [];
      }),
      p => p.service,
      page,
    );
    for await (const { item, preloaded, snapshots } of this.preloaded(
      parties,
      p => p.service,
      period,
      now,
    )) {
      const { service, agreed } = item;
      const report = await this.report(service, period, credentials, now, {
        preloaded,
        snapshots,
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
    filters: ServiceFilters,
    credentials: BackstageCredentials,
    now = this.deps.clock.now(),
    period: ReportPeriod = { kind: 'current' },
    page?: ReportPage,
  ): Promise<{ items: PortfolioRow[]; nextCursor?: string }> {
    const filtered = Object.values(filters).some(f => f !== undefined);
    const {
      items: services,
      next,
      supported,
    } = page && !filtered
      ? await this.unfilteredPage(credentials, page)
      : await this.filteredServices(filters, credentials, page);
    const figures = await this.portfolioFiguresOf(
      services,
      credentials,
      now,
      period,
    );
    const rows: PortfolioRow[] = services.map(service => {
      const ref = entityRefKey(service);
      return {
        service: stringifyEntityRef(service),
        ...(service.metadata.title && { title: service.metadata.title }),
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
        ...figures.get(ref)!,
        ...(supported?.get(ref) && { supportedThrough: supported.get(ref) }),
      };
    });
    return { items: rows, ...(next && { nextCursor: next }) };
  }

  /**
   * The figures of the services' portfolio rows: kept rows where they may
   * be served, the others made now and, for the current period, kept
   * (rule 16). No row shows a composite figure, so none reads the
   * dependency chain, except a month's, which its stored report holds.
   */
  private async portfolioFiguresOf(
    services: ITServiceEntity[],
    credentials: BackstageCredentials,
    now: Date,
    period: ReportPeriod,
  ): Promise<Map<string, PortfolioFigures>> {
    const figures = new Map<string, PortfolioFigures>();
    const keep = this.keepsRows(period);
    const refs = services.map(s => entityRefKey(s));
    // Generations before any measurement is read (rule 16).
    const stored = keep
      ? {
          generations: await this.deps.store.serviceGenerations(refs),
          rows: await this.deps.store.portfolioRows(refs),
        }
      : undefined;
    const fingerprints = new Map<string, string>();
    const toMake = services.filter(service => {
      if (!stored) return true;
      const ref = entityRefKey(service);
      const fingerprint = this.deps.snapshots.fingerprint(service, []);
      fingerprints.set(ref, fingerprint);
      const servable = servableFigures({
        service,
        row: stored.rows.get(ref),
        generation: stored.generations.get(ref) ?? 0,
        fingerprint,
        now,
        maxAgeMs: this.portfolioMaxAgeMs,
      });
      if (servable) figures.set(ref, servable);
      return !servable;
    });
    const made: Array<KeptPortfolioRow & { service: string }> = [];
    for await (const { item: service, preloaded, snapshots } of this.preloaded(
      toMake,
      s => s,
      period,
      now,
    )) {
      const ref = entityRefKey(service);
      const report = await this.report(service, period, credentials, now, {
        preloaded,
        snapshots,
        withDependencies: period.kind === 'month',
      });
      const figuresMade = portfolioFigures(report);
      figures.set(ref, figuresMade);
      if (stored) {
        made.push({
          service: ref,
          ...keptRow(
            figuresMade,
            fingerprints.get(ref)!,
            stored.generations.get(ref) ?? 0,
          ),
        });
      }
    }
    if (made.length > 0) await this.deps.store.keepPortfolioRows(made);
    return figures;
  }

  /** A page of every service the caller can see, from the catalog's pages. */
  private async unfilteredPage(
    credentials: BackstageCredentials,
    page: ReportPage,
  ): Promise<{
    items: ITServiceEntity[];
    next?: string;
    supported?: undefined;
  }> {
    const { items, cursor } = await this.deps.directory.servicesPage(
      credentials,
      { limit: page.limit, cursor: decodeCatalogCursor(page.cursor) },
    );
    return {
      items,
      ...(cursor && { next: encodeCatalogCursor(cursor) }),
    };
  }

  /** The services that pass the filters, one page of them in ref order. */
  private async filteredServices(
    filters: ServiceFilters,
    credentials: BackstageCredentials,
    page?: ReportPage,
  ) {
    const visible = await this.deps.directory.services(credentials);
    // supports: which services the entity holds up, and through which.
    const supported =
      filters.supports === undefined
        ? undefined
        : supportedServices(
            supportTargets(
              await this.deps.directory.entity(filters.supports, credentials),
            ),
            visible,
          );
    return {
      ...pageOf(
        visible.filter(
          service =>
            matchesFilters(service, filters) &&
            (!supported || supported.has(entityRefKey(service))),
        ),
        s => s,
        page,
      ),
      supported,
    };
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
      /** The closed month's stored reports already read, by service ref. */
      snapshots?: Map<string, string>;
    } = {},
  ): Promise<ServiceSlaReport> {
    const {
      withDependencies = true,
      withTrend = false,
      preloaded,
      snapshots,
    } = options;
    const ref = entityRefKey(service);
    const month = closedMonth(service, period, now);
    // A closed month is stored once for every reader: computed on the whole
    // catalog, then cut to what this reader may see.
    const chain = withDependencies
      ? await this.deps.directory.dependencyChain(
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
        ? this.deps.snapshots.fingerprint(service, chain.services)
        : undefined;
    if (month && fingerprint) {
      const snapshot = await this.deps.snapshots.get(
        ref,
        month.label,
        fingerprint,
        snapshots,
      );
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
    if (month && fingerprint) {
      await this.deps.snapshots.keep(ref, month, fingerprint, report, now);
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
    const hidden = await this.deps.directory.hidden(
      chain.map(e => entityRefKey(e)),
      credentials,
    );
    if (hidden.size === 0) return report;
    const seen = (ref: string) =>
      !hidden.has(entityRefKey(parseEntityRef(ref)));
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
   * Items with the measurements of their services read ahead, a few hundred
   * services at a time: a few queries instead of three per service, and no
   * more of them in memory at once.
   */
  private async *preloaded<T>(
    items: T[],
    serviceOf: (item: T) => ITServiceEntity,
    period: ReportPeriod,
    now: Date,
    /** Also the services' generations, read before their measurements. */
    withGenerations = false,
  ) {
    for (let i = 0; i < items.length; i += PRELOAD_CHUNK) {
      const chunk = items.slice(i, i + PRELOAD_CHUNK);
      const services = chunk.map(serviceOf);
      const generations = withGenerations
        ? await this.deps.store.serviceGenerations(
            services.map(s => entityRefKey(s)),
          )
        : undefined;
      // A closed month is read from its stored report where there is one,
      // and read ahead with the others where there is none.
      const closed = services.filter(s => isClosed(s, period, now));
      const snapshots =
        period.kind === 'month' && closed.length > 0
          ? await this.deps.snapshots.readAhead(
              closed.map(s => entityRefKey(s)),
              period.month,
            )
          : undefined;
      const preloaded = await this.preload(
        services.filter(s => !snapshots?.has(entityRefKey(s))),
        period,
        now,
      );
      for (const item of chunk) {
        yield { item, preloaded, generations, snapshots };
      }
    }
  }

  /**
   * The measurements of services for one period; services with the same
   * window share their queries.
   */
  private async preload(
    services: ITServiceEntity[],
    period: ReportPeriod,
    now: Date,
  ): Promise<Map<string, Measurements>> {
    const loaded = new Map<string, Measurements>();
    const windows = new Map<
      string,
      ReturnType<typeof measurementWindow> & { refs: string[] }
    >();
    for (const service of services) {
      const window = measurementWindow(service, period, now);
      const key = `${window.from}-${window.to}`;
      const group = windows.get(key);
      if (group) {
        // Read alike: the earliest raw edge, every service's cuts.
        group.sli = {
          rawFrom: Math.min(group.sli.rawFrom, window.sli.rawFrom),
          cuts: [...group.sli.cuts, ...window.sli.cuts],
        };
        group.refs.push(entityRefKey(service));
      } else {
        windows.set(key, { ...window, refs: [entityRefKey(service)] });
      }
    }
    for (const { from, to, sli, refs } of windows.values()) {
      const stored = await this.deps.store.loadMeasurementsOfServices({
        services: refs,
        from,
        to,
        sli: { rawFrom: sli.rawFrom, cuts: [...new Set(sli.cuts)] },
      });
      for (const [ref, measurements] of stored) {
        loaded.set(ref, scoringMeasurements(measurements));
      }
    }
    return loaded;
  }
}

/** Whether a report's period is a month that has ended in the service's zone. */
function isClosed(
  service: ITServiceEntity,
  period: ReportPeriod,
  now: Date,
): boolean {
  return closedMonth(service, period, now) !== undefined;
}

/**
 * Only the period's measurements, plus the look-back of the burn-rate
 * windows; and where SLI rollups may stand for raw slices (rule 15).
 */
export function measurementWindow(
  service: ITServiceEntity,
  period: ReportPeriod,
  now: Date,
): { from: number; to: number; sli: SliReadOptions } {
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
  const from = Math.min(
    ...periods.map(p => p.start.getTime()),
    now.getTime() - lookback,
  );
  const to = Math.min(
    now.getTime(),
    Math.max(...periods.map(p => p.end.getTime())),
  );
  // Look-backs score slices pro rata: they read raw rows. Every other
  // score splits slices only at these instants.
  const cuts = periods.flatMap(p => [
    p.start.getTime(),
    p.end.getTime(),
    ...trendInstants(p, now.getTime()),
  ]);
  return {
    from,
    to,
    sli: { rawFrom: now.getTime() - lookback, cuts },
  };
}
