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
import { Entity, parseEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  AuthorizeResult,
  BasicPermission,
} from '@backstage/plugin-permission-common';
import {
  entityRefKey,
  IncidentInput,
  isKind,
  IngestResult,
  OutageInput,
  SliEventInput,
} from '@backstage-itsm/plugin-itsm-common';
import {
  MeasurementStore,
  ServiceMeasurementKey,
  UpsertOptions,
} from '../database/MeasurementStore';
import {
  MeasurementKind,
  SourceHealthStore,
} from '../database/SourceHealthStore';
import {
  describeProblems,
  ItemProblem,
  readIncidents,
  readOutages,
  readSliEvents,
} from './records';

const REF_FIELDS = ['kind', 'metadata.namespace', 'metadata.name'];
const DAY = 86_400_000;

/** @public */
export type AffectedMeasurements = {
  /** The services written to, and the keys written to each. */
  services: Record<string, string[]>;
  /** Keys that left another service for the one of their new record. */
  moved: Array<{ from: string; key: string }>;
};

/** @public */
export type IngestOptions = {
  /** Told what a stored batch touched, for the audit log. */
  affected?: (affected: AffectedMeasurements) => void;
};

function describeAffected<R extends { service: string }>(
  records: R[],
  moves: ServiceMeasurementKey[],
  keyOf: (record: R) => string,
): AffectedMeasurements {
  const services = new Map<string, Set<string>>();
  for (const record of records) {
    const keys = services.get(record.service) ?? new Set();
    keys.add(keyOf(record));
    services.set(record.service, keys);
  }
  return {
    services: Object.fromEntries(
      [...services].map(([service, keys]) => [service, [...keys]]),
    ),
    moved: moves.map(m => ({
      from: m.service,
      key: `${m.source}/${m.externalId}`,
    })),
  };
}

/** Widens the span of instants kept for the record's service to hold it. */
function widenSpan<R extends { service: string }>(
  spans: Map<string, [number, number]>,
  record: R,
  times: { firstTime(record: R): number; lastTime(record: R): number },
) {
  const first = times.firstTime(record);
  const last = times.lastTime(record);
  const span = spans.get(record.service);
  if (span) {
    span[0] = Math.min(span[0], first, last);
    span[1] = Math.max(span[1], first, last);
  } else {
    spans.set(record.service, [Math.min(first, last), Math.max(first, last)]);
  }
}

/**
 * Rows a write moved out of other services, and every stored row it
 * replaced, as the store reports them.
 */
type Relocations<R> = { moves: ServiceMeasurementKey[]; touched: R[] };

// REF_FIELDS hold no apiVersion: the kind alone, as the catalog matches it.
const isITService = (entity?: { kind: string }) =>
  isKind(entity?.kind, 'itservice');

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
  private readonly storedListeners: Array<(services: string[]) => void> = [];

  constructor(
    private readonly deps: {
      store: MeasurementStore;
      catalog: CatalogService;
      auth: AuthService;
      permissions: PermissionsService;
      /** Told which sources stored for which services. */
      health?: SourceHealthStore;
    },
  ) {}

  /** Tells `listener` which services' measurements changed after each write. */
  onStored(listener: (services: string[]) => void): void {
    this.storedListeners.push(listener);
  }

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
    return entityRefKey(entity);
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
    if (!isKind(parsed.kind, kind)) {
      throw new InputError(
        `${kind === 'itservice' ? 'service' : kind}: must be an ${
          KIND_NAMES[kind]
        } ref, got a ${parsed.kind} ("${ref}")`,
      );
    }
    const normalized = entityRefKey(parsed);
    const entity = await this.deps.catalog.getEntityByRef(normalized, {
      credentials: await this.lookupCredentials(credentials),
    });
    if (!entity || !isKind(entity.kind, kind)) {
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
    options?: IngestOptions,
  ): Promise<IngestResult> {
    const { records, problems } = readIncidents(items);
    const { store } = this.deps;
    return this.ingest(records, problems, caller, options, {
      name: 'incidents',
      keyOf: r => `${r.source}/${r.externalId}`,
      upsert: (r, moved) =>
        store.upsertIncidents(r, this.placing(caller, moved)),
      firstTime: r => r.openedAt,
      lastTime: r => r.resolvedAt ?? r.openedAt,
    });
  }

  ingestOutages(
    items: OutageInput[],
    caller?: BackstageCredentials,
    options?: IngestOptions,
  ): Promise<IngestResult> {
    const { records, problems } = readOutages(items);
    const { store } = this.deps;
    return this.ingest(records, problems, caller, options, {
      name: 'outages',
      keyOf: r => `${r.source}/${r.externalId}`,
      upsert: (r, moved) => store.upsertOutages(r, this.placing(caller, moved)),
      firstTime: r => r.start,
      // An ongoing outage counts in every month from its start on.
      lastTime: r => r.end ?? Infinity,
    });
  }

  ingestSliEvents(
    items: SliEventInput[],
    caller?: BackstageCredentials,
    options?: IngestOptions,
  ): Promise<IngestResult> {
    const { records, problems } = readSliEvents(items);
    return this.ingest(records, problems, caller, options, {
      name: 'sliEvents',
      // A series, not each slice: a batch holds thousands of them.
      keyOf: r => `${r.source}/${r.objective}`,
      upsert: r => this.deps.store.upsertSliEvents(r),
      firstTime: r => r.sliceStart,
      lastTime: r => r.sliceStart,
    });
  }

  /**
   * Which of these services the caller may change: a user those they can
   * see in the catalog; sources of this plugin and other services all.
   */
  async writableServices(
    refs: string[],
    caller: BackstageCredentials | undefined,
  ): Promise<Set<string>> {
    if (refs.length === 0) return new Set();
    if (!caller || !this.deps.auth.isPrincipal(caller, 'user')) {
      return new Set(refs);
    }
    const items = await this.entitiesSeenBy(refs, caller);
    return new Set(refs.filter((_, i) => isITService(items[i])));
  }

  /** The catalog's entities behind these refs (in order) as the credentials see them. */
  private async entitiesSeenBy(
    refs: string[],
    credentials: BackstageCredentials,
  ) {
    const { items } = await this.deps.catalog.getEntitiesByRefs(
      { entityRefs: refs, fields: REF_FIELDS },
      { credentials },
    );
    return items;
  }

  private async ingest<R extends { service: string; source: string }>(
    records: R[],
    problems: ItemProblem[],
    caller: BackstageCredentials | undefined,
    options: IngestOptions | undefined,
    kind: {
      name: MeasurementKind;
      /** How the audit names a record's key within its service. */
      keyOf: (record: R) => string;
      /** Kinds keyed per service by (source, externalId) fill in `moved`. */
      upsert: (records: R[], moved: Relocations<R>) => Promise<IngestResult>;
      /** The earliest and latest instants of a record, for its months. */
      firstTime: (record: R) => number;
      lastTime: (record: R) => number;
    },
  ): Promise<IngestResult> {
    if (problems.length === 0) {
      problems.push(...(await this.unknownServices(records, caller)));
    }
    if (problems.length > 0) {
      throw new InputError(describeProblems(problems));
    }
    const moved: Relocations<R> = { moves: [], touched: [] };
    const result = await kind.upsert(records, moved);
    const { moves, touched } = moved;
    await this.deps.health?.stored(kind.name, records);
    if (options?.affected) {
      options.affected(describeAffected(records, moves, kind.keyOf));
    }
    if (result.created + result.updated > 0) {
      // The months a row leaves are stale too.
      const spans = new Map<string, [number, number]>();
      for (const list of [records, touched]) {
        for (const record of list) widenSpan(spans, record, kind);
      }
      await this.invalidateSnapshots(spans);
      const services = [...spans.keys()];
      for (const listener of this.storedListeners) listener(services);
    }
    return result;
  }

  // A key stored under another service moves to the record's service, but
  // only out of a service the caller may change; in one they cannot see, it
  // stays, and the record is stored beside it as if the key were new. The
  // store decides in the write's transaction, from one read of the keys.
  private placing<R extends ServiceMeasurementKey>(
    caller: BackstageCredentials | undefined,
    moved: Relocations<R>,
  ): UpsertOptions<R> {
    return {
      relocate: async elsewhere => {
        const writable = await this.writableServices(
          [...new Set(elsewhere.map(s => s.service))],
          caller,
        );
        const moves = elsewhere
          .filter(s => writable.has(s.service))
          .map(({ service, source, externalId }) => ({
            service,
            source,
            externalId,
          }));
        moved.moves.push(...moves);
        return moves;
      },
      replaced: rows => moved.touched.push(...rows),
    };
  }

  // Late measurements for a closed month make its stored report stale. A day
  // of slack on each side covers months that start in another time zone.
  private async invalidateSnapshots(spans: Map<string, [number, number]>) {
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
    const items = await this.entitiesSeenBy(
      refs,
      caller
        ? await this.lookupCredentials(caller)
        : await this.deps.auth.getOwnServiceCredentials(),
    );
    const unknown = new Map<string, string>();
    refs.forEach((ref, i) => {
      if (!isITService(items[i])) {
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
