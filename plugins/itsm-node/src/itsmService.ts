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

import {
  AuthService,
  BackstageCredentials,
  coreServices,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import {
  Incident,
  IncidentInput,
  IngestResult,
  ItsmApi,
  ItsmClient,
  ListIncidentsQuery,
  ReportCsvQuery,
  ReportPeriodQuery,
  SlaHistoryQuery,
  ListMeasurementsQuery,
  ListSliEventsQuery,
  MeasurementKey,
  Outage,
  OutageInput,
  Page,
  PartySlaReport,
  PortfolioFilters,
  PortfolioRow,
  ServiceSlaReport,
  SliEvent,
  SliEventInput,
  SliEventKey,
  SlaHistoryEntry,
} from '@backstage-itsm/plugin-itsm-common';

/** Options of every ItsmService call: whose behalf the call is made on. @public */
export type ItsmServiceRequestOptions = { credentials: BackstageCredentials };

/**
 * The ITSM REST API for other backend plugins, called with their own
 * service credentials (\`auth.getOwnServiceCredentials()\`) or on behalf of a
 * user: the methods of ItsmApi, with credentials instead of a token.
 *
 * @public
 */
export interface ItsmService {
  pushIncidents(
    items: IncidentInput[],
    options: ItsmServiceRequestOptions,
  ): Promise<IngestResult>;
  pushOutages(
    items: OutageInput[],
    options: ItsmServiceRequestOptions,
  ): Promise<IngestResult>;
  pushSliEvents(
    items: SliEventInput[],
    options: ItsmServiceRequestOptions,
  ): Promise<IngestResult>;
  listIncidents(
    query: ListIncidentsQuery,
    options: ItsmServiceRequestOptions,
  ): Promise<Page<Incident>>;
  listOutages(
    query: ListMeasurementsQuery,
    options: ItsmServiceRequestOptions,
  ): Promise<Page<Outage>>;
  listSliEvents(
    query: ListSliEventsQuery,
    options: ItsmServiceRequestOptions,
  ): Promise<Page<SliEvent>>;
  deleteIncident(
    key: MeasurementKey,
    options: ItsmServiceRequestOptions,
  ): Promise<void>;
  deleteOutage(
    key: MeasurementKey,
    options: ItsmServiceRequestOptions,
  ): Promise<void>;
  deleteSliEvent(
    key: SliEventKey,
    options: ItsmServiceRequestOptions,
  ): Promise<void>;
  getServiceSla(
    service: string,
    query: ReportPeriodQuery,
    options: ItsmServiceRequestOptions,
  ): Promise<ServiceSlaReport>;
  getServiceSlaHistory(
    service: string,
    query: SlaHistoryQuery,
    options: ItsmServiceRequestOptions,
  ): Promise<{ items: SlaHistoryEntry[] }>;
  getStakeholderSla(
    stakeholder: string,
    query: ReportPeriodQuery,
    options: ItsmServiceRequestOptions,
  ): Promise<PartySlaReport>;
  getStakeholderReportCsv(
    stakeholder: string,
    query: ReportCsvQuery,
    options: ItsmServiceRequestOptions,
  ): Promise<string>;
  getSupplierSla(
    supplier: string,
    query: ReportPeriodQuery,
    options: ItsmServiceRequestOptions,
  ): Promise<PartySlaReport>;
  getPortfolio(
    filters: PortfolioFilters,
    options: ItsmServiceRequestOptions,
  ): Promise<{ items: PortfolioRow[] }>;
}

class DefaultItsmService implements ItsmService {
  constructor(
    private readonly client: ItsmApi,
    private readonly auth: AuthService,
  ) {}

  async pushIncidents(
    items: IncidentInput[],
    options: ItsmServiceRequestOptions,
  ) {
    return this.client.pushIncidents(items, await this.token(options));
  }
  async pushOutages(items: OutageInput[], options: ItsmServiceRequestOptions) {
    return this.client.pushOutages(items, await this.token(options));
  }
  async pushSliEvents(
    items: SliEventInput[],
    options: ItsmServiceRequestOptions,
  ) {
    return this.client.pushSliEvents(items, await this.token(options));
  }
  async listIncidents(
    query: ListIncidentsQuery,
    options: ItsmServiceRequestOptions,
  ) {
    return this.client.listIncidents(query, await this.token(options));
  }
  async listOutages(
    query: ListMeasurementsQuery,
    options: ItsmServiceRequestOptions,
  ) {
    return this.client.listOutages(query, await this.token(options));
  }
  async listSliEvents(
    query: ListSliEventsQuery,
    options: ItsmServiceRequestOptions,
  ) {
    return this.client.listSliEvents(query, await this.token(options));
  }
  async deleteIncident(
    key: MeasurementKey,
    options: ItsmServiceRequestOptions,
  ) {
    return this.client.deleteIncident(key, await this.token(options));
  }
  async deleteOutage(key: MeasurementKey, options: ItsmServiceRequestOptions) {
    return this.client.deleteOutage(key, await this.token(options));
  }
  async deleteSliEvent(key: SliEventKey, options: ItsmServiceRequestOptions) {
    return this.client.deleteSliEvent(key, await this.token(options));
  }

  async getServiceSla(
    service: string,
    query: ReportPeriodQuery,
    options: ItsmServiceRequestOptions,
  ) {
    return this.client.getServiceSla(service, query, await this.token(options));
  }
  async getServiceSlaHistory(
    service: string,
    query: SlaHistoryQuery,
    options: ItsmServiceRequestOptions,
  ) {
    return this.client.getServiceSlaHistory(
      service,
      query,
      await this.token(options),
    );
  }
  async getStakeholderSla(
    stakeholder: string,
    query: ReportPeriodQuery,
    options: ItsmServiceRequestOptions,
  ) {
    return this.client.getStakeholderSla(
      stakeholder,
      query,
      await this.token(options),
    );
  }
  async getStakeholderReportCsv(
    stakeholder: string,
    query: ReportCsvQuery,
    options: ItsmServiceRequestOptions,
  ) {
    return this.client.getStakeholderReportCsv(
      stakeholder,
      query,
      await this.token(options),
    );
  }
  async getSupplierSla(
    supplier: string,
    query: ReportPeriodQuery,
    options: ItsmServiceRequestOptions,
  ) {
    return this.client.getSupplierSla(
      supplier,
      query,
      await this.token(options),
    );
  }
  async getPortfolio(
    filters: PortfolioFilters,
    options: ItsmServiceRequestOptions,
  ) {
    return this.client.getPortfolio(filters, await this.token(options));
  }

  private async token({ credentials }: ItsmServiceRequestOptions) {
    return this.auth.getPluginRequestToken({
      onBehalfOf: credentials,
      targetPluginId: 'itsm',
    });
  }
}

/**
 * Inject this into another backend plugin to push or read measurements with
 * that plugin's own credentials; backend plugins are isolated, so this goes
 * through the itsm REST API.
 *
 * @public
 */
export const itsmServiceRef = createServiceRef<ItsmService>({
  id: 'itsm.service',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: { auth: coreServices.auth, discovery: coreServices.discovery },
      factory({ auth, discovery }) {
        return new DefaultItsmService(
          new ItsmClient({ discoveryApi: discovery }),
          auth,
        );
      },
    }),
});
