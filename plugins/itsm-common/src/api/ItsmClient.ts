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

// openapi-fetch names its methods after the HTTP verbs (GET, POST, DELETE).
/* eslint-disable new-cap */

import { ResponseError } from '@backstage/errors';
import createClient, { type Client } from 'openapi-fetch';
import type { paths } from '../schema/openapi.generated';
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

// The namespace and name path parameters of an entity ref, kind defaulted.
function refParams(ref: string, defaultKind: string) {
  const { namespace, name } = parseEntityRef(ref, {
    defaultKind,
    defaultNamespace: 'default',
  });
  return { namespace, name };
}

// The data of a call that succeeded: failures throw in the fetch below.
function dataOf<T>(result: { data?: T }): T {
  return result.data as T;
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
  private readonly reportPageSize?: number;
  // Typed by the OpenAPI document's paths: a path, parameter or body the
  // document does not have does not compile.
  private readonly client: Client<paths>;

  constructor(options: {
    discoveryApi: { getBaseUrl(pluginId: string): Promise<string> };
    fetchApi?: { fetch: typeof fetch };
    /** Services per page of the portfolio and party reports (backend default 100, at most 200). */
    reportPageSize?: number;
  }) {
    this.discoveryApi = options.discoveryApi;
    this.reportPageSize = options.reportPageSize;
    const fetchApi = options.fetchApi ?? { fetch: (...args) => fetch(...args) };
    this.client = createClient<paths>({
      fetch: async request => {
        const response = await fetchApi.fetch(request);
        if (!response.ok) {
          throw await ResponseError.fromResponse(response);
        }
        return response;
      },
    });
  }

  // Where and as whom: the backend's URL and the caller's token, if any.
  private async target(options?: ItsmRequestOptions) {
    return {
      baseUrl: await this.discoveryApi.getBaseUrl('itsm'),
      ...(options?.token && {
        headers: { Authorization: `Bearer ${options.token}` },
      }),
    };
  }

  async pushIncidents(items: IncidentInput[], options?: ItsmRequestOptions) {
    return dataOf(
      await this.client.POST('/v1/incidents', {
        ...(await this.target(options)),
        body: { items },
      }),
    );
  }

  async pushOutages(items: OutageInput[], options?: ItsmRequestOptions) {
    return dataOf(
      await this.client.POST('/v1/outages', {
        ...(await this.target(options)),
        body: { items },
      }),
    );
  }

  async pushSliEvents(items: SliEventInput[], options?: ItsmRequestOptions) {
    return dataOf(
      await this.client.POST('/v1/sli-events', {
        ...(await this.target(options)),
        body: { items },
      }),
    );
  }

  async listIncidents(
    query: ListIncidentsQuery,
    options?: ItsmRequestOptions,
  ): Promise<Page<Incident>> {
    return dataOf(
      await this.client.GET('/v1/incidents', {
        ...(await this.target(options)),
        params: { query },
      }),
    );
  }

  async listOutages(
    query: ListMeasurementsQuery,
    options?: ItsmRequestOptions,
  ): Promise<Page<Outage>> {
    return dataOf(
      await this.client.GET('/v1/outages', {
        ...(await this.target(options)),
        params: { query },
      }),
    );
  }

  async listSliEvents(
    query: ListSliEventsQuery,
    options?: ItsmRequestOptions,
  ): Promise<Page<SliEvent>> {
    return dataOf(
      await this.client.GET('/v1/sli-events', {
        ...(await this.target(options)),
        params: { query },
      }),
    );
  }

  async deleteIncident(key: MeasurementKey, options?: ItsmRequestOptions) {
    await this.client.DELETE('/v1/incidents/{source}/{externalId}', {
      ...(await this.target(options)),
      params: { path: key },
    });
  }

  async deleteOutage(key: MeasurementKey, options?: ItsmRequestOptions) {
    await this.client.DELETE('/v1/outages/{source}/{externalId}', {
      ...(await this.target(options)),
      params: { path: key },
    });
  }

  async deleteSliEvent(key: SliEventKey, options?: ItsmRequestOptions) {
    await this.client.DELETE('/v1/sli-events', {
      ...(await this.target(options)),
      params: { query: key },
    });
  }

  async getServiceSla(
    service: string,
    query: ReportPeriodQuery = {},
    options?: ItsmRequestOptions,
  ): Promise<ServiceSlaReport> {
    return dataOf(
      await this.client.GET('/v1/services/{namespace}/{name}/sla', {
        ...(await this.target(options)),
        params: { path: refParams(service, 'itservice'), query },
      }),
    );
  }

  async getServiceSlaHistory(
    service: string,
    query: SlaHistoryQuery,
    options?: ItsmRequestOptions,
  ): Promise<{ items: SlaHistoryEntry[] }> {
    return dataOf(
      await this.client.GET('/v1/services/{namespace}/{name}/sla/history', {
        ...(await this.target(options)),
        params: { path: refParams(service, 'itservice'), query },
      }),
    );
  }

  async getStakeholderSla(
    stakeholder: string,
    query: ReportPeriodQuery = {},
    options?: ItsmRequestOptions,
  ): Promise<PartySlaReport> {
    const target = await this.target(options);
    const path = refParams(stakeholder, 'stakeholder');
    return wholeParty(
      await this.allPages(async cursor =>
        dataOf(
          await this.client.GET('/v1/stakeholders/{namespace}/{name}/sla', {
            ...target,
            params: { path, query: { ...query, ...this.page(cursor) } },
          }),
        ),
      ),
    );
  }

  async getStakeholderReportCsv(
    stakeholder: string,
    query: ReportCsvQuery,
    options?: ItsmRequestOptions,
  ): Promise<string> {
    return dataOf(
      await this.client.GET(
        '/v1/stakeholders/{namespace}/{name}/sla/report.csv',
        {
          ...(await this.target(options)),
          params: { path: refParams(stakeholder, 'stakeholder'), query },
          parseAs: 'text',
        },
      ),
    );
  }

  async getSupplierSla(
    supplier: string,
    query: ReportPeriodQuery = {},
    options?: ItsmRequestOptions,
  ): Promise<PartySlaReport> {
    const target = await this.target(options);
    const path = refParams(supplier, 'supplier');
    return wholeParty(
      await this.allPages(async cursor =>
        dataOf(
          await this.client.GET('/v1/suppliers/{namespace}/{name}/sla', {
            ...target,
            params: { path, query: { ...query, ...this.page(cursor) } },
          }),
        ),
      ),
    );
  }

  async getPortfolio(
    filters: PortfolioFilters = {},
    options?: ItsmRequestOptions,
  ): Promise<{ items: PortfolioRow[] }> {
    const target = await this.target(options);
    const pages = await this.allPages(async cursor =>
      dataOf(
        await this.client.GET('/v1/portfolio', {
          ...target,
          params: { query: { ...filters, ...this.page(cursor) } },
        }),
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
