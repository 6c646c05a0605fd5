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

import type { components, operations } from '../schema/openapi.generated';

/*
 * The measurement types are the OpenAPI document's schemas
 * (plugins/itsm-backend/src/schema/openapi.yaml), generated into
 * ../schema/openapi.generated.ts; they are not written here again.
 */
type Schemas = components['schemas'];

/** A period the incident clock stops, e.g. waiting on the customer. @public */
export type IncidentPause = Schemas['Pause'];

/** An incident as an incident tool reports it; timestamps are ISO 8601. @public */
export type IncidentInput = Schemas['IncidentInput'];

/** A stored incident. @public */
export type Incident = Schemas['Incident'];

/** An outage or planned maintenance; no end while ongoing. @public */
export type OutageInput = Schemas['OutageInput'];

/** A stored outage. @public */
export type Outage = Schemas['Outage'];

/** Good and total event counts of an SLI objective in one time slice. @public */
export type SliEventInput = Schemas['SliEventInput'];

/** A stored SLI slice. @public */
export type SliEvent = Schemas['SliEvent'];

/** How a measurement source fares for a service. @public */
export type SourceHealth = Schemas['SourceHealth'];

/** A measurement source as a whole, in the source-health view. @public */
export type SourceSummary = Schemas['SourceSummary'];

/** A notification the itsm backend sent about an IT service or supplier. @public */
export type ServiceNotification = Schemas['ServiceNotification'];

/** What an idempotent batch write did. @public */
export type IngestResult = Schemas['IngestResult'];

/** One page of a list; pass nextCursor back as cursor for the next. @public */
export type Page<T> = { items: T[]; nextCursor?: string };

type Parameters<O extends keyof operations> = operations[O]['parameters'];
type Query<O extends keyof operations> = NonNullable<Parameters<O>['query']>;

/** Which incidents of a service to list: [from, to), newest first; `open` for unresolved ones. @public */
export type ListIncidentsQuery = Parameters<'ListIncidents'>['query'];

/** Which measurements of a service to list: [from, to), newest first. @public */
export type ListMeasurementsQuery = Parameters<'ListOutages'>['query'];

/** Which SLI slices of a service to list; `objective` for one objective's. @public */
export type ListSliEventsQuery = Parameters<'ListSliEvents'>['query'];

/** The key of an incident or outage. @public */
export type MeasurementKey = Parameters<'DeleteIncident'>['path'];

/** The key of an SLI slice. @public */
export type SliEventKey = Parameters<'DeleteSliEvent'>['query'];

/** Which period a report covers: current (default) or a month YYYY-MM. @public */
export type ReportPeriodQuery = Query<'GetServiceSla'>;

/** The months of a service's SLA history, YYYY-MM to YYYY-MM. @public */
export type SlaHistoryQuery = Query<'GetServiceSlaHistory'>;

/** The month of a stakeholder's customer report. @public */
export type ReportCsvQuery = Query<'GetStakeholderReportCsv'>;

/**
 * Filters and period of the service portfolio; the client reads every page,
 * so page size and cursor are not among them.
 *
 * @public
 */
export type PortfolioFilters = Omit<Query<'GetPortfolio'>, 'limit' | 'cursor'>;
