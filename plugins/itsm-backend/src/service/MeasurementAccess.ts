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
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  AuthorizeResult,
  BasicPermission,
} from '@backstage/plugin-permission-common';
import {
  IncidentInput,
  IngestResult,
  OutageInput,
  SliEventInput,
} from '@backstage-itsm/plugin-itsm-common';
import { MeasurementStore } from '../database/MeasurementStore';
import {
  describeProblems,
  ItemProblem,
  readIncidents,
  readOutages,
  readSliEvents,
} from './measurements';

const REF_FIELDS = ['kind', 'metadata.namespace', 'metadata.name'];
const DAY = 86_400_000;

const KIND_NAMES = {
  itservice: 'ITService',
  stakeholder: 'Stakeholder',
  supplier: 'Supplier',
};

/**
 * Who may do what with measurements, and the one path every write takes
 * (REST, measurement sources, demo data): read and check the batch, check its
 * services exist in the catalog, then store it in one transaction.
 */
export class MeasurementAccess {
  constructor(
    private readonly deps: {
      store: MeasurementStore;
      catalog: CatalogService;
      auth: AuthService;
      permissions: PermissionsService;
    },
  ) {}

  async authorize(
    credentials: BackstageCredentials,
    permission: BasicPermission,
  ) {
    const [decision] = await this.deps.permissions.authorize([{ permission }], {
      credentials,
    });
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(`Not allowed: ${permission.name}`);
    }
  }

  /**
   * The normalised ref of a service the caller may see in the catalog. A
   * service the caller cannot see is reported exactly like one that does not
   * exist, so that its existence does not leak.
   */
  async visibleService(
    ref: string,
    credentials: BackstageCredentials,
  ): Promise<string> {
    const entity = await this.visibleEntity(ref, 'itservice', credentials);
    return stringifyEntityRef(entity).toLocaleLowerCase('en-US');
  }

  /** The entity of a kind behind a ref, if the caller may see it; else NotFoundError. */
  async visibleEntity(
    ref: string,
    kind: 'itservice' | 'stakeholder' | 'supplier',
    credentials: BackstageCredentials,
  ): Promise<Entity> {
    let parsed;
    try {
      parsed = parseEntityRef(ref, {
        defaultKind: kind,
        defaultNamespace: 'default',
      });
    } catch (error) {
      throw new InputError(
        `${kind === 'itservice' ? 'service' : kind}: ${
          (error as Error).message
        }`,
      );
    }
    if (parsed.kind.toLocaleLowerCase('en-US') !== kind) {
      throw new InputError(
        `${kind === 'itservice' ? 'service' : kind}: must be an ${
          KIND_NAMES[kind]
        } ref, got a ${parsed.kind} ("${ref}")`,
      );
    }
    const normalized = stringifyEntityRef(parsed).toLocaleLowerCase('en-US');
    const entity = await this.deps.catalog.getEntityByRef(normalized, {
      credentials: await this.lookupCredentials(credentials),
    });
    if (entity?.kind.toLocaleLowerCase('en-US') !== kind) {
      throw new NotFoundError(
        `No ${KIND_NAMES[kind]} "${normalized}" in the catalog`,
      );
    }
    return entity;
  }

  /** This plugin's own credentials: a view of the whole catalog. */
  wholeCatalogCredentials() {
    return this.deps.auth.getOwnServiceCredentials();
  }

  /**
   * Users see the catalog with their own credentials; services (other
   * plugins, external tools whose tokens may be restricted to this plugin)
   * are governed by this plugin's permissions alone.
   */
  async lookupCredentials(credentials: BackstageCredentials) {
    return this.deps.auth.isPrincipal(credentials, 'user')
      ? credentials
      : this.deps.auth.getOwnServiceCredentials();
  }

  ingestIncidents(
    items: IncidentInput[],
    caller?: BackstageCredentials,
  ): Promise<IngestResult> {
    const { records, problems } = readIncidents(items);
    return this.ingest(
      records,
      problems,
      caller,
      r => this.deps.store.upsertIncidents(r),
      r => [r.openedAt, r.resolvedAt ?? r.openedAt],
    );
  }

  ingestOutages(
    items: OutageInput[],
    caller?: BackstageCredentials,
  ): Promise<IngestResult> {
    const { records, problems } = readOutages(items);
    return this.ingest(
      records,
      problems,
      caller,
      r => this.deps.store.upsertOutages(r),
      // An ongoing outage counts in every month from its start on.
      r => [r.start, r.end ?? Infinity],
    );
  }

  ingestSliEvents(
    items: SliEventInput[],
    caller?: BackstageCredentials,
  ): Promise<IngestResult> {
    const { records, problems } = readSliEvents(items);
    return this.ingest(
      records,
      problems,
      caller,
      r => this.deps.store.upsertSliEvents(r),
      r => [r.sliceStart],
    );
  }

  private async ingest<R extends { service: string }>(
    records: R[],
    problems: ItemProblem[],
    caller: BackstageCredentials | undefined,
    upsert: (records: R[]) => Promise<IngestResult>,
    timesOf: (record: R) => number[],
  ): Promise<IngestResult> {
    if (problems.length === 0) {
      problems.push(...(await this.unknownServices(records, caller)));
    }
    if (problems.length > 0) {
      throw new InputError(describeProblems(problems));
    }
    const result = await upsert(records);
    if (result.created + result.updated > 0) {
      await this.invalidateSnapshots(records, timesOf);
    }
    return result;
  }

  // Late measurements for a closed month make its stored report stale. A day
  // of slack on each side covers months that start in another time zone.
  private async invalidateSnapshots<R extends { service: string }>(
    records: R[],
    timesOf: (record: R) => number[],
  ) {
    const spans = new Map<string, [number, number]>();
    for (const record of records) {
      const [min, max] = spans.get(record.service) ?? [Infinity, -Infinity];
      const times = timesOf(record);
      spans.set(record.service, [
        Math.min(min, ...times),
        Math.max(max, ...times),
      ]);
    }
    const month = (time: number) =>
      Number.isFinite(time)
        ? new Date(time).toISOString().slice(0, 7)
        : '9999-12';
    for (const [service, [min, max]] of spans) {
      await this.deps.store.invalidateSnapshots(
        service,
        month(Math.max(0, min - DAY)),
        month(max + DAY),
      );
    }
  }

  // Writers need not be able to read the catalog themselves, so the
  // existence check runs with the plugin's own credentials.
  // A user may write only to services they can see; to them a hidden service
  // is as unknown as a missing one. Sources of this plugin see them all.
  private async unknownServices(
    records: Array<{ service: string }>,
    caller: BackstageCredentials | undefined,
  ): Promise<ItemProblem[]> {
    const refs = [...new Set(records.map(r => r.service))];
    const { items } = await this.deps.catalog.getEntitiesByRefs(
      { entityRefs: refs, fields: REF_FIELDS },
      {
        credentials: caller
          ? await this.lookupCredentials(caller)
          : await this.deps.auth.getOwnServiceCredentials(),
      },
    );
    const unknown = new Map<string, string>();
    refs.forEach((ref, i) => {
      const kind = items[i]?.kind.toLocaleLowerCase('en-US');
      if (kind !== 'itservice') {
        unknown.set(
          ref,
          items[i]
            ? `is a ${items[i]!.kind}, not an ITService`
            : 'is not in the catalog',
        );
      }
    });
    const reported = new Set<string>();
    return records.flatMap((record, index) => {
      const reason = unknown.get(record.service);
      if (!reason || reported.has(record.service)) return [];
      reported.add(record.service);
      return [
        { index, field: 'service', message: `"${record.service}" ${reason}` },
      ];
    });
  }
}
