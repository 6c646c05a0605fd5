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
  MaintenanceWindow,
  Outage,
} from '@backstage-itsm/plugin-itsm-common';
import { createAvailabilityScorer } from './availability';
import {
  berlin,
  officeHours,
  testIncident,
  testOutage,
  testScoringContext,
} from './testContext';

const scorer = createAvailabilityScorer({ partialWeight: 0.5 });

// November 2026 in UTC: 30 days = 43,200 minutes of 24x7 agreed time.
const NOVEMBER: [string, string] = [
  '2026-11-01T00:00:00Z',
  '2026-12-01T00:00:00Z',
];
const AFTER_NOVEMBER = '2026-12-05T00:00:00Z';
// November 2026 in Berlin (UTC+1 all month): 21 weekdays (Nov 1 is a
// Sunday) × 9 h = 189 h = 11,340 minutes of Mon–Fri 08:00–17:00.
const BERLIN_NOVEMBER: [string, string] = [
  berlin('2026-11-01T00:00'),
  berlin('2026-12-01T00:00'),
];

const full = (start: string, end?: string) =>
  testOutage({ start, ...(end && { end }) });
const partial = (start: string, end: string) =>
  testOutage({ start, end, impact: 'partial' });
const planned = (start: string, end: string) =>
  testOutage({ start, end, planned: true });

describe('availability scorer', () => {
  it('declares its objective type', () => {
    expect(scorer.objectiveType).toBe('availability');
  });

  it('has no data, not 100 %, without any measurements', () => {
    expect(
      scorer.score(
        testScoringContext({
          objective: { type: 'availability' },
          period: NOVEMBER,
          now: AFTER_NOVEMBER,
        }),
      ),
    ).toEqual({ attainment: null, met: null });
  });

  it.each([
    { name: 'the period is in the future', now: '2026-10-20T00:00:00Z' },
    { name: 'now is the period start', now: NOVEMBER[0] },
  ])('has no data when $name', ({ now }) => {
    expect(
      scorer.score(
        testScoringContext({
          objective: { type: 'availability' },
          period: NOVEMBER,
          now,
          outages: [full('2026-11-10T10:00:00Z', '2026-11-10T11:00:00Z')],
        }),
      ),
    ).toEqual({ attainment: null, met: null });
  });

  it('has no data when no agreed time falls in the period', () => {
    // Saturday and Sunday only: no service hours at all.
    expect(
      scorer.score(
        testScoringContext({
          objective: { type: 'availability' },
          serviceHours: officeHours(),
          period: [berlin('2026-11-21T00:00'), berlin('2026-11-23T00:00')],
          now: AFTER_NOVEMBER,
          outages: [
            full(berlin('2026-11-21T10:00'), berlin('2026-11-21T11:00')),
          ],
        }),
      ),
    ).toEqual({ attainment: null, met: null, details: { agreedMinutes: 0 } });
  });

  type Row = {
    name: string;
    outages: Outage[];
    target?: number;
    now?: string;
    maintenance?: MaintenanceWindow[];
    attainment: number;
    met: boolean;
    agreed: number;
    fullMinutes: number;
    partialMinutes: number;
  };

  describe('on a 24x7 service', () => {
    it.each<Row>([
      {
        name: 'a 43.2-minute full outage in 30 days is exactly 99.9 %',
        outages: [full('2026-11-10T10:00:00Z', '2026-11-10T10:43:12Z')],
        attainment: 99.9,
        met: true,
        agreed: 43200,
        fullMinutes: 43.2,
        partialMinutes: 0,
      },
      {
        name: 'the same outage misses a 99.95 % target',
        outages: [full('2026-11-10T10:00:00Z', '2026-11-10T10:43:12Z')],
        target: 99.95,
        attainment: 99.9,
        met: false,
        agreed: 43200,
        fullMinutes: 43.2,
        partialMinutes: 0,
      },
      {
        // 10:00–12:00 and 11:00–13:36 merge into 10:00–13:36 = 216 min,
        // not 120 + 156 = 276; 216 / 43,200 = 0.5 %.
        name: 'overlapping full outages count once',
        outages: [
          full('2026-11-10T10:00:00Z', '2026-11-10T12:00:00Z'),
          full('2026-11-10T11:00:00Z', '2026-11-10T13:36:00Z'),
        ],
        attainment: 99.5,
        met: false,
        agreed: 43200,
        fullMinutes: 216,
        partialMinutes: 0,
      },
      {
        name: 'a partial outage inside a full one adds nothing',
        outages: [
          full('2026-11-10T10:00:00Z', '2026-11-10T13:36:00Z'),
          partial('2026-11-10T11:00:00Z', '2026-11-10T12:00:00Z'),
        ],
        attainment: 99.5,
        met: false,
        agreed: 43200,
        fullMinutes: 216,
        partialMinutes: 0,
      },
      {
        // 432 min × 0.5 = 216 min of downtime.
        name: 'a partial outage alone counts half',
        outages: [partial('2026-11-10T10:00:00Z', '2026-11-10T17:12:00Z')],
        attainment: 99.5,
        met: false,
        agreed: 43200,
        fullMinutes: 0,
        partialMinutes: 432,
      },
      {
        // Full 10:00–12:00 (120 min); partial 11:00–15:12 leaves
        // 12:00–15:12 (192 min × 0.5 = 96); 120 + 96 = 216.
        name: 'a partial outage overlapping a full one counts only outside it',
        outages: [
          full('2026-11-10T10:00:00Z', '2026-11-10T12:00:00Z'),
          partial('2026-11-10T11:00:00Z', '2026-11-10T15:12:00Z'),
        ],
        attainment: 99.5,
        met: false,
        agreed: 43200,
        fullMinutes: 120,
        partialMinutes: 192,
      },
      {
        // Planned 24 h leaves 43,200 − 1,440 = 41,760 min; the unplanned
        // outage inside it adds nothing, the one outside counts 208.8 min
        // (3 h 28 min 48 s) = 0.5 % of 41,760.
        name: 'planned outages leave agreed time, unplanned ones inside them add nothing',
        outages: [
          planned('2026-11-10T00:00:00Z', '2026-11-11T00:00:00Z'),
          full('2026-11-10T10:00:00Z', '2026-11-10T11:00:00Z'),
          partial('2026-11-10T12:00:00Z', '2026-11-10T13:00:00Z'),
          full('2026-11-12T10:00:00Z', '2026-11-12T13:28:48Z'),
        ],
        attainment: 99.5,
        met: false,
        agreed: 41760,
        fullMinutes: 208.8,
        partialMinutes: 0,
      },
      {
        name: 'a planned outage alone is no downtime',
        outages: [planned('2026-11-10T00:00:00Z', '2026-11-11T00:00:00Z')],
        attainment: 100,
        met: true,
        agreed: 41760,
        fullMinutes: 0,
        partialMinutes: 0,
      },
      {
        // 30 daily 1 h windows: 43,200 − 1,800 = 41,400 min. The outage
        // 02:00–06:27 loses its first hour to the window: 207 min = 0.5 %.
        name: 'a daily maintenance window leaves agreed time',
        maintenance: [
          {
            name: 'nightly',
            rrule: 'FREQ=DAILY',
            start: '2026-01-01T02:00',
            duration: '1h',
            timezone: 'UTC',
          },
        ],
        outages: [full('2026-11-10T02:00:00Z', '2026-11-10T06:27:00Z')],
        attainment: 99.5,
        met: false,
        agreed: 41400,
        fullMinutes: 207,
        partialMinutes: 0,
      },
      {
        // Oct 31 23:30 (30 min inside) + Nov 1–29 (29 × 60) + Nov 30 23:30
        // (30 min inside) = 1,800 min, as above.
        name: 'maintenance windows straddling the period bounds count their inside part',
        maintenance: [
          {
            name: 'midnight',
            rrule: 'FREQ=DAILY',
            start: '2026-01-01T23:30',
            duration: '1h',
            timezone: 'UTC',
          },
        ],
        outages: [full('2026-11-10T10:00:00Z', '2026-11-10T13:27:00Z')],
        attainment: 99.5,
        met: false,
        agreed: 41400,
        fullMinutes: 207,
        partialMinutes: 0,
      },
      {
        // Evaluated up to now: Nov 1–16 = 15 days = 21,600 min. The outage
        // is still open and counts 22:12–24:00 = 108 min = 0.5 %.
        name: 'an ongoing outage counts up to now, mid-period',
        now: '2026-11-16T00:00:00Z',
        outages: [full('2026-11-15T22:12:00Z')],
        attainment: 99.5,
        met: false,
        agreed: 21600,
        fullMinutes: 108,
        partialMinutes: 0,
      },
      {
        // Open since Nov 30 20:24: 216 min up to the period end.
        name: 'an ongoing outage stops at the period end',
        outages: [full('2026-11-30T20:24:00Z')],
        attainment: 99.5,
        met: false,
        agreed: 43200,
        fullMinutes: 216,
        partialMinutes: 0,
      },
      {
        // 60 min before the period, 60 min inside it.
        name: 'an outage starting before the period counts its inside part',
        outages: [full('2026-10-31T23:00:00Z', '2026-11-01T01:00:00Z')],
        attainment: (100 * (43200 - 60)) / 43200,
        met: false,
        agreed: 43200,
        fullMinutes: 60,
        partialMinutes: 0,
      },
    ])(
      '$name',
      ({
        outages,
        target = 99.9,
        now = AFTER_NOVEMBER,
        maintenance,
        attainment,
        met,
        agreed,
        fullMinutes,
        partialMinutes,
      }) => {
        expect(
          scorer.score(
            testScoringContext({
              objective: { type: 'availability', target },
              period: NOVEMBER,
              now,
              maintenance,
              outages,
            }),
          ),
        ).toEqual({
          attainment,
          met,
          details: {
            agreedMinutes: agreed,
            downtimeMinutes: fullMinutes + 0.5 * partialMinutes,
            fullOutageMinutes: fullMinutes,
            partialOutageMinutes: partialMinutes,
            partialWeight: 0.5,
          },
        });
      },
    );

    it('is 100 % when sources report but no outage happened', () => {
      expect(
        scorer.score(
          testScoringContext({
            objective: { type: 'availability' },
            period: NOVEMBER,
            now: AFTER_NOVEMBER,
            incidents: [testIncident({ openedAt: '2026-11-10T10:00:00Z' })],
          }),
        ),
      ).toMatchObject({
        attainment: 100,
        met: true,
        details: { agreedMinutes: 43200, downtimeMinutes: 0 },
      });
    });

    it('weighs partial outages with the configured weight', () => {
      expect(
        createAvailabilityScorer({ partialWeight: 0.25 }).score(
          testScoringContext({
            objective: { type: 'availability' },
            period: NOVEMBER,
            now: AFTER_NOVEMBER,
            // 864 min × 0.25 = 216 min.
            outages: [partial('2026-11-10T00:00:00Z', '2026-11-10T14:24:00Z')],
          }),
        ),
      ).toMatchObject({
        attainment: 99.5,
        details: {
          downtimeMinutes: 216,
          partialOutageMinutes: 864,
          partialWeight: 0.25,
        },
      });
    });
  });

  describe('on Mon–Fri 08:00–17:00 Europe/Berlin', () => {
    it.each<Row & { holidays?: Array<{ date: string }> }>([
      {
        name: 'an outage at night does not count',
        outages: [
          full(berlin('2026-11-10T22:00'), berlin('2026-11-11T02:00')),
          full(berlin('2026-11-14T10:00'), berlin('2026-11-14T12:00')), // Sat
        ],
        attainment: 100,
        met: true,
        agreed: 11340,
        fullMinutes: 0,
        partialMinutes: 0,
      },
      {
        name: 'an outage 16:00–18:00 counts 60 minutes',
        outages: [full(berlin('2026-11-10T16:00'), berlin('2026-11-10T18:00'))],
        attainment: (100 * (11340 - 60)) / 11340,
        met: false,
        agreed: 11340,
        fullMinutes: 60,
        partialMinutes: 0,
      },
      {
        // Wed 18 Nov off: 20 days × 9 h = 10,800 min. The all-day outage
        // on the holiday counts nothing; 16:06–18:00 counts 54 min = 0.5 %.
        name: 'a holiday leaves agreed time',
        holidays: [{ date: '2026-11-18' }],
        outages: [
          full(berlin('2026-11-18T00:00'), berlin('2026-11-19T00:00')),
          full(berlin('2026-11-10T16:06'), berlin('2026-11-10T18:00')),
        ],
        attainment: 99.5,
        met: false,
        agreed: 10800,
        fullMinutes: 54,
        partialMinutes: 0,
      },
      {
        // A 08:00–09:00 Berlin window on weekdays only (the service hours'
        // zone is the default): 21 h off, 11,340 − 1,260 = 10,080 min. The
        // outage 08:00–09:30 keeps 30 min.
        name: 'a maintenance window in the service hours zone leaves agreed time',
        maintenance: [
          {
            name: 'morning',
            rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR',
            start: '2026-01-05T08:00',
            duration: '1h',
          },
        ],
        outages: [full(berlin('2026-11-10T08:00'), berlin('2026-11-10T09:30'))],
        attainment: (100 * (10080 - 30)) / 10080,
        met: false,
        agreed: 10080,
        fullMinutes: 30,
        partialMinutes: 0,
      },
    ])(
      '$name',
      ({
        outages,
        holidays,
        maintenance,
        attainment,
        met,
        agreed,
        fullMinutes,
        partialMinutes,
      }) => {
        expect(
          scorer.score(
            testScoringContext({
              objective: { type: 'availability' },
              serviceHours: officeHours(holidays),
              maintenance,
              period: BERLIN_NOVEMBER,
              now: AFTER_NOVEMBER,
              outages,
            }),
          ),
        ).toEqual({
          attainment,
          met,
          details: {
            agreedMinutes: agreed,
            downtimeMinutes: fullMinutes + 0.5 * partialMinutes,
            fullOutageMinutes: fullMinutes,
            partialOutageMinutes: partialMinutes,
            partialWeight: 0.5,
          },
        });
      },
    );
  });
});
