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

// Generated from plugins/itsm-backend/src/schema/openapi.yaml by
// `yarn openapi:generate`; do not edit.
/* eslint-disable */

import type { z as Zod3 } from 'zod/v3';

type Zod = typeof Zod3;

export const errorSchema = (z: Zod) =>
  z.object({
    error: z.object({ name: z.string(), message: z.string() }),
    response: z.object({ statusCode: z.number().int().optional() }).optional(),
  });

export const sourceSchema = (z: Zod) =>
  z
    .string()
    .min(1)
    .max(200)
    .describe('The tool that reports the measurement, e.g. pagerduty');

export const externalIdSchema = (z: Zod) =>
  z
    .string()
    .min(1)
    .max(500)
    .describe("The measurement's id in the source tool");

export const serviceRefSchema = (z: Zod) =>
  z
    .string()
    .min(1)
    .max(500)
    .describe(
      'Entity ref of an ITService; kind and namespace default to itservice and default',
    );

export const timestampSchema = (z: Zod) =>
  z.string().datetime({ offset: true }).max(40);

export const prioritySchema = (z: Zod) =>
  z.enum(['P1', 'P2', 'P3', 'P4', 'P5']);

export const pauseSchema = (z: Zod) =>
  z
    .object({ from: timestampSchema(z), to: timestampSchema(z).optional() })
    .strict();

export const incidentInputSchema = (z: Zod) =>
  z
    .object({
      source: sourceSchema(z),
      externalId: externalIdSchema(z),
      service: serviceRefSchema(z),
      priority: prioritySchema(z),
      openedAt: timestampSchema(z),
      acknowledgedAt: timestampSchema(z).optional(),
      resolvedAt: timestampSchema(z).optional(),
      pauses: z
        .array(pauseSchema(z))
        .max(100)
        .describe('Periods the clock stops, e.g. waiting on the customer')
        .optional(),
      title: z.string().max(1000).optional(),
      url: z
        .string()
        .url()
        .regex(new RegExp('^[Hh][Tt][Tt][Pp][Ss]?://'))
        .max(2000)
        .describe('A link to the incident in its tool; http or https only')
        .optional(),
    })
    .strict();

export const incidentSchema = (z: Zod) =>
  z.object({
    source: sourceSchema(z),
    externalId: externalIdSchema(z),
    service: serviceRefSchema(z),
    priority: prioritySchema(z),
    openedAt: timestampSchema(z),
    acknowledgedAt: timestampSchema(z).optional(),
    resolvedAt: timestampSchema(z).optional(),
    pauses: z
      .array(pauseSchema(z))
      .max(100)
      .describe('Periods the clock stops, e.g. waiting on the customer')
      .optional(),
    title: z.string().max(1000).optional(),
    url: z
      .string()
      .url()
      .regex(new RegExp('^[Hh][Tt][Tt][Pp][Ss]?://'))
      .max(2000)
      .describe('A link to the incident in its tool; http or https only')
      .optional(),
    updatedAt: timestampSchema(z),
  });

export const outageInputSchema = (z: Zod) =>
  z
    .object({
      source: sourceSchema(z),
      externalId: externalIdSchema(z),
      service: serviceRefSchema(z),
      start: timestampSchema(z),
      end: timestampSchema(z)
        .describe('Absent while the outage is ongoing')
        .optional(),
      impact: z
        .enum(['full', 'partial', 'none'])
        .describe(
          'A partial outage counts with the weight itsm.partialOutageWeight (default 0.5). none is a coverage heartbeat: the source watched the service over [start, end) and saw no outage; it is never downtime, but it tells the reports that an availability source reports on the service (docs/sla-semantics.md, rule 9).',
        ),
      planned: z
        .boolean()
        .describe(
          'Planned maintenance, excluded from availability; default false',
        )
        .optional(),
      title: z.string().max(1000).optional(),
    })
    .strict();

export const outageSchema = (z: Zod) =>
  z.object({
    source: sourceSchema(z),
    externalId: externalIdSchema(z),
    service: serviceRefSchema(z),
    start: timestampSchema(z),
    end: timestampSchema(z)
      .describe('Absent while the outage is ongoing')
      .optional(),
    impact: z
      .enum(['full', 'partial', 'none'])
      .describe(
        'A partial outage counts with the weight itsm.partialOutageWeight (default 0.5). none is a coverage heartbeat: the source watched the service over [start, end) and saw no outage; it is never downtime, but it tells the reports that an availability source reports on the service (docs/sla-semantics.md, rule 9).',
      ),
    planned: z
      .boolean()
      .describe(
        'Planned maintenance, excluded from availability; default false',
      ),
    title: z.string().max(1000).optional(),
    updatedAt: timestampSchema(z),
  });

export const sliEventInputSchema = (z: Zod) =>
  z
    .object({
      source: sourceSchema(z),
      service: serviceRefSchema(z),
      objective: z
        .string()
        .min(1)
        .max(200)
        .describe("The objective's name in the service's agreement"),
      sliceStart: timestampSchema(z),
      sliceSeconds: z.number().int().gte(1).lte(2678400),
      good: z.number().int().gte(0).lte(1000000000000),
      total: z.number().int().gte(0).lte(1000000000000),
    })
    .strict();

export const sliEventSchema = (z: Zod) =>
  z.object({
    source: sourceSchema(z),
    service: serviceRefSchema(z),
    objective: z
      .string()
      .min(1)
      .max(200)
      .describe("The objective's name in the service's agreement"),
    sliceStart: timestampSchema(z),
    sliceSeconds: z.number().int().gte(1).lte(2678400),
    good: z.number().int().gte(0).lte(1000000000000),
    total: z.number().int().gte(0).lte(1000000000000),
    updatedAt: timestampSchema(z),
  });

export const sourceHealthSchema = (z: Zod) =>
  z
    .object({
      source: sourceSchema(z),
      status: z.enum(['ok', 'failing']),
      lastStored: z
        .object({
          incidents: timestampSchema(z).optional(),
          outages: timestampSchema(z).optional(),
          sliEvents: timestampSchema(z).optional(),
        })
        .describe('When the source last stored each kind of measurement'),
      lastSuccessAt: timestampSchema(z).optional(),
      lastFailureAt: timestampSchema(z).optional(),
      lastFailure: z
        .string()
        .describe('Why the latest failed attempt failed')
        .optional(),
    })
    .describe(
      'How one measurement source fares for a service, or as a whole. failing: its latest attempt (a scheduled query, a run) failed after its latest success, so what it stored may be stale; ok otherwise.',
    );

export const sourceSummarySchema = (z: Zod) =>
  z.intersection(
    sourceHealthSchema(z),
    z.object({
      services: z
        .number()
        .int()
        .describe('Services the source stored measurements or health for'),
      failingServices: z
        .number()
        .int()
        .describe('Of those, the ones whose latest attempt failed'),
      unmatched: z
        .object({
          count: z.number().int(),
          lastAt: timestampSchema(z).optional(),
          last: z.string().optional(),
        })
        .describe(
          'Items received that map to no ITService in the catalog: never stored, counted here',
        ),
    }),
  );

export const slaStatusSchema = (z: Zod) =>
  z.enum(['met', 'at-risk', 'breached', 'no-data']);

export const moneySchema = (z: Zod) =>
  z.object({ amount: z.number(), currency: z.string() });

export const errorBudgetReportSchema = (z: Zod) =>
  z
    .object({
      unit: z.enum(['minutes', 'events', 'incidents']),
      allowed: z
        .number()
        .describe(
          "minutes: (1 - target) x agreed minutes of the whole period; events: (1 - target) x the period's events (projected while open); incidents: late incidents allowed among those counted",
        ),
      spent: z
        .number()
        .describe('Downtime minutes, bad events or late incidents so far'),
      remaining: z
        .number()
        .describe(
          'allowed - spent; incidents: how many more may still be late this period if no other incident is met in time (never below 0)',
        ),
      remainingPercent: z
        .number()
        .describe('100 x (allowed - spent) / allowed; negative when overspent'),
      consumedPercent: z.number(),
    })
    .describe(
      "The error budget of the whole period in the objective's own unit (docs/sla-semantics.md, rules 1 and 3)",
    );

export const burnRateReportSchema = (z: Zod) =>
  z.object({
    window: z.string(),
    lookbackMinutes: z.number(),
    burnRate: z
      .number()
      .nullable()
      .describe('Null when nothing was measured in the look-back'),
  });

export const burnRateAlertSchema = (z: Zod) =>
  z.object({
    name: z.string(),
    severity: z.enum(['page', 'ticket']),
    threshold: z.number(),
    longBurnRate: z.number(),
    shortBurnRate: z.number(),
  });

export const budgetForecastSchema = (z: Zod) =>
  z
    .object({
      alreadyExhausted: z
        .boolean()
        .describe("More than the whole period's budget is spent"),
      breachesBeforeEnd: z.boolean(),
      exhaustedAt: z
        .string()
        .datetime({ offset: true })
        .describe(
          'When the budget runs out at the rate so far, if before the end',
        )
        .optional(),
      projectedAttainment: z.number(),
      projectedSpent: z
        .number()
        .describe(
          "Budget spent by the end at the rate so far, in the budget's unit",
        ),
    })
    .describe(
      "Open periods of availability and sli objectives: the spending so far extrapolated to the period's end, on the objective's own time base",
    );

export const trendPointSchema = (z: Zod) =>
  z.object({
    at: z.string().datetime({ offset: true }),
    attainment: z.number().nullable(),
    budgetRemainingPercent: z.number().nullable(),
  });

export const scoreDetailsSchema = (z: Zod) =>
  z
    .record(z.union([z.number(), z.string(), z.boolean()]))
    .describe('Scorer-specific figures shown with the score');

export const objectiveReportSchema = (z: Zod) =>
  z
    .object({
      name: z.string(),
      type: z.string(),
      target: z.number().describe('Percent'),
      priority: z.string().optional(),
      threshold: z.string().optional(),
      attainment: z.number().nullable().describe('Percent; null without data'),
      status: slaStatusSchema(z),
      budget: errorBudgetReportSchema(z).optional(),
      burnRatesApply: z
        .boolean()
        .describe(
          'Whether burn rates are defined: true for availability and sli, false for response and resolution',
        )
        .optional(),
      burnRates: z.array(burnRateReportSchema(z)).optional(),
      alerts: z.array(burnRateAlertSchema(z)).optional(),
      forecast: budgetForecastSchema(z).optional(),
      details: scoreDetailsSchema(z).optional(),
      openIncidents: z
        .array(openIncidentSchema(z))
        .describe(
          'Response and resolution objectives, the running incidents they track',
        )
        .optional(),
      trend: z
        .array(trendPointSchema(z))
        .describe(
          "How attainment and budget developed over the current period so far, at up to 31 evenly spaced points; only in a service's own report",
        )
        .optional(),
    })
    .describe("One objective's result in a period; percentages are 0-100");

export const openIncidentSchema = (z: Zod) =>
  z
    .object({
      source: z.string(),
      externalId: z.string(),
      priority: z.string(),
      openedAt: z.string().datetime({ offset: true }),
      title: z.string().optional(),
      url: z.string().optional(),
      elapsedMinutes: z
        .number()
        .describe(
          "Business time elapsed on the objective's calendar, pauses left out",
        ),
      percentOfThreshold: z.number().describe('100 x elapsed / threshold'),
      milestone: z.enum(['ok', '50%', '75%', 'breached']),
      breachAt: z
        .string()
        .datetime({ offset: true })
        .describe('When elapsed time reaches the threshold')
        .optional(),
      earlierPeriod: z
        .boolean()
        .describe(
          'Opened before the period and still running; it counts in its own period',
        )
        .optional(),
    })
    .describe(
      'A running incident as a response or resolution objective tracks it (docs/sla-semantics.md, rule 12)',
    );

export const atRiskIncidentSchema = (z: Zod) =>
  z
    .object({
      source: z.string(),
      externalId: z.string(),
      priority: z.string(),
      openedAt: z.string().datetime({ offset: true }),
      title: z.string().optional(),
      url: z.string().optional(),
      elapsedMinutes: z
        .number()
        .describe(
          "Business time elapsed on the objective's calendar, pauses left out",
        ),
      percentOfThreshold: z.number().describe('100 x elapsed / threshold'),
      milestone: z.enum(['ok', '50%', '75%', 'breached']),
      breachAt: z
        .string()
        .datetime({ offset: true })
        .describe('When elapsed time reaches the threshold')
        .optional(),
      earlierPeriod: z
        .boolean()
        .describe(
          'Opened before the period and still running; it counts in its own period',
        )
        .optional(),
      agreement: z.string(),
      objective: z.string(),
    })
    .describe(
      'An open incident past a milestone, with the objective it counts against',
    );

export const agreementReportSchema = (z: Zod) =>
  z
    .object({
      name: z.string(),
      type: z.enum(['SLA', 'OLA', 'UC']),
      with: z.string(),
      window: z.enum([
        'calendar-week',
        'calendar-month',
        'calendar-quarter',
        'rolling-7d',
        'rolling-28d',
        'rolling-30d',
      ]),
      period: z.object({
        start: z.string().datetime({ offset: true }),
        end: z.string().datetime({ offset: true }),
        label: z.string(),
      }),
      closed: z
        .boolean()
        .describe("The period has ended in the service's time zone"),
      final: z
        .boolean()
        .describe('Closed, and no incident of the period still pending'),
      status: slaStatusSchema(z),
      credit: z.object({
        percent: z.number(),
        objective: z.string().optional(),
        amount: moneySchema(z)
          .describe("percent x the fee of the agreement's window")
          .optional(),
        fee: moneySchema(z)
          .describe(
            "The fee of the agreement's window (quarter = 3 x the monthly fee)",
          )
          .optional(),
        basis: z
          .enum(['owed', 'projected'])
          .describe(
            'owed for a closed period; projected: what would be owed if the period closed now',
          ),
        direction: z
          .enum(['payable', 'receivable'])
          .describe(
            'payable (SLA, OLA) we pay; receivable (UC) the supplier pays us',
          ),
      }),
      objectives: z.array(objectiveReportSchema(z)),
    })
    .describe("One agreement's result in a period");

export const serviceSlaReportSchema = (z: Zod) =>
  z
    .object({
      service: z.string(),
      title: z.string().optional(),
      period: z.string().describe('current or YYYY-MM'),
      evaluatedAt: z.string().datetime({ offset: true }),
      closed: z.boolean().describe("Every agreement's period has ended"),
      final: z
        .boolean()
        .describe(
          'Closed, and no incident still pending; the figures will not change',
        ),
      status: slaStatusSchema(z),
      score: z
        .number()
        .nullable()
        .describe('Compliance score 0-100, null when nothing could be scored'),
      agreements: z.array(agreementReportSchema(z)),
      atRiskIncidents: z
        .array(atRiskIncidentSchema(z))
        .describe(
          'Open incidents past 50 % of a response or resolution threshold',
        ),
      atRiskBudgetRemaining: z
        .number()
        .describe(
          'The share of the error budget (0 to 1) below which an open objective is counted at risk (itsm.atRiskBudgetRemaining)',
        ),
      warnings: z
        .array(
          z.object({
            message: z.string(),
            service: z
              .string()
              .describe('The service that carries the weaker OLA or UC')
              .optional(),
          }),
        )
        .describe(
          'Underpinning OLAs and UCs less strict than the SLAs they support, with the service that carries the OLA or UC',
        ),
      composite: z
        .object({
          availability: z.number().nullable(),
          chain: z.array(
            z.object({
              service: z.string(),
              availability: z.number().nullable(),
            }),
          ),
          cycles: z
            .array(z.array(z.string()))
            .describe('Dependency cycles found, as lists of refs')
            .optional(),
        })
        .describe(
          'Availability the service can promise from its whole dependsOn chain (series: the product of its own and every ITService it depends on, directly or not, each once)',
        ),
    })
    .describe('The SLA report of an IT service for a period');

export const moneyByDirectionSchema = (z: Zod) =>
  z.object({
    payable: z.array(moneySchema(z)),
    receivable: z.array(moneySchema(z)),
  });

export const creditTotalsSchema = (z: Zod) =>
  z
    .object({
      owed: moneyByDirectionSchema(z),
      projected: moneyByDirectionSchema(z),
    })
    .describe(
      'Credits summed per currency: owed for closed periods, projected for open ones; payable (SLA, OLA) and receivable (UC) never netted',
    );

export const slaHistoryEntrySchema = (z: Zod) =>
  z
    .object({
      month: z.string(),
      final: z.boolean(),
      status: slaStatusSchema(z),
      score: z.number().nullable(),
      agreements: z.array(
        z.object({
          name: z.string(),
          status: slaStatusSchema(z),
          creditPercent: z.number(),
          creditBasis: z.enum(['owed', 'projected']),
          creditDirection: z.enum(['payable', 'receivable']),
          objectives: z.array(
            z.object({
              name: z.string(),
              attainment: z.number().nullable(),
              status: slaStatusSchema(z),
            }),
          ),
        }),
      ),
    })
    .describe("A month of a service's SLA history");

export const portfolioRowSchema = (z: Zod) =>
  z
    .object({
      service: z.string(),
      title: z.string().optional(),
      type: z.string(),
      lifecycle: z.string(),
      owner: z.string(),
      customers: z.array(z.string()),
      suppliers: z.array(z.string()),
      status: slaStatusSchema(z),
      score: z.number().nullable(),
      worstObjective: z
        .object({
          agreement: z.string(),
          objective: z.string(),
          target: z.number(),
          attainment: z.number().nullable(),
          status: slaStatusSchema(z),
        })
        .optional(),
      creditPercent: z
        .number()
        .describe(
          "The highest credit percent of the service's SLAs and OLAs (payable)",
        ),
      credits: creditTotalsSchema(z),
      evaluatedAt: z
        .string()
        .datetime({ offset: true })
        .describe(
          "The instant the row's figures are as of: for the current period at most itsm.portfolio.maxAge before the request, and after every measurement written before it (docs/sla-semantics.md, rule 16)",
        ),
      supportedThrough: z
        .string()
        .describe(
          'With the supports filter: the service the entity supports directly, through which it supports this one (absent when it supports this one directly)',
        )
        .optional(),
    })
    .describe('One row of the service portfolio');

export const partySlaReportSchema = (z: Zod) =>
  z
    .object({
      party: z.string(),
      period: z.string(),
      score: z
        .number()
        .nullable()
        .describe(
          'Compliance score 0-100 over the objectives agreed with the party',
        ),
      services: z.array(
        z.object({
          service: z.string(),
          title: z.string().optional(),
          status: slaStatusSchema(z),
          agreements: z.array(agreementReportSchema(z)),
        }),
      ),
      credits: creditTotalsSchema(z),
    })
    .describe(
      'What was agreed with one stakeholder or supplier, across services',
    );

export const partySlaPageSchema = (z: Zod) =>
  z
    .object({
      party: z.string(),
      period: z.string(),
      score: z
        .number()
        .nullable()
        .describe(
          'Compliance score 0-100 over the objectives agreed with the party',
        ),
      services: z.array(
        z.object({
          service: z.string(),
          title: z.string().optional(),
          status: slaStatusSchema(z),
          agreements: z.array(agreementReportSchema(z)),
        }),
      ),
      credits: creditTotalsSchema(z),
      nextCursor: z.string().optional(),
    })
    .describe(
      'The party report of one page of services; score and credits are those of the page (a client sums all pages with partyTotals), nextCursor leads to the next page',
    );

export const serviceNotificationSchema = (z: Zod) =>
  z
    .object({
      id: z.string(),
      kind: z
        .enum([
          'status',
          'recovery',
          'burn-alert',
          'incident-milestone',
          'credit',
          'contract-notice',
        ])
        .describe(
          'status: an objective became at risk or breached; recovery: it got better and stayed so for the recovery delay; burn-alert: a burn rate alert started firing; incident-milestone: an open incident reached 75 % or 100 % of its threshold; credit: a closed period ended with a credit; contract-notice: a supplier contract entered its notice period',
        ),
      agreement: z.string().optional(),
      objective: z.string().optional(),
      subject: z
        .string()
        .describe(
          "What the change is about within the objective: the alert's name, the incident (source/externalId), the period of a credit, the contract reference",
        )
        .optional(),
      state: z
        .string()
        .describe('The state notified, e.g. breached, 75%, firing, owed')
        .optional(),
      severity: z.enum(['critical', 'high', 'normal', 'low']),
      title: z.string(),
      description: z.string(),
      link: z
        .string()
        .describe(
          'The portal path of the exact view (SLA tab and period, supplier page)',
        ),
      recipients: z
        .array(z.string())
        .describe('Entity refs of the users and groups notified'),
      createdAt: z
        .string()
        .datetime({ offset: true })
        .describe('When the change was seen, on the clock the reports use'),
      sentAt: z
        .string()
        .datetime({ offset: true })
        .describe('When the notifications backend accepted it')
        .optional(),
      delivery: z
        .enum(['pending', 'sent'])
        .describe('pending until the notifications backend accepted it'),
      lastError: z
        .string()
        .describe('Why the latest delivery attempt failed, while pending')
        .optional(),
    })
    .describe(
      'A notification the itsm backend sent (or is sending) about an IT service or supplier, because a stored state changed (docs/sla-semantics.md, rule 14)',
    );

export const ingestResultSchema = (z: Zod) =>
  z.object({
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
  });

export const pushIncidentsResponseSchema = (z: Zod) => ingestResultSchema(z);

export const listIncidentsResponseSchema = (z: Zod) =>
  z.object({
    items: z.array(incidentSchema(z)),
    nextCursor: z.string().optional(),
  });

export const listIncidentsQuerySchema = (z: Zod) =>
  z.object({
    service: z
      .string()
      .min(1)
      .max(500)
      .describe(
        'Entity ref of an ITService, e.g. itservice:default/online-banking',
      ),
    from: z
      .string()
      .datetime({ offset: true })
      .describe('Earliest time (inclusive), ISO 8601')
      .optional(),
    to: z
      .string()
      .datetime({ offset: true })
      .describe('Latest time (exclusive), ISO 8601')
      .optional(),
    limit: z
      .number()
      .int()
      .gte(1)
      .lte(1000)
      .describe('Page size, default 100')
      .optional(),
    cursor: z
      .string()
      .min(1)
      .max(2000)
      .describe('The nextCursor of the previous page')
      .optional(),
    open: z
      .boolean()
      .describe('When true, only incidents not resolved yet')
      .optional(),
  });

export const pushOutagesResponseSchema = (z: Zod) => ingestResultSchema(z);

export const listOutagesResponseSchema = (z: Zod) =>
  z.object({
    items: z.array(outageSchema(z)),
    nextCursor: z.string().optional(),
  });

export const listOutagesQuerySchema = (z: Zod) =>
  z.object({
    service: z
      .string()
      .min(1)
      .max(500)
      .describe(
        'Entity ref of an ITService, e.g. itservice:default/online-banking',
      ),
    from: z
      .string()
      .datetime({ offset: true })
      .describe('Earliest time (inclusive), ISO 8601')
      .optional(),
    to: z
      .string()
      .datetime({ offset: true })
      .describe('Latest time (exclusive), ISO 8601')
      .optional(),
    limit: z
      .number()
      .int()
      .gte(1)
      .lte(1000)
      .describe('Page size, default 100')
      .optional(),
    cursor: z
      .string()
      .min(1)
      .max(2000)
      .describe('The nextCursor of the previous page')
      .optional(),
  });

export const pushSliEventsResponseSchema = (z: Zod) => ingestResultSchema(z);

export const listSliEventsResponseSchema = (z: Zod) =>
  z.object({
    items: z.array(sliEventSchema(z)),
    nextCursor: z.string().optional(),
  });

export const listSliEventsQuerySchema = (z: Zod) =>
  z.object({
    service: z
      .string()
      .min(1)
      .max(500)
      .describe(
        'Entity ref of an ITService, e.g. itservice:default/online-banking',
      ),
    from: z
      .string()
      .datetime({ offset: true })
      .describe('Earliest time (inclusive), ISO 8601')
      .optional(),
    to: z
      .string()
      .datetime({ offset: true })
      .describe('Latest time (exclusive), ISO 8601')
      .optional(),
    limit: z
      .number()
      .int()
      .gte(1)
      .lte(1000)
      .describe('Page size, default 100')
      .optional(),
    cursor: z
      .string()
      .min(1)
      .max(2000)
      .describe('The nextCursor of the previous page')
      .optional(),
    objective: z.string().min(1).max(200).optional(),
  });

export const deleteSliEventQuerySchema = (z: Zod) =>
  z.object({
    source: z.string().min(1).max(200),
    service: z
      .string()
      .min(1)
      .max(500)
      .describe(
        'Entity ref of an ITService, e.g. itservice:default/online-banking',
      ),
    objective: z.string().min(1).max(200),
    sliceStart: z.string().datetime({ offset: true }),
  });

export const listSourcesResponseSchema = (z: Zod) =>
  z.object({ items: z.array(sourceSummarySchema(z)) });

export const getServiceSourcesResponseSchema = (z: Zod) =>
  z.object({ items: z.array(sourceHealthSchema(z)) });

export const getServiceNotificationsResponseSchema = (z: Zod) =>
  z.object({ items: z.array(serviceNotificationSchema(z)) });

export const getServiceNotificationsQuerySchema = (z: Zod) =>
  z.object({
    limit: z
      .number()
      .int()
      .gte(1)
      .lte(1000)
      .describe('Page size, default 100')
      .optional(),
  });

export const getServiceSlaResponseSchema = (z: Zod) =>
  serviceSlaReportSchema(z);

export const getServiceSlaQuerySchema = (z: Zod) =>
  z.object({
    period: z
      .string()
      .regex(new RegExp('^(current|\\d{4}-\\d{2})$'))
      .describe(
        "current (each agreement's own window, the default) or a month YYYY-MM",
      )
      .optional(),
  });

export const getServiceSlaHistoryResponseSchema = (z: Zod) =>
  z.object({ items: z.array(slaHistoryEntrySchema(z)) });

export const getServiceSlaHistoryQuerySchema = (z: Zod) =>
  z.object({
    from: z.string().regex(new RegExp('^\\d{4}-\\d{2}$')),
    to: z.string().regex(new RegExp('^\\d{4}-\\d{2}$')),
  });

export const getStakeholderSlaResponseSchema = (z: Zod) =>
  partySlaPageSchema(z);

export const getStakeholderSlaQuerySchema = (z: Zod) =>
  z.object({
    period: z
      .string()
      .regex(new RegExp('^(current|\\d{4}-\\d{2})$'))
      .describe(
        "current (each agreement's own window, the default) or a month YYYY-MM",
      )
      .optional(),
    limit: z
      .number()
      .int()
      .gte(1)
      .lte(200)
      .describe(
        'Services scored per page, in ref order; default and at most 200',
      )
      .optional(),
    cursor: z
      .string()
      .min(1)
      .max(2000)
      .describe('The nextCursor of the previous page')
      .optional(),
  });

export const getStakeholderReportCsvQuerySchema = (z: Zod) =>
  z.object({ month: z.string().regex(new RegExp('^\\d{4}-\\d{2}$')) });

export const getSupplierSlaResponseSchema = (z: Zod) => partySlaPageSchema(z);

export const getSupplierSlaQuerySchema = (z: Zod) =>
  z.object({
    period: z
      .string()
      .regex(new RegExp('^(current|\\d{4}-\\d{2})$'))
      .describe(
        "current (each agreement's own window, the default) or a month YYYY-MM",
      )
      .optional(),
    limit: z
      .number()
      .int()
      .gte(1)
      .lte(200)
      .describe(
        'Services scored per page, in ref order; default and at most 200',
      )
      .optional(),
    cursor: z
      .string()
      .min(1)
      .max(2000)
      .describe('The nextCursor of the previous page')
      .optional(),
  });

export const getPortfolioResponseSchema = (z: Zod) =>
  z.object({
    items: z.array(portfolioRowSchema(z)),
    nextCursor: z.string().optional(),
  });

export const getPortfolioQuerySchema = (z: Zod) =>
  z.object({
    period: z
      .string()
      .regex(new RegExp('^(current|\\d{4}-\\d{2})$'))
      .describe(
        "current (each agreement's own window, the default) or a month YYYY-MM",
      )
      .optional(),
    limit: z
      .number()
      .int()
      .gte(1)
      .lte(200)
      .describe(
        'Services scored per page, in ref order; default and at most 200',
      )
      .optional(),
    cursor: z
      .string()
      .min(1)
      .max(2000)
      .describe('The nextCursor of the previous page')
      .optional(),
    owner: z.string().max(500).optional(),
    customer: z.string().max(500).optional(),
    supplier: z.string().max(500).optional(),
    lifecycle: z.enum(['pipeline', 'live', 'retired']).optional(),
    supports: z
      .string()
      .max(500)
      .describe(
        'An entity ref (a Component, System, Resource or API): only the services it supports, listed in their implementedBy or dependsOn (it, or its System), and the services that depend on those, directly or not',
      )
      .optional(),
  });
