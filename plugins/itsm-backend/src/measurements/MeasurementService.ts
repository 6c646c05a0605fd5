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

import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { InputError, NotFoundError } from '@backstage/errors';
import {
  Incident,
  IncidentInput,
  IngestResult,
  itsmMeasurementCreatePermission,
  itsmMeasurementDeletePermission,
  itsmMeasurementReadPermission,
  Outage,
  OutageInput,
  Page,
  SliEvent,
  SliEventInput,
} from '@backstage-itsm/plugin-itsm-common';
import { MeasurementKey, MeasurementStore } from '../database/MeasurementStore';
import { IngestOptions, MeasurementAccess } from './MeasurementAccess';
import {
  normalizeServiceRef,
  parseInstant,
  readParam,
  toIncident,
  toOutage,
  toSliEvent,
} from './records';

/** Page sizes of measurement lists. */
export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 1000;

/** A list request as a client sends it: text, parsed here after the permission check. */
export type ListRequest = {
  service: string;
  from?: string;
  to?: string;
  limit?: string | number;
  cursor?: string;
};

/** Reads `limit` whatever reached the caller: a number or its text. */
export function readLimit(
  value: string | number | undefined,
  max: number,
  fallback = DEFAULT_LIMIT,
): number {
  if (value === undefined) return fallback;
  const text = String(value);
  const limit = Number(text);
  if (!/^\d+$/.test(text) || limit < 1 || limit > max) {
    throw new InputError(
      `limit: must be a whole number from 1 to ${max} (got "${text}")`,
    );
  }
  return limit;
}

/**
 * What callers may do with measurements, each step with the caller's
 * credentials: the REST API and the MCP actions are thin adapters over it.
 * Permission first, then the catalog's visibility, then parsing, then the
 * store: a caller without the permission learns nothing of the input's
 * faults, and one who cannot see a service nothing of its rows.
 */
export class MeasurementService {
  constructor(
    private readonly deps: {
      store: MeasurementStore;
      access: MeasurementAccess;
    },
  ) {}

  ingestIncidents(
    items: IncidentInput[],
    credentials: BackstageCredentials,
    options?: IngestOptions,
  ): Promise<IngestResult> {
    return this.creating(credentials, access =>
      access.ingestIncidents(items, credentials, options),
    );
  }

  ingestOutages(
    items: OutageInput[],
    credentials: BackstageCredentials,
    options?: IngestOptions,
  ): Promise<IngestResult> {
    return this.creating(credentials, access =>
      access.ingestOutages(items, credentials, options),
    );
  }

  ingestSliEvents(
    items: SliEventInput[],
    credentials: BackstageCredentials,
    options?: IngestOptions,
  ): Promise<IngestResult> {
    return this.creating(credentials, access =>
      access.ingestSliEvents(items, credentials, options),
    );
  }

  async listIncidents(
    request: ListRequest & { open?: boolean },
    credentials: BackstageCredentials,
  ): Promise<Page<Incident>> {
    const page = await this.deps.store.listIncidents({
      ...(await this.readable(request, credentials)),
      open: request.open === true,
    });
    return { items: page.items.map(toIncident), nextCursor: page.nextCursor };
  }

  async listOutages(
    request: ListRequest,
    credentials: BackstageCredentials,
  ): Promise<Page<Outage>> {
    const page = await this.deps.store.listOutages(
      await this.readable(request, credentials),
    );
    return { items: page.items.map(toOutage), nextCursor: page.nextCursor };
  }

  async listSliEvents(
    request: ListRequest & { objective?: string },
    credentials: BackstageCredentials,
  ): Promise<Page<SliEvent>> {
    const page = await this.deps.store.listSliEvents({
      ...(await this.readable(request, credentials)),
      objective: request.objective,
    });
    return { items: page.items.map(toSliEvent), nextCursor: page.nextCursor };
  }

  /** Deletes an incident key from the services the caller may change; resolves those. */
  deleteIncident(key: MeasurementKey, credentials: BackstageCredentials) {
    const { store } = this.deps;
    return this.remove('incident', key, credentials, {
      servicesOf: async () =>
        (await store.findIncidents([key])).map(r => r.service),
      delete: services =>
        store.deleteIncidents(services.map(service => ({ service, ...key }))),
    });
  }

  /** Deletes an outage key from the services the caller may change; resolves those. */
  deleteOutage(key: MeasurementKey, credentials: BackstageCredentials) {
    const { store } = this.deps;
    return this.remove('outage', key, credentials, {
      servicesOf: async () =>
        (await store.findOutages([key])).map(r => r.service),
      delete: services =>
        store.deleteOutages(services.map(service => ({ service, ...key }))),
    });
  }

  /** Deletes one SLI slice; its key is read only once the caller may delete at all. */
  deleteSliEvent(
    key: {
      source: string;
      service: string;
      objective: string;
      sliceStart: string;
    },
    credentials: BackstageCredentials,
  ) {
    const read = () => ({
      source: key.source,
      service: readParam('service', key.service, normalizeServiceRef),
      objective: key.objective,
      sliceStart: readParam('sliceStart', key.sliceStart, parseInstant),
    });
    return this.remove('sli-event', key, credentials, {
      servicesOf: async () => [read().service],
      delete: async () =>
        (await this.deps.store.deleteSliEvent(read())) ? 1 : 0,
    });
  }

  private async creating(
    credentials: BackstageCredentials,
    ingest: (access: MeasurementAccess) => Promise<IngestResult>,
  ): Promise<IngestResult> {
    await this.deps.access.authorize(
      credentials,
      itsmMeasurementCreatePermission,
    );
    return ingest(this.deps.access);
  }

  private async readable(
    request: ListRequest,
    credentials: BackstageCredentials,
  ) {
    const { access } = this.deps;
    await access.authorize(credentials, itsmMeasurementReadPermission);
    const service = await access.visibleService(request.service, credentials);
    return {
      service,
      from:
        request.from === undefined
          ? undefined
          : readParam('from', request.from, parseInstant),
      to:
        request.to === undefined
          ? undefined
          : readParam('to', request.to, parseInstant),
      limit: readLimit(request.limit, MAX_LIMIT),
      cursor: request.cursor,
    };
  }

  // A measurement of a service the caller cannot see is, to them, not there.
  private async remove(
    kind: string,
    key: object,
    credentials: BackstageCredentials,
    stored: {
      /** The services that hold the measurement; may throw InputError. */
      servicesOf: () => Promise<string[]>;
      /** How many rows were deleted of those in these services. */
      delete: (services: string[]) => Promise<number>;
    },
  ): Promise<string[]> {
    const { access, store } = this.deps;
    await access.authorize(credentials, itsmMeasurementDeletePermission);
    const services = [...new Set(await stored.servicesOf())];
    const writable = await access.writableServices(services, credentials);
    const mine = services.filter(service => writable.has(service));
    if (mine.length === 0 || (await stored.delete(mine)) === 0) {
      throw new NotFoundError(`No ${kind} with ${JSON.stringify(key)}`);
    }
    // What was deleted may have counted in any stored month.
    for (const service of mine) {
      await store.invalidateSnapshots(service, '0000-01', '9999-12');
    }
    return mine;
  }
}
