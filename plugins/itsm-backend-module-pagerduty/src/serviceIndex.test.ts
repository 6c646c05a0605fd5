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
  buildPagerDutyServiceIndex,
  CachedCatalogIndex,
  lookupWithRefresh,
  matchPagerDutyService,
} from './serviceIndex';

const itService = (name: string, serviceIds?: string): Entity => ({
  apiVersion: 'itsm.backstage.io/v1alpha1',
  kind: 'ITService',
  metadata: {
    name,
    namespace: 'default',
    ...(serviceIds && {
      annotations: { 'pagerduty.com/service-id': serviceIds },
    }),
  },
  spec: {},
});

describe('buildPagerDutyServiceIndex and matchPagerDutyService', () => {
  const index = buildPagerDutyServiceIndex([
    itService('API', 'PF9KMXH'),
    itService('payments', ' PAAAAAA , PBBBBBB,'),
    itService('unannotated'),
    itService('shared-a', 'PSHARED'),
    itService('shared-b', 'PSHARED'),
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: 'api-component',
        annotations: { 'pagerduty.com/service-id': 'PCOMPON' },
      },
    },
  ]);

  it('maps a service id to the ITService that names it, as a normalised ref', () => {
    expect(matchPagerDutyService(index, 'PF9KMXH')).toEqual({
      kind: 'one',
      service: 'itservice:default/api',
    });
  });

  it('reads several comma-separated ids', () => {
    for (const id of ['PAAAAAA', 'PBBBBBB']) {
      expect(matchPagerDutyService(index, id)).toEqual({
        kind: 'one',
        service: 'itservice:default/payments',
      });
    }
  });

  it('matches nothing for unknown ids, other kinds and other cases', () => {
    expect(matchPagerDutyService(index, 'PUNKNWN')).toEqual({ kind: 'none' });
    expect(matchPagerDutyService(index, 'PCOMPON')).toEqual({ kind: 'none' });
    expect(matchPagerDutyService(index, 'pf9kmxh')).toEqual({ kind: 'none' });
  });

  it('reports an id that several ITServices name', () => {
    expect(matchPagerDutyService(index, 'PSHARED')).toEqual({
      kind: 'many',
      services: ['itservice:default/shared-a', 'itservice:default/shared-b'],
    });
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

  it('finds a newly annotated ITService on a miss, refreshing at most once a minute', async () => {
    let entities = [itService('api', 'PF9KMXH')];
    let now = 0;
    const load = jest.fn(async () => buildPagerDutyServiceIndex(entities));
    const cache = new CachedCatalogIndex({ load, now: () => now });
    const lookup = (id: string) =>
      lookupWithRefresh(cache, i => matchPagerDutyService(i, id));
    await expect(lookup('PF9KMXH')).resolves.toMatchObject({ kind: 'one' });
    entities = [...entities, itService('new', 'PNEWONE')];
    now = 10_000;
    await expect(lookup('PNEWONE')).resolves.toEqual({
      kind: 'one',
      service: 'itservice:default/new',
    });
    entities = [...entities, itService('newer', 'PNEWTWO')];
    now = 30_000;
    await expect(lookup('PNEWTWO')).resolves.toEqual({ kind: 'none' });
    await expect(lookup('PNEWTWO')).resolves.toEqual({ kind: 'none' });
    expect(load).toHaveBeenCalledTimes(2);
    now = 70_000;
    await expect(lookup('PNEWTWO')).resolves.toMatchObject({ kind: 'one' });
  });
});
