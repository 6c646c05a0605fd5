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

import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';

export const spec = {
  openapi: '3.0.3',
  info: {
    title: 'itsm',
    version: '1',
    description:
      'Backstage ITSM measurements: incidents, outages and SLI counts of IT services, pushed by incident, monitoring and change tools. Every write is an idempotent upsert; every route needs a Backstage token.',
    license: {
      name: 'Apache-2.0',
      url: 'http://www.apache.org/licenses/LICENSE-2.0.html',
    },
  },
  servers: [
    {
      url: '/',
    },
  ],
  components: {
    securitySchemes: {
      BackstageToken: {
        type: 'http',
        scheme: 'bearer',
      },
    },
    parameters: {
      service: {
        name: 'service',
        in: 'query',
        required: true,
        allowReserved: true,
        description:
          'Entity ref of an ITService, e.g. itservice:default/online-banking',
        schema: {
          type: 'string',
          minLength: 1,
          maxLength: 500,
        },
      },
      from: {
        name: 'from',
        in: 'query',
        required: false,
        allowReserved: true,
        description: 'Earliest time (inclusive), ISO 8601',
        schema: {
          type: 'string',
          format: 'date-time',
        },
      },
      to: {
        name: 'to',
        in: 'query',
        required: false,
        allowReserved: true,
        description: 'Latest time (exclusive), ISO 8601',
        schema: {
          type: 'string',
          format: 'date-time',
        },
      },
      limit: {
        name: 'limit',
        in: 'query',
        required: false,
        description: 'Page size, default 100',
        schema: {
          type: 'integer',
          minimum: 1,
          maximum: 1000,
        },
      },
      cursor: {
        name: 'cursor',
        in: 'query',
        required: false,
        allowReserved: true,
        description: 'The nextCursor of the previous page',
        schema: {
          type: 'string',
          minLength: 1,
          maxLength: 2000,
        },
      },
      reportLimit: {
        name: 'limit',
        in: 'query',
        required: false,
        description:
          'Services scored per page, in ref order; default and at most 200',
        schema: {
          type: 'integer',
          minimum: 1,
          maximum: 200,
        },
      },
      source: {
        name: 'source',
        in: 'path',
        required: true,
        schema: {
          type: 'string',
          minLength: 1,
          maxLength: 200,
        },
      },
      externalId: {
        name: 'externalId',
        in: 'path',
        required: true,
        schema: {
          type: 'string',
          minLength: 1,
          maxLength: 500,
        },
      },
      namespace: {
        name: 'namespace',
        in: 'path',
        required: true,
        schema: {
          type: 'string',
          minLength: 1,
          maxLength: 200,
        },
      },
      name: {
        name: 'name',
        in: 'path',
        required: true,
        schema: {
          type: 'string',
          minLength: 1,
          maxLength: 200,
        },
      },
      period: {
        name: 'period',
        in: 'query',
        required: false,
        description:
          "current (each agreement's own window, the default) or a month YYYY-MM",
        schema: {
          type: 'string',
          pattern: '^(current|\\d{4}-\\d{2})$',
        },
      },
    },
    responses: {
      ErrorResponse: {
        description: "An error, in Backstage's error format",
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/Error',
            },
          },
        },
      },
    },
    schemas: {
      Error: {
        type: 'object',
        properties: {
          error: {
            type: 'object',
            properties: {
              name: {
                type: 'string',
              },
              message: {
                type: 'string',
              },
            },
            required: ['name', 'message'],
          },
          response: {
            type: 'object',
            properties: {
              statusCode: {
                type: 'integer',
              },
            },
          },
        },
        required: ['error'],
      },
      Source: {
        type: 'string',
        minLength: 1,
        maxLength: 200,
        description: 'The tool that reports the measurement, e.g. pagerduty',
      },
      ExternalId: {
        type: 'string',
        minLength: 1,
        maxLength: 500,
        description: "The measurement's id in the source tool",
      },
      ServiceRef: {
        type: 'string',
        minLength: 1,
        maxLength: 500,
        description:
          'Entity ref of an ITService; kind and namespace default to itservice and default',
      },
      Timestamp: {
        type: 'string',
        format: 'date-time',
        maxLength: 40,
      },
      Priority: {
        type: 'string',
        enum: ['P1', 'P2', 'P3', 'P4', 'P5'],
      },
      Pause: {
        type: 'object',
        additionalProperties: false,
        required: ['from'],
        properties: {
          from: {
            $ref: '#/components/schemas/Timestamp',
          },
          to: {
            $ref: '#/components/schemas/Timestamp',
          },
        },
      },
      IncidentInput: {
        type: 'object',
        additionalProperties: false,
        required: ['source', 'externalId', 'service', 'priority', 'openedAt'],
        properties: {
          source: {
            $ref: '#/components/schemas/Source',
          },
          externalId: {
            $ref: '#/components/schemas/ExternalId',
          },
          service: {
            $ref: '#/components/schemas/ServiceRef',
          },
          priority: {
            $ref: '#/components/schemas/Priority',
          },
          openedAt: {
            $ref: '#/components/schemas/Timestamp',
          },
          acknowledgedAt: {
            $ref: '#/components/schemas/Timestamp',
          },
          resolvedAt: {
            $ref: '#/components/schemas/Timestamp',
          },
          pauses: {
            type: 'array',
            maxItems: 100,
            description:
              'Periods the clock stops, e.g. waiting on the customer',
            items: {
              $ref: '#/components/schemas/Pause',
            },
          },
          title: {
            type: 'string',
            maxLength: 1000,
          },
          url: {
            type: 'string',
            format: 'uri',
            maxLength: 2000,
            pattern: '^[Hh][Tt][Tt][Pp][Ss]?://',
            description:
              'A link to the incident in its tool; http or https only',
          },
        },
      },
      Incident: {
        type: 'object',
        required: [
          'source',
          'externalId',
          'service',
          'priority',
          'openedAt',
          'updatedAt',
        ],
        properties: {
          source: {
            $ref: '#/components/schemas/Source',
          },
          externalId: {
            $ref: '#/components/schemas/ExternalId',
          },
          service: {
            $ref: '#/components/schemas/ServiceRef',
          },
          priority: {
            $ref: '#/components/schemas/Priority',
          },
          openedAt: {
            $ref: '#/components/schemas/Timestamp',
          },
          acknowledgedAt: {
            $ref: '#/components/schemas/Timestamp',
          },
          resolvedAt: {
            $ref: '#/components/schemas/Timestamp',
          },
          pauses: {
            type: 'array',
            maxItems: 100,
            description:
              'Periods the clock stops, e.g. waiting on the customer',
            items: {
              $ref: '#/components/schemas/Pause',
            },
          },
          title: {
            type: 'string',
            maxLength: 1000,
          },
          url: {
            type: 'string',
            format: 'uri',
            maxLength: 2000,
            pattern: '^[Hh][Tt][Tt][Pp][Ss]?://',
            description:
              'A link to the incident in its tool; http or https only',
          },
          updatedAt: {
            $ref: '#/components/schemas/Timestamp',
          },
        },
      },
      OutageInput: {
        type: 'object',
        additionalProperties: false,
        required: ['source', 'externalId', 'service', 'start', 'impact'],
        properties: {
          source: {
            $ref: '#/components/schemas/Source',
          },
          externalId: {
            $ref: '#/components/schemas/ExternalId',
          },
          service: {
            $ref: '#/components/schemas/ServiceRef',
          },
          start: {
            $ref: '#/components/schemas/Timestamp',
          },
          end: {
            allOf: [
              {
                $ref: '#/components/schemas/Timestamp',
              },
            ],
            description: 'Absent while the outage is ongoing',
          },
          impact: {
            type: 'string',
            enum: ['full', 'partial', 'none'],
            description:
              'A partial outage counts with the weight itsm.partialOutageWeight (default 0.5). none is a coverage heartbeat: the source watched the service over [start, end) and saw no outage; it is never downtime, but it tells the reports that an availability source reports on the service (docs/sla-semantics.md, rule 9).',
          },
          planned: {
            type: 'boolean',
            description:
              'Planned maintenance, excluded from availability; default false',
          },
          title: {
            type: 'string',
            maxLength: 1000,
          },
        },
      },
      Outage: {
        type: 'object',
        required: [
          'source',
          'externalId',
          'service',
          'start',
          'impact',
          'planned',
          'updatedAt',
        ],
        properties: {
          source: {
            $ref: '#/components/schemas/Source',
          },
          externalId: {
            $ref: '#/components/schemas/ExternalId',
          },
          service: {
            $ref: '#/components/schemas/ServiceRef',
          },
          start: {
            $ref: '#/components/schemas/Timestamp',
          },
          end: {
            allOf: [
              {
                $ref: '#/components/schemas/Timestamp',
              },
            ],
            description: 'Absent while the outage is ongoing',
          },
          impact: {
            type: 'string',
            enum: ['full', 'partial', 'none'],
            description:
              'A partial outage counts with the weight itsm.partialOutageWeight (default 0.5). none is a coverage heartbeat: the source watched the service over [start, end) and saw no outage; it is never downtime, but it tells the reports that an availability source reports on the service (docs/sla-semantics.md, rule 9).',
          },
          planned: {
            type: 'boolean',
            description:
              'Planned maintenance, excluded from availability; default false',
          },
          title: {
            type: 'string',
            maxLength: 1000,
          },
          updatedAt: {
            $ref: '#/components/schemas/Timestamp',
          },
        },
      },
      SliEventInput: {
        type: 'object',
        additionalProperties: false,
        required: [
          'source',
          'service',
          'objective',
          'sliceStart',
          'sliceSeconds',
          'good',
          'total',
        ],
        properties: {
          source: {
            $ref: '#/components/schemas/Source',
          },
          service: {
            $ref: '#/components/schemas/ServiceRef',
          },
          objective: {
            type: 'string',
            minLength: 1,
            maxLength: 200,
            description: "The objective's name in the service's agreement",
          },
          sliceStart: {
            $ref: '#/components/schemas/Timestamp',
          },
          sliceSeconds: {
            type: 'integer',
            minimum: 1,
            maximum: 2678400,
          },
          good: {
            type: 'integer',
            minimum: 0,
            maximum: 1000000000000,
          },
          total: {
            type: 'integer',
            minimum: 0,
            maximum: 1000000000000,
          },
        },
      },
      SliEvent: {
        type: 'object',
        required: [
          'source',
          'service',
          'objective',
          'sliceStart',
          'sliceSeconds',
          'good',
          'total',
          'updatedAt',
        ],
        properties: {
          source: {
            $ref: '#/components/schemas/Source',
          },
          service: {
            $ref: '#/components/schemas/ServiceRef',
          },
          objective: {
            type: 'string',
            minLength: 1,
            maxLength: 200,
            description: "The objective's name in the service's agreement",
          },
          sliceStart: {
            $ref: '#/components/schemas/Timestamp',
          },
          sliceSeconds: {
            type: 'integer',
            minimum: 1,
            maximum: 2678400,
          },
          good: {
            type: 'integer',
            minimum: 0,
            maximum: 1000000000000,
          },
          total: {
            type: 'integer',
            minimum: 0,
            maximum: 1000000000000,
          },
          updatedAt: {
            $ref: '#/components/schemas/Timestamp',
          },
        },
      },
      SourceHealth: {
        type: 'object',
        description:
          'How one measurement source fares for a service, or as a whole. failing: its latest attempt (a scheduled query, a run) failed after its latest success, so what it stored may be stale; ok otherwise.',
        required: ['source', 'status', 'lastStored'],
        properties: {
          source: {
            $ref: '#/components/schemas/Source',
          },
          status: {
            type: 'string',
            enum: ['ok', 'failing'],
          },
          lastStored: {
            type: 'object',
            description: 'When the source last stored each kind of measurement',
            properties: {
              incidents: {
                $ref: '#/components/schemas/Timestamp',
              },
              outages: {
                $ref: '#/components/schemas/Timestamp',
              },
              sliEvents: {
                $ref: '#/components/schemas/Timestamp',
              },
            },
          },
          lastSuccessAt: {
            $ref: '#/components/schemas/Timestamp',
          },
          lastFailureAt: {
            $ref: '#/components/schemas/Timestamp',
          },
          lastFailure: {
            type: 'string',
            description: 'Why the latest failed attempt failed',
          },
        },
      },
      SourceSummary: {
        allOf: [
          {
            $ref: '#/components/schemas/SourceHealth',
          },
          {
            type: 'object',
            required: ['services', 'failingServices', 'unmatched'],
            properties: {
              services: {
                type: 'integer',
                description:
                  'Services the source stored measurements or health for',
              },
              failingServices: {
                type: 'integer',
                description: 'Of those, the ones whose latest attempt failed',
              },
              unmatched: {
                type: 'object',
                description:
                  'Items received that map to no ITService in the catalog: never stored, counted here',
                required: ['count'],
                properties: {
                  count: {
                    type: 'integer',
                  },
                  lastAt: {
                    $ref: '#/components/schemas/Timestamp',
                  },
                  last: {
                    type: 'string',
                  },
                },
              },
            },
          },
        ],
      },
      SlaStatus: {
        type: 'string',
        enum: ['met', 'at-risk', 'breached', 'no-data'],
      },
      Money: {
        type: 'object',
        required: ['amount', 'currency'],
        properties: {
          amount: {
            type: 'number',
          },
          currency: {
            type: 'string',
          },
        },
      },
      ErrorBudgetReport: {
        type: 'object',
        description:
          "The error budget of the whole period in the objective's own unit (docs/sla-semantics.md, rules 1 and 3)",
        required: [
          'unit',
          'allowed',
          'spent',
          'remaining',
          'remainingPercent',
          'consumedPercent',
        ],
        properties: {
          unit: {
            type: 'string',
            enum: ['minutes', 'events', 'incidents'],
          },
          allowed: {
            type: 'number',
            description:
              "minutes: (1 - target) x agreed minutes of the whole period; events: (1 - target) x the period's events (projected while open); incidents: late incidents allowed among those counted",
          },
          spent: {
            type: 'number',
            description:
              'Downtime minutes, bad events or late incidents so far',
          },
          remaining: {
            type: 'number',
            description:
              'allowed - spent; incidents: how many more may still be late this period if no other incident is met in time (never below 0)',
          },
          remainingPercent: {
            type: 'number',
            description:
              '100 x (allowed - spent) / allowed; negative when overspent',
          },
          consumedPercent: {
            type: 'number',
          },
        },
      },
      BurnRateReport: {
        type: 'object',
        required: ['window', 'lookbackMinutes', 'burnRate'],
        properties: {
          window: {
            type: 'string',
          },
          lookbackMinutes: {
            type: 'number',
          },
          burnRate: {
            type: 'number',
            nullable: true,
            description: 'Null when nothing was measured in the look-back',
          },
        },
      },
      BurnRateAlert: {
        type: 'object',
        required: [
          'name',
          'severity',
          'threshold',
          'longBurnRate',
          'shortBurnRate',
        ],
        properties: {
          name: {
            type: 'string',
          },
          severity: {
            type: 'string',
            enum: ['page', 'ticket'],
          },
          threshold: {
            type: 'number',
          },
          longBurnRate: {
            type: 'number',
          },
          shortBurnRate: {
            type: 'number',
          },
        },
      },
      BudgetForecast: {
        type: 'object',
        description:
          "Open periods of availability and sli objectives: the spending so far extrapolated to the period's end, on the objective's own time base",
        required: [
          'alreadyExhausted',
          'breachesBeforeEnd',
          'projectedAttainment',
          'projectedSpent',
        ],
        properties: {
          alreadyExhausted: {
            type: 'boolean',
            description: "More than the whole period's budget is spent",
          },
          breachesBeforeEnd: {
            type: 'boolean',
          },
          exhaustedAt: {
            type: 'string',
            format: 'date-time',
            description:
              'When the budget runs out at the rate so far, if before the end',
          },
          projectedAttainment: {
            type: 'number',
          },
          projectedSpent: {
            type: 'number',
            description:
              "Budget spent by the end at the rate so far, in the budget's unit",
          },
        },
      },
      TrendPoint: {
        type: 'object',
        required: ['at', 'attainment', 'budgetRemainingPercent'],
        properties: {
          at: {
            type: 'string',
            format: 'date-time',
          },
          attainment: {
            type: 'number',
            nullable: true,
          },
          budgetRemainingPercent: {
            type: 'number',
            nullable: true,
          },
        },
      },
      ScoreDetails: {
        type: 'object',
        description: 'Scorer-specific figures shown with the score',
        additionalProperties: {
          anyOf: [
            {
              type: 'number',
            },
            {
              type: 'string',
            },
            {
              type: 'boolean',
            },
          ],
        },
      },
      ObjectiveReport: {
        type: 'object',
        description:
          "One objective's result in a period; percentages are 0-100",
        required: ['name', 'type', 'target', 'attainment', 'status'],
        properties: {
          name: {
            type: 'string',
          },
          type: {
            type: 'string',
          },
          target: {
            type: 'number',
            description: 'Percent',
          },
          priority: {
            type: 'string',
          },
          threshold: {
            type: 'string',
          },
          attainment: {
            type: 'number',
            nullable: true,
            description: 'Percent; null without data',
          },
          status: {
            $ref: '#/components/schemas/SlaStatus',
          },
          budget: {
            $ref: '#/components/schemas/ErrorBudgetReport',
          },
          burnRatesApply: {
            type: 'boolean',
            description:
              'Whether burn rates are defined: true for availability and sli, false for response and resolution',
          },
          burnRates: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/BurnRateReport',
            },
          },
          alerts: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/BurnRateAlert',
            },
          },
          forecast: {
            $ref: '#/components/schemas/BudgetForecast',
          },
          details: {
            $ref: '#/components/schemas/ScoreDetails',
          },
          openIncidents: {
            type: 'array',
            description:
              'Response and resolution objectives, the running incidents they track',
            items: {
              $ref: '#/components/schemas/OpenIncident',
            },
          },
          trend: {
            type: 'array',
            description:
              "How attainment and budget developed over the current period so far, at up to 31 evenly spaced points; only in a service's own report",
            items: {
              $ref: '#/components/schemas/TrendPoint',
            },
          },
        },
      },
      OpenIncident: {
        type: 'object',
        description:
          'A running incident as a response or resolution objective tracks it (docs/sla-semantics.md, rule 12)',
        required: [
          'source',
          'externalId',
          'priority',
          'openedAt',
          'elapsedMinutes',
          'percentOfThreshold',
          'milestone',
        ],
        properties: {
          source: {
            type: 'string',
          },
          externalId: {
            type: 'string',
          },
          priority: {
            type: 'string',
          },
          openedAt: {
            type: 'string',
            format: 'date-time',
          },
          title: {
            type: 'string',
          },
          url: {
            type: 'string',
          },
          elapsedMinutes: {
            type: 'number',
            description:
              "Business time elapsed on the objective's calendar, pauses left out",
          },
          percentOfThreshold: {
            type: 'number',
            description: '100 x elapsed / threshold',
          },
          milestone: {
            type: 'string',
            enum: ['ok', '50%', '75%', 'breached'],
          },
          breachAt: {
            type: 'string',
            format: 'date-time',
            description: 'When elapsed time reaches the threshold',
          },
          earlierPeriod: {
            type: 'boolean',
            description:
              'Opened before the period and still running; it counts in its own period',
          },
        },
      },
      AtRiskIncident: {
        type: 'object',
        description:
          'An open incident past a milestone, with the objective it counts against',
        required: [
          'source',
          'externalId',
          'priority',
          'openedAt',
          'elapsedMinutes',
          'percentOfThreshold',
          'milestone',
          'agreement',
          'objective',
        ],
        properties: {
          source: {
            type: 'string',
          },
          externalId: {
            type: 'string',
          },
          priority: {
            type: 'string',
          },
          openedAt: {
            type: 'string',
            format: 'date-time',
          },
          title: {
            type: 'string',
          },
          url: {
            type: 'string',
          },
          elapsedMinutes: {
            type: 'number',
            description:
              "Business time elapsed on the objective's calendar, pauses left out",
          },
          percentOfThreshold: {
            type: 'number',
            description: '100 x elapsed / threshold',
          },
          milestone: {
            type: 'string',
            enum: ['ok', '50%', '75%', 'breached'],
          },
          breachAt: {
            type: 'string',
            format: 'date-time',
            description: 'When elapsed time reaches the threshold',
          },
          earlierPeriod: {
            type: 'boolean',
            description:
              'Opened before the period and still running; it counts in its own period',
          },
          agreement: {
            type: 'string',
          },
          objective: {
            type: 'string',
          },
        },
      },
      AgreementReport: {
        type: 'object',
        description: "One agreement's result in a period",
        required: [
          'name',
          'type',
          'with',
          'window',
          'period',
          'closed',
          'final',
          'status',
          'credit',
          'objectives',
        ],
        properties: {
          name: {
            type: 'string',
          },
          type: {
            type: 'string',
            enum: ['SLA', 'OLA', 'UC'],
          },
          with: {
            type: 'string',
          },
          window: {
            type: 'string',
            enum: [
              'calendar-week',
              'calendar-month',
              'calendar-quarter',
              'rolling-7d',
              'rolling-28d',
              'rolling-30d',
            ],
          },
          period: {
            type: 'object',
            required: ['start', 'end', 'label'],
            properties: {
              start: {
                type: 'string',
                format: 'date-time',
              },
              end: {
                type: 'string',
                format: 'date-time',
              },
              label: {
                type: 'string',
              },
            },
          },
          closed: {
            type: 'boolean',
            description: "The period has ended in the service's time zone",
          },
          final: {
            type: 'boolean',
            description: 'Closed, and no incident of the period still pending',
          },
          status: {
            $ref: '#/components/schemas/SlaStatus',
          },
          credit: {
            type: 'object',
            required: ['percent', 'basis', 'direction'],
            properties: {
              percent: {
                type: 'number',
              },
              objective: {
                type: 'string',
              },
              amount: {
                allOf: [
                  {
                    $ref: '#/components/schemas/Money',
                  },
                ],
                description: "percent x the fee of the agreement's window",
              },
              fee: {
                allOf: [
                  {
                    $ref: '#/components/schemas/Money',
                  },
                ],
                description:
                  "The fee of the agreement's window (quarter = 3 x the monthly fee)",
              },
              basis: {
                type: 'string',
                enum: ['owed', 'projected'],
                description:
                  'owed for a closed period; projected: what would be owed if the period closed now',
              },
              direction: {
                type: 'string',
                enum: ['payable', 'receivable'],
                description:
                  'payable (SLA, OLA) we pay; receivable (UC) the supplier pays us',
              },
            },
          },
          objectives: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/ObjectiveReport',
            },
          },
        },
      },
      ServiceSlaReport: {
        type: 'object',
        description: 'The SLA report of an IT service for a period',
        required: [
          'service',
          'period',
          'evaluatedAt',
          'closed',
          'final',
          'status',
          'score',
          'agreements',
          'atRiskIncidents',
          'atRiskBudgetRemaining',
          'warnings',
          'composite',
        ],
        properties: {
          service: {
            type: 'string',
          },
          title: {
            type: 'string',
          },
          period: {
            type: 'string',
            description: 'current or YYYY-MM',
          },
          evaluatedAt: {
            type: 'string',
            format: 'date-time',
          },
          closed: {
            type: 'boolean',
            description: "Every agreement's period has ended",
          },
          final: {
            type: 'boolean',
            description:
              'Closed, and no incident still pending; the figures will not change',
          },
          status: {
            $ref: '#/components/schemas/SlaStatus',
          },
          score: {
            type: 'number',
            nullable: true,
            description:
              'Compliance score 0-100, null when nothing could be scored',
          },
          agreements: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/AgreementReport',
            },
          },
          atRiskIncidents: {
            type: 'array',
            description:
              'Open incidents past 50 % of a response or resolution threshold',
            items: {
              $ref: '#/components/schemas/AtRiskIncident',
            },
          },
          atRiskBudgetRemaining: {
            type: 'number',
            description:
              'The share of the error budget (0 to 1) below which an open objective is counted at risk (itsm.atRiskBudgetRemaining)',
          },
          warnings: {
            type: 'array',
            description:
              'Underpinning OLAs and UCs less strict than the SLAs they support, with the service that carries the OLA or UC',
            items: {
              type: 'object',
              required: ['message'],
              properties: {
                message: {
                  type: 'string',
                },
                service: {
                  type: 'string',
                  description: 'The service that carries the weaker OLA or UC',
                },
              },
            },
          },
          composite: {
            type: 'object',
            description:
              'Availability the service can promise from its whole dependsOn chain (series: the product of its own and every ITService it depends on, directly or not, each once)',
            required: ['availability', 'chain'],
            properties: {
              availability: {
                type: 'number',
                nullable: true,
              },
              chain: {
                type: 'array',
                items: {
                  type: 'object',
                  required: ['service', 'availability'],
                  properties: {
                    service: {
                      type: 'string',
                    },
                    availability: {
                      type: 'number',
                      nullable: true,
                    },
                  },
                },
              },
              cycles: {
                type: 'array',
                description: 'Dependency cycles found, as lists of refs',
                items: {
                  type: 'array',
                  items: {
                    type: 'string',
                  },
                },
              },
            },
          },
        },
      },
      MoneyByDirection: {
        type: 'object',
        required: ['payable', 'receivable'],
        properties: {
          payable: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/Money',
            },
          },
          receivable: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/Money',
            },
          },
        },
      },
      CreditTotals: {
        type: 'object',
        description:
          'Credits summed per currency: owed for closed periods, projected for open ones; payable (SLA, OLA) and receivable (UC) never netted',
        required: ['owed', 'projected'],
        properties: {
          owed: {
            $ref: '#/components/schemas/MoneyByDirection',
          },
          projected: {
            $ref: '#/components/schemas/MoneyByDirection',
          },
        },
      },
      SlaHistoryEntry: {
        type: 'object',
        description: "A month of a service's SLA history",
        required: ['month', 'final', 'status', 'score', 'agreements'],
        properties: {
          month: {
            type: 'string',
          },
          final: {
            type: 'boolean',
          },
          status: {
            $ref: '#/components/schemas/SlaStatus',
          },
          score: {
            type: 'number',
            nullable: true,
          },
          agreements: {
            type: 'array',
            items: {
              type: 'object',
              required: [
                'name',
                'status',
                'creditPercent',
                'creditBasis',
                'creditDirection',
                'objectives',
              ],
              properties: {
                name: {
                  type: 'string',
                },
                status: {
                  $ref: '#/components/schemas/SlaStatus',
                },
                creditPercent: {
                  type: 'number',
                },
                creditBasis: {
                  type: 'string',
                  enum: ['owed', 'projected'],
                },
                creditDirection: {
                  type: 'string',
                  enum: ['payable', 'receivable'],
                },
                objectives: {
                  type: 'array',
                  items: {
                    type: 'object',
                    required: ['name', 'attainment', 'status'],
                    properties: {
                      name: {
                        type: 'string',
                      },
                      attainment: {
                        type: 'number',
                        nullable: true,
                      },
                      status: {
                        $ref: '#/components/schemas/SlaStatus',
                      },
                    },
                  },
                },
              },
            },
          },
        },
      },
      PortfolioRow: {
        type: 'object',
        description: 'One row of the service portfolio',
        required: [
          'service',
          'type',
          'lifecycle',
          'owner',
          'customers',
          'suppliers',
          'status',
          'score',
          'creditPercent',
          'credits',
          'evaluatedAt',
        ],
        properties: {
          service: {
            type: 'string',
          },
          title: {
            type: 'string',
          },
          type: {
            type: 'string',
          },
          lifecycle: {
            type: 'string',
          },
          owner: {
            type: 'string',
          },
          customers: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          suppliers: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          status: {
            $ref: '#/components/schemas/SlaStatus',
          },
          score: {
            type: 'number',
            nullable: true,
          },
          worstObjective: {
            type: 'object',
            required: [
              'agreement',
              'objective',
              'target',
              'attainment',
              'status',
            ],
            properties: {
              agreement: {
                type: 'string',
              },
              objective: {
                type: 'string',
              },
              target: {
                type: 'number',
              },
              attainment: {
                type: 'number',
                nullable: true,
              },
              status: {
                $ref: '#/components/schemas/SlaStatus',
              },
            },
          },
          creditPercent: {
            type: 'number',
            description:
              "The highest credit percent of the service's SLAs and OLAs (payable)",
          },
          credits: {
            $ref: '#/components/schemas/CreditTotals',
          },
          evaluatedAt: {
            type: 'string',
            format: 'date-time',
            description:
              "The instant the row's figures are as of: for the current period at most itsm.portfolio.maxAge before the request, and after every measurement written before it (docs/sla-semantics.md, rule 16)",
          },
          supportedThrough: {
            type: 'string',
            description:
              'With the supports filter: the service the entity supports directly, through which it supports this one (absent when it supports this one directly)',
          },
        },
      },
      PartySlaReport: {
        type: 'object',
        description:
          'What was agreed with one stakeholder or supplier, across services',
        required: ['party', 'period', 'score', 'services', 'credits'],
        properties: {
          party: {
            type: 'string',
          },
          period: {
            type: 'string',
          },
          score: {
            type: 'number',
            nullable: true,
            description:
              'Compliance score 0-100 over the objectives agreed with the party',
          },
          services: {
            type: 'array',
            items: {
              type: 'object',
              required: ['service', 'status', 'agreements'],
              properties: {
                service: {
                  type: 'string',
                },
                title: {
                  type: 'string',
                },
                status: {
                  $ref: '#/components/schemas/SlaStatus',
                },
                agreements: {
                  type: 'array',
                  items: {
                    $ref: '#/components/schemas/AgreementReport',
                  },
                },
              },
            },
          },
          credits: {
            $ref: '#/components/schemas/CreditTotals',
          },
        },
      },
      PartySlaPage: {
        type: 'object',
        description:
          'The party report of one page of services; score and credits are those of the page (a client sums all pages with partyTotals), nextCursor leads to the next page',
        required: ['party', 'period', 'score', 'services', 'credits'],
        properties: {
          party: {
            type: 'string',
          },
          period: {
            type: 'string',
          },
          score: {
            type: 'number',
            nullable: true,
            description:
              'Compliance score 0-100 over the objectives agreed with the party',
          },
          services: {
            type: 'array',
            items: {
              type: 'object',
              required: ['service', 'status', 'agreements'],
              properties: {
                service: {
                  type: 'string',
                },
                title: {
                  type: 'string',
                },
                status: {
                  $ref: '#/components/schemas/SlaStatus',
                },
                agreements: {
                  type: 'array',
                  items: {
                    $ref: '#/components/schemas/AgreementReport',
                  },
                },
              },
            },
          },
          credits: {
            $ref: '#/components/schemas/CreditTotals',
          },
          nextCursor: {
            type: 'string',
          },
        },
      },
      ServiceNotification: {
        type: 'object',
        description:
          'A notification the itsm backend sent (or is sending) about an IT service or supplier, because a stored state changed (docs/sla-semantics.md, rule 14)',
        required: [
          'id',
          'kind',
          'severity',
          'title',
          'description',
          'link',
          'recipients',
          'createdAt',
          'delivery',
        ],
        properties: {
          id: {
            type: 'string',
          },
          kind: {
            type: 'string',
            enum: [
              'status',
              'recovery',
              'burn-alert',
              'incident-milestone',
              'credit',
              'contract-notice',
            ],
            description:
              'status: an objective became at risk or breached; recovery: it got better and stayed so for the recovery delay; burn-alert: a burn rate alert started firing; incident-milestone: an open incident reached 75 % or 100 % of its threshold; credit: a closed period ended with a credit; contract-notice: a supplier contract entered its notice period',
          },
          agreement: {
            type: 'string',
          },
          objective: {
            type: 'string',
          },
          subject: {
            type: 'string',
            description:
              "What the change is about within the objective: the alert's name, the incident (source/externalId), the period of a credit, the contract reference",
          },
          state: {
            type: 'string',
            description: 'The state notified, e.g. breached, 75%, firing, owed',
          },
          severity: {
            type: 'string',
            enum: ['critical', 'high', 'normal', 'low'],
          },
          title: {
            type: 'string',
          },
          description: {
            type: 'string',
          },
          link: {
            type: 'string',
            description:
              'The portal path of the exact view (SLA tab and period, supplier page)',
          },
          recipients: {
            type: 'array',
            description: 'Entity refs of the users and groups notified',
            items: {
              type: 'string',
            },
          },
          createdAt: {
            type: 'string',
            format: 'date-time',
            description:
              'When the change was seen, on the clock the reports use',
          },
          sentAt: {
            type: 'string',
            format: 'date-time',
            description: 'When the notifications backend accepted it',
          },
          delivery: {
            type: 'string',
            enum: ['pending', 'sent'],
            description: 'pending until the notifications backend accepted it',
          },
          lastError: {
            type: 'string',
            description:
              'Why the latest delivery attempt failed, while pending',
          },
        },
      },
      IngestResult: {
        type: 'object',
        required: ['created', 'updated', 'unchanged'],
        properties: {
          created: {
            type: 'integer',
          },
          updated: {
            type: 'integer',
          },
          unchanged: {
            type: 'integer',
          },
        },
      },
    },
  },
  security: [
    {
      BackstageToken: [],
    },
  ],
  paths: {
    '/v1/incidents': {
      post: {
        operationId: 'PushIncidents',
        summary:
          'Create or update a batch of incidents, keyed by (source, externalId)',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                additionalProperties: false,
                required: ['items'],
                properties: {
                  items: {
                    type: 'array',
                    minItems: 1,
                    maxItems: 5000,
                    items: {
                      $ref: '#/components/schemas/IncidentInput',
                    },
                  },
                },
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'How many items were created, updated and unchanged',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/IngestResult',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
      get: {
        operationId: 'ListIncidents',
        summary: "A service's incidents opened in [from, to), newest first",
        parameters: [
          {
            $ref: '#/components/parameters/service',
          },
          {
            $ref: '#/components/parameters/from',
          },
          {
            $ref: '#/components/parameters/to',
          },
          {
            $ref: '#/components/parameters/limit',
          },
          {
            $ref: '#/components/parameters/cursor',
          },
          {
            name: 'open',
            in: 'query',
            required: false,
            description: 'When true, only incidents not resolved yet',
            schema: {
              type: 'boolean',
            },
          },
        ],
        responses: {
          '200': {
            description: 'One page of incidents',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['items'],
                  properties: {
                    items: {
                      type: 'array',
                      items: {
                        $ref: '#/components/schemas/Incident',
                      },
                    },
                    nextCursor: {
                      type: 'string',
                    },
                  },
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/v1/incidents/{source}/{externalId}': {
      delete: {
        operationId: 'DeleteIncident',
        summary: 'Delete one incident',
        parameters: [
          {
            $ref: '#/components/parameters/source',
          },
          {
            $ref: '#/components/parameters/externalId',
          },
        ],
        responses: {
          '204': {
            description: 'Deleted',
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/v1/outages': {
      post: {
        operationId: 'PushOutages',
        summary:
          'Create or update a batch of outages, keyed by (source, externalId)',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                additionalProperties: false,
                required: ['items'],
                properties: {
                  items: {
                    type: 'array',
                    minItems: 1,
                    maxItems: 5000,
                    items: {
                      $ref: '#/components/schemas/OutageInput',
                    },
                  },
                },
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'How many items were created, updated and unchanged',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/IngestResult',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
      get: {
        operationId: 'ListOutages',
        summary: "A service's outages that started in [from, to), newest first",
        parameters: [
          {
            $ref: '#/components/parameters/service',
          },
          {
            $ref: '#/components/parameters/from',
          },
          {
            $ref: '#/components/parameters/to',
          },
          {
            $ref: '#/components/parameters/limit',
          },
          {
            $ref: '#/components/parameters/cursor',
          },
        ],
        responses: {
          '200': {
            description: 'One page of outages',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['items'],
                  properties: {
                    items: {
                      type: 'array',
                      items: {
                        $ref: '#/components/schemas/Outage',
                      },
                    },
                    nextCursor: {
                      type: 'string',
                    },
                  },
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/v1/outages/{source}/{externalId}': {
      delete: {
        operationId: 'DeleteOutage',
        summary: 'Delete one outage',
        parameters: [
          {
            $ref: '#/components/parameters/source',
          },
          {
            $ref: '#/components/parameters/externalId',
          },
        ],
        responses: {
          '204': {
            description: 'Deleted',
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/v1/sli-events': {
      post: {
        operationId: 'PushSliEvents',
        summary:
          'Create or update good/total counts, keyed by (source, service, objective, sliceStart)',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                additionalProperties: false,
                required: ['items'],
                properties: {
                  items: {
                    type: 'array',
                    minItems: 1,
                    maxItems: 5000,
                    items: {
                      $ref: '#/components/schemas/SliEventInput',
                    },
                  },
                },
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'How many items were created, updated and unchanged',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/IngestResult',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
      get: {
        operationId: 'ListSliEvents',
        summary:
          "A service's SLI slices that start in [from, to), newest first",
        parameters: [
          {
            $ref: '#/components/parameters/service',
          },
          {
            $ref: '#/components/parameters/from',
          },
          {
            $ref: '#/components/parameters/to',
          },
          {
            $ref: '#/components/parameters/limit',
          },
          {
            $ref: '#/components/parameters/cursor',
          },
          {
            name: 'objective',
            in: 'query',
            required: false,
            allowReserved: true,
            schema: {
              type: 'string',
              minLength: 1,
              maxLength: 200,
            },
          },
        ],
        responses: {
          '200': {
            description: 'One page of SLI slices',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['items'],
                  properties: {
                    items: {
                      type: 'array',
                      items: {
                        $ref: '#/components/schemas/SliEvent',
                      },
                    },
                    nextCursor: {
                      type: 'string',
                    },
                  },
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
      delete: {
        operationId: 'DeleteSliEvent',
        summary: 'Delete one SLI slice',
        parameters: [
          {
            name: 'source',
            in: 'query',
            required: true,
            allowReserved: true,
            schema: {
              type: 'string',
              minLength: 1,
              maxLength: 200,
            },
          },
          {
            $ref: '#/components/parameters/service',
          },
          {
            name: 'objective',
            in: 'query',
            required: true,
            allowReserved: true,
            schema: {
              type: 'string',
              minLength: 1,
              maxLength: 200,
            },
          },
          {
            name: 'sliceStart',
            in: 'query',
            required: true,
            allowReserved: true,
            schema: {
              type: 'string',
              format: 'date-time',
            },
          },
        ],
        responses: {
          '204': {
            description: 'Deleted',
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/v1/sources': {
      get: {
        operationId: 'ListSources',
        summary:
          'Every measurement source, as a whole (the source-health view)',
        responses: {
          '200': {
            description: 'One entry per source, in name order',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['items'],
                  properties: {
                    items: {
                      type: 'array',
                      items: {
                        $ref: '#/components/schemas/SourceSummary',
                      },
                    },
                  },
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/v1/services/{namespace}/{name}/sources': {
      get: {
        operationId: 'GetServiceSources',
        summary:
          'The sources that report for an IT service, and when each last did',
        parameters: [
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
        ],
        responses: {
          '200': {
            description: 'One entry per source, in name order',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['items'],
                  properties: {
                    items: {
                      type: 'array',
                      items: {
                        $ref: '#/components/schemas/SourceHealth',
                      },
                    },
                  },
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/v1/services/{namespace}/{name}/notifications': {
      get: {
        operationId: 'GetServiceNotifications',
        summary:
          'What the itsm backend notified about an IT service, newest first',
        parameters: [
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
          {
            $ref: '#/components/parameters/limit',
          },
        ],
        responses: {
          '200': {
            description: 'The newest notifications first',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['items'],
                  properties: {
                    items: {
                      type: 'array',
                      items: {
                        $ref: '#/components/schemas/ServiceNotification',
                      },
                    },
                  },
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/v1/services/{namespace}/{name}/sla': {
      get: {
        operationId: 'GetServiceSla',
        summary: 'The SLA report of an IT service for a period',
        parameters: [
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
          {
            $ref: '#/components/parameters/period',
          },
        ],
        responses: {
          '200': {
            description: 'The report',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ServiceSlaReport',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/v1/services/{namespace}/{name}/sla/history': {
      get: {
        operationId: 'GetServiceSlaHistory',
        summary:
          'Monthly SLA results of an IT service, from snapshots of closed months',
        parameters: [
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
          {
            name: 'from',
            in: 'query',
            required: true,
            schema: {
              type: 'string',
              pattern: '^\\d{4}-\\d{2}$',
            },
          },
          {
            name: 'to',
            in: 'query',
            required: true,
            schema: {
              type: 'string',
              pattern: '^\\d{4}-\\d{2}$',
            },
          },
        ],
        responses: {
          '200': {
            description: 'One entry per month',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['items'],
                  properties: {
                    items: {
                      type: 'array',
                      items: {
                        $ref: '#/components/schemas/SlaHistoryEntry',
                      },
                    },
                  },
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/v1/stakeholders/{namespace}/{name}/sla': {
      get: {
        operationId: 'GetStakeholderSla',
        summary: 'Everything agreed with a stakeholder, across services',
        parameters: [
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
          {
            $ref: '#/components/parameters/period',
          },
          {
            $ref: '#/components/parameters/reportLimit',
          },
          {
            $ref: '#/components/parameters/cursor',
          },
        ],
        responses: {
          '200': {
            description:
              'The agreements with the stakeholder and their results, for one page of services; score and credits are those of the page (a client sums all pages with partyTotals), nextCursor leads to the next page',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/PartySlaPage',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/v1/stakeholders/{namespace}/{name}/sla/report.csv': {
      get: {
        operationId: 'GetStakeholderReportCsv',
        summary:
          "A stakeholder's monthly customer report as CSV, one row per objective",
        parameters: [
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
          {
            name: 'month',
            in: 'query',
            required: true,
            schema: {
              type: 'string',
              pattern: '^\\d{4}-\\d{2}$',
            },
          },
        ],
        responses: {
          '200': {
            description: 'CSV',
            content: {
              'text/csv': {
                schema: {
                  type: 'string',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/v1/suppliers/{namespace}/{name}/sla': {
      get: {
        operationId: 'GetSupplierSla',
        summary: 'Every underpinning contract with a supplier, across services',
        parameters: [
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
          {
            $ref: '#/components/parameters/period',
          },
          {
            $ref: '#/components/parameters/reportLimit',
          },
          {
            $ref: '#/components/parameters/cursor',
          },
        ],
        responses: {
          '200': {
            description:
              'The underpinning contracts with the supplier and their results, for one page of services; score and credits are those of the page, nextCursor leads to the next page',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/PartySlaPage',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/v1/portfolio': {
      get: {
        operationId: 'GetPortfolio',
        summary:
          'One row per IT service the caller can see, in the current period or a month, a page of services at a time (by name without filters, by ref with them)',
        parameters: [
          {
            $ref: '#/components/parameters/period',
          },
          {
            $ref: '#/components/parameters/reportLimit',
          },
          {
            $ref: '#/components/parameters/cursor',
          },
          {
            name: 'owner',
            in: 'query',
            required: false,
            allowReserved: true,
            schema: {
              type: 'string',
              maxLength: 500,
            },
          },
          {
            name: 'customer',
            in: 'query',
            required: false,
            allowReserved: true,
            schema: {
              type: 'string',
              maxLength: 500,
            },
          },
          {
            name: 'supplier',
            in: 'query',
            required: false,
            allowReserved: true,
            schema: {
              type: 'string',
              maxLength: 500,
            },
          },
          {
            name: 'lifecycle',
            in: 'query',
            required: false,
            schema: {
              type: 'string',
              enum: ['pipeline', 'live', 'retired'],
            },
          },
          {
            name: 'supports',
            in: 'query',
            required: false,
            allowReserved: true,
            description:
              'An entity ref (a Component, System, Resource or API): only the services it supports, listed in their implementedBy or dependsOn (it, or its System), and the services that depend on those, directly or not',
            schema: {
              type: 'string',
              maxLength: 500,
            },
          },
        ],
        responses: {
          '200': {
            description: 'The rows',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['items'],
                  properties: {
                    items: {
                      type: 'array',
                      items: {
                        $ref: '#/components/schemas/PortfolioRow',
                      },
                    },
                    nextCursor: {
                      type: 'string',
                    },
                  },
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
  },
} as const;

/** A router typed by the document that validates requests against it. */
export const createOpenApiRouter = async (
  options?: Parameters<typeof createValidatedOpenApiRouter>['1'],
) => createValidatedOpenApiRouter<typeof spec>(spec, options);
