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

import { mockCredentials } from '@backstage/backend-test-utils';
import {
  CachedCatalogIndex,
  createItsmServiceIndexCache,
  ItsmCatalogEntitiesReader,
  lookupWithRefresh,
  toItsmServiceMatch,
} from './catalogIndex';

describe('toItsmServiceMatch', () => {
  it('tells none, one and several refs apart, sorting several', () => {
    expect(toItsmServiceMatch([])).toEqual({ kind: 'none' });
    expect(toItsmServiceMatch(['itservice:default/api'])).toEqual({
      kind: 'one',
      service: 'itservice:default/api',
    });
    const refs = ['itservice:default/shared-b', 'itservice:default/shared-a'];
    expect(toItsmServiceMatch(refs)).toEqual({
      kind: 'many',
      services: ['itservice:default/shared-a', 'itservice:default/shared-b'],
    });
    expect(refs[0]).toBe('itservice:default/shared-b');
  });
});

describe('CachedCatalogIndex', () => {
  function setup(options: { fail?: () => boolean } = {}) {
    let now = 0;
    let version = 0;
    const load = jest.fn(async () => {
      if (options.fail?.()) throw new Error('catalog down');
      version += 1;
      return version;
    });
    const onStaleUse = jest.fn();
    const cache = new CachedCatalogIndex({
      load,
      now: () => now,
      maxAgeMs: 60_000,
      missRefreshMs: 60_000,
      onStaleUse,
    });
    return {
      cache,
      load,
      onStaleUse,
      advance: (ms: number) => {
        now += ms;
      },
    };
  }

  it('loads once and serves the value for a minute', async () => {
    const { cache, load, advance } = setup();
    await expect(cache.get()).resolves.toBe(1);
    advance(59_999);
    await expect(cache.get()).resolves.toBe(1);
    expect(load).toHaveBeenCalledTimes(1);
    advance(1);
    await expect(cache.get()).resolves.toBe(2);
  });

  it('loads again after a miss, at most once a minute', async () => {
    const { cache, load, advance } = setup();
    await cache.get();
    advance(1_000);
    await expect(cache.refreshAfterMiss()).resolves.toBe(2);
    advance(30_000);
    await expect(cache.refreshAfterMiss()).resolves.toBeUndefined();
    advance(30_000);
    await expect(cache.refreshAfterMiss()).resolves.toBe(3);
    expect(load).toHaveBeenCalledTimes(3);
  });

  it('shares one load between concurrent lookups', async () => {
    const { cache, load } = setup();
    await Promise.all([cache.get(), cache.get(), cache.get()]);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('keeps using the previous value when loading fails, and fails without one', async () => {
    let failing = true;
    const { cache, onStaleUse, advance } = setup({ fail: () => failing });
    await expect(cache.get()).rejects.toThrow('catalog down');
    failing = false;
    await expect(cache.get()).resolves.toBe(1);
    failing = true;
    advance(60_000);
    await expect(cache.get()).resolves.toBe(1);
    expect(onStaleUse).toHaveBeenCalledWith(new Error('catalog down'));
  });

  it('serves a loaded index for a minute by default and refreshes on a miss at most once a minute', async () => {
    let now = 0;
    const load = jest.fn(async () => now);
    const cache = new CachedCatalogIndex({ load, now: () => now });
    await expect(cache.get()).resolves.toBe(0);
    now = 30_000;
    await expect(cache.get()).resolves.toBe(0);
    await expect(cache.refreshAfterMiss()).resolves.toBe(30_000);
    now = 60_000;
    await expect(cache.refreshAfterMiss()).resolves.toBeUndefined();
    await expect(cache.get()).resolves.toBe(30_000);
    now = 90_000;
    await expect(cache.get()).resolves.toBe(90_000);
    expect(load).toHaveBeenCalledTimes(3);
  });
});

describe('lookupWithRefresh', () => {
  it('finds a newly annotated ITService on a miss, refreshing at most once a minute', async () => {
    let annotated: Array<[string, string]> = [
      ['PF9KMXH', 'itservice:default/api'],
    ];
    let now = 0;
    const load = jest.fn(
      async () => new Map(annotated.map(([key, ref]) => [key, [ref]])),
    );
    const cache = new CachedCatalogIndex({ load, now: () => now });
    const lookup = (key: string) =>
      lookupWithRefresh(cache, index =>
        toItsmServiceMatch(index.get(key) ?? []),
      );
    await expect(lookup('PF9KMXH')).resolves.toMatchObject({ kind: 'one' });
    annotated = [...annotated, ['PNEWONE', 'itservice:default/new']];
    now = 10_000;
    await expect(lookup('PNEWONE')).resolves.toEqual({
      kind: 'one',
      service: 'itservice:default/new',
    });
    annotated = [...annotated, ['PNEWTWO', 'itservice:default/newer']];
    now = 30_000;
    await expect(lookup('PNEWTWO')).resolves.toEqual({ kind: 'none' });
    await expect(lookup('PNEWTWO')).resolves.toEqual({ kind: 'none' });
    expect(load).toHaveBeenCalledTimes(2);
    now = 70_000;
    await expect(lookup('PNEWTWO')).resolves.toMatchObject({ kind: 'one' });
  });
});

describe('createItsmServiceIndexCache', () => {
  type FakeEntity = { metadata: { name: string } };

  function setup() {
    const credentials = mockCredentials.service('plugin:itsm');
    const auth = { getOwnServiceCredentials: jest.fn(async () => credentials) };
    const getEntities = jest.fn<
      ReturnType<ItsmCatalogEntitiesReader<FakeEntity>['getEntities']>,
      Parameters<ItsmCatalogEntitiesReader<FakeEntity>['getEntities']>
    >(async () => ({ items: [{ metadata: { name: 'api' } }] }));
    const onStaleUse = jest.fn();
    const cache = createItsmServiceIndexCache({
      catalog: { getEntities },
      auth,
      build: entities => entities.map(e => e.metadata.name),
      onStaleUse,
    });
    return { cache, getEntities, credentials, onStaleUse };
  }

  it("reads the ITServices' names and annotations with the module's own credentials, and builds the index", async () => {
    const { cache, getEntities, credentials } = setup();
    await expect(cache.get()).resolves.toEqual(['api']);
    expect(getEntities).toHaveBeenCalledWith(
      {
        filter: { kind: 'ITService' },
        fields: [
          'apiVersion',
          'kind',
          'metadata.namespace',
          'metadata.name',
          'metadata.annotations',
        ],
      },
      { credentials },
    );
  });

  it('keeps the previous index when the catalog cannot be read, and says so', async () => {
    const { cache, getEntities, onStaleUse } = setup();
    await cache.get();
    getEntities.mockRejectedValueOnce(new Error('catalog down'));
    await expect(cache.refreshAfterMiss()).resolves.toEqual(['api']);
    expect(onStaleUse).toHaveBeenCalledWith(new Error('catalog down'));
  });
});
