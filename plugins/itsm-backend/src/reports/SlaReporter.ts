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
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  burnWindows,
  complianceScore,
  currentPeriod,
  IncidentPriority,
  ITSM_REF_FIELDS,
  ItsmRefField,
  ObjectiveType,
  resolveItsmRef,
  isITServiceEntity,
  ITServiceEntity,
  monthPeriod,
  monthsBetween,
  PartySlaReport,
  PortfolioRow,
  ServiceSlaReport,
  SlaHistoryEntry,
  worstStatus,
} from '@backstage-itsm/plugin-itsm-common';
import type {
  ItsmObjectiveScorer,
  ItsmScoringContext,
} from '@backstage-itsm/plugin-itsm-node';
import { MeasurementStore } from '../database/MeasurementStore';
import { MeasurementAccess } from '../service/MeasurementAccess';
import { scoringMeasurements } from '../service/measurements';
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

// Services whose measurements a portfolio or party report holds at once.
const PRELOAD_CHUNK = 500;

export class SlaReporter {
  constructor(
    private readonly deps: {
      store: MeasurementStore;
      catalog: CatalogService;
      access: MeasurementAccess;
      scorers: ReadonlyMap<string, ItsmObjectiveScorer>;
      atRiskRemaining?: number;
    },
  ) {}

  async serviceReport(
    ref: string,
    period: ReportPeriod,
    credentials: BackstageCredentials,
    now = new Date(),
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
    now = new Date(),
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
      status: report.status,
      score: report.score,
      agreements: report.agreements.map(a => ({
        name: a.name,
        status: a.status,
        creditPercent: a.credit.percent,
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
    now = new Date(),
  ): Promise<PartySlaReport> {
    const party = await this.deps.access.visibleEntity(ref, kind, credentials);
    const partyRef = stringifyEntityRef(party).toLocaleLowerCase('en-US');
    const services: PartySlaReport['services'] = [];
    const parties = (await this.services(credentials)).flatMap(service => {
      const agreed = (service.spec.agreements ?? []).filter(
        a => counterpartyRef(a, service) === partyRef,
      );
      return agreed.length > 0 ? [{ service, agreed }] : [];
    });
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
      score: complianceScore(
        services.flatMap(s =>
          s.agreements.flatMap(a =>
            a.objectives.map(o => ({
              objective: {
                name: o.name,
                type: o.type as ObjectiveType,
                target: o.target,
                priority: o.priority as IncidentPriority | undefined,
              },
              status: o.status,
            })),
          ),
        ),
      ),
      services,
      credits: sumCredits(
        services.flatMap(s => s.agreements.map(a => a.credit.amount)),
      ),
    };
  }

  /** One row per ITService the caller can see, current period. */
  async portfolio(
    filters: {
      owner?: string;
      customer?: string;
      supplier?: string;
      lifecycle?: string;
    },
    credentials: BackstageCredentials,
    now = new Date(),
  ): Promise<PortfolioRow[]> {
    const rows: PortfolioRow[] = [];
    const services = (await this.services(credentials)).filter(service =>
      matches(service, filters),
    );
    const current: ReportPeriod = { kind: 'current' };
    for await (const { item: service, preloaded } of this.preloaded(
      services,
      s => s,
      current,
      now,
    )) {
      const report = await this.report(service, current, credentials, now, {
        preloaded,
      });
      const objectives = report.agreements.flatMap(a =>
        a.objectives.map(o => ({
          agreement: a.name,
          objective: o.name,
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
          ...report.agreements.map(a => a.credit.percent),
        ),
        credits: sumCredits(report.agreements.map(a => a.credit.amount)),
      });
    }
    return rows;
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
    const ref = stringifyEntityRef(service).toLocaleLowerCase('en-US');
    const closed = isClosed(period, now);
    if (closed) {
      const stored = (
        await this.deps.store.getSnapshots(ref, [period.month])
      ).get(period.month);
      if (stored) return JSON.parse(stored);
    }
    const dependencies = withDependencies
      ? await Promise.all(
          (
            await this.dependencyServices(service, credentials)
          ).map(async entity => ({
            entity,
            availability: serviceAvailability(
              await this.report(entity, period, credentials, now, {
                withDependencies: false,
                preloaded,
              }),
            ),
          })),
        )
      : [];
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
      atRiskRemaining: this.deps.atRiskRemaining,
      withTrend,
    });
    if (closed && withDependencies) {
      await this.deps.store.putSnapshot(
        ref,
        period.month,
        JSON.stringify(report),
      );
    }
    return report;
  }

  private async dependencyServices(
    service: ITServiceEntity,
    credentials: BackstageCredentials,
  ) {
    const refs = resolveRefs(
      service,
      service.spec.dependsOn,
      ITSM_REF_FIELDS.ITService.dependsOn,
    ).filter(ref => ref.startsWith('itservice:'));
    if (refs.length === 0) return [];
    const { items } = await this.deps.catalog.getEntitiesByRefs(
      { entityRefs: refs },
      { credentials: await this.deps.access.lookupCredentials(credentials) },
    );
    return items.filter((e): e is ITServiceEntity => isITServiceEntity(e));
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
    if (isClosed(period, now)) {
      return loaded;
    }
    const windows = new Map<
      string,
      { from: number; to: number; refs: string[] }
    >();
    for (const service of services) {
      const window = measurementWindow(service, period, now);
      const key = `${window.from}-${window.to}`;
      const group = windows.get(key) ?? { ...window, refs: [] };
      group.refs.push(stringifyEntityRef(service).toLocaleLowerCase('en-US'));
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

/** Whether a report's period is a month that has ended (and so may be a snapshot). */
function isClosed(
  period: ReportPeriod,
  now: Date,
): period is Extract<ReportPeriod, { kind: 'month' }> {
  return period.kind === 'month' && monthPeriod(period.month)!.end <= now;
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
      ref = stringifyEntityRef(
        parseEntityRef(wanted, {
          defaultKind: field.defaultKind,
          defaultNamespace: 'default',
        }),
      ).toLocaleLowerCase('en-US');
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

function resolveRefs(
  service: ITServiceEntity,
  refs: string[] | undefined,
  field: ItsmRefField,
): string[] {
  return (refs ?? []).map(ref =>
    stringifyEntityRef(resolveItsmRef(ref, field, service)),
  );
}

function sumCredits(
  amounts: Array<{ amount: number; currency: string } | undefined>,
) {
  const totals = new Map<string, number>();
  for (const a of amounts) {
    if (a && a.amount > 0)
      totals.set(a.currency, (totals.get(a.currency) ?? 0) + a.amount);
  }
  return [...totals].map(([currency, amount]) => ({
    amount: Math.round(amount * 100) / 100,
    currency,
  }));
}
