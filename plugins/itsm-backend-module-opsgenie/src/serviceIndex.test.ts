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
import { buildOpsgenieServiceIndex, matchOpsgenieAlert } from './serviceIndex';

const itService = (
  name: string,
  annotations: Record<string, string> = {},
): Entity => ({
  apiVersion: 'itsm.backstage.io/v1alpha1',
  kind: 'ITService',
  metadata: { name, namespace: 'default', annotations },
  spec: {},
});

describe('buildOpsgenieServiceIndex and matchOpsgenieAlert', () => {
  const index = buildOpsgenieServiceIndex([
    itService('web-shop', { 'itsm.backstage.io/opsgenie-tag': 'tag1' }),
    itService('payments', {
      'itsm.backstage.io/opsgenie-tag': 'payments, PCI',
      'opsgenie.com/team': 'Payments',
    }),
    itService('ops', { 'opsgenie.com/team': 'operations' }),
    itService('other-ops', { 'opsgenie.com/team': 'operations' }),
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'c', annotations: { 'opsgenie.com/team': 'comp' } },
    },
  ]);

  it('maps an alert by one of its tags, ignoring case', () => {
    expect(
      matchOpsgenieAlert(index, { tags: ['tag2', 'TAG1'], teams: [] }),
    ).toEqual({
      kind: 'one',
      service: 'itservice:default/web-shop',
    });
    expect(matchOpsgenieAlert(index, { tags: ['pci'], teams: [] })).toEqual({
      kind: 'one',
      service: 'itservice:default/payments',
    });
  });

  it('prefers tags to teams, and uses teams when no tag maps', () => {
    expect(
      matchOpsgenieAlert(index, { tags: ['tag1'], teams: ['payments'] }),
    ).toEqual({ kind: 'one', service: 'itservice:default/web-shop' });
    expect(
      matchOpsgenieAlert(index, { tags: ['unmapped'], teams: ['Payments'] }),
    ).toEqual({ kind: 'one', service: 'itservice:default/payments' });
  });

  it('reports ambiguity and misses', () => {
    expect(
      matchOpsgenieAlert(index, { tags: [], teams: ['operations'] }),
    ).toEqual({
      kind: 'many',
      services: ['itservice:default/ops', 'itservice:default/other-ops'],
    });
    expect(
      matchOpsgenieAlert(index, { tags: ['tag1', 'payments'], teams: [] }),
    ).toEqual({
      kind: 'many',
      services: ['itservice:default/payments', 'itservice:default/web-shop'],
    });
    expect(matchOpsgenieAlert(index, { tags: ['x'], teams: ['comp'] })).toEqual(
      {
        kind: 'none',
      },
    );
  });
});
