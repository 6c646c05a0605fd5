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

import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import fc from 'fast-check';
import {
  AGREEMENT_NOTIFY,
  agreementNotifyRefs,
  entityRefKey,
  isKind,
  resolveItsmRef,
} from './refs';

const service = (namespace?: string): Entity => ({
  apiVersion: 'itsm.backstage.io/v1alpha1',
  kind: 'ITService',
  metadata: { name: 'payments-processing', ...(namespace && { namespace }) },
  spec: {},
});

describe('agreementNotifyRefs', () => {
  it('resolves the refs to notify: Group by default, the service namespace, normal form', () => {
    expect(
      agreementNotifyRefs(
        {
          notify: [
            'payments-ops',
            'user:default/jane.doe',
            'User:Jane.Doe',
            'group:ops/Night-Shift',
            'finance/controllers',
          ],
        },
        service(),
      ),
    ).toEqual([
      'group:default/payments-ops',
      'user:default/jane.doe',
      'group:ops/night-shift',
      'group:finance/controllers',
    ]);
  });

  it('resolves against the service namespace', () => {
    expect(
      agreementNotifyRefs(
        { notify: ['payments-ops', 'user:jane'] },
        service('banking'),
      ),
    ).toEqual(['group:banking/payments-ops', 'user:banking/jane']);
  });

  it('drops the same recipient written twice', () => {
    expect(
      agreementNotifyRefs(
        {
          notify: [
            'payments-ops',
            'group:default/payments-ops',
            'Group:Payments-Ops',
          ],
        },
        service(),
      ),
    ).toEqual(['group:default/payments-ops']);
  });

  it('leaves out what is not a User or Group, which validation reports', () => {
    expect(
      agreementNotifyRefs(
        {
          notify: [
            'component:x',
            'user:',
            'stakeholder:retail-customers',
            'user:jane',
          ],
        },
        service(),
      ),
    ).toEqual(['user:default/jane']);
  });

  it('is empty without a notify list', () => {
    expect(agreementNotifyRefs({}, service())).toEqual([]);
    expect(agreementNotifyRefs({ notify: [] }, service())).toEqual([]);
  });
});

describe('AGREEMENT_NOTIFY', () => {
  it('takes Users and Groups, Group by default', () => {
    expect(resolveItsmRef('ops', AGREEMENT_NOTIFY, service())).toEqual({
      kind: 'group',
      namespace: 'default',
      name: 'ops',
    });
    expect(() =>
      resolveItsmRef('system:ops', AGREEMENT_NOTIFY, service()),
    ).toThrow('"system:ops" is a system, expected a Group or User');
  });
});

describe('entityRefKey', () => {
  // The catalog compares refs lower-cased with toLocaleLowerCase('en-US').
  const catalogKey = (ref: { kind: string; namespace: string; name: string }) =>
    stringifyEntityRef(ref).toLocaleLowerCase('en-US');

  it("is the catalog's lower-cased ref, whatever the characters", () => {
    const part = fc.string({ unit: 'binary', minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(part, part, part, (kind, namespace, name) => {
        const ref = { kind, namespace, name };
        expect(entityRefKey(ref)).toBe(catalogKey(ref));
      }),
      { numRuns: 2000 },
    );
  });

  it('folds the letters whose case differs in some locales as English does', () => {
    const ref = {
      kind: 'ITService',
      namespace: 'İSTANBUL',
      name: 'ΣΟΦΟΣ-Straße',
    };
    expect(entityRefKey(ref)).toBe(catalogKey(ref));
    expect(entityRefKey(ref)).toBe('itservice:i̇stanbul/σοφος-straße');
    expect(isKind('ITSERVICE', 'itservice')).toBe(true);
    expect(isKind(undefined, 'itservice')).toBe(false);
  });
});
