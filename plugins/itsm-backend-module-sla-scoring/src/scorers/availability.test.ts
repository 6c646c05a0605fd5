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
  testHeartbeat,
  testIncident,
  testOutage,
  testScoringContext,
  testSliEvent,
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

const MINUTE = 60_000;
const NO_SOURCE = expect.stringMatching(/no availability source/i);

const full = (start: string, end?: string) =>
  testOutage({ start, ...(end && { end }) });
const partial = (start: string, end: string) =>
  testOutage({ start, end, impact: 'partial' });
const planned = (start: string, end?: string) =>
  testOutage({ start, ...(end && { end }), planned: true });

/**
 * The budget a table row expects (rule 1): (100 − t) % of the whole
 * period's agreed minutes, downtime so far spent; no `exhaustsAt` (the rows
 * are closed periods, or mid-period with the budget already overspent, or
 * without downtime).
 */
const budgetOf = (
  target: number,
  periodAgreed: number,
  agreed: number,
  downtime: number,
) => {
  const allowed = ((100 - target) / 100) * periodAgreed;
  return {
    unit: 'minutes',
    allowed: expect.closeTo(allowed, 9),
    spent: downtime,
    remaining: expect.closeTo(allowed - downtime, 9),
    elapsedShare: agreed / periodAgreed,
  };
};

describe('availability scorer', () => {
  it('declares its objective type', () => {
    expect(scorer.objectiveType).toBe('availability');
  });

  // Rule 9: no data, now with a reason, until an availability source reported.
  it('has no data, not 100 %, without any measurements', () => {
    expect(
      scorer.score(
        testScoringContext({
          objective: { type: 'availability' },
          period: NOVEMBER,
          now: AFTER_NOVEMBER,
        }),
      ),
    ).toEqual({ attainment: null, met: null, details: { reason: NO_SOURCE } });
  });

  describe('rule 9: no availability source, no availability', () => {
    it('has no data when only incidents and SLI slices were reported', () => {
      expect(
        scorer.score(
          testScoringContext({
            objective: { type: 'availability' },
            period: NOVEMBER,
            now: AFTER_NOVEMBER,
            incidents: [testIncident({ openedAt: '2026-11-10T10:00:00Z' })],
            sliEvents: [
              testSliEvent({
                sliceStart: '2026-11-10T10:00:00Z',
                good: 1,
                total: 1,
              }),
            ],
          }),
        ),
      ).toEqual({
        attainment: null,
        met: null,
        details: {
          reason:
            'No availability source has reported on this service yet: push its outages, or coverage heartbeats (impact: none), to /v1/outages',
        },
      });
    });

    it('has no data when the only outage record starts after the evaluated range', () => {
      // Mid-period: a record starting after now; closed: one after the end.
      for (const [now, start] of [
        ['2026-11-16T00:00:00Z', '2026-11-16T00:00:00Z'],
        [AFTER_NOVEMBER, '2026-12-02T00:00:00Z'],
      ]) {
        expect(
          scorer.score(
            testScoringContext({
              objective: { type: 'availability' },
              period: NOVEMBER,
              now,
              outages: [testHeartbeat(start, '2026-12-03T00:00:00Z')],
            }),
          ),
        ).toEqual({
          attainment: null,
          met: null,
          details: { reason: NO_SOURCE },
        });
      }
    });

    it('is 100 % with a coverage heartbeat, which is never downtime', () => {
      // A heartbeat over the whole month, and one over a real outage: only
      // the real outage's 60 min count.
      const score = scorer.score(
        testScoringContext({
          objective: { type: 'availability' },
          period: NOVEMBER,
          now: AFTER_NOVEMBER,
          outages: [
            testHeartbeat('2026-11-01T00:00:00Z', '2026-12-01T00:00:00Z'),
          ],
        }),
      );
      expect(score).toMatchObject({
        attainment: 100,
        met: true,
        budget: { unit: 'minutes', spent: 0 },
        details: {
          agreedMinutes: 43200,
          downtimeMinutes: 0,
          fullOutageMinutes: 0,
          partialOutageMinutes: 0,
        },
      });
      expect(score.budget?.exhaustsAt).toBeUndefined();
      expect(
        scorer.score(
          testScoringContext({
            objective: { type: 'availability' },
            period: NOVEMBER,
            now: AFTER_NOVEMBER,
            outages: [
              testHeartbeat('2026-11-10T00:00:00Z', '2026-11-11T00:00:00Z'),
              full('2026-11-10T10:00:00Z', '2026-11-10T11:00:00Z'),
            ],
          }),
        ),
      ).toMatchObject({
        attainment: (100 * (43200 - 60)) / 43200,
        details: { downtimeMinutes: 60, fullOutageMinutes: 60 },
      });
    });

    it('is 100 % with a heartbeat before the period (a source reported)', () => {
      expect(
        scorer.score(
          testScoringContext({
            objective: { type: 'availability' },
            period: NOVEMBER,
            now: AFTER_NOVEMBER,
            outages: [
              testHeartbeat('2026-10-30T00:00:00Z', '2026-10-31T00:00:00Z'),
            ],
          }),
        ),
      ).toMatchObject({ attainment: 100, met: true });
    });

    // No outage record loaded for the period: only the first report ever
    // (before the end of the evaluated range) says a source exists.
    const reportedSince = (since: string, now: string) =>
      scorer.score(
        testScoringContext({
          objective: { type: 'availability' },
          period: NOVEMBER,
          now,
          availabilityReportedSince: since,
        }),
      );

    it.each([
      { since: '2026-09-01T00:00:00Z', now: AFTER_NOVEMBER },
      { since: '2026-11-15T23:59:00Z', now: '2026-11-16T00:00:00Z' },
    ])(
      'is 100 % when availabilityReportedSince $since is before $now',
      ({ since, now }) => {
        expect(reportedSince(since, now)).toMatchObject({
          attainment: 100,
          met: true,
          details: { downtimeMinutes: 0 },
        });
      },
    );

    it.each([
      { since: '2026-11-16T00:00:00Z', now: '2026-11-16T00:00:00Z' },
      { since: '2026-12-01T00:00:00Z', now: AFTER_NOVEMBER },
    ])(
      'has no data when availabilityReportedSince $since is not before the end of the range at $now',
      ({ since, now }) => {
        expect(reportedSince(since, now)).toEqual({
          attainment: null,
          met: null,
          details: { reason: NO_SOURCE },
        });
      },
    );
  });

  it.each([
    { name: 'the period is in the future', now: '2026-10-20T00:00:00Z' },
    { name: 'now is the period start', now: NOVEMBER[0] },
  ])('has no data when $name', ({ now }) => {
    // Without the rule 9 reason: a source did report, the period has not begun.
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
    /** Agreed minutes of the whole period (rule 1), when not `agreed`. */
    periodAgreed?: number;
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
        periodAgreed: 43200,
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
        periodAgreed = agreed,
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
          budget: budgetOf(
            target,
            periodAgreed,
            agreed,
            fullMinutes + 0.5 * partialMinutes,
          ),
          details: {
            agreedMinutes: agreed,
            periodAgreedMinutes: periodAgreed,
            downtimeMinutes: fullMinutes + 0.5 * partialMinutes,
            fullOutageMinutes: fullMinutes,
            partialOutageMinutes: partialMinutes,
            partialWeight: 0.5,
          },
        });
      },
    );

    it('is 100 % when sources report but no outage happened', () => {
      // Rule 9: "sources report" means an availability source now (here a
      // coverage heartbeat); an incident alone is no availability source.
      expect(
        scorer.score(
          testScoringContext({
            objective: { type: 'availability' },
            period: NOVEMBER,
            now: AFTER_NOVEMBER,
            incidents: [testIncident({ openedAt: '2026-11-10T10:00:00Z' })],
            outages: [
              testHeartbeat('2026-11-10T00:00:00Z', '2026-11-11T00:00:00Z'),
            ],
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
          budget: budgetOf(
            99.9,
            agreed,
            agreed,
            fullMinutes + 0.5 * partialMinutes,
          ),
          details: {
            agreedMinutes: agreed,
            periodAgreedMinutes: agreed,
            downtimeMinutes: fullMinutes + 0.5 * partialMinutes,
            fullOutageMinutes: fullMinutes,
            partialOutageMinutes: partialMinutes,
            partialWeight: 0.5,
          },
        });
      },
    );
  });

  describe('the error budget over the whole period (rules 1 and 3)', () => {
    it('follows the worked example: 99.9 %, 30 min down on day 1 of 30, now day 2 00:00', () => {
      const score = scorer.score(
        testScoringContext({
          objective: { type: 'availability', target: 99.9 },
          period: NOVEMBER,
          now: '2026-11-02T00:00:00Z',
          outages: [full('2026-11-01T10:00:00Z', '2026-11-01T10:30:00Z')],
        }),
      );
      expect(score).toEqual({
        attainment: (100 * (1440 - 30)) / 1440,
        met: false,
        budget: {
          unit: 'minutes',
          // 0.1 % of the whole month's 43,200 agreed minutes, not of the
          // 1,440 passed so far.
          allowed: expect.closeTo(43.2, 12),
          spent: 30,
          remaining: expect.closeTo(13.2, 12),
          elapsedShare: 1 / 30,
          // 30 min per 1,440 agreed: 13.2 more take 633.6 min = 10 h 33 min
          // 36 s after now.
          exhaustsAt: Date.parse('2026-11-02T10:33:36Z'),
        },
        details: {
          agreedMinutes: 1440,
          periodAgreedMinutes: 43200,
          downtimeMinutes: 30,
          fullOutageMinutes: 30,
          partialOutageMinutes: 0,
          partialWeight: 0.5,
        },
      });
      expect(
        score.budget!.exhaustsAt! - Date.parse('2026-11-02T00:00:00Z'),
      ).toBe(633.6 * MINUTE);
    });

    it('allows exactly 43.2 minutes of 43,200 at 99.9 % (allowedFailureShare)', () => {
      const { budget } = scorer.score(
        testScoringContext({
          objective: { type: 'availability', target: 99.9 },
          period: NOVEMBER,
          now: AFTER_NOVEMBER,
          outages: [testHeartbeat(NOVEMBER[0], NOVEMBER[1])],
        }),
      );
      expect(budget!.allowed).toBeCloseTo(43.2, 12);
      expect(budget!.remaining).toBeCloseTo(43.2, 12);
      expect(budget).toMatchObject({ spent: 0, elapsedShare: 1 });
    });

    it('has no exhaustsAt in a closed period, even with budget left', () => {
      const { budget } = scorer.score(
        testScoringContext({
          objective: { type: 'availability' },
          period: NOVEMBER,
          now: AFTER_NOVEMBER,
          outages: [full('2026-11-01T10:00:00Z', '2026-11-01T10:30:00Z')],
        }),
      );
      expect(budget).toEqual({
        unit: 'minutes',
        allowed: expect.closeTo(43.2, 12),
        spent: 30,
        remaining: expect.closeTo(13.2, 12),
        elapsedShare: 1,
      });
    });

    it('has no exhaustsAt when the rate so far does not exhaust it before the end', () => {
      // 1 min in 15 days: 2 min by the end, of 43.2.
      const { budget } = scorer.score(
        testScoringContext({
          objective: { type: 'availability' },
          period: NOVEMBER,
          now: '2026-11-16T00:00:00Z',
          outages: [full('2026-11-10T10:00:00Z', '2026-11-10T10:01:00Z')],
        }),
      );
      expect(budget).toEqual({
        unit: 'minutes',
        allowed: expect.closeTo(43.2, 12),
        spent: 1,
        remaining: expect.closeTo(42.2, 12),
        elapsedShare: 0.5,
      });
    });

    it('has nothing to spend at a 100 % target', () => {
      expect(
        scorer.score(
          testScoringContext({
            objective: { type: 'availability', target: 100 },
            period: NOVEMBER,
            now: '2026-11-16T00:00:00Z',
            outages: [full('2026-11-10T10:00:00Z', '2026-11-10T11:00:00Z')],
          }),
        ).budget,
      ).toEqual({
        unit: 'minutes',
        allowed: 0,
        spent: 60,
        remaining: -60,
        elapsedShare: 0.5,
      });
    });

    it("takes the whole period's maintenance windows out of the allowance", () => {
      // Daily 02:00–03:00 UTC: 41,400 agreed minutes in the month, 20,700
      // of them by Nov 16; allowed 0.1 % of 41,400.
      expect(
        scorer.score(
          testScoringContext({
            objective: { type: 'availability' },
            period: NOVEMBER,
            now: '2026-11-16T00:00:00Z',
            maintenance: [
              {
                name: 'nightly',
                rrule: 'FREQ=DAILY',
                start: '2026-01-01T02:00',
                duration: '1h',
                timezone: 'UTC',
              },
            ],
            outages: [testHeartbeat(NOVEMBER[0], '2026-11-16T00:00:00Z')],
          }),
        ),
      ).toMatchObject({
        attainment: 100,
        budget: {
          allowed: expect.closeTo(41.4, 12),
          spent: 0,
          elapsedShare: 0.5,
        },
        details: { agreedMinutes: 20700, periodAgreedMinutes: 41400 },
      });
    });

    it.each([
      {
        name: 'an announced one later in the period',
        outage: planned('2026-11-20T00:00:00Z', '2026-11-21T00:00:00Z'),
        agreed: 21600,
      },
      {
        // An ongoing planned outage lasts until now: Nov 15 00:00–16 00:00.
        name: 'an ongoing one (until now)',
        outage: planned('2026-11-15T00:00:00Z'),
        agreed: 20160,
      },
    ])(
      'takes planned outages out of the allowance: $name',
      ({ outage, agreed }) => {
        expect(
          scorer.score(
            testScoringContext({
              objective: { type: 'availability' },
              period: NOVEMBER,
              now: '2026-11-16T00:00:00Z',
              // A heartbeat so far (rule 9: a record starting after now is no
              // report yet).
              outages: [
                testHeartbeat(NOVEMBER[0], '2026-11-02T00:00:00Z'),
                outage,
              ],
            }),
          ),
        ).toMatchObject({
          attainment: 100,
          budget: { allowed: expect.closeTo(41.76, 12), spent: 0 },
          details: { agreedMinutes: agreed, periodAgreedMinutes: 41760 },
        });
      },
    );

    it("on Mon–Fri 08–17 Berlin, allows 0.1 % of November's 11,340 agreed minutes", () => {
      expect(
        scorer.score(
          testScoringContext({
            objective: { type: 'availability' },
            serviceHours: officeHours(),
            period: BERLIN_NOVEMBER,
            now: AFTER_NOVEMBER,
            outages: [testHeartbeat(BERLIN_NOVEMBER[0], BERLIN_NOVEMBER[1])],
          }),
        ),
      ).toEqual({
        attainment: 100,
        met: true,
        budget: {
          unit: 'minutes',
          allowed: expect.closeTo(11.34, 12),
          spent: 0,
          remaining: expect.closeTo(11.34, 12),
          elapsedShare: 1,
        },
        details: {
          agreedMinutes: 11340,
          periodAgreedMinutes: 11340,
          downtimeMinutes: 0,
          fullOutageMinutes: 0,
          partialOutageMinutes: 0,
          partialWeight: 0.5,
        },
      });
    });

    it('on Mon–Fri 08–17 Berlin, forecasts exhaustion on the agreed time still to come', () => {
      // Mon Nov 2 10:00–10:03 down; now Tue Nov 3 00:00: 3 min per 540
      // agreed. The 8.34 min left last 1,501.2 agreed minutes: Tue 540, Wed
      // 540, then 421.2 min of Thursday from 08:00 = 15:01:12 (nights and
      // the weekend not counted).
      const { budget } = scorer.score(
        testScoringContext({
          objective: { type: 'availability' },
          serviceHours: officeHours(),
          period: BERLIN_NOVEMBER,
          now: berlin('2026-11-03T00:00'),
          outages: [
            full(berlin('2026-11-02T10:00'), berlin('2026-11-02T10:03')),
          ],
        }),
      );
      expect(budget).toEqual({
        unit: 'minutes',
        allowed: expect.closeTo(11.34, 12),
        spent: 3,
        remaining: expect.closeTo(8.34, 12),
        elapsedShare: 540 / 11340,
        exhaustsAt: Date.parse(berlin('2026-11-05T15:01:12')),
      });
    });

    it.each([
      // Rule 3: availability runs on the objective's own calendar. Sat Nov
      // 14 10:00–11:00 Berlin is outside the service hours.
      { calendar: undefined, attainment: 100, agreed: 11340, downtime: 0 },
      {
        calendar: 'service-hours' as const,
        attainment: 100,
        agreed: 11340,
        downtime: 0,
      },
      // 60 of 43,200 minutes: 99.86111 %.
      {
        calendar: '24x7' as const,
        attainment: (100 * (43200 - 60)) / 43200,
        agreed: 43200,
        downtime: 60,
      },
    ])(
      'scores on the objective calendar $calendar of a service with service hours',
      ({ calendar, attainment, agreed, downtime }) => {
        const score = scorer.score(
          testScoringContext({
            objective: { type: 'availability', ...(calendar && { calendar }) },
            serviceHours: officeHours(),
            period: BERLIN_NOVEMBER,
            now: AFTER_NOVEMBER,
            outages: [
              full(berlin('2026-11-14T10:00'), berlin('2026-11-14T11:00')),
            ],
          }),
        );
        expect(score).toMatchObject({
          attainment,
          budget: {
            allowed: expect.closeTo(agreed / 1000, 12),
            spent: downtime,
          },
          details: {
            agreedMinutes: agreed,
            periodAgreedMinutes: agreed,
            downtimeMinutes: downtime,
          },
        });
        expect(score.attainment).toBeCloseTo(
          calendar === '24x7' ? 99.86111 : 100,
          5,
        );
      },
    );
  });
});
