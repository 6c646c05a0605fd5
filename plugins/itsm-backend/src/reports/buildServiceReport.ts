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

import {
  Agreement,
  AgreementReport,
  budgetRemaining,
  burnRate,
  burnWindows,
  complianceScore,
  creditAmount,
  creditObjective,
  creditPercent,
  currentPeriod,
  errorBudgetMs,
  firingBurnAlerts,
  forecastBreach,
  ITServiceEntity,
  ITSM_REF_FIELDS,
  monthPeriod,
  OLA_COUNTERPARTY,
  resolveItsmRef,
  Objective,
  ObjectiveReport,
  objectiveStatus,
  Period,
  seriesAvailability,
  ServiceSlaReport,
  SlaStatus,
  underpinningWarnings,
  worstStatus,
} from '@backstage-itsm/plugin-itsm-common';
import type {
  ItsmObjectiveScorer,
  ItsmScoringContext,
} from '@backstage-itsm/plugin-itsm-node';
import { stringifyEntityRef } from '@backstage/catalog-model';
import type { JsonObject } from '@backstage/types';

const MINUTE = 60_000;

/** Which period a report covers: each agreement's current one, or a month. */
export type ReportPeriod =
  | { kind: 'current' }
  | { kind: 'month'; month: string };

export type ReportInput = {
  service: ITServiceEntity;
  scorers: ReadonlyMap<string, ItsmObjectiveScorer>;
  measurements: ItsmScoringContext['measurements'];
  period: ReportPeriod;
  now: Date;
  /** The ITServices this one depends on, with their current availability. */
  dependencies: Array<{ entity: ITServiceEntity; availability: number | null }>;
  /** Budget remaining (0–1) below which an objective is at risk; default 0.25. */
  atRiskRemaining?: number;
  /** Add each objective's trend over the current period (costs a score per point). */
  withTrend?: boolean;
};

const TREND_POINTS = 30;

/** Attainment and budget at evenly spaced instants from the period start to now. */
function trendOf(
  scorer: ItsmObjectiveScorer,
  context: ItsmScoringContext,
  period: Period,
): NonNullable<ObjectiveReport['trend']> {
  const start = period.start.getTime();
  const now = context.now.getTime();
  const step = Math.max(
    3_600_000,
    (period.end.getTime() - start) / TREND_POINTS,
  );
  const instants: Date[] = [];
  for (let at = start + step; at < now + step; at += step) {
    instants.push(new Date(Math.min(at, now)));
  }
  const attainments = scorer.scoreTrend
    ? scorer.scoreTrend(context, instants)
    : instants.map(at => scorer.score({ ...context, now: at }).attainment);
  return instants.map((at, i) => {
    const attainment = attainments[i];
    return {
      at: at.toISOString(),
      attainment,
      budgetRemainingPercent:
        attainment === null
          ? null
          : budgetRemaining(context.objective.target, attainment) * 100,
    };
  });
}

/** The period of one agreement in the report, in the service's zone. */
export function agreementPeriod(
  agreement: Agreement,
  service: ITServiceEntity,
  period: ReportPeriod,
  now: Date,
): Period {
  const zone = service.spec.serviceHours?.timezone ?? 'UTC';
  return period.kind === 'current'
    ? currentPeriod(agreement.window, now, zone)
    : monthPeriod(period.month, zone)!;
}

function scoreObjective(
  input: ReportInput,
  agreement: Agreement,
  objective: Objective,
  period: Period,
): ObjectiveReport {
  const base = {
    name: objective.name,
    type: objective.type,
    target: objective.target,
    ...(objective.priority && { priority: objective.priority }),
    ...(objective.threshold && { threshold: objective.threshold }),
  };
  const scorer = input.scorers.get(objective.type);
  const now = input.now;
  if (!scorer || now <= period.start) {
    return {
      ...base,
      attainment: null,
      status: 'no-data',
      details: scorer
        ? {}
        : {
            reason: `No scorer is installed for objective type "${objective.type}"`,
          },
    };
  }
  const context: ItsmScoringContext = {
    service: input.service,
    agreement,
    objective,
    period: { start: period.start, end: period.end },
    now,
    measurements: input.measurements,
  };
  const { attainment, details } = scorer.score(context);
  if (attainment === null) {
    return { ...base, attainment, status: 'no-data', details: details ?? {} };
  }
  const periodMs = period.end.getTime() - period.start.getTime();
  const remaining = budgetRemaining(objective.target, attainment);
  const budget = {
    errorBudgetMinutes: errorBudgetMs(objective.target, periodMs) / MINUTE,
    remainingPercent: remaining * 100,
    consumedPercent: (1 - remaining) * 100,
  };
  // A month in the past is closed; a current period (rolling windows end at
  // now) is still running.
  if (input.period.kind === 'month' && now.getTime() >= period.end.getTime()) {
    return {
      ...base,
      attainment,
      status: attainment >= objective.target ? 'met' : 'breached',
      budget,
      details: details ?? {},
    };
  }

  // Still running: burn rates over the look-back windows, alerts, forecast.
  // Alerts and the burn-rate list ask for the same windows: score each once.
  const burns = new Map<number, number | undefined>();
  const burnOver = (lookbackMs: number) => {
    if (!burns.has(lookbackMs)) {
      const over = scorer.score({
        ...context,
        period: { start: new Date(now.getTime() - lookbackMs), end: now },
      }).attainment;
      burns.set(
        lookbackMs,
        over === null ? undefined : burnRate(objective.target, over),
      );
    }
    return burns.get(lookbackMs);
  };
  const windows = burnWindows(periodMs);
  const alerts = firingBurnAlerts(windows, burnOver);
  const forecast = forecastBreach({
    target: objective.target,
    attainment,
    elapsedMs: now.getTime() - period.start.getTime(),
    periodMs,
    now: now.getTime(),
  });
  return {
    ...base,
    attainment,
    status: objectiveStatus({
      target: objective.target,
      attainment,
      budgetRemaining: remaining,
      pageAlertFiring: alerts.some(a => a.severity === 'page'),
      forecastBreaches: forecast.breachesBeforeEnd,
      atRiskRemaining: input.atRiskRemaining,
    }),
    budget,
    burnRates: windows.map(w => ({
      window: w.name,
      lookbackMinutes: w.longMs / MINUTE,
      burnRate: burnOver(w.longMs) ?? null,
    })),
    alerts,
    ...(input.withTrend && { trend: trendOf(scorer, context, period) }),
    forecast: {
      alreadyExhausted: forecast.alreadyExhausted,
      breachesBeforeEnd: forecast.breachesBeforeEnd,
      ...(forecast.exhaustedAt !== undefined && {
        exhaustedAt: new Date(forecast.exhaustedAt).toISOString(),
      }),
      projectedAttainment: forecast.projectedAttainment,
    },
    details: details ?? {},
  };
}

/** The counterparty as a full ref, so that callers need not know the defaults. */
export function counterpartyRef(
  agreement: Agreement,
  service: ITServiceEntity,
): string {
  const field = {
    SLA: ITSM_REF_FIELDS.ITService.customers,
    UC: ITSM_REF_FIELDS.ITService.suppliers,
    OLA: OLA_COUNTERPARTY,
  }[agreement.type];
  return stringifyEntityRef(resolveItsmRef(agreement.with, field, service));
}

function scoreAgreement(
  input: ReportInput,
  agreement: Agreement,
): AgreementReport {
  const period = agreementPeriod(
    agreement,
    input.service,
    input.period,
    input.now,
  );
  const objectives = agreement.objectives.map(o =>
    scoreObjective(input, agreement, o, period),
  );
  const deciding = creditObjective(agreement);
  const decidingReport = objectives.find(o => o.name === deciding?.name);
  const percent = creditPercent(
    agreement.credits,
    decidingReport?.attainment ?? null,
  );
  const amount = creditAmount(percent, agreement.fee);
  return {
    name: agreement.name,
    type: agreement.type,
    with: counterpartyRef(agreement, input.service),
    window: agreement.window,
    period: {
      start: period.start.toISOString(),
      end: period.end.toISOString(),
      label: period.label,
    },
    status: worstStatus(objectives.map(o => o.status)),
    credit: {
      percent,
      ...(deciding && { objective: deciding.name }),
      ...(amount && { amount }),
    },
    objectives,
  };
}

/** The service's own availability: its first availability objective's attainment. */
export function serviceAvailability(
  report: Pick<ServiceSlaReport, 'agreements'>,
): number | null {
  for (const agreement of report.agreements) {
    const objective = agreement.objectives.find(o => o.type === 'availability');
    if (objective) return objective.attainment;
  }
  return null;
}

/**
 * The SLA report of one service: pure, from the agreements in its YAML and
 * the measurements of the period, as of `now`.
 */
export function buildServiceReport(input: ReportInput): ServiceSlaReport {
  const { service } = input;
  const agreements = (service.spec.agreements ?? []).map(a =>
    scoreAgreement(input, a),
  );
  const objectives = agreements.flatMap(a =>
    a.objectives.map((report, i) => ({
      objective: service.spec.agreements!.find(x => x.name === a.name)!
        .objectives[i],
      status: report.status,
    })),
  );
  const atRisk = new Map<string, JsonObject>();
  for (const agreement of agreements) {
    for (const objective of agreement.objectives) {
      const open = (objective.details?.openIncidents ?? []) as JsonObject[];
      for (const incident of open.filter(i => i.milestone !== 'ok')) {
        const key = `${incident.source}/${incident.externalId}/${objective.name}`;
        atRisk.set(key, {
          ...incident,
          agreement: agreement.name,
          objective: objective.name,
        });
      }
    }
  }
  const own = serviceAvailability({ agreements });
  const chain = input.dependencies.map(d => ({
    service: stringifyEntityRef(d.entity),
    availability: d.availability,
  }));
  const known = [own, ...chain.map(c => c.availability)];
  return {
    service: stringifyEntityRef(service),
    ...(service.metadata.title && { title: service.metadata.title }),
    period: input.period.kind === 'current' ? 'current' : input.period.month,
    evaluatedAt: input.now.toISOString(),
    status: agreements.length
      ? worstStatus(agreements.map(a => a.status))
      : ('no-data' as SlaStatus),
    score: complianceScore(objectives),
    agreements,
    atRiskIncidents: [...atRisk.values()],
    warnings: underpinningWarnings(
      service,
      input.dependencies.map(d => d.entity),
    ).map(w => ({ message: w.message })),
    composite: {
      availability: known.every(a => a !== null)
        ? seriesAvailability(known as number[])
        : null,
      chain,
    },
  };
}
