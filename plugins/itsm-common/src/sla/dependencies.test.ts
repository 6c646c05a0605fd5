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
import type {
  Agreement,
  AgreementWindow,
  ITServiceEntity,
  Objective,
  ServiceHours,
} from '../entities';
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
      reasons: ['lower-target'],
      message:
        'UC "cloud-uc" of itservice:default/hosting objective "vm-uptime" (99.5 % per calendar-month, 24x7) ' +
        'is less strict than SLA "gold" objective "availability" (99.9 % per calendar-month, 24x7): ' +
        'lower target (99.5 % instead of 99.9 %)',
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
      reasons: ['longer-threshold'],
      message:
        'OLA "platform-ola" of itservice:default/payments objective "p1-ack" (95 % within 30m per calendar-month, 24x7) ' +
        'is less strict than SLA "gold" objective "p1-response" (95 % within 15m per calendar-month, 24x7): ' +
        'longer threshold (30m instead of 15m)',
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
      reasons: ['lower-target', 'longer-threshold'],
      message:
        'UC "cloud-uc" of itservice:default/hosting objective "p1-support" (90 % within 1h per calendar-month, 24x7) ' +
        'is less strict than SLA "gold" objective "p1-response" (95 % within 15m per calendar-month, 24x7): ' +
        'lower target (90 % instead of 95 %); longer threshold (1h instead of 15m)',
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
      reasons: ['lower-target'],
      message:
        'OLA "dns-ola" of itservice:default/dns objective "lookups" (98.9 % per calendar-month, 24x7) ' +
        'is less strict than SLA "gold" objective "latency" (99 % per calendar-month, 24x7): ' +
        'lower target (98.9 % instead of 99 %)',
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

describe('underpinningWarnings, like with like', () => {
  const weekdays: ServiceHours['intervals'][number]['days'] = [
    'mon',
    'tue',
    'wed',
    'thu',
    'fri',
  ];
  const officeHours = (
    more: Partial<ServiceHours> = {},
    start = '08:00',
  ): ServiceHours => ({
    timezone: 'Europe/Berlin',
    intervals: [{ days: weekdays, start, end: '17:00' }],
    ...more,
  });
  const service = (
    name: string,
    agreements: Agreement[],
    serviceHours?: ServiceHours,
  ): ITServiceEntity => ({
    apiVersion: 'itsm.backstage.io/v1alpha1',
    kind: 'ITService',
    metadata: { name },
    spec: {
      type: 'technical',
      lifecycle: 'live',
      owner: 'team-a',
      ...(serviceHours && { serviceHours }),
      agreements,
    },
  });
  const agreement = (
    name: string,
    type: Agreement['type'],
    window: AgreementWindow,
    objectives: Objective[],
  ): Agreement => ({ name, type, with: 'retail', window, objectives });
  const availability = (
    target: number,
    calendar?: Objective['calendar'],
  ): Objective => ({
    name: 'availability',
    type: 'availability',
    target,
    ...(calendar && { calendar }),
  });
  const resolution = (
    threshold: string,
    calendar?: Objective['calendar'],
  ): Objective => ({
    name: 'p1-resolution',
    type: 'resolution',
    priority: 'P1',
    target: 95,
    threshold,
    ...(calendar && { calendar }),
  });
  /** The retail service and its SLA, on its service hours if it has them. */
  const retail = (
    objective: Objective,
    window: AgreementWindow = 'calendar-month',
    serviceHours?: ServiceHours,
  ) =>
    service(
      'retail',
      [agreement('retail-sla', 'SLA', window, [objective])],
      serviceHours,
    );
  /** The network service and its UC. */
  const network = (
    objective: Objective,
    window: AgreementWindow = 'calendar-month',
    serviceHours?: ServiceHours,
  ) =>
    service(
      'network',
      [agreement('telnova-uc', 'UC', window, [objective])],
      serviceHours,
    );
  const reasons = (sla: ITServiceEntity, underpinning: ITServiceEntity) =>
    underpinningWarnings(sla, [underpinning]).map(w => w.reasons);

  describe('the issue', () => {
    it('warns about a business-hours OLA under a 24x7 SLA with the same threshold', () => {
      const desk = service(
        'service-desk',
        [agreement('desk-ola', 'OLA', 'calendar-month', [resolution('4h')])],
        officeHours(),
      );
      expect(underpinningWarnings(retail(resolution('4h')), [desk])).toEqual([
        {
          sla: 'retail-sla',
          objective: 'p1-resolution',
          underpinning: {
            service: 'itservice:default/service-desk',
            agreement: 'desk-ola',
            type: 'OLA',
            objective: 'p1-resolution',
          },
          slaTarget: 95,
          underpinningTarget: 95,
          reasons: ['fewer-hours'],
          message:
            'OLA "desk-ola" of itservice:default/service-desk objective "p1-resolution" ' +
            '(95 % within 4h per calendar-month, service hours Mon–Fri 08:00–17:00 Europe/Berlin) ' +
            'is less strict than SLA "retail-sla" objective "p1-resolution" ' +
            '(95 % within 4h per calendar-month, 24x7): ' +
            'measured on fewer hours (service hours instead of 24x7)',
        },
      ]);
    });

    it('warns about a quarterly UC under a monthly SLA with the same target', () => {
      const [warning] = underpinningWarnings(retail(availability(99.9)), [
        network(availability(99.9), 'calendar-quarter'),
      ]);
      expect(warning.reasons).toEqual(['longer-window']);
      expect(warning.message).toBe(
        'UC "telnova-uc" of itservice:default/network objective "availability" ' +
          '(99.9 % per calendar-quarter, 24x7) ' +
          'is less strict than SLA "retail-sla" objective "availability" ' +
          '(99.9 % per calendar-month, 24x7): ' +
          'longer window (calendar-quarter instead of calendar-month)',
      );
    });

    it('warns about a UC available in business hours under a 24x7 SLA', () => {
      const [warning] = underpinningWarnings(retail(availability(99.9)), [
        network(availability(99.9), 'calendar-month', officeHours()),
      ]);
      expect(warning.reasons).toEqual(['fewer-hours']);
      expect(warning.message).toBe(
        'UC "telnova-uc" of itservice:default/network objective "availability" ' +
          '(99.9 % per calendar-month, service hours Mon–Fri 08:00–17:00 Europe/Berlin) ' +
          'is less strict than SLA "retail-sla" objective "availability" ' +
          '(99.9 % per calendar-month, 24x7): ' +
          'measured on fewer hours (service hours instead of 24x7)',
      );
    });

    it('names every reason', () => {
      const [warning] = underpinningWarnings(retail(availability(99.9)), [
        network(availability(99.9), 'calendar-quarter', officeHours()),
      ]);
      expect(warning.reasons).toEqual(['fewer-hours', 'longer-window']);
      expect(warning.message).toBe(
        'UC "telnova-uc" of itservice:default/network objective "availability" ' +
          '(99.9 % per calendar-quarter, service hours Mon–Fri 08:00–17:00 Europe/Berlin) ' +
          'is less strict than SLA "retail-sla" objective "availability" ' +
          '(99.9 % per calendar-month, 24x7): ' +
          'measured on fewer hours (service hours instead of 24x7); ' +
          'longer window (calendar-quarter instead of calendar-month)',
      );
    });
  });

  describe('calendar', () => {
    it('takes the default calendar from the service carrying the agreement', () => {
      // One service with service hours carries both agreements.
      const both = (slaObjective: Objective) =>
        service(
          'retail',
          [
            agreement('retail-sla', 'SLA', 'calendar-month', [slaObjective]),
            agreement('desk-ola', 'OLA', 'calendar-month', [resolution('4h')]),
          ],
          officeHours(),
        );
      expect(underpinningWarnings(both(resolution('4h')), [])).toEqual([]);
      expect(
        underpinningWarnings(both(resolution('4h', '24x7')), []).map(
          w => w.reasons,
        ),
      ).toEqual([['fewer-hours']]);
    });

    it('gives no calendar warning for a 24x7 underpinning under an SLA on service hours', () => {
      const sla = retail(availability(99.9), 'calendar-month', officeHours());
      expect(reasons(sla, network(availability(99.9)))).toEqual([]);
      expect(
        reasons(
          sla,
          network(availability(99.9, '24x7'), 'calendar-month', officeHours()),
        ),
      ).toEqual([]);
    });

    it('counts service hours on a service without them as 24x7', () => {
      expect(
        reasons(
          retail(availability(99.9)),
          network(availability(99.9, 'service-hours')),
        ),
      ).toEqual([]);
    });

    it('accepts service hours covering the whole week under a 24x7 SLA, but not their holidays', () => {
      const always = (holidays?: ServiceHours['holidays']) =>
        network(availability(99.9), 'calendar-month', {
          timezone: 'Asia/Kolkata',
          intervals: [
            { days: [...weekdays, 'sat', 'sun'], start: '00:00', end: '24:00' },
          ],
          ...(holidays && { holidays }),
        });
      const sla = retail(availability(99.9));
      expect(reasons(sla, always())).toEqual([]);
      expect(reasons(sla, always([{ date: '2026-12-25' }]))).toEqual([
        ['fewer-hours'],
      ]);
    });

    it('compares weekly service hours as time in UTC', () => {
      const sla = retail(availability(99.9), 'calendar-month', officeHours());
      const under = (hours: ServiceHours) =>
        underpinningWarnings(sla, [
          network(availability(99.9), 'calendar-month', hours),
        ]);
      // Mon–Sat 07:00–20:00 covers Mon–Fri 08:00–17:00.
      expect(
        under({
          timezone: 'Europe/Berlin',
          intervals: [
            { days: [...weekdays, 'sat'], start: '07:00', end: '20:00' },
          ],
        }),
      ).toEqual([]);
      // The same hours, in Lisbon: from 09:00 to 18:00 in Berlin.
      const [lisbon] = under(officeHours({ timezone: 'Europe/Lisbon' }));
      expect(lisbon.reasons).toEqual(['fewer-hours']);
      expect(lisbon.message).toMatch(
        /: measured on fewer hours \(service hours cover 40 of the SLA's 45 hours a week\)$/,
      );
      // Starting an hour later.
      expect(
        under(officeHours({}, '09:00')).map(w => w.message.split(': ')[1]),
      ).toEqual([
        "measured on fewer hours (service hours cover 40 of the SLA's 45 hours a week)",
      ]);
    });

    it('counts holidays of the underpinning on which the SLA runs', () => {
      const sla = (holidays?: ServiceHours['holidays']) =>
        retail(
          availability(99.9),
          'calendar-month',
          officeHours(holidays && { holidays }),
        );
      const ola = network(
        availability(99.9),
        'calendar-month',
        officeHours({
          // Thursday, Sunday
          holidays: [{ date: '2026-12-24' }, { date: '2026-12-27' }],
        }),
      );
      const [warning] = underpinningWarnings(sla(), [ola]);
      expect(warning.reasons).toEqual(['fewer-hours']);
      expect(warning.message).toBe(
        'UC "telnova-uc" of itservice:default/network objective "availability" ' +
          '(99.9 % per calendar-month, service hours Mon–Fri 08:00–17:00 Europe/Berlin except 2 holidays) ' +
          'is less strict than SLA "retail-sla" objective "availability" ' +
          '(99.9 % per calendar-month, service hours Mon–Fri 08:00–17:00 Europe/Berlin): ' +
          "measured on fewer hours (holidays 2026-12-24 on which the SLA's clock runs)",
      );
      // A holiday of the SLA too, or on a day the SLA does not run: no matter.
      expect(reasons(sla([{ date: '2026-12-24' }]), ola)).toEqual([]);
    });
  });

  describe('window', () => {
    it.each<[AgreementWindow, AgreementWindow, boolean]>([
      ['calendar-month', 'calendar-quarter', true],
      ['calendar-month', 'rolling-28d', false],
      ['rolling-28d', 'calendar-month', true],
      ['rolling-28d', 'rolling-30d', true],
      ['calendar-month', 'rolling-30d', false],
      ['rolling-30d', 'calendar-month', false],
      ['calendar-week', 'rolling-7d', false],
      ['rolling-7d', 'calendar-week', false],
      ['calendar-week', 'rolling-28d', true],
      ['calendar-quarter', 'calendar-month', false],
    ])('SLA per %s, underpinning per %s: weaker %p', (sla, under, weaker) => {
      expect(
        reasons(
          retail(availability(99.9), sla),
          network(availability(99.9), under),
        ),
      ).toEqual(weaker ? [['longer-window']] : []);
    });

    it('lets a higher target make up for a longer window', () => {
      const sla = retail(availability(99.9));
      // 0.05 % of a quarter is 0.15 % of a month: 99.85 % at worst.
      expect(
        reasons(sla, network(availability(99.95), 'calendar-quarter')),
      ).toEqual([['longer-window']]);
      // 0.01 % of a quarter is 0.03 % of a month: 99.97 % at worst.
      expect(
        reasons(sla, network(availability(99.99), 'calendar-quarter')),
      ).toEqual([]);
      // 100 % per quarter is 100 % every month.
      expect(
        reasons(
          retail(availability(100)),
          network(availability(100), 'calendar-quarter'),
        ),
      ).toEqual([]);
    });

    it('adds to a lower target', () => {
      expect(
        reasons(
          retail(availability(99.9)),
          network(availability(99.5), 'calendar-quarter'),
        ),
      ).toEqual([['lower-target', 'longer-window']]);
    });
  });

  it('has nothing to say about an equal or stricter underpinning', () => {
    expect(
      reasons(retail(availability(99.9)), network(availability(99.9))),
    ).toEqual([]);
    expect(
      reasons(retail(resolution('4h')), network(resolution('4h'))),
    ).toEqual([]);
    const sla = (objective: Objective) =>
      retail(objective, 'calendar-month', officeHours());
    const stricter = (objective: Objective) =>
      network(objective, 'rolling-7d', officeHours());
    expect(
      reasons(sla(availability(99.9)), stricter(availability(99.95))),
    ).toEqual([]);
    expect(reasons(sla(resolution('4h')), stricter(resolution('2h')))).toEqual(
      [],
    );
  });
});
