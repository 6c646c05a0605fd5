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
  budgetShareLeft,
  burnRate,
  burnWindows,
  complianceScore,
  creditAmount,
  creditDirection,
  creditObjective,
  creditPercent,
  currentPeriod,
  ErrorBudgetReport,
  firingBurnAlerts,
  forecastBudget,
  ITServiceEntity,
  ITSM_REF_FIELDS,
  monthPeriod,
  OLA_COUNTERPARTY,
  resolveItsmRef,
  Objective,
  ObjectiveReport,
  objectiveStatus,
  Period,
  periodFee,
  seriesAvailability,
  ServiceSlaReport,
  SlaStatus,
  underpinningWarnings,
  worstStatus,
  AtRiskIncident,
  DEFAULT_AT_RISK_BUDGET_REMAINING,
  OpenIncident,
} from '@backstage-itsm/plugin-itsm-common';
import type {
  ItsmObjectiveScorer,
  ItsmOpenIncident,
  ItsmScoreBudget,
  ItsmScoringContext,
  ItsmTrendPoint,
} from '@backstage-itsm/plugin-itsm-node';
import { stringifyEntityRef } from '@backstage/catalog-model';

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
  /**
   * The ITServices this one depends on, directly or through others (each
   * once), with their availability in the same period.
   */
  dependencies: Array<{ entity: ITServiceEntity; availability: number | null }>;
  /** Dependency cycles found on the way, as lists of refs. */
  cycles?: string[][];
  /** Budget remaining (0–1) below which an objective is at risk; default 0.25. */
  atRiskRemaining?: number;
  /** Add each objective's trend over the current period (costs a score per point). */
  withTrend?: boolean;
};

const TREND_POINTS = 30;
const QUARTER_HOUR = 15 * 60_000;

/** The share of the budget left, in the objective's own terms. */
function shareLeft(
  target: number,
  attainment: number,
  budget: Pick<ItsmScoreBudget, 'unit' | 'allowed' | 'spent'> | undefined,
): number {
  // Late incidents are a ratio of those counted, not an amount of time.
  if (!budget || budget.unit === 'incidents') {
    return budgetRemaining(target, attainment);
  }
  return budgetShareLeft(budget.allowed, budget.spent);
}

/**
 * The instants of a trend (rule 15): from the period's start, every
 * 1/TREND_POINTS of the period rounded up to a whole quarter hour (at least
 * an hour), the last one now. Whole quarter hours keep the points off the
 * inside of the quarter hours rollups sum.
 */
export function trendInstants(period: Period, now: number): number[] {
  const start = period.start.getTime();
  const step =
    Math.ceil(
      Math.max(3_600_000, (period.end.getTime() - start) / TREND_POINTS) /
        QUARTER_HOUR,
    ) * QUARTER_HOUR;
  const instants: number[] = [];
  for (let at = start + step; at < now + step; at += step) {
    instants.push(Math.min(at, now));
  }
  return instants;
}

/** Attainment and budget at evenly spaced instants from the period start to now. */
function trendOf(
  scorer: ItsmObjectiveScorer,
  context: ItsmScoringContext,
  period: Period,
): NonNullable<ObjectiveReport['trend']> {
  const instants = trendInstants(period, context.now.getTime()).map(
    at => new Date(at),
  );
  const points: ItsmTrendPoint[] = scorer.scoreTrend
    ? scorer.scoreTrend(context, instants)
    : instants.map(at => scorer.score({ ...context, now: at }));
  return instants.map((at, i) => {
    const { attainment, budget } = points[i];
    return {
      at: at.toISOString(),
      attainment,
      budgetRemainingPercent:
        attainment === null
          ? null
          : shareLeft(context.objective.target, attainment, budget) * 100,
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

/**
 * Whether an agreement's period in the report has ended: a month that is
 * over in the service's zone. Current periods contain now (rolling ones end
 * at it) and are never closed.
 */
function isClosed(input: ReportInput, period: Period): boolean {
  return (
    input.period.kind === 'month' && input.now.getTime() >= period.end.getTime()
  );
}

/**
 * Whether an open period can no longer be met: its whole budget is spent.
 * Late incidents can still be outweighed by incidents met in time, unless
 * the target allows none.
 */
function cannotBeMet(objective: Objective, budget: ItsmScoreBudget): boolean {
  if (budget.unit === 'incidents') {
    return objective.target >= 100 && budget.spent > 0;
  }
  return budget.spent > budget.allowed;
}

function budgetReport(
  budget: ItsmScoreBudget,
  share: number,
): ErrorBudgetReport {
  return {
    unit: budget.unit,
    allowed: budget.allowed,
    spent: budget.spent,
    remaining: budget.remaining ?? budget.allowed - budget.spent,
    remainingPercent: share * 100,
    consumedPercent: (1 - share) * 100,
  };
}

function openIncidentReport({
  openedAt,
  breachAt,
  ...incident
}: ItsmOpenIncident): OpenIncident {
  return {
    ...incident,
    openedAt: new Date(openedAt).toISOString(),
    ...(breachAt !== undefined && {
      breachAt: new Date(breachAt).toISOString(),
    }),
  };
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
  const score = scorer.score(context);
  const { attainment, details } = score;
  const burnRatesApply = score.burnRatesApply ?? true;
  const tracked = score.openIncidents && {
    openIncidents: score.openIncidents.map(openIncidentReport),
  };
  if (attainment === null) {
    return {
      ...base,
      attainment,
      status: 'no-data',
      burnRatesApply,
      details: details ?? {},
    };
  }
  const share = shareLeft(objective.target, attainment, score.budget);
  const budget = score.budget && budgetReport(score.budget, share);
  const closed = isClosed(input, period);
  if (closed) {
    return {
      ...base,
      attainment,
      status: objectiveStatus({ target: objective.target, attainment, closed }),
      ...(budget && { budget }),
      burnRatesApply,
      details: details ?? {},
      ...tracked,
    };
  }

  // Still running: burn rates over the look-back windows where they are
  // defined, alerts, forecast. Alerts and the burn-rate list ask for the
  // same windows: score each once.
  const burns = new Map<number, number | undefined>();
  const burnOver = (lookbackMs: number) => {
    if (!burns.has(lookbackMs)) {
      const over = scorer.score({
        ...context,
        period: { start: new Date(now.getTime() - lookbackMs), end: now },
        lookback: true,
      }).attainment;
      burns.set(
        lookbackMs,
        over === null ? undefined : burnRate(objective.target, over),
      );
    }
    return burns.get(lookbackMs);
  };
  const windows = burnRatesApply
    ? burnWindows(period.end.getTime() - period.start.getTime())
    : [];
  const alerts = firingBurnAlerts(windows, burnOver);
  const forecast =
    score.budget?.elapsedShare !== undefined
      ? forecastBudget({
          allowed: score.budget.allowed,
          spent: score.budget.spent,
          elapsedShare: score.budget.elapsedShare,
        })
      : undefined;
  const exhausted = score.budget && cannotBeMet(objective, score.budget);
  return {
    ...base,
    attainment,
    status: objectiveStatus({
      target: objective.target,
      attainment,
      closed,
      exhausted,
      budgetRemaining: share,
      pageAlertFiring: alerts.some(a => a.severity === 'page'),
      forecastBreaches: forecast?.breachesBeforeEnd,
      atRiskRemaining: input.atRiskRemaining,
    }),
    ...(budget && { budget }),
    burnRatesApply,
    ...(burnRatesApply && {
      burnRates: windows.map(w => ({
        window: w.name,
        lookbackMinutes: w.longMs / MINUTE,
        burnRate: burnOver(w.longMs) ?? null,
      })),
      alerts,
    }),
    ...(input.withTrend && { trend: trendOf(scorer, context, period) }),
    ...(forecast && {
      forecast: {
        alreadyExhausted: forecast.alreadyExhausted,
        breachesBeforeEnd: forecast.breachesBeforeEnd,
        ...(score.budget?.exhaustsAt !== undefined &&
          forecast.breachesBeforeEnd &&
          !forecast.alreadyExhausted && {
            exhaustedAt: new Date(score.budget.exhaustsAt).toISOString(),
          }),
        projectedAttainment: attainment,
        projectedSpent: forecast.projectedSpent,
      },
    }),
    details: details ?? {},
    ...tracked,
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

/** Incidents of the period whose clock still runs (they may yet be late). */
function pendingIncidents(objective: ObjectiveReport): number {
  const pending = objective.details?.pending;
  return typeof pending === 'number' ? pending : 0;
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
  const closed = isClosed(input, period);
  const deciding = creditObjective(agreement);
  const decidingReport = objectives.find(o => o.name === deciding?.name);
  const percent = creditPercent(
    agreement.credits,
    decidingReport?.attainment ?? null,
  );
  // A month report bills the month, whatever the agreement's own window.
  const fee = periodFee(
    agreement.fee,
    input.period.kind === 'month' ? 'calendar-month' : agreement.window,
  );
  const amount = creditAmount(percent, fee);
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
    closed,
    final: closed && objectives.every(o => pendingIncidents(o) === 0),
    status: worstStatus(objectives.map(o => o.status)),
    credit: {
      percent,
      ...(deciding && { objective: deciding.name }),
      ...(amount && { amount }),
      ...(fee && { fee }),
      basis: closed ? 'owed' : 'projected',
      direction: creditDirection(agreement.type),
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
  const atRisk = new Map<string, AtRiskIncident>();
  for (const agreement of agreements) {
    for (const objective of agreement.objectives) {
      const open = objective.openIncidents ?? [];
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
  const closed = agreements.length > 0 && agreements.every(a => a.closed);
  return {
    service: stringifyEntityRef(service),
    ...(service.metadata.title && { title: service.metadata.title }),
    period: input.period.kind === 'current' ? 'current' : input.period.month,
    evaluatedAt: input.now.toISOString(),
    closed,
    final: closed && agreements.every(a => a.final),
    status: agreements.length
      ? worstStatus(agreements.map(a => a.status))
      : ('no-data' as SlaStatus),
    score: complianceScore(objectives),
    agreements,
    atRiskIncidents: [...atRisk.values()],
    atRiskBudgetRemaining:
      input.atRiskRemaining ?? DEFAULT_AT_RISK_BUDGET_REMAINING,
    warnings: underpinningWarnings(
      service,
      input.dependencies.map(d => d.entity),
    ).map(w => ({ message: w.message, service: w.underpinning.service })),
    composite: {
      availability: known.every(a => a !== null)
        ? seriesAvailability(known as number[])
        : null,
      chain,
      ...(input.cycles?.length && { cycles: input.cycles }),
    },
  };
}
