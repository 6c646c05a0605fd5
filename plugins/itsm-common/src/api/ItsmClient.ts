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

import { ResponseError } from '@backstage/errors';
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
} from './types';
import {
  PartySlaReport,
  PortfolioRow,
  ServiceSlaReport,
  SlaHistoryEntry,
} from './slaTypes';
import { parseEntityRef } from '@backstage/catalog-model';
import { partyTotals } from '../sla/totals';

// "namespace/name" path segments of an entity ref, kind defaulted.
function refPath(ref: string, defaultKind: string): string {
  const { namespace, name } = parseEntityRef(ref, {
    defaultKind,
    defaultNamespace: 'default',
  });
  return `${encodeURIComponent(namespace)}/${encodeURIComponent(name)}`;
}

/** Per-request options; a backend caller passes its service token. @public */
export type ItsmRequestOptions = { token?: string };

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
 * service token per request) and scripts.
 *
 * @public
 */
export class ItsmClient implements ItsmApi {
  private readonly discoveryApi: {
    getBaseUrl(pluginId: string): Promise<string>;
  };
  private readonly fetchApi: { fetch: typeof fetch };
  private readonly reportPageSize?: number;

  constructor(options: {
    discoveryApi: { getBaseUrl(pluginId: string): Promise<string> };
    fetchApi?: { fetch: typeof fetch };
    /** Services per page of the portfolio and party reports (backend default 100, at most 200). */
    reportPageSize?: number;
  }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi ?? { fetch: (...args) => fetch(...args) };
    this.reportPageSize = options.reportPageSize;
  }

  pushIncidents(items: IncidentInput[], options?: ItsmRequestOptions) {
    return this.request<IngestResult>('POST', '/incidents', {
      body: { items },
      options,
    });
  }

  pushOutages(items: OutageInput[], options?: ItsmRequestOptions) {
    return this.request<IngestResult>('POST', '/outages', {
      body: { items },
      options,
    });
  }

  pushSliEvents(items: SliEventInput[], options?: ItsmRequestOptions) {
    return this.request<IngestResult>('POST', '/sli-events', {
      body: { items },
      options,
    });
  }

  listIncidents(query: ListIncidentsQuery, options?: ItsmRequestOptions) {
    return this.request<Page<Incident>>('GET', '/incidents', {
      query,
      options,
    });
  }

  listOutages(query: ListMeasurementsQuery, options?: ItsmRequestOptions) {
    return this.request<Page<Outage>>('GET', '/outages', { query, options });
  }

  listSliEvents(query: ListSliEventsQuery, options?: ItsmRequestOptions) {
    return this.request<Page<SliEvent>>('GET', '/sli-events', {
      query,
      options,
    });
  }

  async deleteIncident(key: MeasurementKey, options?: ItsmRequestOptions) {
    await this.request(
      'DELETE',
      `/incidents/${encodeURIComponent(key.source)}/${encodeURIComponent(
        key.externalId,
      )}`,
      { options },
    );
  }

  async deleteOutage(key: MeasurementKey, options?: ItsmRequestOptions) {
    await this.request(
      'DELETE',
      `/outages/${encodeURIComponent(key.source)}/${encodeURIComponent(
        key.externalId,
      )}`,
      { options },
    );
  }

  async deleteSliEvent(key: SliEventKey, options?: ItsmRequestOptions) {
    await this.request('DELETE', '/sli-events', { query: key, options });
  }

  getServiceSla(
    service: string,
    query: ReportPeriodQuery = {},
    options?: ItsmRequestOptions,
  ) {
    return this.request<ServiceSlaReport>(
      'GET',
      `/services/${refPath(service, 'itservice')}/sla`,
      { query, options },
    );
  }

  getServiceSlaHistory(
    service: string,
    query: SlaHistoryQuery,
    options?: ItsmRequestOptions,
  ) {
    return this.request<{ items: SlaHistoryEntry[] }>(
      'GET',
      `/services/${refPath(service, 'itservice')}/sla/history`,
      { query, options },
    );
  }

  getStakeholderSla(
    stakeholder: string,
    query: ReportPeriodQuery = {},
    options?: ItsmRequestOptions,
  ) {
    return this.partyReport(
      `/stakeholders/${refPath(stakeholder, 'stakeholder')}/sla`,
      query,
      options,
    );
  }

  getStakeholderReportCsv(
    stakeholder: string,
    query: ReportCsvQuery,
    options?: ItsmRequestOptions,
  ) {
    return this.request<string>(
      'GET',
      `/stakeholders/${refPath(stakeholder, 'stakeholder')}/sla/report.csv`,
      { query, options, text: true },
    );
  }

  getSupplierSla(
    supplier: string,
    query: ReportPeriodQuery = {},
    options?: ItsmRequestOptions,
  ) {
    return this.partyReport(
      `/suppliers/${refPath(supplier, 'supplier')}/sla`,
      query,
      options,
    );
  }

  async getPortfolio(
    filters: PortfolioFilters = {},
    options?: ItsmRequestOptions,
  ) {
    const pages = await this.allPages<{ items: PortfolioRow[] }>(
      '/portfolio',
      filters,
      options,
    );
    return { items: pages.flatMap(page => page.items) };
  }

  // A party report comes a page of services at a time; the totals of the
  // whole report are worked out from all of them, as the backend does.
  private async partyReport(
    path: string,
    query: ReportPeriodQuery,
    options?: ItsmRequestOptions,
  ): Promise<PartySlaReport> {
    const pages = await this.allPages<PartySlaReport>(path, query, options);
    const services = pages.flatMap(page => page.services);
    const { party, period } = pages[0];
    return { party, period, ...partyTotals(services), services };
  }

  // Reports over many services are paged on the backend (each request scores
  // a bounded number of them): follow nextCursor to the end.
  private async allPages<T extends object>(
    path: string,
    query: Record<string, string | undefined>,
    options?: ItsmRequestOptions,
  ): Promise<T[]> {
    const pages: T[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.request<T & { nextCursor?: string }>(
        'GET',
        path,
        { query: { ...query, limit: this.reportPageSize, cursor }, options },
      );
      const { nextCursor, ...rest } = page;
      pages.push(rest as unknown as T);
      cursor = nextCursor;
    } while (cursor);
    return pages;
  }

  private async request<T>(
    method: string,
    path: string,
    request: {
      body?: unknown;
      query?: Record<string, string | number | boolean | undefined>;
      options?: ItsmRequestOptions;
      /** Read the body as text rather than JSON. */
      text?: boolean;
    },
  ): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl('itsm');
    const params = new URLSearchParams();
    for (const [name, value] of Object.entries(request.query ?? {})) {
      if (value !== undefined) {
        params.set(name, String(value));
      }
    }
    const search = params.size > 0 ? `?${params}` : '';
    const headers: Record<string, string> = {};
    if (request.body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    if (request.options?.token) {
      headers.Authorization = `Bearer ${request.options.token}`;
    }
    const response = await this.fetchApi.fetch(
      `${baseUrl}/v1${path}${search}`,
      {
        method,
        headers,
        body:
          request.body === undefined ? undefined : JSON.stringify(request.body),
      },
    );
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    if (response.status === 204) {
      return undefined as T;
    }
    return (request.text ? await response.text() : await response.json()) as T;
  }
}
