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

import type { Entity } from '@backstage/catalog-model';
import {
  formatItsmValidationProblems,
  validateItsmEntity,
} from './validateItsmEntity';

const apiVersion = 'itsm.backstage.io/v1alpha1';

function service(spec: Record<string, unknown> = {}): Entity {
  return {
    apiVersion,
    kind: 'ITService',
    metadata: { name: 'online-banking', namespace: 'default' },
    spec: {
      type: 'business',
      lifecycle: 'live',
      owner: 'group:digital-channels',
      customers: ['retail-customers'],
      users: ['retail-customers', 'stakeholder:branch-staff'],
      suppliers: ['cloudhost'],
      dependsOn: ['payments-platform', 'component:default/banking-web'],
      implementedBy: ['system:online-banking'],
      serviceHours: {
        timezone: 'Europe/Berlin',
        intervals: [
          {
            days: ['mon', 'tue', 'wed', 'thu', 'fri'],
            start: '08:00',
            end: '17:00',
          },
        ],
        holidays: [{ date: '2026-12-25', name: 'Christmas Day' }],
      },
      maintenance: [
        {
          name: 'sunday-patching',
          rrule: 'FREQ=WEEKLY;BYDAY=SU',
          start: '2026-01-04T02:00',
          duration: '2h',
        },
      ],
      agreements: [
        {
          name: 'retail-sla',
          type: 'SLA',
          with: 'stakeholder:default/retail-customers',
          window: 'calendar-month',
          objectives: [
            { name: 'availability', type: 'availability', target: 99.9 },
            {
              name: 'p1-resolution',
              type: 'resolution',
              priority: 'P1',
              threshold: '4h',
              calendar: 'service-hours',
              target: 95,
            },
            {
              name: 'login-success',
              type: 'sli',
              indicator: 'login',
              target: 99.5,
            },
          ],
          fee: { amount: 25000, currency: 'EUR' },
          credits: {
            tiers: [
              { below: 99.9, credit: 5 },
              { below: 99, credit: 15 },
            ],
            cap: 30,
          },
        },
        {
          name: 'hosting-uc',
          type: 'UC',
          with: 'supplier:cloudhost',
          window: 'calendar-quarter',
          objectives: [
            { name: 'availability', type: 'availability', target: 99.95 },
          ],
        },
        {
          name: 'network-ola',
          type: 'OLA',
          with: 'group:network-operations',
          window: 'rolling-28d',
          objectives: [
            {
              name: 'p2-response',
              type: 'response',
              priority: 'P2',
              threshold: '30m',
              target: 90,
            },
          ],
        },
      ],
      ...spec,
    },
  };
}

function agreementsWith(change: (agreements: any[]) => void): Entity {
  const entity = service();
  change((entity.spec as any).agreements);
  return entity;
}

const stakeholder: Entity = {
  apiVersion,
  kind: 'Stakeholder',
  metadata: { name: 'retail-customers' },
  spec: {
    type: 'external',
    roles: ['customer', 'user'],
    organization: 'Retail banking customers',
    group: 'retail-banking',
    contacts: [
      {
        name: 'Ana Ruiz',
        email: 'ana.ruiz@example.com',
        role: 'Customer advocate',
      },
    ],
  },
};

const supplier: Entity = {
  apiVersion,
  kind: 'Supplier',
  metadata: { name: 'cloudhost' },
  spec: {
    category: 'strategic',
    owner: 'user:jane.doe',
    contract: {
      reference: 'CH-2024-001',
      start: '2024-01-01',
      end: '2027-01-01',
      renewal: 'manual',
      noticePeriod: '90d',
    },
    website: 'https://cloudhost.example.com',
  },
};

function problemsOf(entity: Entity) {
  return formatItsmValidationProblems(validateItsmEntity(entity));
}

describe('validateItsmEntity', () => {
  it('accepts a complete entity of each kind', () => {
    expect(validateItsmEntity(service())).toEqual([]);
    expect(validateItsmEntity(stakeholder)).toEqual([]);
    expect(validateItsmEntity(supplier)).toEqual([]);
  });

  it.each([
    // eslint-disable-next-line no-script-url -- the attack under test
    'javascript:alert(document.domain)',
    'data:text/html,<script>alert(1)</script>',
    'ftp://cloudhost.example.com',
  ])('refuses a supplier website %p that is not http or https', website => {
    expect(
      problemsOf({ ...supplier, spec: { ...supplier.spec, website } }),
    ).toContain('spec.website');
  });

  it('ignores entities of other kinds', () => {
    expect(
      validateItsmEntity({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: 'x' },
        spec: { type: 42 },
      }),
    ).toEqual([]);
  });

  it.each([
    [
      'unknown type',
      service({ type: 'premium' }),
      'spec.type: must be one of business, technical (got "premium")',
    ],
    [
      'unknown lifecycle',
      service({ lifecycle: 'live-ish' }),
      'spec.lifecycle: must be one of pipeline, live, retired (got "live-ish")',
    ],
    [
      'missing owner',
      (() => {
        const e = service();
        delete (e.spec as any).owner;
        return e;
      })(),
      'spec.owner: is required',
    ],
    [
      'unknown field',
      service({ custmers: ['x'] }),
      'spec.custmers: is not a known field of spec',
    ],
    [
      'unknown zone',
      service({
        serviceHours: {
          timezone: 'Mars/Olympus',
          intervals: [{ days: ['mon'], start: '08:00', end: '17:00' }],
        },
      }),
      'spec.serviceHours.timezone: must be an IANA time zone such as Europe/Berlin (got "Mars/Olympus")',
    ],
    [
      'interval backwards',
      service({
        serviceHours: {
          timezone: 'UTC',
          intervals: [{ days: ['mon'], start: '17:00', end: '08:00' }],
        },
      }),
      'spec.serviceHours.intervals[0]: start must be before end (got 17:00–08:00)',
    ],
    [
      'malformed RRULE',
      service({
        maintenance: [
          {
            name: 'w',
            rrule: 'FREQ=FORTNIGHTLY',
            start: '2026-01-04T02:00',
            duration: '2h',
          },
        ],
      }),
      'spec.maintenance[0].rrule: must be an RFC 5545 recurrence rule such as FREQ=WEEKLY;BYDAY=SU (got "FREQ=FORTNIGHTLY")',
    ],
    [
      'minutely maintenance',
      service({
        maintenance: [
          {
            name: 'w',
            rrule: 'FREQ=MINUTELY',
            start: '2026-01-04T02:00',
            duration: '5m',
          },
        ],
      }),
      'spec.maintenance[0].rrule: FREQ=MINUTELY repeats more often than hourly: maintenance windows may repeat at most hourly (FREQ=HOURLY, DAILY, WEEKLY, MONTHLY or YEARLY)',
    ],
    [
      'secondly maintenance',
      service({
        maintenance: [
          {
            name: 'w',
            rrule: 'FREQ=SECONDLY;INTERVAL=1',
            start: '2026-01-04T02:00',
            duration: '5m',
          },
        ],
      }),
      'spec.maintenance[0].rrule: FREQ=SECONDLY repeats more often than hourly: maintenance windows may repeat at most hourly (FREQ=HOURLY, DAILY, WEEKLY, MONTHLY or YEARLY)',
    ],
    [
      'maintenance by the second',
      service({
        maintenance: [
          {
            name: 'w',
            rrule: 'FREQ=DAILY;BYSECOND=0,1,2',
            start: '2026-01-04T02:00',
            duration: '5m',
          },
        ],
      }),
      'spec.maintenance[0].rrule: BYSECOND is not supported: maintenance windows start on whole minutes',
    ],
    [
      'maintenance several times an hour',
      service({
        maintenance: [
          {
            name: 'w',
            rrule: 'FREQ=HOURLY;BYMINUTE=0,15,30,45',
            start: '2026-01-04T02:00',
            duration: '5m',
          },
        ],
      }),
      'spec.maintenance[0].rrule: BYMINUTE may hold one minute only: maintenance windows repeat at most hourly',
    ],
    [
      'malformed maintenance duration',
      service({
        maintenance: [
          {
            name: 'w',
            rrule: 'FREQ=DAILY',
            start: '2026-01-04T02:00',
            duration: '2 hours',
          },
        ],
      }),
      'spec.maintenance[0].duration: must be a duration such as 15m, 4h, 1h30m, 90d or 2w (got "2 hours")',
    ],
    [
      'ref of the wrong kind',
      service({ suppliers: ['group:cloudhost'] }),
      'spec.suppliers[0]: "group:cloudhost" is a group, expected a Supplier',
    ],
    [
      'implementedBy without kind',
      service({ implementedBy: ['online-banking'] }),
      'spec.implementedBy[0]: Entity reference "online-banking" had missing or empty kind',
    ],
    [
      'self dependency',
      service({ dependsOn: ['online-banking'] }),
      'spec.dependsOn[0]: a service cannot depend on itself',
    ],
  ])('reports %s', (_, entity, expected) => {
    expect(problemsOf(entity)).toContain(expected);
  });

  it.each([
    [
      'target of 0',
      (a: any[]) => {
        a[0].objectives[0].target = 0;
      },
      'spec.agreements[0].objectives[0].target: must be greater than 0 (got 0)',
    ],
    [
      'target above 100',
      (a: any[]) => {
        a[0].objectives[0].target = 100.5;
      },
      'spec.agreements[0].objectives[0].target: must be at most 100 (got 100.5)',
    ],
    [
      'malformed threshold',
      (a: any[]) => {
        a[0].objectives[1].threshold = '4 hours';
      },
      'spec.agreements[0].objectives[1].threshold: must be a duration such as 15m, 4h, 1h30m, 90d or 2w (got "4 hours")',
    ],
    [
      'missing threshold',
      (a: any[]) => {
        delete a[2].objectives[0].threshold;
      },
      'spec.agreements[2].objectives[0].threshold: is required for a response objective, e.g. 4h',
    ],
    [
      'threshold on availability',
      (a: any[]) => {
        a[0].objectives[0].threshold = '1h';
      },
      'spec.agreements[0].objectives[0].threshold: applies only to response and resolution objectives, not availability',
    ],
    [
      'sli without indicator',
      (a: any[]) => {
        delete a[0].objectives[2].indicator;
      },
      'spec.agreements[0].objectives[2].indicator: is required for an sli objective',
    ],
    [
      'prometheus with both good and errors',
      (a: any[]) => {
        a[0].objectives[2].prometheus = {
          good: 'ok_total',
          errors: 'failed_total',
          total: 'requests_total',
        };
      },
      'spec.agreements[0].objectives[2].prometheus: needs exactly one of good and errors, beside total',
    ],
    [
      'prometheus without total',
      (a: any[]) => {
        a[0].objectives[2].prometheus = { good: 'ok_total' };
      },
      'spec.agreements[0].objectives[2].prometheus.total: is required',
    ],
    [
      'prometheus on availability',
      (a: any[]) => {
        a[0].objectives[0].prometheus = { good: 'up', total: 'all' };
      },
      'spec.agreements[0].objectives[0].prometheus: applies only to sli objectives, not availability',
    ],
    [
      'SLA with a non-customer',
      (a: any[]) => {
        a[0].with = 'stakeholder:branch-staff';
      },
      'spec.agreements[0].with: an SLA\'s counterparty must be one of spec.customers (got "stakeholder:branch-staff")',
    ],
    [
      'UC with a non-supplier',
      (a: any[]) => {
        a[1].with = 'supplier:telco';
      },
      'spec.agreements[1].with: a UC\'s counterparty must be one of spec.suppliers (got "supplier:telco")',
    ],
    [
      'UC with a stakeholder',
      (a: any[]) => {
        a[1].with = 'stakeholder:retail-customers';
      },
      'spec.agreements[1].with: "stakeholder:retail-customers" is a stakeholder, expected a Supplier',
    ],
    [
      'OLA with a customer',
      (a: any[]) => {
        a[2].with = 'retail-customers';
      },
      'spec.agreements[2].with: an OLA is with an internal party, but "retail-customers" is a customer of this service: use an SLA',
    ],
    [
      'OLA with a supplier',
      (a: any[]) => {
        a[2].with = 'supplier:cloudhost';
      },
      'spec.agreements[2].with: "supplier:cloudhost" is a supplier, expected a Stakeholder or Group',
    ],
    [
      'duplicate agreement names',
      (a: any[]) => {
        a[1].name = 'retail-sla';
      },
      'spec.agreements[1].name: duplicate agreement name "retail-sla"',
    ],
    [
      'duplicate objective names',
      (a: any[]) => {
        a[0].objectives[1].name = 'availability';
      },
      'spec.agreements[0].objectives[1].name: duplicate objective name "availability"',
    ],
    [
      'unknown window',
      (a: any[]) => {
        a[0].window = 'monthly';
      },
      'spec.agreements[0].window: must be one of calendar-week, calendar-month, calendar-quarter, rolling-7d, rolling-28d, rolling-30d (got "monthly")',
    ],
    [
      'unknown agreement type',
      (a: any[]) => {
        a[0].type = 'SLO';
      },
      'spec.agreements[0].type: must be one of SLA, OLA, UC (got "SLO")',
    ],
    [
      'unknown objective type',
      (a: any[]) => {
        a[0].objectives[0].type = 'uptime';
      },
      'spec.agreements[0].objectives[0].type: must be one of availability, response, resolution, sli, or a custom type x-<name> (got "uptime")',
    ],
    [
      'unknown currency',
      (a: any[]) => {
        a[0].fee.currency = 'XYZ';
      },
      'spec.agreements[0].fee.currency: must be an ISO 4217 currency code such as EUR (got "XYZ")',
    ],
    [
      'credits for an unknown objective',
      (a: any[]) => {
        a[0].credits.objective = 'uptime';
      },
      'spec.agreements[0].credits.objective: must name one of this agreement\'s objectives (availability, p1-resolution, login-success), got "uptime"',
    ],
    [
      'notify of the wrong kind',
      (a: any[]) => {
        a[0].notify = ['payments-ops', 'component:x'];
      },
      'spec.agreements[0].notify[1]: "component:x" is a component, expected a Group or User',
    ],
    [
      'notify naming a stakeholder',
      (a: any[]) => {
        a[1].notify = ['stakeholder:retail-customers'];
      },
      'spec.agreements[1].notify[0]: "stakeholder:retail-customers" is a stakeholder, expected a Group or User',
    ],
    [
      'malformed notify reference',
      (a: any[]) => {
        a[2].notify = ['group:default/payments-ops', 'user:'];
      },
      'spec.agreements[2].notify[1]: Entity reference "user:" was not on the form [<kind>:][<namespace>/]<name>',
    ],
    [
      'empty notify reference',
      (a: any[]) => {
        a[0].notify = [''];
      },
      'spec.agreements[0].notify[0]: must NOT have fewer than 1 characters (got "")',
    ],
    [
      'notify not a list',
      (a: any[]) => {
        a[0].notify = 'payments-ops';
      },
      'spec.agreements[0].notify: must be an array (got "payments-ops")',
    ],
    [
      'notify listing a reference twice',
      (a: any[]) => {
        a[0].notify = ['payments-ops', 'payments-ops'];
      },
      'spec.agreements[0].notify: must NOT have duplicate items',
    ],
    [
      'credit above the cap',
      (a: any[]) => {
        a[0].credits.tiers[1].credit = 40;
      },
      'spec.agreements[0].credits.tiers[1].credit: exceeds the cap of 30',
    ],
  ])('reports an agreement with %s', (_, change, expected) => {
    expect(problemsOf(agreementsWith(change))).toContain(expected);
  });

  it('accepts Users and Groups to notify of an agreement', () => {
    const entity = agreementsWith(a => {
      a[0].notify = [
        'group:default/payments-ops',
        'user:default/jane.doe',
        'payments-ops',
        'User:Jane.Doe',
        'other-namespace/finance',
      ];
      a[2].notify = [];
    });
    expect(validateItsmEntity(entity)).toEqual([]);
  });

  it('refuses more than 50 to notify of an agreement', () => {
    const entity = agreementsWith(a => {
      a[0].notify = Array.from({ length: 51 }, (_, i) => `group:team-${i}`);
    });
    expect(problemsOf(entity)).toContain(
      'spec.agreements[0].notify: must NOT have more than 50 items',
    );
  });

  it('reports a service-hours calendar on a 24x7 service', () => {
    const entity = service();
    delete (entity.spec as any).serviceHours;
    expect(problemsOf(entity)).toContain(
      'spec.agreements[0].objectives[1].calendar: is service-hours, but the service has no spec.serviceHours',
    );
  });

  it.each([
    [
      'unknown type',
      { type: 'partner' },
      'spec.type: must be one of internal, external (got "partner")',
    ],
    [
      'unknown role',
      { roles: ['buyer'] },
      'spec.roles[0]: must be one of customer, user, sponsor (got "buyer")',
    ],
    [
      'no roles',
      { roles: [] },
      'spec.roles: must NOT have fewer than 1 items (got [])',
    ],
    [
      'group of the wrong kind',
      { group: 'user:ana' },
      'spec.group: "user:ana" is a user, expected a Group',
    ],
    [
      'malformed contact email',
      { contacts: [{ name: 'Ana', email: 'not-an-email' }] },
      'spec.contacts[0].email: must be a valid email (got "not-an-email")',
    ],
  ])('reports a stakeholder with %s', (_, spec, expected) => {
    expect(
      problemsOf({ ...stakeholder, spec: { ...stakeholder.spec, ...spec } }),
    ).toContain(expected);
  });

  it.each([
    [
      'unknown category',
      { category: 'preferred' },
      'spec.category: must be one of strategic, tactical, operational, commodity (got "preferred")',
    ],
    [
      'owner of the wrong kind',
      { owner: 'supplier:acme' },
      'spec.owner: "supplier:acme" is a supplier, expected a Group or User',
    ],
    [
      'contract ending before it starts',
      { contract: { reference: 'R', start: '2026-05-01', end: '2026-01-01' } },
      'spec.contract.end: must not be before spec.contract.start (2026-05-01)',
    ],
    [
      'impossible date',
      { contract: { reference: 'R', start: '2026-02-30' } },
      'spec.contract.start: must be a calendar date YYYY-MM-DD (got "2026-02-30")',
    ],
    [
      'malformed notice period',
      {
        contract: {
          reference: 'R',
          start: '2026-01-01',
          noticePeriod: '3 months',
        },
      },
      'spec.contract.noticePeriod: must be a duration such as 15m, 4h, 1h30m, 90d or 2w (got "3 months")',
    ],
    [
      'unknown renewal',
      { contract: { reference: 'R', start: '2026-01-01', renewal: 'yearly' } },
      'spec.contract.renewal: must be one of auto, manual (got "yearly")',
    ],
  ])('reports a supplier with %s', (_, spec, expected) => {
    expect(
      problemsOf({ ...supplier, spec: { ...supplier.spec, ...spec } }),
    ).toContain(expected);
  });

  it('reports every problem of an entity at once', () => {
    const problems = validateItsmEntity(service({ type: 'x', lifecycle: 'y' }));
    expect(problems.map(p => p.path)).toEqual(['spec.type', 'spec.lifecycle']);
  });
});
