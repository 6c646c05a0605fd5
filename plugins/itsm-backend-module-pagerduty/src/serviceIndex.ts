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

import type { Entity } from '@backstage/catalog-model';
import {
  entityRefKey,
  isITServiceEntity,
} from '@backstage-itsm/plugin-itsm-common';

/** The annotation that names an ITService's PagerDuty service(s). @public */
export const PAGERDUTY_SERVICE_ID_ANNOTATION = 'pagerduty.com/service-id';

/** Which ITServices a vendor's key maps to. @public */
export type ServiceMatch =
  | { kind: 'one'; service: string }
  | { kind: 'none' }
  | { kind: 'many'; services: string[] };

/** PagerDuty service ids to the refs of the ITServices that name them. @public */
export type PagerDutyServiceIndex = ReadonlyMap<string, readonly string[]>;

/**
 * Indexes ITServices by their `pagerduty.com/service-id` annotation, which
 * holds one PagerDuty service id or several separated by commas (an
 * ITService may span several PagerDuty services). Ids are compared as
 * written (PagerDuty's are upper case), spaces around them ignored. Other
 * entities are skipped. Pure.
 *
 * @public
 */
export function buildPagerDutyServiceIndex(
  entities: readonly Entity[],
): PagerDutyServiceIndex {
  const index = new Map<string, string[]>();
  for (const entity of entities) {
    if (!isITServiceEntity(entity)) continue;
    const value =
      entity.metadata.annotations?.[PAGERDUTY_SERVICE_ID_ANNOTATION];
    if (!value) continue;
    const ref = entityRefKey(entity);
    for (const id of value.split(',').map(part => part.trim())) {
      if (!id) continue;
      const refs = index.get(id) ?? [];
      if (!refs.includes(ref)) refs.push(ref);
      index.set(id, refs);
    }
  }
  return index;
}

/** The ITService(s) a PagerDuty service id maps to. Pure. @public */
export function matchPagerDutyService(
  index: PagerDutyServiceIndex,
  serviceId: string,
): ServiceMatch {
  const refs = index.get(serviceId.trim()) ?? [];
  if (refs.length === 0) return { kind: 'none' };
  if (refs.length === 1) return { kind: 'one', service: refs[0] };
  return { kind: 'many', services: [...refs].sort() };
}

/**
 * A value built from the catalog, kept for `maxAgeMs` (lookups after that
 * load it again) and loaded again when a lookup misses, at most once per
 * `missRefreshMs`, so that a newly annotated ITService is found soon and a
 * stream of unmappable events does not query the catalog each time. Loads
 * run one at a time; when one fails, the previous value is used if there is
 * one (and the failure is reported to `onStaleUse`).
 *
 * @public
 */
export class CachedCatalogIndex<T> {
  readonly #load: () => Promise<T>;
  readonly #now: () => number;
  readonly #maxAgeMs: number;
  readonly #missRefreshMs: number;
  readonly #onStaleUse?: (error: unknown) => void;
  #value?: { value: T; loadedAt: number };
  #loading?: Promise<T>;
  #lastMissRefresh = -Infinity;

  constructor(options: {
    load: () => Promise<T>;
    now: () => number;
    maxAgeMs?: number;
    missRefreshMs?: number;
    onStaleUse?: (error: unknown) => void;
  }) {
    this.#load = options.load;
    this.#now = options.now;
    this.#maxAgeMs = options.maxAgeMs ?? 60_000;
    this.#missRefreshMs = options.missRefreshMs ?? 60_000;
    this.#onStaleUse = options.onStaleUse;
  }

  /** The value, loaded again when it is older than maxAgeMs. */
  async get(): Promise<T> {
    const cached = this.#value;
    if (cached && this.#now() - cached.loadedAt < this.#maxAgeMs) {
      return cached.value;
    }
    return this.#reload();
  }

  /**
   * After a lookup missed: the value loaded again, unless a miss already
   * did that within missRefreshMs; then undefined.
   */
  async refreshAfterMiss(): Promise<T | undefined> {
    const now = this.#now();
    if (now - this.#lastMissRefresh < this.#missRefreshMs) return undefined;
    this.#lastMissRefresh = now;
    return this.#reload();
  }

  #reload(): Promise<T> {
    this.#loading ??= (async () => {
      try {
        const value = await this.#load();
        this.#value = { value, loadedAt: this.#now() };
        return value;
      } catch (error) {
        if (!this.#value) throw error;
        this.#onStaleUse?.(error);
        return this.#value.value;
      } finally {
        this.#loading = undefined;
      }
    })();
    return this.#loading;
  }
}

/**
 * Looks a key up in a cached index, loading the index again once when the
 * key misses (see {@link CachedCatalogIndex}).
 *
 * @public
 */
export async function lookupWithRefresh<T>(
  cache: CachedCatalogIndex<T>,
  match: (index: T) => ServiceMatch,
): Promise<ServiceMatch> {
  const first = match(await cache.get());
  if (first.kind !== 'none') return first;
  const fresh = await cache.refreshAfterMiss();
  return fresh === undefined ? first : match(fresh);
}
