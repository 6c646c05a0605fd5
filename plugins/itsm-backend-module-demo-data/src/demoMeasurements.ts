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

import { DateTime, IANAZone } from 'luxon';
import {
  businessDeadline,
  businessDuration,
  maintenanceOccurrences,
  parseDuration,
} from '@backstage-itsm/plugin-itsm-common';
import type {
  BusinessCalendar,
  ITServiceEntity,
  IncidentInput,
  IncidentPriority,
  Objective,
  OutageInput,
  ServiceHours,
  SliEventInput,
  Weekday,
} from '@backstage-itsm/plugin-itsm-common';

/*
 * Demo measurements for the live ITServices of a catalog, so the portal has
 * something to show right after start. Pure and deterministic: every item is
 * drawn from a PRNG seeded with its service and the UTC day (or month, or
 * hour) it belongs to, never with `now`. Re-running later regenerates past
 * days identically under the same keys and only adds new days; `now` only
 * decides what has happened yet (later items are left out, unfinished ones
 * left open).
 *
 * Storylines:
 * - online-banking breaches its 99.9 % availability every calendar month:
 *   outages after the month-end statement run on days 1, 2 and 4 add up to
 *   80-110 minutes, against a budget of about 44 minutes.
 * - payments-processing's payment-success SLI runs at about 99.825 % against
 *   99.8 %: met, with most of the error budget spent.
 * - Everything else is mostly healthy: random outages spend at most 45 % of
 *   a month's availability budget, and responses and resolutions breach at a
 *   quarter of the rate their targets allow.
 *
 * SLI slices are hourly from the start of the previous UTC month, so the
 * current and the last calendar month are complete while the count stays
 * modest (at most 62 days x 24 slices per sli objective).
 */

/** What generateDemoMeasurements is given. @public */
export type DemoMeasurementsOptions = {
  /** The instant the demo data runs up to; the clock is never read. */
  now: Date;
  services: ITServiceEntity[];
  /** Whole UTC months of history before the current one; default 6. */
  months?: number;
};

/** Demo items, ready for the ingest API. @public */
export type DemoMeasurements = {
  incidents: IncidentInput[];
  outages: OutageInput[];
  sliEvents: SliEventInput[];
};

const SOURCE = 'demo';
const SECOND = 1_000;
const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
const BREACHED_SERVICE = 'online-banking';
const AT_RISK_SLI = {
  service: 'payments-processing',
  objective: 'payment-success',
};

/**
 * Incidents, outages and SLI slices for the live services among `services`,
 * from the start of the UTC month `months` months back up to `now`.
 *
 * @public
 */
export function generateDemoMeasurements(
  options: DemoMeasurementsOptions,
): DemoMeasurements {
  const now = options.now.getTime();
  const from = utcMonth(now)
    .minus({ months: options.months ?? 6 })
    .toMillis();
  const parts = options.services
    .filter(service => service.spec?.lifecycle === 'live')
    .map(service => serviceMeasurements(service, from, now));
  return {
    incidents: parts.flatMap(part => part.incidents),
    outages: parts.flatMap(part => part.outages),
    sliEvents: parts.flatMap(part => part.sliEvents),
  };
}

function serviceMeasurements(
  service: ITServiceEntity,
  from: number,
  now: number,
): DemoMeasurements {
  const namespace = service.metadata.namespace ?? 'default';
  const ref = `itservice:${namespace}/${service.metadata.name}`;
  // Namespaced key prefix, so same-named services elsewhere do not collide.
  const prefix =
    namespace === 'default'
      ? service.metadata.name
      : `${namespace}-${service.metadata.name}`;
  // Start a day early: an item's key day must not depend on where history starts.
  const months = utcMonthsBetween(from - DAY, now);
  const outages = [
    ...months.flatMap(month => randomOutage(service, ref, month)),
    ...(service.metadata.name === BREACHED_SERVICE
      ? months.flatMap(month => statementRunOutages(ref, month))
      : []),
    ...plannedOutages(service, ref, from - DAY, now),
  ];
  const incidents = [
    ...outages
      .filter(outage => !outage.planned)
      .map(outage => outageIncident(service, ref, outage)),
    ...utcDaysBetween(from, now).flatMap(day =>
      dailyIncidents(service, ref, day),
    ),
  ];
  return {
    incidents: numbered(incidents, i => i.openedAt, prefix, from, now).map(
      ({ draft, externalId }) => toIncidentInput(draft, ref, externalId, now),
    ),
    outages: [
      ...numbered(outages, o => o.start, prefix, from, now).map(
        ({ draft, externalId }) => toOutageInput(draft, ref, externalId, now),
      ),
      ...coverageHeartbeats(ref, prefix, from, now),
    ],
    sliEvents: sliSlices(service, ref, from, now),
  };
}

/**
 * What a monitoring tool that watches the service all day sends: one
 * coverage heartbeat (impact none) per UTC day so far (today's still open),
 * so that availability
 * is measured even on days without an outage (docs/sla-semantics.md, rule 9).
 */
function coverageHeartbeats(
  ref: string,
  prefix: string,
  from: number,
  now: number,
): OutageInput[] {
  return utcDaysBetween(from, now).map(day => ({
    source: SOURCE,
    externalId: `${prefix}-coverage-${new Date(day)
      .toISOString()
      .slice(0, 10)}`,
    service: ref,
    start: new Date(day).toISOString(),
    // Today's is still being watched: open, like an ongoing outage.
    ...(day + DAY <= now && { end: new Date(day + DAY).toISOString() }),
    impact: 'none',
    title: 'Monitored, no outage seen',
  }));
}

// ---------------------------------------------------------------------------
// Randomness

type Rng = () => number;

/** mulberry32, seeded with the FNV-1a hash of the key parts. */
function random(...key: string[]): Rng {
  let seed = hash(key.join('|'));
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  }
  return h >>> 0;
}

const between = (rng: Rng, min: number, max: number) =>
  min + rng() * (max - min);

const pick = <T>(rng: Rng, items: readonly T[]): T =>
  items[Math.floor(rng() * items.length)];

// Most incidents and outages start in (European) office hours, some at any time.
const timeOfDay = (rng: Rng) =>
  (rng() < 0.7 ? between(rng, 6, 18) : between(rng, 0, 24)) * HOUR;

// ---------------------------------------------------------------------------
// Time

const iso = (time: number) => new Date(time).toISOString();
const isoDay = (time: number) => iso(time).slice(0, 10);
// Demo instants are whole seconds, like most incident tools report them.
const toSecond = (time: number) => Math.round(time / SECOND) * SECOND;

function utcMonth(time: number): DateTime {
  return DateTime.fromMillis(time, { zone: 'utc' }).startOf('month');
}

function utcMonthsBetween(from: number, to: number): DateTime[] {
  const months: DateTime[] = [];
  for (let month = utcMonth(from); month.toMillis() < to; ) {
    months.push(month);
    month = month.plus({ months: 1 });
  }
  return months;
}

function utcDaysBetween(from: number, to: number): number[] {
  const days: number[] = [];
  for (let day = Math.floor(from / DAY) * DAY; day < to; day += DAY) {
    days.push(day);
  }
  return days;
}

/** Counts time on an objective's calendar: wall time or service hours. */
type Clock = {
  /** The instant when `ms` of counted time have passed since `from`. */
  advance(from: number, ms: number): number;
  /** Counted time between two instants. */
  elapsed(from: number, to: number): number;
};

const WEEKDAYS: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

const minutesOf = (time: string) => {
  const [hour, minute] = time.split(':').map(Number);
  return hour * 60 + minute;
};

/** Share of the week inside the service hours; unknown day names count for nothing. */
function weeklyShare(hours: ServiceHours): number {
  const minutes = hours.intervals.reduce(
    (sum, interval) =>
      sum +
      interval.days.filter(day => WEEKDAYS.includes(day)).length *
        Math.max(0, minutesOf(interval.end) - minutesOf(interval.start)),
    0,
  );
  return minutes / (7 * 24 * 60);
}

/** Service hours a clock can run on: a known zone and some time each week. */
function usableHours(service: ITServiceEntity): ServiceHours | undefined {
  const hours = service.spec.serviceHours;
  return hours && IANAZone.isValidZone(hours.timezone) && weeklyShare(hours) > 0
    ? hours
    : undefined;
}

/** An objective's clock: service hours unless it runs 24x7 or the service has none. */
function clockFor(
  service: ITServiceEntity,
  calendar: Objective['calendar'],
): Clock {
  const hours = usableHours(service);
  const counted: BusinessCalendar =
    hours && calendar !== '24x7'
      ? { kind: 'service-hours', hours }
      : { kind: '24x7' };
  return {
    // usableHours leaves only hours with time every week: always reached.
    advance: (from, ms) => businessDeadline(counted, from, ms) ?? from + ms,
    elapsed: (from, to) => businessDuration(counted, { start: from, end: to }),
  };
}

// ---------------------------------------------------------------------------
// Objectives

const objectivesOf = (service: ITServiceEntity): Objective[] =>
  (service.spec.agreements ?? []).flatMap(
    agreement => agreement.objectives ?? [],
  );

/** A threshold to draw durations around, the target to honour and its clock. */
type Timing = { threshold: number; target: number; clock: Clock };

// Usual thresholds [response, resolution] where no objective covers a priority.
const USUAL_THRESHOLDS: Record<IncidentPriority, [string, string]> = {
  P1: ['15m', '4h'],
  P2: ['30m', '1d'],
  P3: ['4h', '3d'],
  P4: ['1d', '5d'],
  P5: ['2d', '10d'],
};
const USUAL_TARGET = 90;

/**
 * The strictest objective of a type for a priority (shortest threshold, wall
 * time on a tie), with the highest target among them; else the usual timing.
 */
function timingFor(
  service: ITServiceEntity,
  type: 'response' | 'resolution',
  priority: IncidentPriority,
): Timing {
  const matching = objectivesOf(service).filter(
    o =>
      o.type === type &&
      o.priority === priority &&
      parseDuration(o.threshold ?? '') !== undefined,
  );
  const target = Math.max(...matching.map(o => o.target));
  const [strictest] = matching
    .map(o => ({ threshold: parseDuration(o.threshold!)!, objective: o }))
    .sort(
      (a, b) =>
        a.threshold - b.threshold ||
        Number(b.objective.calendar === '24x7') -
          Number(a.objective.calendar === '24x7'),
    );
  if (strictest) {
    const clock = clockFor(service, strictest.objective.calendar);
    return { threshold: strictest.threshold, target, clock };
  }
  const usual = USUAL_THRESHOLDS[priority][type === 'response' ? 0 : 1];
  return {
    threshold: parseDuration(usual)!,
    target: USUAL_TARGET,
    clock: clockFor(service, undefined),
  };
}

/** A duration around the threshold that breaches at a quarter of the rate the target allows. */
function drawAround(rng: Rng, timing: Timing): number {
  const breach = rng() < (1 - timing.target / 100) / 4;
  return (
    timing.threshold *
    (breach ? between(rng, 1.05, 1.8) : between(rng, 0.15, 0.95))
  );
}

/** Outage time a healthy service may spend in 30 days: its strictest availability budget on its agreed service time. */
function availabilityBudget(service: ITServiceEntity): number {
  const targets = objectivesOf(service)
    .filter(o => o.type === 'availability')
    .map(o => o.target);
  const target = targets.length ? Math.max(...targets) : 99.9;
  const hours = usableHours(service);
  return (1 - target / 100) * 30 * DAY * (hours ? weeklyShare(hours) : 1);
}

// ---------------------------------------------------------------------------
// Outages

type OutageDraft = {
  start: number;
  end: number;
  impact: 'full' | 'partial';
  planned: boolean;
  title: string;
};

const serviceTitle = (service: ITServiceEntity) =>
  service.metadata.title ?? service.metadata.name;

const OUTAGE_TITLES = {
  full: [
    '{service} unavailable',
    '{service} down after a failed deployment',
    '{service} unreachable: load balancer health checks failing',
  ],
  partial: [
    '{service} degraded: elevated error rates',
    '{service} slow for some users',
    '{service} partially unavailable in one region',
  ],
};

/**
 * At most one unplanned outage a month, spending 15-45 % of the availability
 * budget, so two in a rolling window still fit. A partial outage counts half,
 * so it may last twice as long.
 */
function randomOutage(
  service: ITServiceEntity,
  ref: string,
  month: DateTime,
): OutageDraft[] {
  const rng = random(ref, 'outage', month.toFormat('yyyy-MM'));
  if (rng() >= 0.6) {
    return [];
  }
  const impact = rng() < 0.4 ? 'partial' : 'full';
  const length =
    availabilityBudget(service) *
    between(rng, 0.15, 0.45) *
    (impact === 'partial' ? 2 : 1);
  const days = month.plus({ months: 1 }).diff(month, 'days').days;
  const start =
    month.toMillis() + Math.floor(rng() * days) * DAY + timeOfDay(rng);
  const title = pick(rng, OUTAGE_TITLES[impact]).replace(
    '{service}',
    serviceTitle(service),
  );
  return [{ start, end: start + length, impact, planned: false, title }];
}

// online-banking's recurring trouble after the month-end statement run.
const STATEMENT_RUN = [
  {
    day: 1,
    hour: 7,
    minutes: [55, 65],
    title: 'Online banking unavailable after the month-end statement run',
  },
  {
    day: 2,
    hour: 12,
    minutes: [15, 25],
    title: 'Sign-in failing: session store exhausted by statement downloads',
  },
  {
    day: 4,
    hour: 17,
    minutes: [10, 20],
    title: 'Account overview timing out: database connection pool exhausted',
  },
];

/** The breached storyline: 80-110 minutes of full outage early in each UTC month. */
function statementRunOutages(ref: string, month: DateTime): OutageDraft[] {
  const rng = random(ref, 'statement-run', month.toFormat('yyyy-MM'));
  return STATEMENT_RUN.map(({ day, hour, minutes: [min, max], title }) => {
    const start =
      month.set({ day, hour }).toMillis() + between(rng, 0, 60) * MINUTE;
    const end = start + between(rng, min, max) * MINUTE;
    return { start, end, impact: 'full', planned: false, title };
  });
}

/** Half of the maintenance windows take the service down, for 25-75 % of the window. */
function plannedOutages(
  service: ITServiceEntity,
  ref: string,
  from: number,
  to: number,
): OutageDraft[] {
  return (service.spec.maintenance ?? []).flatMap(window => {
    const length = parseDuration(window.duration) ?? 0;
    const windows = maintenanceOccurrences(
      window,
      { start: new Date(from), end: new Date(to) },
      service.spec.serviceHours?.timezone,
    );
    return windows.flatMap(({ start: date }) => {
      const start = date.getTime();
      const rng = random(ref, 'maintenance', window.name, iso(start));
      if (rng() >= 0.5) {
        return [];
      }
      const begin = start + between(rng, 0, 0.2) * length;
      return [
        {
          start: begin,
          end: begin + between(rng, 0.25, 0.75) * length,
          // Rolling upgrades sometimes only degrade the service.
          impact: rng() < 0.3 ? 'partial' : 'full',
          planned: true,
          title: `Planned maintenance: ${window.name}`,
        },
      ];
    });
  });
}

// ---------------------------------------------------------------------------
// Incidents

type IncidentDraft = {
  priority: IncidentPriority;
  openedAt: number;
  acknowledgedAt: number;
  resolvedAt: number;
  /** Waiting on the customer: the clock stops. */
  pause?: [number, number];
  title: string;
};

const INCIDENT_TITLES: Record<string, string[]> = {
  'online-banking': [
    'Login failures for some customers',
    'Statements not loading in the web app',
    'Transfers stuck in pending',
    'Account overview shows stale balances',
    'Session timeouts during transfers',
  ],
  'mobile-banking': [
    'App crashes on start for some Android users',
    'Push notifications for payments delayed',
    'Face ID sign-in failing on iOS',
    'Card freeze toggle has no effect',
  ],
  'payments-processing': [
    'Card authorisations timing out',
    'SEPA instant payments rejected by clearing',
    'Duplicate debit notifications sent',
    'Standing orders executed late',
    'Payment status callbacks delayed',
  ],
  'identity-and-access': [
    'SMS one-time passwords delayed',
    'Staff single sign-on redirect loop',
    'Push approvals not reaching customers',
    'Password reset e-mails not sent',
  ],
  'hosting-platform': [
    'Node pool autoscaling stuck',
    'Pods evicted under memory pressure',
    'Container image pulls failing',
    'Ingress certificate renewal failed',
  ],
  'network-connectivity': [
    'Branch VPN tunnel flapping',
    'Packet loss on the inter-data-centre link',
    'DNS resolution slow in branch offices',
    'Wi-Fi outage in the Frankfurt office',
  ],
  'core-database': [
    'Replication lag on the payments replica',
    'Slow queries after index bloat',
    'Connection limit reached on the primary',
    'Nightly backup overran its window',
  ],
  'it-service-desk': [
    'Laptop cannot connect to the VPN',
    'Branch printer queue stuck',
    'New joiner has no mailbox',
    'Telephony queue dropping calls',
    'Shared drive permissions missing after move',
  ],
};

const GENERIC_TITLES = [
  'Errors reported by users of {service}',
  'Slow responses from {service}',
  '{service} failing after a configuration change',
  'Intermittent timeouts in {service}',
];

const incidentTitles = (service: ITServiceEntity) =>
  INCIDENT_TITLES[service.metadata.name] ??
  GENERIC_TITLES.map(title =>
    title.replace('{service}', serviceTitle(service)),
  );

const PRIORITY_WEIGHTS: Array<[IncidentPriority, number]> = [
  ['P1', 3],
  ['P2', 12],
  ['P3', 45],
  ['P4', 40],
];

/** P1 only where an agreement has a P1 process; P5 is left out as most organisations rarely use it. */
const allowsP1 = (service: ITServiceEntity) =>
  objectivesOf(service).some(o => o.priority === 'P1');

function drawPriority(rng: Rng, service: ITServiceEntity): IncidentPriority {
  const weights = PRIORITY_WEIGHTS.filter(
    ([priority]) => priority !== 'P1' || allowsP1(service),
  );
  let roll = rng() * weights.reduce((sum, [, weight]) => sum + weight, 0);
  for (const [priority, weight] of weights) {
    roll -= weight;
    if (roll < 0) {
      return priority;
    }
  }
  return weights[weights.length - 1][0];
}

const PAUSE_SHARE = 0.2;

/** 0-2 incidents a day, about four a week. */
function dailyIncidents(
  service: ITServiceEntity,
  ref: string,
  day: number,
): IncidentDraft[] {
  const rng = random(ref, 'incidents', isoDay(day));
  const roll = rng();
  const count = Number(roll >= 0.5) + Number(roll >= 0.87);
  return Array.from({ length: count }, () =>
    draftIncident(
      service,
      rng,
      drawPriority(rng, service),
      day + timeOfDay(rng),
      pick(rng, incidentTitles(service)),
    ),
  );
}

/**
 * An incident with its response and resolution drawn around the priority's
 * objectives; P2-P4 incidents sometimes wait on the customer for a while,
 * shortly after the response, with the resolution clock stopped.
 */
function draftIncident(
  service: ITServiceEntity,
  rng: Rng,
  priority: IncidentPriority,
  openedAt: number,
  title: string,
): IncidentDraft {
  const response = timingFor(service, 'response', priority);
  const resolution = timingFor(service, 'resolution', priority);
  const acknowledgedAt = response.clock.advance(
    openedAt,
    drawAround(rng, response),
  );
  const allowed = drawAround(rng, resolution);
  if (priority === 'P1' || rng() >= PAUSE_SHARE) {
    const resolvedAt = Math.max(
      resolution.clock.advance(openedAt, allowed),
      acknowledgedAt + 10 * MINUTE,
    );
    return { priority, openedAt, acknowledgedAt, resolvedAt, title };
  }
  const pausedAt = acknowledgedAt + between(rng, 5, 30) * MINUTE;
  const resumedAt = pausedAt + between(rng, 1, 20) * HOUR;
  const left = allowed - resolution.clock.elapsed(openedAt, pausedAt);
  const resolvedAt = resolution.clock.advance(
    resumedAt,
    Math.max(left, 10 * MINUTE),
  );
  const pause: [number, number] = [pausedAt, resumedAt];
  return { priority, openedAt, acknowledgedAt, resolvedAt, pause, title };
}

/** The incident an unplanned outage raises: alerted within minutes, closed shortly after recovery. */
function outageIncident(
  service: ITServiceEntity,
  ref: string,
  outage: OutageDraft,
): IncidentDraft {
  const rng = random(ref, 'outage-incident', iso(outage.start));
  const full = allowsP1(service) ? 'P1' : 'P2';
  const priority = outage.impact === 'full' ? full : 'P3';
  const openedAt = outage.start + between(rng, 1, 5) * MINUTE;
  const resolvedAt = outage.end + between(rng, 5, 20) * MINUTE;
  const response = timingFor(service, 'response', priority);
  const acknowledgedAt = Math.min(
    response.clock.advance(openedAt, drawAround(rng, response)),
    resolvedAt,
  );
  const title = outage.title;
  return { priority, openedAt, acknowledgedAt, resolvedAt, title };
}

// ---------------------------------------------------------------------------
// Keys and output

/**
 * Numbers drafts 1, 2, ... per UTC day of their start, in start order, and
 * keeps those started in [from, now). Numbering before filtering keeps a
 * day's keys independent of `now`.
 */
function numbered<T>(
  drafts: T[],
  startOf: (draft: T) => number,
  prefix: string,
  from: number,
  now: number,
): Array<{ draft: T; externalId: string }> {
  const counts = new Map<string, number>();
  return [...drafts]
    .sort((a, b) => startOf(a) - startOf(b))
    .flatMap(draft => {
      const start = toSecond(startOf(draft));
      const day = isoDay(start);
      const n = (counts.get(day) ?? 0) + 1;
      counts.set(day, n);
      return start >= from && start < now
        ? [{ draft, externalId: `${prefix}-${day}-${n}` }]
        : [];
    });
}

/** An instant that has passed by `now`, else undefined: the item stays open. */
function reached(time: number, now: number): string | undefined {
  const second = toSecond(time);
  return second <= now ? iso(second) : undefined;
}

function toIncidentInput(
  draft: IncidentDraft,
  service: string,
  externalId: string,
  now: number,
): IncidentInput {
  const acknowledgedAt = reached(draft.acknowledgedAt, now);
  const resolvedAt = reached(draft.resolvedAt, now);
  const pausedAt = draft.pause && reached(draft.pause[0], now);
  const resumedAt = draft.pause && reached(draft.pause[1], now);
  return {
    source: SOURCE,
    externalId,
    service,
    priority: draft.priority,
    openedAt: iso(toSecond(draft.openedAt)),
    ...(acknowledgedAt && { acknowledgedAt }),
    ...(resolvedAt && { resolvedAt }),
    ...(pausedAt && {
      pauses: [{ from: pausedAt, ...(resumedAt && { to: resumedAt }) }],
    }),
    title: draft.title,
    url: `https://incidents.example.com/INC-${
      100_000 + (hash(externalId) % 900_000)
    }`,
  };
}

function toOutageInput(
  draft: OutageDraft,
  service: string,
  externalId: string,
  now: number,
): OutageInput {
  const end = reached(draft.end, now);
  return {
    source: SOURCE,
    externalId,
    service,
    start: iso(toSecond(draft.start)),
    ...(end && { end }),
    impact: draft.impact,
    planned: draft.planned,
    title: draft.title,
  };
}

// ---------------------------------------------------------------------------
// SLI slices

/**
 * Hourly slices of each sli objective from the start of the previous UTC
 * month up to the last complete hour before `now`.
 */
function sliSlices(
  service: ITServiceEntity,
  ref: string,
  from: number,
  now: number,
): SliEventInput[] {
  const objectives = objectivesOf(service).filter(
    // Objectives wired to Prometheus get their counts from it, not from the demo.
    o => o.type === 'sli' && !o.prometheus,
  );
  // The same objective name in two agreements is one indicator.
  const names = [...new Set(objectives.map(o => o.name))];
  const start = Math.max(from, utcMonth(now).minus({ months: 1 }).toMillis());
  return names.flatMap(name => {
    const objective = objectives.find(o => o.name === name)!;
    const slices: SliEventInput[] = [];
    for (let hour = start; hour + HOUR <= now; hour += HOUR) {
      slices.push(sliSlice(service, ref, objective, hour));
    }
    return slices;
  });
}

/**
 * One hour of events: daytime traffic peaks, and errors spend 30 % of the
 * error budget (87.5 % for the at-risk storyline) with hourly noise.
 */
function sliSlice(
  service: ITServiceEntity,
  ref: string,
  objective: Objective,
  hour: number,
): SliEventInput {
  const rng = random(ref, objective.name, iso(hour));
  const peak = 2_000 + (hash(ref) % 18_000);
  const utcHour = new Date(hour).getUTCHours();
  const daytime = utcHour >= 6 && utcHour < 21 ? 1 : 0.25;
  const total = Math.round(peak * daytime * between(rng, 0.85, 1.15));
  const atRisk =
    service.metadata.name === AT_RISK_SLI.service &&
    objective.name === AT_RISK_SLI.objective;
  const errorRate =
    (1 - objective.target / 100) *
    (atRisk ? 0.875 : 0.3) *
    between(rng, 0.7, 1.3);
  // Random rounding keeps the expected error count exact in small slices.
  const bad = Math.min(total, Math.floor(total * errorRate + rng()));
  return {
    source: SOURCE,
    service: ref,
    objective: objective.name,
    sliceStart: iso(hour),
    sliceSeconds: HOUR / SECOND,
    good: total - bad,
    total,
  };
}
