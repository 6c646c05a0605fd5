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
import {
  parseReportPeriod,
  SlaReportService,
} from '../reports/SlaReportService';
import { MeasurementAccess } from '../measurements/MeasurementAccess';
import {
  getServiceSlaQuerySchema,
  getServiceSlaResponseSchema,
  listIncidentsQuerySchema,
  listIncidentsResponseSchema,
  listOutagesQuerySchema,
  listOutagesResponseSchema,
  serviceRefSchema,
} from '../schema/zod.generated';

/**
 * Read-only actions for the MCP actions backend: thin adapters over the same
 * services as the REST API, with the same permission and catalog-visibility
 * checks, and the same inputs and outputs as the REST operations they stand
 * for (their zod schemas are generated from the OpenAPI document).
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
      "The SLA report of an ITService for the current period (default) or a closed month, as GET /v1/services/{namespace}/{name}/sla answers it: every agreement (SLA, OLA, UC) with its status (met, at-risk, breached, no-data), each objective with its target and attainment in percent, the error budget of the whole period in the objective's own unit (minutes, events or late incidents), burn rates and forecasts, and credits: projected while the period is open, payable to customers or receivable from suppliers.",
    attributes: { readOnly: true, idempotent: true },
    schema: {
      input: z =>
        z
          .object({ service: serviceRefSchema(z) })
          .merge(getServiceSlaQuerySchema(z)),
      output: getServiceSlaResponseSchema,
    },
    async action({ input, credentials }) {
      await access.authorize(credentials, itsmSlaReadPermission);
      const period = parseReportPeriod(input.period);
      return {
        output: await reporter.serviceReport(
          input.service,
          period,
          credentials,
        ),
      };
    },
  });

  actionsRegistry.register({
    name: 'list-open-incidents',
    title: 'List open incidents of an IT service',
    description:
      'Lists the incidents of an ITService that are not resolved yet, newest first, a page at a time, as GET /v1/incidents?open=true answers it. The service is an entity ref such as itservice:default/online-banking.',
    attributes: { readOnly: true, idempotent: true },
    schema: {
      input: z => listIncidentsQuerySchema(z).omit({ open: true }),
      output: listIncidentsResponseSchema,
    },
    async action({ input, credentials }) {
      return {
        output: await measurements.listIncidents(
          { ...input, open: true },
          credentials,
        ),
      };
    },
  });

  actionsRegistry.register({
    name: 'list-outages',
    title: 'List outages of an IT service',
    description:
      'Lists the outages and planned maintenance of an ITService that started in a time range (ISO 8601, default: all), newest first, a page at a time, as GET /v1/outages answers it.',
    attributes: { readOnly: true, idempotent: true },
    schema: {
      input: listOutagesQuerySchema,
      output: listOutagesResponseSchema,
    },
    async action({ input, credentials }) {
      return {
        output: await measurements.listOutages(input, credentials),
      };
    },
  });
}
