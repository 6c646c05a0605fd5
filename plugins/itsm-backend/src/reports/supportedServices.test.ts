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

import { ITServiceEntity } from '@backstage-itsm/plugin-itsm-common';
import { supportedServices, supportTargets } from './supportedServices';

const service = (
  name: string,
  spec: { implementedBy?: string[]; dependsOn?: string[] } = {},
): ITServiceEntity => ({
  apiVersion: 'itsm.backstage.io/v1alpha1',
  kind: 'ITService',
  metadata: { name, namespace: 'default' },
  spec: { type: 'business', lifecycle: 'live', owner: 'team', ...spec },
});

describe('supportedServices', () => {
  const services = [
    service('payments', { implementedBy: ['system:default/Payments'] }),
    service('identity', { dependsOn: ['component:default/auth-api'] }),
    service('banking', { dependsOn: ['payments', 'identity'] }),
    service('mobile', { dependsOn: ['banking'] }),
    service('fax'),
  ];

  it('finds the services a component supports through its System, and those depending on them', () => {
    const component = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'payments-core', namespace: 'default' },
      spec: { system: 'payments', owner: 'team', type: 'service' },
    };
    expect(supportTargets(component)).toEqual([
      'component:default/payments-core',
      'system:default/payments',
    ]);
    expect(supportedServices(supportTargets(component), services)).toEqual(
      new Map([
        ['itservice:default/payments', undefined],
        ['itservice:default/banking', 'itservice:default/payments'],
        ['itservice:default/mobile', 'itservice:default/payments'],
      ]),
    );
  });

  it('finds a service that depends on a component directly, whatever the case of the ref', () => {
    expect(supportedServices(['Component:default/Auth-API'], services)).toEqual(
      new Map([
        ['itservice:default/identity', undefined],
        ['itservice:default/banking', 'itservice:default/identity'],
        ['itservice:default/mobile', 'itservice:default/identity'],
      ]),
    );
  });

  it('ends in dependency cycles, and finds nothing for an unrelated entity', () => {
    const cycle = [
      service('a', { implementedBy: ['component:default/x'] }),
      service('b', { dependsOn: ['a', 'c'] }),
      service('c', { dependsOn: ['b'] }),
    ];
    expect([
      ...supportedServices(['component:default/x'], cycle).keys(),
    ]).toEqual([
      'itservice:default/a',
      'itservice:default/b',
      'itservice:default/c',
    ]);
    expect(supportedServices(['component:default/other'], services).size).toBe(
      0,
    );
  });
});
