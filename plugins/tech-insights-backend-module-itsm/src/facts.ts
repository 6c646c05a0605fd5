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
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import type { FactSchema } from '@backstage-community/plugin-tech-insights-common';
import type { TechInsightFact } from '@backstage-community/plugin-tech-insights-node';
import type {
  PortfolioRow,
  ServiceSlaReport,
  SlaStatus,
} from '@backstage-itsm/plugin-itsm-common';
import { monthBefore } from '@backstage-itsm/plugin-itsm-common';
import type { ItsmService } from '@backstage-itsm/plugin-itsm-node';
import type { DateTime } from 'luxon';

/**
 * The id of the fact retriever: the `factIds` entry of a check, the `ids` of
 * `/facts/latest`, and the id of its scheduled task.
 *
 * @public
 */
export const ITSM_SERVICE_FACT_RETRIEVER_ID = 'itsmServiceFactRetriever';

/**
 * The key the retriever is added under, so its settings are read from
 * `techInsights.factRetrievers.itsmServiceFactRetriever` (without them it is
 * not scheduled).
 *
 * @public
 */
export const ITSM_SERVICE_FACT_RETRIEVER_KEY = ITSM_SERVICE_FACT_RETRIEVER_ID;

/**
 * The facts of one ITService, read for the current period (each agreement's
 * own window).
 *
 * @public
 */
export type ItsmServiceFacts = {
  slaStatus: SlaStatus;
  hasAgreement: boolean;
  lifecycle: string;
  serviceType: string;
  attainment: Record<string, number>;
  errorBudgetLeftPercent?: number;
  creditPercent: number;
  creditsOwedLastMonth: boolean;
  breachedSlas: number;
};

/**
 * The schema of {@link ItsmServiceFacts}, as Tech Insights shows it.
 *
 * @public
 */
export const itsmServiceFactSchema: FactSchema = {
  slaStatus: {
    type: 'string',
    description:
      'SLA status of the current period: met, at-risk, breached or no-data (the worst of all agreements of the service; no-data without agreements)',
  },
  hasAgreement: {
    type: 'boolean',
    description:
      'The service has at least one SLA (an agreement of type SLA in spec.agreements)',
  },
  lifecycle: {
    type: 'string',
    description: 'The service lifecycle: pipeline, live or retired',
  },
  serviceType: {
    type: 'string',
    description: 'The service type: business or technical',
  },
  attainment: {
    type: 'object',
    description:
      'Attainment (percent, 0-100) of each objective in the current period, keyed "<agreement>/<objective>"; objectives without data are left out',
  },
  errorBudgetLeftPercent: {
    type: 'float',
    description:
      'The lowest share of the error budget left (remainingPercent, 100 untouched, 0 spent exactly, negative overspent) across the objectives that have a budget; absent when none has',
  },
  creditPercent: {
    type: 'float',
    description:
      'The highest credit percent of the service SLAs and OLAs (payable) for the attainment so far',
  },
  creditsOwedLastMonth: {
    type: 'boolean',
    description:
      "Last month (the calendar month before the itsm backend's current one, UTC) closed with a payable credit owed by an SLA or OLA",
  },
  breachedSlas: {
    type: 'integer',
    description:
      'How many SLAs (agreements of type SLA) are breached in the current period',
  },
};

/**
 * The facts of one ITService from its portfolio row and its SLA report of
 * the same period.
 *
 * @public
 */
export function itsmServiceFacts(
  row: PortfolioRow,
  report: ServiceSlaReport,
  lastMonth?: PortfolioRow,
): ItsmServiceFacts {
  const slas = report.agreements.filter(a => a.type === 'SLA');
  const attainment: Record<string, number> = {};
  const budgetsLeft: number[] = [];
  for (const agreement of report.agreements) {
    for (const objective of agreement.objectives) {
      if (objective.attainment !== null) {
        attainment[`${agreement.name}/${objective.name}`] =
          objective.attainment;
      }
      if (objective.budget) {
        budgetsLeft.push(objective.budget.remainingPercent);
      }
    }
  }
  return {
    slaStatus: row.status,
    hasAgreement: slas.length > 0,
    lifecycle: row.lifecycle,
    serviceType: row.type,
    attainment,
    ...(budgetsLeft.length > 0 && {
      errorBudgetLeftPercent: Math.min(...budgetsLeft),
    }),
    creditPercent: row.creditPercent,
    creditsOwedLastMonth:
      lastMonth?.credits.owed.payable.some(m => m.amount > 0) ?? false,
    breachedSlas: slas.filter(a => a.status === 'breached').length,
  };
}

/** Maps items with at most `limit` calls of `fn` running at once, in order. */
async function mapLimited<T, R>(
  items: T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]);
    }
  };
  await Promise.all(
    Array.from({ length: Math.min(Math.max(1, limit), items.length) }, worker),
  );
  return results;
}

/**
 * Reads the portfolio once, then each service's current SLA report (at most
 * `concurrency` at a time, default 5), and turns them into one fact row per
 * ITService. A service whose report cannot be read is left out (its earlier
 * facts stay the latest) and logged; a portfolio that cannot be read fails
 * the run.
 *
 * @public
 */
export async function readItsmServiceFacts(options: {
  itsm: Pick<ItsmService, 'getPortfolio' | 'getServiceSla'>;
  credentials: BackstageCredentials;
  /** The time of the facts; stored as given (set it: see the README). */
  timestamp: DateTime;
  concurrency?: number;
  logger?: LoggerService;
}): Promise<TechInsightFact[]> {
  const { itsm, credentials, timestamp, concurrency = 5, logger } = options;
  const { items: rows } = await itsm.getPortfolio({}, { credentials });
  const reports = await mapLimited(rows, concurrency, async row => {
    try {
      return await itsm.getServiceSla(
        row.service,
        { period: 'current' },
        { credentials },
      );
    } catch (error) {
      logger?.warn(
        `Could not read the SLA report of ${row.service}; its facts are not updated this run`,
        error as Error,
      );
      return undefined;
    }
  });
  // Last month on the backend's clock (which a test or replay may pin).
  const evaluatedAt = reports.find(r => r !== undefined)?.evaluatedAt;
  const lastMonth = new Map<string, PortfolioRow>();
  if (evaluatedAt) {
    const { items } = await itsm.getPortfolio(
      { period: monthBefore(new Date(evaluatedAt), 'UTC') },
      { credentials },
    );
    for (const item of items) lastMonth.set(item.service, item);
  }
  const facts = rows.map((row, i) => {
    const report = reports[i];
    if (!report) return undefined;
    const { namespace, name } = parseEntityRef(row.service);
    const fact: TechInsightFact = {
      entity: { namespace, kind: 'ITService', name },
      timestamp,
      facts: itsmServiceFacts(row, report, lastMonth.get(row.service)),
    };
    return fact;
  });
  return facts.filter((f): f is TechInsightFact => f !== undefined);
}
