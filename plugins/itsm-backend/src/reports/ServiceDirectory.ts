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
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  entityRefKey,
  isITServiceEntity,
  ITServiceEntity,
  ITSM_REF_FIELDS,
  ItsmRefField,
  resolveItsmRef,
} from '@backstage-itsm/plugin-itsm-common';
import { MeasurementAccess } from '../measurements/MeasurementAccess';

/** Filters of the portfolio; each an entity ref, or a lifecycle. */
export type ServiceFilters = {
  owner?: string;
  customer?: string;
  supplier?: string;
  lifecycle?: string;
  /** An entity whose supported services to list (see supportedServices). */
  supports?: string;
};

// What reports and scorers read of a service: not its relations or status,
// which make a page of the catalog a third larger to send and parse.
const SERVICE_FIELDS = ['apiVersion', 'kind', 'metadata', 'spec'];

/**
 * The catalog as reports see it: the ITServices a caller may see, their
 * dependency chains and which of a chain a caller may not see. Every read
 * runs with the caller's own credentials (or the plugin's, where a closed
 * month is computed once for every reader).
 */
export class ServiceDirectory {
  constructor(
    private readonly deps: {
      catalog: CatalogService;
      access: MeasurementAccess;
    },
  ) {}

  /** Every ITService the caller can see. */
  async services(
    credentials: BackstageCredentials,
  ): Promise<ITServiceEntity[]> {
    const { items } = await this.deps.catalog.getEntities(
      { filter: { kind: 'ITService' } },
      { credentials: await this.deps.access.lookupCredentials(credentials) },
    );
    return items.filter((e): e is ITServiceEntity => isITServiceEntity(e));
  }

  /**
   * One page of the ITServices the caller can see, in name order, from the
   * catalog's own pages: a portfolio of thousands of services reads each
   * once, not all of them per page. `cursor` is the catalog's.
   */
  async servicesPage(
    credentials: BackstageCredentials,
    page: { limit: number; cursor?: string },
  ): Promise<{ items: ITServiceEntity[]; cursor?: string }> {
    const options = {
      credentials: await this.deps.access.lookupCredentials(credentials),
    };
    const { items, pageInfo } = await this.deps.catalog.queryEntities(
      page.cursor
        ? { cursor: page.cursor, limit: page.limit, fields: SERVICE_FIELDS }
        : {
            fields: SERVICE_FIELDS,
            filter: { kind: 'ITService' },
            orderFields: { field: 'metadata.name', order: 'asc' },
            limit: page.limit,
            totalItems: 'exclude',
          },
      options,
    );
    return {
      items: items.filter((e): e is ITServiceEntity => isITServiceEntity(e)),
      ...(pageInfo.nextCursor && { cursor: pageInfo.nextCursor }),
    };
  }

  /** An entity the caller can see, of any kind; NotFoundError otherwise. */
  async entity(
    ref: string,
    credentials: BackstageCredentials,
  ): Promise<Entity> {
    let parsed;
    try {
      parsed = parseEntityRef(ref);
    } catch {
      throw new InputError(
        `supports: must be an entity ref such as component:default/banking-web (got "${ref}")`,
      );
    }
    const entity = await this.deps.catalog.getEntityByRef(parsed, {
      credentials: await this.deps.access.lookupCredentials(credentials),
    });
    if (!entity) {
      throw new NotFoundError(
        `No entity ${stringifyEntityRef(parsed)} in the catalog`,
      );
    }
    return entity;
  }

  /** The refs among `refs` the caller cannot see. */
  async hidden(
    refs: string[],
    credentials: BackstageCredentials,
  ): Promise<Set<string>> {
    const { items } = await this.deps.catalog.getEntitiesByRefs(
      {
        entityRefs: refs,
        fields: ['kind', 'metadata.namespace', 'metadata.name'],
      },
      { credentials: await this.deps.access.lookupCredentials(credentials) },
    );
    return new Set(refs.filter((_, i) => !items[i]));
  }

  /**
   * Every ITService the service depends on, directly or through others,
   * each once, and the cycles among them (docs/sla-semantics.md, rule 8).
   * One catalog read per level of the chain.
   */
  async dependencyChain(
    service: ITServiceEntity,
    credentials: BackstageCredentials,
  ): Promise<{ services: ITServiceEntity[]; cycles: string[][] }> {
    const refOf = (e: ITServiceEntity) => entityRefKey(e);
    const root = refOf(service);
    const found = new Map<string, ITServiceEntity>([[root, service]]);
    const edges = new Map<string, string[]>();
    let level = [service];
    while (level.length > 0) {
      const wanted = new Set<string>();
      for (const entity of level) {
        const targets = dependsOnRefs(entity);
        edges.set(refOf(entity), targets);
        for (const target of targets) {
          if (!found.has(target)) wanted.add(target);
        }
      }
      if (wanted.size === 0) break;
      const { items } = await this.deps.catalog.getEntitiesByRefs(
        { entityRefs: [...wanted] },
        { credentials: await this.deps.access.lookupCredentials(credentials) },
      );
      level = items.filter((e): e is ITServiceEntity => isITServiceEntity(e));
      for (const entity of level) found.set(refOf(entity), entity);
    }
    found.delete(root);
    return { services: [...found.values()], cycles: findCycles(root, edges) };
  }
}

/** A service's refs in one of its fields, resolved against its defaults. */
export function resolveRefs(
  service: ITServiceEntity,
  refs: string[] | undefined,
  field: ItsmRefField,
): string[] {
  return (refs ?? []).map(ref =>
    stringifyEntityRef(resolveItsmRef(ref, field, service)),
  );
}

/** Whether a service passes the portfolio's filters. */
export function matchesFilters(
  service: ITServiceEntity,
  filters: ServiceFilters,
): boolean {
  const { owner, customers, suppliers } = ITSM_REF_FIELDS.ITService;
  const has = (
    refs: string[] | undefined,
    wanted: string | undefined,
    field: ItsmRefField,
  ) => {
    if (wanted === undefined) return true;
    let ref: string;
    try {
      ref = entityRefKey(
        parseEntityRef(wanted, {
          defaultKind: field.defaultKind,
          defaultNamespace: 'default',
        }),
      );
    } catch {
      // A filter that is no entity ref matches no service.
      return false;
    }
    return resolveRefs(service, refs, field).includes(ref);
  };
  return (
    (filters.lifecycle === undefined ||
      service.spec.lifecycle === filters.lifecycle) &&
    has([service.spec.owner], filters.owner, owner) &&
    has(service.spec.customers, filters.customer, customers) &&
    has(service.spec.suppliers, filters.supplier, suppliers)
  );
}

/** The ITService refs a service lists in dependsOn. */
function dependsOnRefs(service: ITServiceEntity): string[] {
  return resolveRefs(
    service,
    service.spec.dependsOn,
    ITSM_REF_FIELDS.ITService.dependsOn,
  ).filter(ref => ref.startsWith('itservice:'));
}

/** The cycles reachable from `root`, each once, as lists of refs starting at the smallest. */
function findCycles(root: string, edges: Map<string, string[]>): string[][] {
  const cycles = new Map<string, string[]>();
  const path: string[] = [];
  const done = new Set<string>();
  const visit = (node: string) => {
    path.push(node);
    for (const next of edges.get(node) ?? []) {
      const at = path.indexOf(next);
      if (at >= 0) {
        const cycle = path.slice(at);
        const first = cycle.indexOf([...cycle].sort()[0]);
        const rotated = [...cycle.slice(first), ...cycle.slice(0, first)];
        cycles.set(rotated.join(' '), rotated);
      } else if (!done.has(next)) {
        visit(next);
      }
    }
    path.pop();
    done.add(node);
  };
  visit(root);
  return [...cycles.values()];
}
