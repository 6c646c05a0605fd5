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
