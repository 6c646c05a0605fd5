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

import { ResponseError } from '@backstage/errors';
import type { operations } from './openapi.generated';

/** Per-request options; a backend caller passes its service token. */
export type RequestOptions = { token?: string };

type Scalar = string | number | boolean | undefined;

/**
 * The ITSM REST API, one method per operation of its OpenAPI document;
 * a response that is not 2xx throws Backstage's ResponseError.
 */
export class DefaultApiClient {
  private readonly discoveryApi: {
    getBaseUrl(pluginId: string): Promise<string>;
  };
  private readonly fetchApi: { fetch: typeof fetch };

  constructor(options: {
    discoveryApi: { getBaseUrl(pluginId: string): Promise<string> };
    fetchApi?: { fetch: typeof fetch };
  }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi ?? { fetch: (...args) => fetch(...args) };
  }

  /** Create or update a batch of incidents, keyed by (source, externalId) */
  async pushIncidents(
    request: {
      body: operations['PushIncidents']['requestBody']['content']['application/json'];
    },
    options?: RequestOptions,
  ): Promise<
    operations['PushIncidents']['responses'][200]['content']['application/json']
  > {
    return this.send<
      operations['PushIncidents']['responses'][200]['content']['application/json']
    >(
      {
        method: 'POST',
        path: '/v1/incidents',
        body: request.body,
        parse: 'json',
      },
      options,
    );
  }

  /** A service's incidents opened in [from, to), newest first */
  async listIncidents(
    request: {
      query: NonNullable<operations['ListIncidents']['parameters']['query']>;
    },
    options?: RequestOptions,
  ): Promise<
    operations['ListIncidents']['responses'][200]['content']['application/json']
  > {
    return this.send<
      operations['ListIncidents']['responses'][200]['content']['application/json']
    >(
      {
        method: 'GET',
        path: '/v1/incidents',
        query: request?.query,
        parse: 'json',
      },
      options,
    );
  }

  /** Delete one incident */
  async deleteIncident(
    request: {
      path: NonNullable<operations['DeleteIncident']['parameters']['path']>;
    },
    options?: RequestOptions,
  ): Promise<void> {
    return this.send<void>(
      {
        method: 'DELETE',
        path: '/v1/incidents/{source}/{externalId}',
        pathParams: request.path,
        parse: 'none',
      },
      options,
    );
  }

  /** Create or update a batch of outages, keyed by (source, externalId) */
  async pushOutages(
    request: {
      body: operations['PushOutages']['requestBody']['content']['application/json'];
    },
    options?: RequestOptions,
  ): Promise<
    operations['PushOutages']['responses'][200]['content']['application/json']
  > {
    return this.send<
      operations['PushOutages']['responses'][200]['content']['application/json']
    >(
      {
        method: 'POST',
        path: '/v1/outages',
        body: request.body,
        parse: 'json',
      },
      options,
    );
  }

  /** A service's outages that started in [from, to), newest first */
  async listOutages(
    request: {
      query: NonNullable<operations['ListOutages']['parameters']['query']>;
    },
    options?: RequestOptions,
  ): Promise<
    operations['ListOutages']['responses'][200]['content']['application/json']
  > {
    return this.send<
      operations['ListOutages']['responses'][200]['content']['application/json']
    >(
      {
        method: 'GET',
        path: '/v1/outages',
        query: request?.query,
        parse: 'json',
      },
      options,
    );
  }

  /** Delete one outage */
  async deleteOutage(
    request: {
      path: NonNullable<operations['DeleteOutage']['parameters']['path']>;
    },
    options?: RequestOptions,
  ): Promise<void> {
    return this.send<void>(
      {
        method: 'DELETE',
        path: '/v1/outages/{source}/{externalId}',
        pathParams: request.path,
        parse: 'none',
      },
      options,
    );
  }

  /** Create or update good/total counts, keyed by (source, service, objective, sliceStart) */
  async pushSliEvents(
    request: {
      body: operations['PushSliEvents']['requestBody']['content']['application/json'];
    },
    options?: RequestOptions,
  ): Promise<
    operations['PushSliEvents']['responses'][200]['content']['application/json']
  > {
    return this.send<
      operations['PushSliEvents']['responses'][200]['content']['application/json']
    >(
      {
        method: 'POST',
        path: '/v1/sli-events',
        body: request.body,
        parse: 'json',
      },
      options,
    );
  }

  /** A service's SLI slices that start in [from, to), newest first */
  async listSliEvents(
    request: {
      query: NonNullable<operations['ListSliEvents']['parameters']['query']>;
    },
    options?: RequestOptions,
  ): Promise<
    operations['ListSliEvents']['responses'][200]['content']['application/json']
  > {
    return this.send<
      operations['ListSliEvents']['responses'][200]['content']['application/json']
    >(
      {
        method: 'GET',
        path: '/v1/sli-events',
        query: request?.query,
        parse: 'json',
      },
      options,
    );
  }

  /** Delete one SLI slice */
  async deleteSliEvent(
    request: {
      query: NonNullable<operations['DeleteSliEvent']['parameters']['query']>;
    },
    options?: RequestOptions,
  ): Promise<void> {
    return this.send<void>(
      {
        method: 'DELETE',
        path: '/v1/sli-events',
        query: request?.query,
        parse: 'none',
      },
      options,
    );
  }

  /** Every measurement source, as a whole (the source-health view) */
  async listSources(
    options?: RequestOptions,
  ): Promise<
    operations['ListSources']['responses'][200]['content']['application/json']
  > {
    return this.send<
      operations['ListSources']['responses'][200]['content']['application/json']
    >(
      {
        method: 'GET',
        path: '/v1/sources',
        parse: 'json',
      },
      options,
    );
  }

  /** The sources that report for an IT service, and when each last did */
  async getServiceSources(
    request: {
      path: NonNullable<operations['GetServiceSources']['parameters']['path']>;
    },
    options?: RequestOptions,
  ): Promise<
    operations['GetServiceSources']['responses'][200]['content']['application/json']
  > {
    return this.send<
      operations['GetServiceSources']['responses'][200]['content']['application/json']
    >(
      {
        method: 'GET',
        path: '/v1/services/{namespace}/{name}/sources',
        pathParams: request.path,
        parse: 'json',
      },
      options,
    );
  }

  /** What the itsm backend notified about an IT service, newest first */
  async getServiceNotifications(
    request: {
      path: NonNullable<
        operations['GetServiceNotifications']['parameters']['path']
      >;
      query?: NonNullable<
        operations['GetServiceNotifications']['parameters']['query']
      >;
    },
    options?: RequestOptions,
  ): Promise<
    operations['GetServiceNotifications']['responses'][200]['content']['application/json']
  > {
    return this.send<
      operations['GetServiceNotifications']['responses'][200]['content']['application/json']
    >(
      {
        method: 'GET',
        path: '/v1/services/{namespace}/{name}/notifications',
        pathParams: request.path,
        query: request?.query,
        parse: 'json',
      },
      options,
    );
  }

  /** The SLA report of an IT service for a period */
  async getServiceSla(
    request: {
      path: NonNullable<operations['GetServiceSla']['parameters']['path']>;
      query?: NonNullable<operations['GetServiceSla']['parameters']['query']>;
    },
    options?: RequestOptions,
  ): Promise<
    operations['GetServiceSla']['responses'][200]['content']['application/json']
  > {
    return this.send<
      operations['GetServiceSla']['responses'][200]['content']['application/json']
    >(
      {
        method: 'GET',
        path: '/v1/services/{namespace}/{name}/sla',
        pathParams: request.path,
        query: request?.query,
        parse: 'json',
      },
      options,
    );
  }

  /** Monthly SLA results of an IT service, from snapshots of closed months */
  async getServiceSlaHistory(
    request: {
      path: NonNullable<
        operations['GetServiceSlaHistory']['parameters']['path']
      >;
      query: NonNullable<
        operations['GetServiceSlaHistory']['parameters']['query']
      >;
    },
    options?: RequestOptions,
  ): Promise<
    operations['GetServiceSlaHistory']['responses'][200]['content']['application/json']
  > {
    return this.send<
      operations['GetServiceSlaHistory']['responses'][200]['content']['application/json']
    >(
      {
        method: 'GET',
        path: '/v1/services/{namespace}/{name}/sla/history',
        pathParams: request.path,
        query: request?.query,
        parse: 'json',
      },
      options,
    );
  }

  /** Everything agreed with a stakeholder, across services */
  async getStakeholderSla(
    request: {
      path: NonNullable<operations['GetStakeholderSla']['parameters']['path']>;
      query?: NonNullable<
        operations['GetStakeholderSla']['parameters']['query']
      >;
    },
    options?: RequestOptions,
  ): Promise<
    operations['GetStakeholderSla']['responses'][200]['content']['application/json']
  > {
    return this.send<
      operations['GetStakeholderSla']['responses'][200]['content']['application/json']
    >(
      {
        method: 'GET',
        path: '/v1/stakeholders/{namespace}/{name}/sla',
        pathParams: request.path,
        query: request?.query,
        parse: 'json',
      },
      options,
    );
  }

  /** A stakeholder's monthly customer report as CSV, one row per objective */
  async getStakeholderReportCsv(
    request: {
      path: NonNullable<
        operations['GetStakeholderReportCsv']['parameters']['path']
      >;
      query: NonNullable<
        operations['GetStakeholderReportCsv']['parameters']['query']
      >;
    },
    options?: RequestOptions,
  ): Promise<string> {
    return this.send<string>(
      {
        method: 'GET',
        path: '/v1/stakeholders/{namespace}/{name}/sla/report.csv',
        pathParams: request.path,
        query: request?.query,
        parse: 'text',
      },
      options,
    );
  }

  /** Every underpinning contract with a supplier, across services */
  async getSupplierSla(
    request: {
      path: NonNullable<operations['GetSupplierSla']['parameters']['path']>;
      query?: NonNullable<operations['GetSupplierSla']['parameters']['query']>;
    },
    options?: RequestOptions,
  ): Promise<
    operations['GetSupplierSla']['responses'][200]['content']['application/json']
  > {
    return this.send<
      operations['GetSupplierSla']['responses'][200]['content']['application/json']
    >(
      {
        method: 'GET',
        path: '/v1/suppliers/{namespace}/{name}/sla',
        pathParams: request.path,
        query: request?.query,
        parse: 'json',
      },
      options,
    );
  }

  /** One row per IT service the caller can see, in the current period or a month, a page of services at a time (by name without filters, by ref with them) */
  async getPortfolio(
    request?: {
      query?: NonNullable<operations['GetPortfolio']['parameters']['query']>;
    },
    options?: RequestOptions,
  ): Promise<
    operations['GetPortfolio']['responses'][200]['content']['application/json']
  > {
    return this.send<
      operations['GetPortfolio']['responses'][200]['content']['application/json']
    >(
      {
        method: 'GET',
        path: '/v1/portfolio',
        query: request?.query,
        parse: 'json',
      },
      options,
    );
  }

  private async send<T>(
    call: {
      method: string;
      path: string;
      pathParams?: Record<string, Scalar>;
      query?: Record<string, Scalar>;
      body?: unknown;
      parse: 'json' | 'text' | 'none';
    },
    options?: RequestOptions,
  ): Promise<T> {
    const path = call.path.replace(/{([^}]+)}/g, (_, name: string) =>
      encodeURIComponent(String(call.pathParams?.[name])),
    );
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(call.query ?? {})) {
      if (value !== undefined) search.append(name, String(value));
    }
    const query = search.toString() ? `?${search}` : '';
    const headers: Record<string, string> = {};
    if (options?.token) headers.Authorization = `Bearer ${options.token}`;
    if (call.body !== undefined) headers['Content-Type'] = 'application/json';
    const baseUrl = await this.discoveryApi.getBaseUrl('itsm');
    const response = await this.fetchApi.fetch(`${baseUrl}${path}${query}`, {
      method: call.method,
      headers,
      ...(call.body !== undefined && { body: JSON.stringify(call.body) }),
    });
    if (!response.ok) throw await ResponseError.fromResponse(response);
    if (call.parse === 'json') return (await response.json()) as T;
    if (call.parse === 'text') return (await response.text()) as T;
    return undefined as T;
  }
}
