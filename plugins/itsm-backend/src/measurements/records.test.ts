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

import { readIncidents, scoringMeasurements } from './records';

const incident = (externalId: string, service: string) => ({
  source: 'pagerduty',
  externalId,
  service,
  priority: 'P2' as const,
  openedAt: '2026-11-01T10:00:00Z',
});

describe('readIncidents', () => {
  it('normalizes every item’s service ref, however it is spelled', () => {
    const { records, problems } = readIncidents([
      incident('a', 'Online-Banking'),
      incident('b', 'itservice:default/online-banking'),
      incident('c', 'Online-Banking'),
      incident('d', 'payments'),
    ]);
    expect(problems).toEqual([]);
    expect(records.map(r => r.service)).toEqual([
      'itservice:default/online-banking',
      'itservice:default/online-banking',
      'itservice:default/online-banking',
      'itservice:default/payments',
    ]);
  });

  it('names every item whose service is not an ITService, not just the first', () => {
    const { problems } = readIncidents([
      incident('a', 'component:default/web'),
      incident('b', 'online-banking'),
      incident('c', 'component:default/web'),
    ]);
    expect(problems).toEqual([
      {
        index: 0,
        field: 'service',
        message:
          'must be an ITService ref, got a component ("component:default/web")',
      },
      {
        index: 2,
        field: 'service',
        message:
          'must be an ITService ref, got a component ("component:default/web")',
      },
    ]);
  });
});

describe('scoringMeasurements', () => {
  const slice = (sliceStart: number) => ({
    source: 'prometheus',
    service: 'itservice:default/payments',
    objective: 'checkout-success',
    sliceStart,
    sliceSeconds: 60,
    good: 9,
    total: 10,
    updatedAt: 0,
  });

  it("hands over a store's records as they are when slices are in time order", () => {
    const loaded = {
      incidents: [],
      outages: [],
      sliEvents: [slice(0), slice(60_000), slice(60_000)],
      availabilityReportedSince: 5,
    };
    expect(scoringMeasurements(loaded)).toBe(loaded);
  });

  it("puts slices in time order, as scorers require, without changing the store's list", () => {
    const sliEvents = [slice(120_000), slice(0), slice(60_000)];
    const measurements = scoringMeasurements({
      incidents: [],
      outages: [],
      sliEvents,
    });
    expect(measurements.sliEvents.map(s => s.sliceStart)).toEqual([
      0, 60_000, 120_000,
    ]);
    expect(sliEvents.map(s => s.sliceStart)).toEqual([120_000, 0, 60_000]);
  });
});
