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
import { readPagerDutyConfig } from './config';

const read = (pagerduty?: unknown) =>
  readPagerDutyConfig(
    mockServices.rootConfig({
      data: pagerduty === undefined ? {} : { itsm: { pagerduty } },
    }),
  );

describe('readPagerDutyConfig', () => {
  it('is undefined without itsm.pagerduty: the module is off', () => {
    expect(read()).toBeUndefined();
  });

  it('reads the secrets, the maximum event age and the priority mappings', () => {
    expect(
      read({
        webhookSecrets: ['new', 'old'],
        maxEventAge: '10m',
        priorities: { 'SEV-1': 'P1' },
        urgencies: { high: 'P1', low: 'P3' },
      }),
    ).toEqual({
      webhookSecrets: ['new', 'old'],
      maxEventAgeMs: 600_000,
      priorities: { 'SEV-1': 'P1' },
      urgencies: { high: 'P1', low: 'P3' },
    });
    expect(read({ webhookSecrets: ['s'] })).toEqual({ webhookSecrets: ['s'] });
  });

  it('refuses a section without a secret: unsigned webhooks are never accepted', () => {
    for (const section of [
      {},
      { webhookSecrets: [] },
      { webhookSecrets: [' '] },
    ]) {
      expect(() => read(section)).toThrow(
        /itsm\.pagerduty\.webhookSecrets: give the signing secret/,
      );
    }
  });

  it('refuses an invalid duration or priority, naming the key', () => {
    expect(() => read({ webhookSecrets: ['s'], maxEventAge: 'soon' })).toThrow(
      'Invalid config at itsm.pagerduty.maxEventAge: must be a duration such as 10m, 1h or 1h30m, got "soon"',
    );
    expect(() =>
      read({ webhookSecrets: ['s'], priorities: { 'SEV-1': 'urgent' } }),
    ).toThrow(
      'Invalid config at itsm.pagerduty.priorities.SEV-1: must be one of P1, P2, P3, P4, P5, got "urgent"',
    );
  });
});
