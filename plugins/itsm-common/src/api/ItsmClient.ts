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

import { DefaultApiClient, RequestOptions } from '../schema/client.generated';
import {
  Incident,
  IncidentInput,
  IngestResult,
  ListIncidentsQuery,
  PortfolioFilters,
  ReportCsvQuery,
  ReportPeriodQuery,
  SlaHistoryQuery,
  ListMeasurementsQuery,
  ListSliEventsQuery,
  MeasurementKey,
  Outage,
  OutageInput,
  Page,
  SliEvent,
  SliEventInput,
  SliEventKey,
  SourceHealth,
  SourceSummary,
  ServiceNotification,
} from './types';
import {
  PartySlaReport,
  PortfolioRow,
  ServiceSlaReport,
  SlaHistoryEntry,
} from './slaTypes';
import { parseEntityRef } from '@backstage/catalog-model';
import { partyTotals } from '../sla/totals';

// The namespace and name path parameters of an entity ref, kind defaulted.
function refParams(ref: string, defaultKind: string) {
  const { namespace, name } = parseEntityRef(ref, {
    defaultKind,
    defaultNamespace: 'default',
  });
  return { namespace, name };
}

/** Per-request options; a backend caller passes its service token. @public */
export type ItsmRequestOptions = RequestOptions;

/** The ITSM REST API. @public */
export interface ItsmApi {
  pushIncidents(
    items: IncidentInput[],
    options?: ItsmRequestOptions,
  ): Promise<IngestResult>;
  pushOutages(
    items: OutageInput[],
    options?: ItsmRequestOptions,
  ): Promise<IngestResult>;
  pushSliEvents(
    items: SliEventInput[],
    options?: ItsmRequestOptions,
  ): Promise<IngestResult>;
  listIncidents(
    query: ListIncidentsQuery,
    options?: ItsmRequestOptions,
  ): Promise<Page<Incident>>;
  listOutages(
    query: ListMeasurementsQuery,
    options?: ItsmRequestOptions,
  ): Promise<Page<Outage>>;
  listSliEvents(
    query: ListSliEventsQuery,
    options?: ItsmRequestOptions,
  ): Promise<Page<SliEvent>>;
  deleteIncident(
    key: MeasurementKey,
    options?: ItsmRequestOptions,
  ): Promise<void>;
  deleteOutage(
    key: MeasurementKey,
    options?: ItsmRequestOptions,
  ): Promise<void>;
  deleteSliEvent(key: SliEventKey, options?: ItsmRequestOptions): Promise<void>;
  /** period: 'current' (default) or a month YYYY-MM. */
  getServiceSla(
    service: string,
    query?: ReportPeriodQuery,
    options?: ItsmRequestOptions,
  ): Promise<ServiceSlaReport>;
  /** The sources that report for a service, and when each last did. */
  getServiceSources(
    service: string,
    options?: ItsmRequestOptions,
  ): Promise<{ items: SourceHealth[] }>;
  /** What was notified about a service, newest first (limit default 100). */
  getServiceNotifications(
    service: string,
    query?: { limit?: number },
    options?: ItsmRequestOptions,
  ): Promise<{ items: ServiceNotification[] }>;
  /** Every measurement source as a whole. */
  listSources(
    options?: ItsmRequestOptions,
  ): Promise<{ items: SourceSummary[] }>;
  getServiceSlaHistory(
    service: string,
    query: SlaHistoryQuery,
    options?: ItsmRequestOptions,
  ): Promise<{ items: SlaHistoryEntry[] }>;
  getStakeholderSla(
    stakeholder: string,
    query?: ReportPeriodQuery,
    options?: ItsmRequestOptions,
  ): Promise<PartySlaReport>;
  /** The stakeholder's monthly customer report, CSV text. */
  getStakeholderReportCsv(
    stakeholder: string,
    query: ReportCsvQuery,
    options?: ItsmRequestOptions,
  ): Promise<string>;
  getSupplierSla(
    supplier: string,
    query?: ReportPeriodQuery,
    options?: ItsmRequestOptions,
  ): Promise<PartySlaReport>;
  getPortfolio(
    filters?: PortfolioFilters,
    options?: ItsmRequestOptions,
  ): Promise<{ items: PortfolioRow[] }>;
}

/**
 * A fetch-based client for the ITSM REST API, for the browser (with the
 * discovery and fetch APIs), other backends (with the discovery service and a
 * service token per request) and scripts: the generated DefaultApiClient,
 * with entity refs for path parameters and the paged reports followed to the
 * end.
 *
 * @public
 */
export class ItsmClient implements ItsmApi {
  private readonly reportPageSize?: number;
  private readonly api: DefaultApiClient;

  constructor(options: {
    discoveryApi: { getBaseUrl(pluginId: string): Promise<string> };
    fetchApi?: { fetch: typeof fetch };
    /** Services per page of the portfolio and party reports (by default the backend's most, 200). */
    reportPageSize?: number;
  }) {
    this.reportPageSize = options.reportPageSize;
    this.api = new DefaultApiClient(options);
  }

  async pushIncidents(items: IncidentInput[], options?: ItsmRequestOptions) {
    return this.api.pushIncidents({ body: { items } }, options);
  }

  async pushOutages(items: OutageInput[], options?: ItsmRequestOptions) {
    return this.api.pushOutages({ body: { items } }, options);
  }

  async pushSliEvents(items: SliEventInput[], options?: ItsmRequestOptions) {
    return this.api.pushSliEvents({ body: { items } }, options);
  }

  async listIncidents(
    query: ListIncidentsQuery,
    options?: ItsmRequestOptions,
  ): Promise<Page<Incident>> {
    return this.api.listIncidents({ query }, options);
  }

  async listOutages(
    query: ListMeasurementsQuery,
    options?: ItsmRequestOptions,
  ): Promise<Page<Outage>> {
    return this.api.listOutages({ query }, options);
  }

  async listSliEvents(
    query: ListSliEventsQuery,
    options?: ItsmRequestOptions,
  ): Promise<Page<SliEvent>> {
    return this.api.listSliEvents({ query }, options);
  }

  async deleteIncident(key: MeasurementKey, options?: ItsmRequestOptions) {
    await this.api.deleteIncident({ path: key }, options);
  }

  async deleteOutage(key: MeasurementKey, options?: ItsmRequestOptions) {
    await this.api.deleteOutage({ path: key }, options);
  }

  async deleteSliEvent(key: SliEventKey, options?: ItsmRequestOptions) {
    await this.api.deleteSliEvent({ query: key }, options);
  }

  async getServiceSla(
    service: string,
    query: ReportPeriodQuery = {},
    options?: ItsmRequestOptions,
  ): Promise<ServiceSlaReport> {
    return this.api.getServiceSla(
      { path: refParams(service, 'itservice'), query },
      options,
    );
  }

  async getServiceSources(service: string, options?: ItsmRequestOptions) {
    return this.api.getServiceSources(
      { path: refParams(service, 'itservice') },
      options,
    );
  }

  async getServiceNotifications(
    service: string,
    query: { limit?: number } = {},
    options?: ItsmRequestOptions,
  ) {
    return this.api.getServiceNotifications(
      { path: refParams(service, 'itservice'), query },
      options,
    );
  }

  async listSources(options?: ItsmRequestOptions) {
    return this.api.listSources(options);
  }

  async getServiceSlaHistory(
    service: string,
    query: SlaHistoryQuery,
    options?: ItsmRequestOptions,
  ): Promise<{ items: SlaHistoryEntry[] }> {
    return this.api.getServiceSlaHistory(
      { path: refParams(service, 'itservice'), query },
      options,
    );
  }

  async getStakeholderSla(
    stakeholder: string,
    query: ReportPeriodQuery = {},
    options?: ItsmRequestOptions,
  ): Promise<PartySlaReport> {
    const path = refParams(stakeholder, 'stakeholder');
    return wholeParty(
      await this.allPages(cursor =>
        this.api.getStakeholderSla(
          { path, query: { ...query, ...this.page(cursor) } },
          options,
        ),
      ),
    );
  }

  async getStakeholderReportCsv(
    stakeholder: string,
    query: ReportCsvQuery,
    options?: ItsmRequestOptions,
  ): Promise<string> {
    return this.api.getStakeholderReportCsv(
      { path: refParams(stakeholder, 'stakeholder'), query },
      options,
    );
  }

  async getSupplierSla(
    supplier: string,
    query: ReportPeriodQuery = {},
    options?: ItsmRequestOptions,
  ): Promise<PartySlaReport> {
    const path = refParams(supplier, 'supplier');
    return wholeParty(
      await this.allPages(cursor =>
        this.api.getSupplierSla(
          { path, query: { ...query, ...this.page(cursor) } },
          options,
        ),
      ),
    );
  }

  async getPortfolio(
    filters: PortfolioFilters = {},
    options?: ItsmRequestOptions,
  ): Promise<{ items: PortfolioRow[] }> {
    const pages = await this.allPages(cursor =>
      this.api.getPortfolio(
        { query: { ...filters, ...this.page(cursor) } },
        options,
      ),
    );
    return { items: pages.flatMap(page => page.items) };
  }

  private page(cursor: string | undefined) {
    return {
      ...(this.reportPageSize !== undefined && { limit: this.reportPageSize }),
      ...(cursor !== undefined && { cursor }),
    };
  }

  // Reports over many services are paged on the backend (each request scores
  // a bounded number of them): follow nextCursor to the end.
  private async allPages<T extends { nextCursor?: string }>(
    read: (cursor: string | undefined) => Promise<T>,
  ): Promise<T[]> {
    const pages: T[] = [];
    let cursor: string | undefined;
    do {
      const page = await read(cursor);
      pages.push(page);
      cursor = page.nextCursor;
    } while (cursor);
    return pages;
  }
}

// A party report comes a page of services at a time; the totals of the
// whole report are worked out from all of them, as the backend does.
function wholeParty(
  pages: Array<PartySlaReport & { nextCursor?: string }>,
): PartySlaReport {
  const services = pages.flatMap(page => page.services);
  const { party, period } = pages[0];
  return { party, period, ...partyTotals(services), services };
}
