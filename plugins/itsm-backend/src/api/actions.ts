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

import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { itsmSlaReadPermission } from '@backstage-itsm/plugin-itsm-common';
import { MeasurementService } from '../measurements/MeasurementService';
import { SlaReportService } from '../reports/SlaReportService';
import { MeasurementAccess } from '../measurements/MeasurementAccess';

// Enough for an assistant to reason about; the REST API pages through more.
const ACTION_LIMIT = 100;

/**
 * Read-only actions for the MCP actions backend: thin adapters over the same
 * services as the REST API, with the same permission and catalog-visibility
 * checks.
 */
export function registerActions(options: {
  actionsRegistry: ActionsRegistryService;
  measurements: MeasurementService;
  access: MeasurementAccess;
  reporter: SlaReportService;
}) {
  const { actionsRegistry, measurements, access, reporter } = options;

  actionsRegistry.register({
    name: 'get-sla-status',
    title: 'Get the SLA status of an IT service',
    description:
      "Reports, for the current period, every agreement (SLA, OLA, UC) of an ITService with its status (met, at-risk, breached, no-data) and each objective with its target and attainment in percent, the error budget of the whole period in the objective's own unit (minutes, events or late incidents), and credits: projected while the period is open, payable to customers or receivable from suppliers.",
    attributes: { readOnly: true, idempotent: true },
    schema: {
      input: z =>
        z.object({
          service: z.string().describe('Entity ref of the ITService'),
        }),
      output: z =>
        z.object({
          service: z.string(),
          status: z.string(),
          score: z.number().nullable(),
          agreements: z.array(
            z.object({
              name: z.string(),
              type: z.string(),
              with: z.string(),
              status: z.string(),
              closed: z.boolean(),
              final: z.boolean(),
              creditPercent: z.number(),
              creditBasis: z
                .enum(['owed', 'projected'])
                .describe(
                  'owed for a closed period; projected: what would be owed if the period closed now',
                ),
              creditDirection: z
                .enum(['payable', 'receivable'])
                .describe(
                  'payable: we pay (SLA, OLA); receivable: the supplier pays us (UC)',
                ),
              creditAmount: z
                .object({ amount: z.number(), currency: z.string() })
                .optional(),
              objectives: z.array(
                z.object({
                  name: z.string(),
                  target: z.number(),
                  attainment: z.number().nullable(),
                  status: z.string(),
                  budget: z
                    .object({
                      unit: z.enum(['minutes', 'events', 'incidents']),
                      allowed: z.number(),
                      spent: z.number(),
                      remaining: z.number(),
                      remainingPercent: z.number(),
                    })
                    .optional()
                    .describe(
                      "The whole period's error budget in the objective's own unit",
                    ),
                }),
              ),
            }),
          ),
        }),
    },
    async action({ input, credentials }) {
      await access.authorize(credentials, itsmSlaReadPermission);
      const report = await reporter.serviceReport(
        input.service,
        { kind: 'current' },
        credentials,
      );
      return {
        output: {
          service: report.service,
          status: report.status,
          score: report.score,
          agreements: report.agreements.map(a => ({
            name: a.name,
            type: a.type,
            with: a.with,
            status: a.status,
            closed: a.closed,
            final: a.final,
            creditPercent: a.credit.percent,
            creditBasis: a.credit.basis,
            creditDirection: a.credit.direction,
            ...(a.credit.amount && { creditAmount: a.credit.amount }),
            objectives: a.objectives.map(o => ({
              name: o.name,
              target: o.target,
              attainment: o.attainment,
              status: o.status,
              ...(o.budget && {
                budget: {
                  unit: o.budget.unit,
                  allowed: o.budget.allowed,
                  spent: o.budget.spent,
                  remaining: o.budget.remaining,
                  remainingPercent: o.budget.remainingPercent,
                },
              }),
            })),
          })),
        },
      };
    },
  });

  actionsRegistry.register({
    name: 'list-open-incidents',
    title: 'List open incidents of an IT service',
    description:
      'Lists the incidents of an ITService that are not resolved yet, newest first, with priority and timestamps. The service is an entity ref such as itservice:default/online-banking.',
    attributes: { readOnly: true, idempotent: true },
    schema: {
      input: z =>
        z.object({
          service: z.string().describe('Entity ref of the ITService'),
        }),
      output: z =>
        z.object({
          incidents: z.array(
            z.object({
              source: z.string(),
              externalId: z.string(),
              priority: z.string(),
              openedAt: z.string(),
              acknowledgedAt: z.string().optional(),
              title: z.string().optional(),
              url: z.string().optional(),
            }),
          ),
        }),
    },
    async action({ input, credentials }) {
      const page = await measurements.listIncidents(
        { service: input.service, open: true, limit: ACTION_LIMIT },
        credentials,
      );
      return {
        output: {
          incidents: page.items.map(i => ({
            source: i.source,
            externalId: i.externalId,
            priority: i.priority,
            openedAt: i.openedAt,
            acknowledgedAt: i.acknowledgedAt,
            title: i.title,
            url: i.url,
          })),
        },
      };
    },
  });

  actionsRegistry.register({
    name: 'list-outages',
    title: 'List outages of an IT service',
    description:
      'Lists the outages and planned maintenance of an ITService that started in a time range (ISO 8601, default: all), newest first.',
    attributes: { readOnly: true, idempotent: true },
    schema: {
      input: z =>
        z.object({
          service: z.string().describe('Entity ref of the ITService'),
          from: z.string().optional().describe('Earliest start, ISO 8601'),
          to: z
            .string()
            .optional()
            .describe('Latest start (exclusive), ISO 8601'),
        }),
      output: z =>
        z.object({
          outages: z.array(
            z.object({
              source: z.string(),
              externalId: z.string(),
              start: z.string(),
              end: z.string().optional(),
              impact: z.enum(['full', 'partial', 'none']),
              planned: z.boolean(),
              title: z.string().optional(),
            }),
          ),
        }),
    },
    async action({ input, credentials }) {
      const page = await measurements.listOutages(
        {
          service: input.service,
          from: input.from,
          to: input.to,
          limit: ACTION_LIMIT,
        },
        credentials,
      );
      return {
        output: {
          outages: page.items.map(({ updatedAt, service: _, ...o }) => o),
        },
      };
    },
  });
}
