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

import fc from 'fast-check';
import type { Agreement, ITServiceEntity } from '../entities';
import {
  parallelAvailability,
  seriesAvailability,
  StrictnessWarning,
  underpinningWarnings,
} from './dependencies';

describe('seriesAvailability', () => {
  it.each([
    [[], 100],
    [[99.9], 99.9],
    [[99.9, 99.9], 99.8001], // 0.999 × 0.999
    [[99.9, 99.5, 99], 98.406495], // 0.999 × 0.995 × 0.99
    [[100, 99], 99],
    [[99, 0], 0],
  ])('%j → %p', (availabilities, expected) => {
    expect(seriesAvailability(availabilities)).toBeCloseTo(expected, 9);
  });

  it('is at most the least available service', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 100, noNaN: true }), {
          minLength: 1,
        }),
        availabilities => {
          expect(seriesAvailability(availabilities)).toBeLessThanOrEqual(
            Math.min(...availabilities) + 1e-9,
          );
        },
      ),
    );
  });
});

describe('parallelAvailability', () => {
  it.each([
    [[], 0],
    [[99], 99],
    [[99, 99], 99.99], // 1 − 0.01 × 0.01
    [[99.9, 99.9], 99.9999], // 1 − 0.001 × 0.001
    [[90, 90, 90], 99.9], // 1 − 0.1³
    [[99, 0], 99],
    [[100, 50], 100],
  ])('%j → %p', (availabilities, expected) => {
    expect(parallelAvailability(availabilities)).toBeCloseTo(expected, 9);
  });

  it('is at least the most available service', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 100, noNaN: true }), {
          minLength: 1,
        }),
        availabilities => {
          expect(parallelAvailability(availabilities)).toBeGreaterThanOrEqual(
            Math.max(...availabilities) - 1e-9,
          );
        },
      ),
    );
  });
});

describe('underpinningWarnings', () => {
  const service = (name: string, agreements: Agreement[]): ITServiceEntity => ({
    apiVersion: 'itsm.backstage.io/v1alpha1',
    kind: 'ITService',
    metadata: { name },
    spec: { type: 'technical', lifecycle: 'live', owner: 'team-a', agreements },
  });
  const agreement = (
    name: string,
    type: Agreement['type'],
    objectives: Agreement['objectives'],
  ): Agreement => ({
    name,
    type,
    with: 'retail',
    window: 'calendar-month',
    objectives,
  });

  const payments = service('payments', [
    agreement('gold', 'SLA', [
      { name: 'availability', type: 'availability', target: 99.9 },
      {
        name: 'p1-response',
        type: 'response',
        priority: 'P1',
        target: 95,
        threshold: '15m',
      },
      {
        name: 'p2-resolution',
        type: 'resolution',
        priority: 'P2',
        target: 90,
        threshold: '8h',
      },
      { name: 'latency', type: 'sli', indicator: 'checkout', target: 99 },
    ]),
    agreement('platform-ola', 'OLA', [
      // stricter: no warning
      { name: 'uptime', type: 'availability', target: 99.95 },
      // same target, looser threshold
      {
        name: 'p1-ack',
        type: 'response',
        priority: 'P1',
        target: 95,
        threshold: '30m',
      },
      // P2 response: the SLA has no P2 response to compare with
      {
        name: 'p2-ack',
        type: 'response',
        priority: 'P2',
        target: 50,
        threshold: '1d',
      },
    ]),
  ]);
  const hosting = service('hosting', [
    agreement('cloud-uc', 'UC', [
      { name: 'vm-uptime', type: 'availability', target: 99.5 },
      {
        name: 'p1-support',
        type: 'response',
        priority: 'P1',
        target: 90,
        threshold: '1h',
      },
      // another indicator: not comparable
      { name: 'disk', type: 'sli', indicator: 'disk', target: 50 },
    ]),
    // a dependency's own SLA underpins nothing
    agreement('hosting-sla', 'SLA', [
      { name: 'availability', type: 'availability', target: 99 },
    ]),
  ]);
  const dns = service('dns', [
    agreement('dns-ola', 'OLA', [
      {
        name: 'p2-fix',
        type: 'resolution',
        priority: 'P2',
        target: 95,
        threshold: '4h',
      },
      { name: 'lookups', type: 'sli', indicator: 'checkout', target: 98.9 },
    ]),
  ]);

  const expected: StrictnessWarning[] = [
    {
      sla: 'gold',
      objective: 'availability',
      underpinning: {
        service: 'itservice:default/hosting',
        agreement: 'cloud-uc',
        type: 'UC',
        objective: 'vm-uptime',
      },
      slaTarget: 99.9,
      underpinningTarget: 99.5,
      message:
        'UC "cloud-uc" of itservice:default/hosting objective "vm-uptime" (99.5 %) ' +
        'is less strict than SLA "gold" objective "availability" (99.9 %): lower target',
    },
    {
      sla: 'gold',
      objective: 'p1-response',
      underpinning: {
        service: 'itservice:default/payments',
        agreement: 'platform-ola',
        type: 'OLA',
        objective: 'p1-ack',
      },
      slaTarget: 95,
      underpinningTarget: 95,
      message:
        'OLA "platform-ola" of itservice:default/payments objective "p1-ack" (95 % within 30m) ' +
        'is less strict than SLA "gold" objective "p1-response" (95 % within 15m): longer threshold',
    },
    {
      sla: 'gold',
      objective: 'p1-response',
      underpinning: {
        service: 'itservice:default/hosting',
        agreement: 'cloud-uc',
        type: 'UC',
        objective: 'p1-support',
      },
      slaTarget: 95,
      underpinningTarget: 90,
      message:
        'UC "cloud-uc" of itservice:default/hosting objective "p1-support" (90 % within 1h) ' +
        'is less strict than SLA "gold" objective "p1-response" (95 % within 15m): ' +
        'lower target, longer threshold',
    },
    {
      sla: 'gold',
      objective: 'latency',
      underpinning: {
        service: 'itservice:default/dns',
        agreement: 'dns-ola',
        type: 'OLA',
        objective: 'lookups',
      },
      slaTarget: 99,
      underpinningTarget: 98.9,
      message:
        'OLA "dns-ola" of itservice:default/dns objective "lookups" (98.9 %) ' +
        'is less strict than SLA "gold" objective "latency" (99 %): lower target',
    },
  ];

  it('warns about each looser OLA and UC objective', () => {
    expect(underpinningWarnings(payments, [hosting, dns])).toEqual(expected);
  });

  it('warns once when the service is among its dependencies', () => {
    expect(underpinningWarnings(payments, [payments, hosting, dns])).toEqual(
      expected,
    );
  });

  it('has nothing to say without SLAs', () => {
    expect(underpinningWarnings(hosting, [dns])).toEqual([]);
    expect(underpinningWarnings(service('bare', []), [hosting])).toEqual([]);
  });
});
