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

import type {
  ItsmObjectiveScorer,
  ItsmTrendPoint,
} from '@backstage-itsm/plugin-itsm-node';
import fc from 'fast-check';
import { createAvailabilityScorer } from './availability';
import { createIncidentTimeScorer } from './incidentTimes';
import { sliScorer } from './sli';
import {
  officeHours,
  testIncident,
  testOutage,
  testScoringContext,
  testSliEvent,
} from './testContext';

const START = Date.UTC(2026, 10, 1);
const END = Date.UTC(2026, 11, 1);
const DAY = 86_400_000;
const MINUTE = 60_000;

// Instants from before the period to after it, on whole minutes or, so
// that measurements and trend instants often coincide, on whole 6 hours.
const HOURS_6 = 6 * 60 * MINUTE;
const between = (step: number) =>
  fc
    .integer({ min: (START - 2 * DAY) / step, max: (END + 2 * DAY) / step })
    .map(steps => steps * step);
const instant = fc.oneof(between(MINUTE), between(HOURS_6));
const iso = (time: number) => new Date(time).toISOString();
const offset = fc.oneof(
  fc.integer({ min: -DAY / MINUTE, max: (5 * DAY) / MINUTE }),
  fc.integer({ min: -4, max: 20 }).map(steps => steps * 360),
);
const later = (time: number, minutes: number) => iso(time + minutes * MINUTE);

const incidents = fc.array(
  fc.record({
    openedAt: instant,
    priority: fc.constantFrom('P1', 'P1', 'P2'),
    acknowledged: fc.option(offset, { nil: undefined }),
    resolved: fc.option(offset, { nil: undefined }),
    pauses: fc.array(
      fc.record({ from: offset, to: fc.option(offset, { nil: undefined }) }),
      { maxLength: 2 },
    ),
  }),
  { maxLength: 25 },
);

const outages = fc.array(
  fc.record({
    start: instant,
    length: fc.option(offset, { nil: undefined }),
    // 'none': coverage heartbeats (rule 9).
    impact: fc.constantFrom(
      'full' as const,
      'partial' as const,
      'none' as const,
    ),
    planned: fc.boolean(),
  }),
  { maxLength: 10 },
);

const slices = fc.array(
  fc.record({
    sliceStart: instant,
    objective: fc.constantFrom('objective', 'other'),
    total: fc.integer({ min: 0, max: 1000 }),
    bad: fc.integer({ min: 0, max: 1000 }),
  }),
  { maxLength: 40 },
);

const scenario = fc.record({
  incidents,
  outages,
  slices,
  officeHours: fc.boolean(),
  maintenance: fc.boolean(),
  // When an availability source first reported, if ever (rule 9).
  reportedSince: fc.option(instant, { nil: undefined }),
  instants: fc
    .uniqueArray(instant, { minLength: 1, maxLength: 12 })
    .map(times => times.sort((a, b) => a - b).map(time => new Date(time))),
});

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

function contextOf(
  objective: Parameters<typeof testScoringContext>[0]['objective'],
  s: Scenario,
) {
  return testScoringContext({
    objective,
    period: [iso(START), iso(END)],
    now: iso(END),
    ...(s.officeHours && { serviceHours: officeHours() }),
    ...(s.reportedSince !== undefined && {
      availabilityReportedSince: iso(s.reportedSince),
    }),
    ...(s.maintenance && {
      maintenance: [
        {
          name: 'patching',
          rrule: 'FREQ=WEEKLY;BYDAY=SU',
          start: '2026-10-04T02:00:00',
          duration: '3h',
          timezone: 'Europe/Berlin',
        },
      ],
    }),
    incidents: s.incidents.map((incident, i) =>
      testIncident({
        externalId: `INC-${i}`,
        openedAt: iso(incident.openedAt),
        priority: incident.priority,
        ...(incident.acknowledged !== undefined && {
          acknowledgedAt: later(incident.openedAt, incident.acknowledged),
        }),
        ...(incident.resolved !== undefined && {
          resolvedAt: later(incident.openedAt, incident.resolved),
        }),
        pauses: incident.pauses.map(p => ({
          from: later(incident.openedAt, p.from),
          ...(p.to !== undefined && {
            to: later(incident.openedAt, p.from + Math.abs(p.to)),
          }),
        })),
      }),
    ),
    outages: s.outages.map((outage, i) =>
      testOutage({
        externalId: `OUT-${i}`,
        start: iso(outage.start),
        ...(outage.length !== undefined && {
          end: later(outage.start, outage.length),
        }),
        impact: outage.impact,
        planned: outage.planned,
      }),
    ),
    sliEvents: s.slices.map(slice =>
      testSliEvent({
        sliceStart: iso(slice.sliceStart),
        objective: slice.objective,
        total: slice.total,
        good: Math.max(0, slice.total - slice.bad),
      }),
    ),
  });
}

describe.each([
  [
    'availability',
    createAvailabilityScorer({ partialWeight: 0.5 }),
    { type: 'availability' as const, target: 99.9 },
  ],
  [
    'response',
    createIncidentTimeScorer('response'),
    {
      type: 'response' as const,
      target: 95,
      priority: 'P1' as const,
      threshold: '4h',
    },
  ],
  [
    'resolution',
    createIncidentTimeScorer('resolution'),
    {
      type: 'resolution' as const,
      target: 90,
      priority: 'P1' as const,
      threshold: '1d',
    },
  ],
  ['sli', sliScorer, { type: 'sli' as const, target: 99 }],
])('the %s scorer', (_name, scorer: ItsmObjectiveScorer, objective) => {
  it('gives the trend that scoring at each instant gives', () => {
    fc.assert(
      fc.property(scenario, s => {
        const context = contextOf(objective, s);
        // The trend gives the whole period's allowance as of its last
        // instant: an ongoing planned outage (no end yet) lasts until now,
        // so it takes a different share of the period's agreed time at each
        // instant (availability only).
        const compareAllowed = !s.outages.some(
          o => o.planned && o.length === undefined,
        );
        const seen = (point: ItsmTrendPoint) => ({
          attainment: point.attainment,
          spent: point.budget?.spent,
          ...(compareAllowed && { allowed: point.budget?.allowed }),
        });
        const oneByOne = s.instants.map(at =>
          seen(scorer.score({ ...context, now: at })),
        );
        expect(scorer.scoreTrend!(context, s.instants).map(seen)).toEqual(
          oneByOne,
        );
      }),
      { numRuns: 500 },
    );
  });
});
