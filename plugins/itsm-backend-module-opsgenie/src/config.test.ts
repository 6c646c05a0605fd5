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

import { mockServices } from '@backstage/backend-test-utils';
import { readOpsgenieConfig } from './config';

const read = (opsgenie?: unknown) =>
  readOpsgenieConfig(
    mockServices.rootConfig({
      data: opsgenie === undefined ? {} : { itsm: { opsgenie } },
    }),
  );

describe('readOpsgenieConfig', () => {
  it('is undefined without itsm.opsgenie: the module is off', () => {
    expect(read()).toBeUndefined();
  });

  it('reads the credentials, priorities and alert link', () => {
    expect(
      read({
        webhook: { token: 't', username: 'u', password: 'p' },
        priorities: { P1: 'P2' },
        alertUrl:
          'https://acme.app.opsgenie.com/alert/detail/{alertId}/details',
      }),
    ).toEqual({
      webhook: { token: 't', username: 'u', password: 'p' },
      priorities: { P1: 'P2' },
      alertUrl: 'https://acme.app.opsgenie.com/alert/detail/{alertId}/details',
    });
    expect(read({ webhook: { token: 't' } })).toEqual({
      webhook: { token: 't' },
    });
  });

  it('refuses a section without credentials: unauthenticated webhooks are never accepted', () => {
    for (const section of [{}, { webhook: {} }, { webhook: { token: ' ' } }]) {
      expect(() => read(section)).toThrow(
        /itsm\.opsgenie\.webhook: give a token .* or a username and password/,
      );
    }
    expect(() => read({ webhook: { username: 'u' } })).toThrow(
      'Invalid config at itsm.opsgenie.webhook: give both username and password, or neither',
    );
  });

  it('refuses an invalid priority or alert link, naming the key', () => {
    expect(() =>
      read({ webhook: { token: 't' }, priorities: { P1: 'critical' } }),
    ).toThrow(
      'Invalid config at itsm.opsgenie.priorities.P1: must be one of P1, P2, P3, P4, P5, got "critical"',
    );
    expect(() =>
      read({
        webhook: { token: 't' },
        alertUrl: 'https://acme.app.opsgenie.com',
      }),
    ).toThrow(
      /itsm\.opsgenie\.alertUrl: must be an http\(s\) URL with \{alertId\}/,
    );
  });
});
