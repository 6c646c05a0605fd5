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
  creditTotals,
  ITServiceEntity,
  PortfolioRow,
  samePeriod,
  ServiceSlaReport,
  worstStatus,
} from '@backstage-itsm/plugin-itsm-common';
import type { KeptPortfolioRow } from '../database/MeasurementStore';

/** The part of a portfolio row that is figures, made from the service's report (rule 16). */
export type PortfolioFigures = Pick<
  PortfolioRow,
  | 'status'
  | 'score'
  | 'worstObjective'
  | 'creditPercent'
  | 'credits'
  | 'evaluatedAt'
>;

/** Raised when the kept figures change shape, so older rows are made again. */
const FIGURES_FORMAT = 2;

/** How old a kept row may be when served, by default. */
export const DEFAULT_PORTFOLIO_MAX_AGE_MS = 5 * 60_000;

/** A portfolio row's figures from the service's report. */
export function portfolioFigures(report: ServiceSlaReport): PortfolioFigures {
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
  return {
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
    evaluatedAt: report.evaluatedAt,
  };
}

/**
 * The row to keep for the figures, from the service's generation read
 * before its measurements. Their `evaluatedAt` is kept in the row's own
 * column, not again in the JSON.
 */
export function keptRow(
  { evaluatedAt, ...figures }: PortfolioFigures,
  fingerprint: string,
  generation: number,
): KeptPortfolioRow {
  return {
    fingerprint,
    generation,
    evaluatedAt: Date.parse(evaluatedAt),
    figures: JSON.stringify({ format: FIGURES_FORMAT, figures }),
  };
}

/**
 * A kept row's figures when it may be served at `now` (rule 16): made from
 * the service's measurements as they are (its generation), from the same
 * spec and scoring configuration (fingerprint), at most `maxAgeMs` ago and
 * in every agreement's current period. Undefined otherwise.
 */
export function servableFigures(options: {
  service: ITServiceEntity;
  row: KeptPortfolioRow | undefined;
  generation: number;
  fingerprint: string;
  now: Date;
  maxAgeMs: number;
}): PortfolioFigures | undefined {
  const { service, row, now } = options;
  if (
    !row ||
    row.generation !== options.generation ||
    row.fingerprint !== options.fingerprint ||
    row.evaluatedAt > now.getTime() ||
    now.getTime() - row.evaluatedAt > options.maxAgeMs
  ) {
    return undefined;
  }
  const zone = service.spec.serviceHours?.timezone ?? 'UTC';
  const evaluatedAt = new Date(row.evaluatedAt);
  if (
    !(service.spec.agreements ?? []).every(a =>
      samePeriod(a.window, evaluatedAt, now, zone),
    )
  ) {
    return undefined;
  }
  const kept = JSON.parse(row.figures);
  return kept?.format === FIGURES_FORMAT
    ? { ...kept.figures, evaluatedAt: evaluatedAt.toISOString() }
    : undefined;
}
