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

// Test support only: builds an ItsmScoringContext for the scorer tests.

import {
  ITSM_API_VERSION,
  ITSM_KIND_IT_SERVICE,
  Incident,
  ITServiceEntity,
  MaintenanceWindow,
  Objective,
  Outage,
  ServiceHours,
  SliEvent,
} from '@backstage-itsm/plugin-itsm-common';
import type {
  IncidentRecord,
  ItsmScoringContext,
  OutageRecord,
  SliEventRecord,
} from '@backstage-itsm/plugin-itsm-node';
import { DateTime } from 'luxon';

const SERVICE = 'itservice:default/payments';

// Tests write measurements as the API does, in ISO 8601; scorers read
// records in epoch milliseconds.
const time = (iso: string) => Date.parse(iso);
const optionalTime = (iso: string | undefined) =>
  iso === undefined ? undefined : time(iso);
const UPDATED_AT = '2026-01-01T00:00:00.000Z';

/** A Berlin wall-clock time, e.g. '2026-11-20T21:00', as an ISO UTC string. */
export const berlin = (local: string) =>
  DateTime.fromISO(local, { zone: 'Europe/Berlin' }).toUTC().toISO()!;

/** Mon–Fri 08:00–17:00 in Europe/Berlin. */
export const officeHours = (
  holidays?: ServiceHours['holidays'],
): ServiceHours => ({
  timezone: 'Europe/Berlin',
  intervals: [
    { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '08:00', end: '17:00' },
  ],
  ...(holidays && { holidays }),
});

export const testIncident = (
  fields: Partial<Incident> & Pick<Incident, 'openedAt'>,
): Incident => ({
  source: 'test',
  externalId: `INC-${fields.openedAt}`,
  service: SERVICE,
  priority: 'P2',
  updatedAt: UPDATED_AT,
  ...fields,
});

export const testOutage = (
  fields: Partial<Outage> & Pick<Outage, 'start'>,
): Outage => ({
  source: 'test',
  externalId: `OUT-${fields.start}`,
  service: SERVICE,
  impact: 'full',
  planned: false,
  updatedAt: UPDATED_AT,
  ...fields,
});

/** A coverage heartbeat: a monitoring source saw no outage (rule 9). */
export const testHeartbeat = (start: string, end: string): Outage =>
  testOutage({ externalId: `HB-${start}`, start, end, impact: 'none' });

export const testSliEvent = (
  fields: Partial<SliEvent> & Pick<SliEvent, 'sliceStart' | 'good' | 'total'>,
): SliEvent => ({
  source: 'test',
  service: SERVICE,
  objective: 'checkout-success',
  sliceSeconds: 3600,
  updatedAt: UPDATED_AT,
  ...fields,
});

export type TestContextOptions = {
  objective: Partial<Objective> & Pick<Objective, 'type'>;
  /** [start, end) as ISO strings. */
  period: [string, string];
  now: string;
  serviceHours?: ServiceHours;
  maintenance?: MaintenanceWindow[];
  incidents?: Incident[];
  outages?: Outage[];
  sliEvents?: SliEvent[];
  /** When an availability source first reported (ISO 8601), if ever. */
  availabilityReportedSince?: string;
  /** Score the period as a burn-rate look-back. */
  lookback?: boolean;
};

/** A service with one agreement holding the one objective being scored. */
export function testScoringContext(
  options: TestContextOptions,
): ItsmScoringContext {
  const objective: Objective = {
    name: 'objective',
    target: 99.9,
    ...options.objective,
  };
  const agreement = {
    name: 'gold',
    type: 'SLA' as const,
    with: 'stakeholder:default/retail',
    window: 'calendar-month' as const,
    objectives: [objective],
  };
  const service: ITServiceEntity = {
    apiVersion: ITSM_API_VERSION,
    kind: ITSM_KIND_IT_SERVICE,
    metadata: { name: 'payments' },
    spec: {
      type: 'business',
      lifecycle: 'live',
      owner: 'group:default/payments-team',
      agreements: [agreement],
      ...(options.serviceHours && { serviceHours: options.serviceHours }),
      ...(options.maintenance && { maintenance: options.maintenance }),
    },
  };
  return {
    service,
    agreement,
    objective,
    period: {
      start: new Date(options.period[0]),
      end: new Date(options.period[1]),
    },
    ...(options.lookback !== undefined && { lookback: options.lookback }),
    now: new Date(options.now),
    measurements: {
      incidents: (options.incidents ?? []).map(incidentRecord),
      outages: (options.outages ?? []).map(outageRecord),
      sliEvents: (options.sliEvents ?? [])
        .map(sliEventRecord)
        .sort((a, b) => a.sliceStart - b.sliceStart),
      ...(options.availabilityReportedSince !== undefined && {
        availabilityReportedSince: time(options.availabilityReportedSince),
      }),
    },
  };
}

function incidentRecord({ updatedAt, ...incident }: Incident): IncidentRecord {
  return {
    ...incident,
    openedAt: time(incident.openedAt),
    acknowledgedAt: optionalTime(incident.acknowledgedAt),
    resolvedAt: optionalTime(incident.resolvedAt),
    pauses: incident.pauses?.map(p => ({
      from: time(p.from),
      to: optionalTime(p.to),
    })),
  };
}

function outageRecord({ updatedAt, ...outage }: Outage): OutageRecord {
  return {
    ...outage,
    start: time(outage.start),
    end: optionalTime(outage.end),
  };
}

function sliEventRecord({ updatedAt, ...slice }: SliEvent): SliEventRecord {
  return { ...slice, sliceStart: time(slice.sliceStart) };
}
