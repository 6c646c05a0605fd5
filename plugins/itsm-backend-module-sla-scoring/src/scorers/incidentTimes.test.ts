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
  Incident,
  IncidentPriority,
  Objective,
} from '@backstage-itsm/plugin-itsm-common';
import { createIncidentTimeScorer, milestone } from './incidentTimes';
import {
  berlin,
  officeHours,
  testIncident,
  testOutage,
  testScoringContext,
} from './testContext';

const response = createIncidentTimeScorer('response');
const resolution = createIncidentTimeScorer('resolution');

const NOVEMBER: [string, string] = [
  '2026-11-01T00:00:00Z',
  '2026-12-01T00:00:00Z',
];
const AFTER_NOVEMBER = '2026-12-05T00:00:00Z';
const BERLIN_NOVEMBER: [string, string] = [
  berlin('2026-11-01T00:00'),
  berlin('2026-12-01T00:00'),
];

const p2 = (
  threshold: string,
  extra: Partial<Objective> = {},
): Partial<Objective> & Pick<Objective, 'type'> => ({
  type: 'resolution',
  priority: 'P2',
  threshold,
  target: 90,
  ...extra,
});

/** An incidents budget (rule 1): late ones allowed, spent (breached), and how many more may be late. */
const incidentsBudget = (
  allowed: number,
  spent: number,
  remaining: number,
) => ({
  unit: 'incidents',
  allowed,
  spent,
  remaining,
});

/** An incident opened at `openedAt` and resolved `minutes` later. */
const resolvedAfter = (
  openedAt: string,
  minutes: number,
  priority: IncidentPriority = 'P2',
): Incident =>
  testIncident({
    openedAt,
    priority,
    resolvedAt: new Date(Date.parse(openedAt) + minutes * 60_000).toISOString(),
  });

describe('milestone', () => {
  it.each([
    [0, 'ok'],
    [0.1875, 'ok'],
    [0.4999, 'ok'],
    [0.5, '50%'],
    [0.6, '50%'],
    [0.7499, '50%'],
    [0.75, '75%'],
    [0.8, '75%'],
    [0.9999, '75%'],
    // Rule 12: exactly at the threshold is still within target.
    [1, '75%'],
    [1.0001, 'breached'],
    [7.5625, 'breached'],
  ])('%d of the threshold is %s', (share, expected) => {
    expect(milestone(share)).toBe(expected);
  });
});

describe('incident time scorers', () => {
  it('declare their objective types', () => {
    expect(response.objectiveType).toBe('response');
    expect(resolution.objectiveType).toBe('resolution');
  });

  it('follows the worked example: Friday 21:00 to Monday 09:30, 8 h on office hours', () => {
    const opened = berlin('2026-11-20T21:00');
    expect(
      resolution.score(
        testScoringContext({
          objective: p2('8h'),
          serviceHours: officeHours(),
          period: BERLIN_NOVEMBER,
          now: berlin('2026-11-23T09:30'),
          incidents: [
            testIncident({
              openedAt: opened,
              externalId: 'INC-42',
              title: 'Checkout down',
              url: 'https://tickets.example.com/INC-42',
            }),
          ],
        }),
      ),
    ).toEqual({
      // Open and not yet past its threshold: not counted either way.
      attainment: 100,
      met: true,
      // Rules 1 and 3: an incidents budget, no burn rates.
      budget: incidentsBudget(0, 0, 0),
      burnRatesApply: false,
      details: {
        incidents: 0,
        met: 0,
        breached: 0,
        pending: 1,
      },
      openIncidents: [
        {
          source: 'test',
          externalId: 'INC-42',
          priority: 'P2',
          openedAt: Date.parse(opened),
          title: 'Checkout down',
          url: 'https://tickets.example.com/INC-42',
          elapsedMinutes: 90,
          percentOfThreshold: 18.75,
          milestone: 'ok',
          // Monday 16:00 in Berlin (UTC+1).
          breachAt: Date.parse('2026-11-23T15:00:00.000Z'),
        },
      ],
    });
  });

  it('counts resolved incidents as met within the threshold, breached past it', () => {
    // 4 h threshold on 24x7: 1 h, exactly 4 h and 2 h meet it, 4 h 1 min
    // breaches it: 3 of 4 = 75 %, below the 90 % target.
    expect(
      resolution.score(
        testScoringContext({
          objective: p2('4h'),
          period: NOVEMBER,
          now: AFTER_NOVEMBER,
          incidents: [
            resolvedAfter('2026-11-02T10:00:00Z', 60),
            resolvedAfter('2026-11-03T10:00:00Z', 240),
            resolvedAfter('2026-11-04T10:00:00Z', 241),
            resolvedAfter('2026-11-05T10:00:00Z', 120),
          ],
        }),
      ),
    ).toMatchObject({
      attainment: 75,
      met: false,
      details: { incidents: 4, met: 3, breached: 1 },
      openIncidents: [],
    });
  });

  describe('open incidents (10 h threshold on 24x7, now 2026-11-20 12:00 UTC)', () => {
    it.each([
      {
        openedAt: '2026-11-20T10:00:00Z',
        elapsedMinutes: 120,
        percentOfThreshold: 20,
        milestone: 'ok',
        breachAt: Date.parse('2026-11-20T20:00:00.000Z'),
        attainment: 100,
        breached: 0,
      },
      {
        openedAt: '2026-11-20T06:00:00Z',
        elapsedMinutes: 360,
        percentOfThreshold: 60,
        milestone: '50%',
        breachAt: Date.parse('2026-11-20T16:00:00.000Z'),
        attainment: 100,
        breached: 0,
      },
      {
        openedAt: '2026-11-20T04:00:00Z',
        elapsedMinutes: 480,
        percentOfThreshold: 80,
        milestone: '75%',
        breachAt: Date.parse('2026-11-20T14:00:00.000Z'),
        attainment: 100,
        breached: 0,
      },
      {
        // Rule 12: exactly 100 % is within target: 75 % and pending.
        openedAt: '2026-11-20T02:00:00Z',
        elapsedMinutes: 600,
        percentOfThreshold: 100,
        milestone: '75%',
        breachAt: Date.parse('2026-11-20T12:00:00.000Z'),
        attainment: 100,
        breached: 0,
      },
      {
        openedAt: '2026-11-20T00:00:00Z',
        elapsedMinutes: 720,
        percentOfThreshold: 120,
        milestone: 'breached',
        breachAt: Date.parse('2026-11-20T10:00:00.000Z'),
        attainment: 0,
        breached: 1,
      },
    ])(
      'opened $openedAt: $percentOfThreshold % is $milestone',
      ({ openedAt, attainment, breached, ...open }) => {
        expect(
          resolution.score(
            testScoringContext({
              objective: p2('10h'),
              period: NOVEMBER,
              now: '2026-11-20T12:00:00Z',
              incidents: [testIncident({ openedAt })],
            }),
          ),
        ).toEqual({
          attainment,
          met: attainment >= 90,
          // 0 or 1 counted at 90 %: none allowed late.
          budget: incidentsBudget(0, breached, 0),
          burnRatesApply: false,
          details: {
            incidents: breached,
            met: 0,
            breached,
            pending: 1 - breached,
          },
          openIncidents: [
            {
              source: 'test',
              externalId: `INC-${openedAt}`,
              priority: 'P2',
              openedAt: Date.parse(openedAt),
              ...open,
            },
          ],
        });
      },
    );

    it('counts only those past the threshold', () => {
      // 20 %, 60 %, 80 % pending; 120 % breached: 0 of 1 met.
      expect(
        resolution.score(
          testScoringContext({
            objective: p2('10h'),
            period: NOVEMBER,
            now: '2026-11-20T12:00:00Z',
            incidents: [
              testIncident({ openedAt: '2026-11-20T10:00:00Z' }),
              testIncident({ openedAt: '2026-11-20T06:00:00Z' }),
              testIncident({ openedAt: '2026-11-20T04:00:00Z' }),
              testIncident({ openedAt: '2026-11-20T00:00:00Z' }),
            ],
          }),
        ),
      ).toMatchObject({
        attainment: 0,
        met: false,
        details: { incidents: 1, met: 0, breached: 1, pending: 3 },
      });
    });
  });

  describe('pauses stop the clock (5 h threshold on 24x7)', () => {
    // Opened 08:00, resolved 14:00: 6 h of wall time.
    it.each([
      { name: 'no pause', pauses: [], elapsedHours: 6, attainment: 0 },
      {
        name: 'a 2 h pause',
        pauses: [{ from: '2026-11-10T10:00:00Z', to: '2026-11-10T12:00:00Z' }],
        elapsedHours: 4,
        attainment: 100,
      },
      {
        name: 'a 1 h pause, exactly at the threshold',
        pauses: [{ from: '2026-11-10T09:00:00Z', to: '2026-11-10T10:00:00Z' }],
        elapsedHours: 5,
        attainment: 100,
      },
      {
        name: 'a 30 min pause',
        pauses: [{ from: '2026-11-10T09:00:00Z', to: '2026-11-10T09:30:00Z' }],
        elapsedHours: 5.5,
        attainment: 0,
      },
      {
        name: 'overlapping pauses (10:00–11:30 counted once)',
        pauses: [
          { from: '2026-11-10T10:00:00Z', to: '2026-11-10T11:00:00Z' },
          { from: '2026-11-10T10:30:00Z', to: '2026-11-10T11:30:00Z' },
        ],
        elapsedHours: 4.5,
        attainment: 100,
      },
    ])('$name: $elapsedHours h', ({ pauses, attainment }) => {
      expect(
        resolution.score(
          testScoringContext({
            objective: p2('5h'),
            period: NOVEMBER,
            now: AFTER_NOVEMBER,
            incidents: [
              testIncident({
                openedAt: '2026-11-10T08:00:00Z',
                resolvedAt: '2026-11-10T14:00:00Z',
                pauses,
              }),
            ],
          }),
        ),
      ).toMatchObject({ attainment, details: { incidents: 1 } });
    });

    it('runs an open-ended pause up to now and moves the breach after it', () => {
      // 08:00–09:00 runs (1 h); paused since 09:00, still paused at 20:00.
      // The 4 h left run from now: breach at 00:00 the next day.
      expect(
        resolution.score(
          testScoringContext({
            objective: p2('5h'),
            period: NOVEMBER,
            now: '2026-11-10T20:00:00Z',
            incidents: [
              testIncident({
                openedAt: '2026-11-10T08:00:00Z',
                pauses: [{ from: '2026-11-10T09:00:00Z' }],
              }),
            ],
          }),
        ),
      ).toMatchObject({
        attainment: 100,
        details: {
          incidents: 0,
          pending: 1,
        },
        openIncidents: [
          {
            elapsedMinutes: 60,
            percentOfThreshold: 20,
            milestone: 'ok',
            breachAt: Date.parse('2026-11-11T00:00:00.000Z'),
          },
        ],
      });
    });
  });

  describe('the objective calendar (8 h, office hours service)', () => {
    // Friday 21:00 to Monday 09:30 local: 90 min of office hours,
    // 60 h 30 min of wall time.
    it.each([
      { calendar: undefined, attainment: 100 },
      { calendar: 'service-hours' as const, attainment: 100 },
      { calendar: '24x7' as const, attainment: 0 },
    ])('calendar $calendar scores $attainment', ({ calendar, attainment }) => {
      expect(
        resolution.score(
          testScoringContext({
            objective: p2('8h', calendar ? { calendar } : {}),
            serviceHours: officeHours(),
            period: BERLIN_NOVEMBER,
            now: AFTER_NOVEMBER,
            incidents: [
              testIncident({
                openedAt: berlin('2026-11-20T21:00'),
                resolvedAt: berlin('2026-11-23T09:30'),
              }),
            ],
          }),
        ),
      ).toMatchObject({ attainment, details: { incidents: 1 } });
    });

    it('24x7 uses wall time for an open incident too', () => {
      // 3,630 min of 480 = 756.25 %; 8 h after Friday 21:00 is Saturday
      // 05:00 local, 04:00 UTC.
      expect(
        resolution.score(
          testScoringContext({
            objective: p2('8h', { calendar: '24x7' }),
            serviceHours: officeHours(),
            period: BERLIN_NOVEMBER,
            now: berlin('2026-11-23T09:30'),
            incidents: [testIncident({ openedAt: berlin('2026-11-20T21:00') })],
          }),
        ),
      ).toMatchObject({
        attainment: 0,
        met: false,
        details: {
          incidents: 1,
          breached: 1,
          pending: 0,
        },
        openIncidents: [
          {
            elapsedMinutes: 3630,
            percentOfThreshold: 756.25,
            milestone: 'breached',
            breachAt: Date.parse('2026-11-21T04:00:00.000Z'),
          },
        ],
      });
    });
  });

  it('ignores other priorities and incidents opened outside the period', () => {
    // Only the first is counted (met); every other one would breach 4 h.
    expect(
      resolution.score(
        testScoringContext({
          objective: p2('4h'),
          period: NOVEMBER,
          now: AFTER_NOVEMBER,
          incidents: [
            resolvedAfter('2026-11-01T00:00:00Z', 60),
            resolvedAfter('2026-11-10T10:00:00Z', 600, 'P1'),
            resolvedAfter('2026-11-10T10:00:00Z', 600, 'P3'),
            testIncident({ openedAt: '2026-11-10T10:00:00Z', priority: 'P1' }),
            resolvedAfter('2026-10-31T23:59:00Z', 600),
            resolvedAfter('2026-12-01T00:00:00Z', 600),
            testIncident({ openedAt: '2026-12-02T00:00:00Z' }),
          ],
        }),
      ),
    ).toEqual({
      attainment: 100,
      met: true,
      // floor(0.1 × 1) = 0 allowed; floor(1 × 100/90 − 1) = 0 more may be late.
      budget: incidentsBudget(0, 0, 0),
      burnRatesApply: false,
      details: {
        incidents: 1,
        met: 1,
        breached: 0,
        pending: 0,
      },
      openIncidents: [],
    });
  });

  it('ignores incidents opened after now in a running period', () => {
    expect(
      resolution.score(
        testScoringContext({
          objective: p2('4h'),
          period: NOVEMBER,
          now: '2026-11-16T00:00:00Z',
          incidents: [testIncident({ openedAt: '2026-11-16T00:00:00Z' })],
        }),
      ),
    ).toMatchObject({ attainment: 100, details: { incidents: 0, pending: 0 } });
  });

  describe('response stops at acknowledgement or resolution, whichever first; resolution at resolvedAt', () => {
    // Acknowledged / resolved after: A 20 min / 6 h, B 10 min / 6 h,
    // C 5 min / 5 h, D 40 min / 1 h.
    const incidents = [
      ['2026-11-10', '10:20', '16:00'],
      ['2026-11-11', '10:10', '16:00'],
      ['2026-11-12', '10:05', '15:00'],
      ['2026-11-13', '10:40', '11:00'],
    ].map(([day, acknowledged, resolved]) =>
      testIncident({
        openedAt: `${day}T10:00:00Z`,
        acknowledgedAt: `${day}T${acknowledged}:00Z`,
        resolvedAt: `${day}T${resolved}:00Z`,
      }),
    );

    it.each([
      // 30 min: A, B, C met, D breached.
      { type: 'response' as const, threshold: '30m', attainment: 75, met: 3 },
      // 4 h: only D met.
      { type: 'resolution' as const, threshold: '4h', attainment: 25, met: 1 },
    ])(
      '$type within $threshold: $attainment %',
      ({ type, threshold, attainment, met }) => {
        const scorer = type === 'response' ? response : resolution;
        expect(
          scorer.score(
            testScoringContext({
              objective: p2(threshold, { type }),
              period: NOVEMBER,
              now: AFTER_NOVEMBER,
              incidents,
            }),
          ),
        ).toMatchObject({
          attainment,
          met: false,
          details: { incidents: 4, met, breached: 4 - met },
          openIncidents: [],
        });
      },
    );

    it('an acknowledged incident is still open for resolution', () => {
      const context = testScoringContext({
        objective: p2('4h'),
        period: NOVEMBER,
        now: '2026-11-10T11:00:00Z',
        incidents: [
          testIncident({
            openedAt: '2026-11-10T10:00:00Z',
            acknowledgedAt: '2026-11-10T10:10:00Z',
          }),
        ],
      });
      expect(
        response.score({
          ...context,
          objective: {
            ...context.objective,
            type: 'response',
            threshold: '30m',
          },
        }),
      ).toMatchObject({ attainment: 100, details: { incidents: 1, met: 1 } });
      expect(resolution.score(context)).toMatchObject({
        attainment: 100,
        details: {
          incidents: 0,
          pending: 1,
        },
        openIncidents: [{ elapsedMinutes: 60, percentOfThreshold: 25 }],
      });
    });
  });

  describe('no data', () => {
    it('is 100 % with no incident of the priority once sources report', () => {
      expect(
        resolution.score(
          testScoringContext({
            objective: p2('4h'),
            period: NOVEMBER,
            now: AFTER_NOVEMBER,
            incidents: [resolvedAfter('2026-11-10T10:00:00Z', 600, 'P1')],
            outages: [testOutage({ start: '2026-11-10T10:00:00Z' })],
          }),
        ),
      ).toEqual({
        attainment: 100,
        met: true,
        budget: incidentsBudget(0, 0, 0),
        burnRatesApply: false,
        details: {
          incidents: 0,
          met: 0,
          breached: 0,
          pending: 0,
        },
        openIncidents: [],
      });
    });

    it.each([
      {
        name: 'nothing was measured',
        threshold: '4h',
        now: AFTER_NOVEMBER,
        measured: false,
      },
      {
        name: 'the period is in the future',
        threshold: '4h',
        now: '2026-10-20T00:00:00Z',
        measured: true,
      },
      {
        name: 'the threshold is missing',
        threshold: '',
        now: AFTER_NOVEMBER,
        measured: true,
      },
      {
        name: 'the threshold is invalid',
        threshold: 'soon',
        now: AFTER_NOVEMBER,
        measured: true,
      },
    ])('is null when $name', ({ threshold, now, measured }) => {
      expect(
        resolution.score(
          testScoringContext({
            objective: p2(threshold),
            period: NOVEMBER,
            now,
            incidents: measured
              ? [resolvedAfter('2026-11-10T10:00:00Z', 60)]
              : [],
          }),
        ),
        // Rule 3: no burn rates for incident objectives, even without data.
      ).toEqual({ attainment: null, met: null, burnRatesApply: false });
    });
  });
});

describe('incidents across the end of a period', () => {
  it('counts open incidents not yet past the threshold as pending', () => {
    const score = resolution.score(
      testScoringContext({
        objective: p2('4h'),
        period: NOVEMBER,
        now: '2026-11-30T23:30:00Z',
        incidents: [
          testIncident({
            openedAt: '2026-11-02T10:00:00Z',
            resolvedAt: '2026-11-02T14:01:00Z',
          }),
          testIncident({ openedAt: '2026-11-30T22:30:00Z' }),
        ],
      }),
    );
    expect(score.details).toMatchObject({
      incidents: 1,
      met: 0,
      breached: 1,
      pending: 1,
    });
  });

  it('judges an incident opened late in a closed month by its final outcome', () => {
    const score = resolution.score(
      testScoringContext({
        objective: p2('4h'),
        period: NOVEMBER,
        now: AFTER_NOVEMBER,
        incidents: [
          // Opened 1 h before the month ended, resolved 2 h later: met.
          testIncident({
            openedAt: '2026-11-30T23:00:00Z',
            resolvedAt: '2026-12-01T01:00:00Z',
          }),
          // Opened 1 h before the end, resolved 5 h later: breached.
          testIncident({
            externalId: 'late',
            openedAt: '2026-11-30T23:00:00Z',
            resolvedAt: '2026-12-01T04:00:00Z',
          }),
        ],
      }),
    );
    expect(score).toMatchObject({
      attainment: 50,
      details: { incidents: 2, met: 1, breached: 1, pending: 0 },
    });
  });
});

describe('rule 2: the clock runs until the stop or now, not the period end', () => {
  // P1, resolution within 4 h on 24x7, opened 1 h before November ended
  // and still open.
  const context = (now: string) =>
    testScoringContext({
      objective: p2('4h', { priority: 'P1' }),
      period: NOVEMBER,
      now,
      incidents: [
        testIncident({ openedAt: '2026-11-30T23:00:00Z', priority: 'P1' }),
      ],
    });

  it('breaches a running incident of a closed period once past the threshold', () => {
    // Nov 30 23:00 to Dec 5 00:00: 97 h, not the 1 h up to the period end.
    expect(resolution.score(context(AFTER_NOVEMBER))).toMatchObject({
      attainment: 0,
      met: false,
      budget: incidentsBudget(0, 1, 0),
      details: {
        incidents: 1,
        met: 0,
        breached: 1,
        pending: 0,
      },
      openIncidents: [
        {
          elapsedMinutes: 97 * 60,
          percentOfThreshold: 2425,
          milestone: 'breached',
          breachAt: Date.parse('2026-12-01T03:00:00.000Z'),
        },
      ],
    });
  });

  it('keeps it pending while within the threshold after the period end', () => {
    expect(resolution.score(context('2026-12-01T02:00:00Z'))).toMatchObject({
      attainment: 100,
      budget: incidentsBudget(0, 0, 0),
      details: {
        incidents: 0,
        breached: 0,
        pending: 1,
      },
      openIncidents: [
        { elapsedMinutes: 180, percentOfThreshold: 75, milestone: '75%' },
      ],
    });
  });

  it('response stops at the resolution when it comes before the acknowledgement', () => {
    // Within 30 min: resolved after 10 min and never acknowledged (met),
    // resolved after 10 min and acknowledged after 2 h (met), acknowledged
    // after 40 min and not resolved (breached, stopped: not open).
    expect(
      response.score(
        testScoringContext({
          objective: p2('30m', { type: 'response' }),
          period: NOVEMBER,
          now: AFTER_NOVEMBER,
          incidents: [
            resolvedAfter('2026-11-10T10:00:00Z', 10),
            testIncident({
              openedAt: '2026-11-11T10:00:00Z',
              resolvedAt: '2026-11-11T10:10:00Z',
              acknowledgedAt: '2026-11-11T12:00:00Z',
            }),
            testIncident({
              openedAt: '2026-11-12T10:00:00Z',
              acknowledgedAt: '2026-11-12T10:40:00Z',
            }),
          ],
        }),
      ),
    ).toMatchObject({
      attainment: (100 * 2) / 3,
      details: {
        incidents: 3,
        met: 2,
        breached: 1,
        pending: 0,
      },
      openIncidents: [],
    });
  });

  it('runs an open pause until now, not until the period end', () => {
    // Opened Nov 30 20:00, paused since 21:00 and still paused on Dec 5:
    // 1 h of 4 h. Were the pause cut at the period end, Dec 1 00:00 to now
    // would count and breach it.
    expect(
      resolution.score(
        testScoringContext({
          objective: p2('4h'),
          period: NOVEMBER,
          now: AFTER_NOVEMBER,
          incidents: [
            testIncident({
              openedAt: '2026-11-30T20:00:00Z',
              pauses: [{ from: '2026-11-30T21:00:00Z' }],
            }),
          ],
        }),
      ),
    ).toMatchObject({
      attainment: 100,
      details: {
        incidents: 0,
        pending: 1,
      },
      openIncidents: [
        {
          elapsedMinutes: 60,
          percentOfThreshold: 25,
          milestone: 'ok',
          // The 3 h left run from now.
          breachAt: Date.parse('2026-12-05T03:00:00.000Z'),
        },
      ],
    });
  });
});

describe('rule 2: running incidents of earlier periods in the open list', () => {
  const DECEMBER: [string, string] = [
    '2026-12-01T00:00:00Z',
    '2027-01-01T00:00:00Z',
  ];
  const incidents = [
    // Running, opened in November: listed while December is open.
    testIncident({ externalId: 'A', openedAt: '2026-11-30T23:00:00Z' }),
    // Stopped: never listed.
    testIncident({
      externalId: 'B',
      openedAt: '2026-11-30T22:00:00Z',
      resolvedAt: '2026-12-01T01:00:00Z',
    }),
    // Another priority: never listed.
    testIncident({
      externalId: 'C',
      openedAt: '2026-11-30T23:30:00Z',
      priority: 'P1',
    }),
    // December's own, running.
    testIncident({ externalId: 'D', openedAt: '2026-12-01T01:00:00Z' }),
    // Running since Nov 20: breached in November, listed, not counted here.
    testIncident({ externalId: 'E', openedAt: '2026-11-20T00:00:00Z' }),
  ];

  it('lists them with earlierPeriod while the period is open, without counting them', () => {
    const score = resolution.score(
      testScoringContext({
        objective: p2('4h'),
        period: DECEMBER,
        now: '2026-12-01T02:00:00Z',
        incidents,
      }),
    );
    expect(score).toMatchObject({
      attainment: 100,
      budget: incidentsBudget(0, 0, 0),
      details: { incidents: 0, met: 0, breached: 0, pending: 1 },
    });
    expect(
      score.openIncidents!.map(
        ({ externalId, milestone: m, earlierPeriod, elapsedMinutes }) => ({
          externalId,
          milestone: m,
          earlierPeriod,
          elapsedMinutes,
        }),
      ),
    ).toEqual([
      {
        externalId: 'A',
        milestone: '75%',
        earlierPeriod: true,
        elapsedMinutes: 180,
      },
      {
        externalId: 'E',
        milestone: 'breached',
        earlierPeriod: true,
        elapsedMinutes: (11 * 24 + 2) * 60,
      },
      {
        externalId: 'D',
        milestone: 'ok',
        earlierPeriod: undefined,
        elapsedMinutes: 60,
      },
    ]);
  });

  it('leaves them out once the period is closed', () => {
    expect(
      resolution.score(
        testScoringContext({
          objective: p2('4h'),
          period: DECEMBER,
          now: '2027-01-05T00:00:00Z',
          incidents,
        }),
      ),
    ).toMatchObject({
      attainment: 0,
      details: {
        incidents: 1,
        breached: 1,
        pending: 0,
      },
      openIncidents: [{ externalId: 'D', milestone: 'breached' }],
    });
    const { openIncidents } = resolution.score(
      testScoringContext({
        objective: p2('4h'),
        period: DECEMBER,
        now: '2027-01-05T00:00:00Z',
        incidents,
      }),
    );
    expect(openIncidents).toHaveLength(1);
    expect(openIncidents).not.toContainEqual(
      expect.objectContaining({ earlierPeriod: true }),
    );
  });
});

describe('rule 1: the incidents budget', () => {
  // Met ones resolved after 1 h, breached ones after 10 h, on 4 h.
  it.each([
    // floor(0.1 × 20) = 2 allowed; 19 met allow floor(21.1 − 20) = 1 more.
    { target: 90, met: 19, breached: 1, allowed: 2, remaining: 1 },
    // 19 × 100/95 − 20 = 0 exactly.
    { target: 95, met: 19, breached: 1, allowed: 1, remaining: 0 },
    // 0.29 × 100 is 28.999999999999996 in floating point: still 29.
    { target: 71, met: 71, breached: 29, allowed: 29, remaining: 0 },
    { target: 90, met: 27, breached: 3, allowed: 3, remaining: 0 },
    { target: 90, met: 10, breached: 0, allowed: 1, remaining: 1 },
    { target: 50, met: 10, breached: 0, allowed: 5, remaining: 10 },
    // Overspent: floor(2.4) = 2 allowed, 4 spent, none left (not −2).
    { target: 80, met: 8, breached: 4, allowed: 2, remaining: 0 },
    // t = 100: nothing allowed.
    { target: 100, met: 5, breached: 1, allowed: 0, remaining: 0 },
  ])(
    '$met met, $breached breached at $target %: allowed $allowed, remaining $remaining',
    ({ target, met, breached, allowed, remaining }) => {
      const start = Date.parse('2026-11-02T00:00:00Z');
      const opened = (i: number) =>
        new Date(start + i * 3_600_000).toISOString();
      const incidents = [
        ...Array.from({ length: met }, (_, i) => resolvedAfter(opened(i), 60)),
        ...Array.from({ length: breached }, (_, i) =>
          resolvedAfter(opened(met + i), 600),
        ),
      ];
      expect(
        resolution.score(
          testScoringContext({
            objective: p2('4h', { target }),
            period: NOVEMBER,
            now: AFTER_NOVEMBER,
            incidents,
          }),
        ),
      ).toMatchObject({
        attainment: (100 * met) / (met + breached),
        budget: incidentsBudget(allowed, breached, remaining),
        burnRatesApply: false,
        details: { incidents: met + breached, met, breached },
      });
    },
  );
});
