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

import type {
  AuthService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';

/**
 * Which ITServices a vendor's key (a PagerDuty service id, an Opsgenie tag
 * or team, …) maps to.
 *
 * @public
 */
export type ItsmServiceMatch =
  | { kind: 'one'; service: string }
  | { kind: 'none' }
  | { kind: 'many'; services: string[] };

/**
 * The match of the ITService refs a key was found under: none, one, or
 * several (then sorted, so that messages naming them are stable). Pure.
 *
 * @public
 */
export function toItsmServiceMatch(refs: readonly string[]): ItsmServiceMatch {
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
  match: (index: T) => ItsmServiceMatch,
): Promise<ItsmServiceMatch> {
  const first = match(await cache.get());
  if (first.kind !== 'none') return first;
  const fresh = await cache.refreshAfterMiss();
  return fresh === undefined ? first : match(fresh);
}

/**
 * What an ITService index reads of the catalog: the `getEntities` of the
 * catalog service (`catalogServiceRef` of `@backstage/plugin-catalog-node`),
 * which fits this type, with `TEntity` its `Entity`.
 *
 * @public
 */
export type ItsmCatalogEntitiesReader<TEntity> = {
  getEntities(
    request: { filter: { kind: string }; fields: string[] },
    options: { credentials: BackstageCredentials },
  ): Promise<{ items: TEntity[] }>;
};

/** What an index of ITService annotations reads of each ITService. */
const ITSERVICE_INDEX_FIELDS = [
  'apiVersion',
  'kind',
  'metadata.namespace',
  'metadata.name',
  'metadata.annotations',
];

/**
 * An index built from the catalog's ITServices (their names and
 * annotations, read with the module's own credentials), cached as
 * {@link CachedCatalogIndex} describes with its default ages, on the
 * system clock.
 *
 * @public
 */
export function createItsmServiceIndexCache<T, TEntity>(options: {
  catalog: ItsmCatalogEntitiesReader<TEntity>;
  auth: Pick<AuthService, 'getOwnServiceCredentials'>;
  /** Builds the index from the ITServices; pure. */
  build: (entities: TEntity[]) => T;
  /** Told when the catalog could not be read and the previous index is used. */
  onStaleUse?: (error: unknown) => void;
}): CachedCatalogIndex<T> {
  const { catalog, auth, build, onStaleUse } = options;
  return new CachedCatalogIndex({
    now: Date.now,
    load: async () => {
      const { items } = await catalog.getEntities(
        { filter: { kind: 'ITService' }, fields: ITSERVICE_INDEX_FIELDS },
        { credentials: await auth.getOwnServiceCredentials() },
      );
      return build(items);
    },
    onStaleUse,
  });
}
