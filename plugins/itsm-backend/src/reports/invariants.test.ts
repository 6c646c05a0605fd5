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

// Property tests of the report invariants of docs/sla-semantics.md, with
// the real scorers over random measurement streams.

import {
  Agreement,
  AgreementType,
  AgreementWindow,
  ITSM_API_VERSION,
  ITSM_KIND_IT_SERVICE,
  ITServiceEntity,
  monthPeriod,
  Objective,
  parseDuration,
  ServiceSlaReport,
  validateItsmEntity,
} from '@backstage-itsm/plugin-itsm-common';
import {
  createAvailabilityScorer,
  createIncidentTimeScorer,
  sliScorer,
} from '@backstage-itsm/plugin-itsm-backend-module-sla-scoring';
import type {
  IncidentRecord,
  ItsmObjectiveScorer,
  ItsmScoringContext,
  OutageRecord,
  SliEventRecord,
} from '@backstage-itsm/plugin-itsm-node';
import fc from 'fast-check';
import { buildServiceReport, ReportPeriod } from './buildServiceReport';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const RUNS = 200;

// November 2026, the month the streams are about. In Europe/Berlin (the
// zone of the service hours) it starts and ends an hour earlier.
const MONTH = '2026-11';
const START = Date.UTC(2026, 10, 1);
const END = Date.UTC(2026, 11, 1);
const SERVICE = 'itservice:default/payments';
const STATUSES = ['met', 'at-risk', 'breached', 'no-data'];

const scorers = new Map<string, ItsmObjectiveScorer>([
  ['availability', createAvailabilityScorer({ partialWeight: 0.5 })],
  ['response', createIncidentTimeScorer('response')],
  ['resolution', createIncidentTimeScorer('resolution')],
  ['sli', sliScorer],
]);

const iso = (time: number) => new Date(time).toISOString();

// ---------------------------------------------------------------------------
// Measurement streams

// Instants from two days before the month to two days after it, on whole
// minutes or, so that measurements often coincide, on whole 6 hours.
const between = (step: number, from: number, to: number) =>
  fc
    .integer({ min: Math.ceil(from / step), max: Math.floor(to / step) })
    .map(steps => steps * step);
const instant = fc.oneof(
  between(MINUTE, START - 2 * DAY, END + 2 * DAY),
  between(6 * HOUR, START - 2 * DAY, END + 2 * DAY),
);

// Minutes after an incident opened or an outage started: never before it
// (ingestion rejects that), sometimes a minute either side of a threshold.
const offset = fc.oneof(
  fc.integer({ min: 0, max: (5 * DAY) / MINUTE }),
  fc.integer({ min: 0, max: 20 }).map(steps => steps * 360),
  fc
    .constantFrom(15, 60, 240, 480, 1440)
    .chain(m => fc.integer({ min: m - 1, max: m + 1 })),
);

const incidentArb = fc.record({
  openedAt: instant,
  priority: fc.constantFrom('P1' as const, 'P1' as const, 'P2' as const),
  acknowledged: fc.option(offset, { nil: undefined }),
  resolved: fc.option(offset, { nil: undefined }),
  // A pause without a length is still open: it lasts until now.
  pauses: fc.array(
    fc.record({ from: offset, length: fc.option(offset, { nil: undefined }) }),
    { maxLength: 2 },
  ),
});
type IncidentSpec = typeof incidentArb extends fc.Arbitrary<infer T>
  ? T
  : never;

const outageArb = fc.record({
  start: instant,
  // No length: still ongoing.
  length: fc.option(offset, { nil: undefined }),
  // 'none': a coverage heartbeat (rule 9).
  impact: fc.constantFrom('full' as const, 'partial' as const, 'none' as const),
  planned: fc.boolean(),
});
type OutageSpec = typeof outageArb extends fc.Arbitrary<infer T> ? T : never;

const streamArb = fc.record({
  incidents: fc.array(incidentArb, { maxLength: 20 }),
  outages: fc.array(outageArb, { maxLength: 8 }),
  slices: fc.array(
    fc.record({
      sliceStart: instant,
      indicator: fc.constantFrom('checkout-success', 'other'),
      total: fc.integer({ min: 0, max: 1000 }),
      // Mostly a few bad events, so that sli objectives are met too.
      bad: fc.oneof(
        fc.constant(0),
        fc.integer({ min: 0, max: 5 }),
        fc.integer({ min: 0, max: 1000 }),
      ),
    }),
    { maxLength: 30 },
  ),
  // When an availability source first reported, if ever (rule 9).
  reportedSince: fc.option(instant, { nil: undefined }),
});
type Stream = typeof streamArb extends fc.Arbitrary<infer T> ? T : never;

const incidentOf = (spec: IncidentSpec, externalId: string): IncidentRecord => {
  const after = (minutes: number) => spec.openedAt + minutes * MINUTE;
  return {
    source: 'test',
    externalId,
    service: SERVICE,
    priority: spec.priority,
    openedAt: spec.openedAt,
    ...(spec.acknowledged !== undefined && {
      acknowledgedAt: after(spec.acknowledged),
    }),
    ...(spec.resolved !== undefined && { resolvedAt: after(spec.resolved) }),
    ...(spec.pauses.length > 0 && {
      pauses: spec.pauses.map(p => ({
        from: after(p.from),
        ...(p.length !== undefined && { to: after(p.from + p.length) }),
      })),
    }),
  };
};

const outageOf = (spec: OutageSpec, externalId: string): OutageRecord => ({
  source: 'test',
  externalId,
  service: SERVICE,
  start: spec.start,
  ...(spec.length !== undefined && {
    end: spec.start + spec.length * MINUTE,
  }),
  impact: spec.impact,
  planned: spec.planned,
});

const measurementsOf = (
  stream: Stream,
): ItsmScoringContext['measurements'] => ({
  incidents: stream.incidents.map((incident, i) =>
    incidentOf(incident, `INC-${i}`),
  ),
  outages: stream.outages.map((outage, i) => outageOf(outage, `OUT-${i}`)),
  // In time order, as the scoring context requires.
  sliEvents: stream.slices
    .map(
      (slice): SliEventRecord => ({
        source: 'test',
        service: SERVICE,
        objective: slice.indicator,
        sliceStart: slice.sliceStart,
        sliceSeconds: 3600,
        total: slice.total,
        good: Math.max(0, slice.total - slice.bad),
      }),
    )
    .sort((x, y) => x.sliceStart - y.sliceStart),
  ...(stream.reportedSince !== undefined && {
    availabilityReportedSince: stream.reportedSince,
  }),
});

// ---------------------------------------------------------------------------
// Services

const WINDOWS: AgreementWindow[] = [
  'calendar-week',
  'calendar-month',
  'calendar-quarter',
  'rolling-7d',
  'rolling-28d',
  'rolling-30d',
];
const COUNTERPARTY: Record<AgreementType, string> = {
  SLA: 'retail-customers',
  OLA: 'group:default/platform-team',
  UC: 'acme-hosting',
};

const calendarArb = (hours: boolean) =>
  hours
    ? fc.constantFrom(undefined, '24x7' as const, 'service-hours' as const)
    : fc.constantFrom(undefined, '24x7' as const);
const withCalendar = (calendar: Objective['calendar']) =>
  calendar ? { calendar } : {};

/** An availability, a P1 response, a P1 resolution and an sli objective. */
const objectivesArb = (hours: boolean) =>
  fc
    .tuple(
      fc.record({
        target: fc.constantFrom(99, 99.5, 99.9, 99.95, 100),
        calendar: calendarArb(hours),
      }),
      fc.record({
        target: fc.constantFrom(80, 90, 95, 100),
        threshold: fc.constantFrom('15m', '1h', '4h'),
        calendar: calendarArb(hours),
      }),
      fc.record({
        target: fc.constantFrom(80, 90, 95, 100),
        threshold: fc.constantFrom('4h', '8h', '1d'),
        calendar: calendarArb(hours),
      }),
      fc.constantFrom(95, 99, 99.9, 100),
    )
    .map(([availability, response, resolution, sli]): Objective[] => [
      {
        name: 'availability',
        type: 'availability',
        target: availability.target,
        ...withCalendar(availability.calendar),
      },
      {
        name: 'p1-response',
        type: 'response',
        priority: 'P1',
        threshold: response.threshold,
        target: response.target,
        ...withCalendar(response.calendar),
      },
      {
        name: 'p1-resolution',
        type: 'resolution',
        priority: 'P1',
        threshold: resolution.threshold,
        target: resolution.target,
        ...withCalendar(resolution.calendar),
      },
      {
        name: 'checkout',
        type: 'sli',
        indicator: 'checkout-success',
        target: sli,
      },
    ]);

/**
 * Credit tiers on any of the objectives (by default the availability one),
 * each at or below the deciding objective's target: a tier above the target
 * would credit a period that meets it (validation does not forbid it, but
 * no such contract is meant).
 */
const creditsArb = (objectives: Objective[]) =>
  fc.option(
    fc
      .record({
        objective: fc.option(fc.constantFrom(...objectives.map(o => o.name)), {
          nil: undefined,
        }),
        below: fc.uniqueArray(fc.constantFrom(0, 0.05, 0.1, 0.5, 1, 5, 10), {
          minLength: 1,
          maxLength: 3,
        }),
        credit: fc.array(fc.integer({ min: 1, max: 50 }), {
          minLength: 3,
          maxLength: 3,
        }),
        capped: fc.boolean(),
      })
      .map(c => {
        const deciding = objectives.find(
          o => o.name === (c.objective ?? 'availability'),
        )!;
        const tiers = c.below.map((drop, i) => ({
          below: Math.round((deciding.target - drop) * 1e4) / 1e4,
          credit: c.credit[i],
        }));
        return {
          ...(c.objective !== undefined && { objective: c.objective }),
          tiers,
          // Validation wants every tier's credit within the cap.
          ...(c.capped && { cap: Math.max(...tiers.map(t => t.credit)) }),
        };
      }),
    { nil: undefined },
  );

const feeArb = fc.option(
  fc.record({
    amount: fc.integer({ min: 0, max: 10_000_000 }).map(cents => cents / 100),
    currency: fc.constantFrom('EUR', 'USD'),
  }),
  { nil: undefined },
);

const agreementArb = (
  hours: boolean,
  name: string,
  type: AgreementType,
  window: AgreementWindow,
) =>
  objectivesArb(hours).chain(objectives =>
    fc.record({ credits: creditsArb(objectives), fee: feeArb }).map(
      ({ credits, fee }): Agreement => ({
        name,
        type,
        with: COUNTERPARTY[type],
        window,
        objectives,
        ...(credits && { credits }),
        ...(fee && { fee }),
      }),
    ),
  );

/**
 * A service with a calendar-month SLA and up to two more agreements of any
 * type and window, with or without Mon–Fri service hours and maintenance.
 */
const serviceArb = fc
  .record({
    hours: fc.boolean(),
    maintenance: fc.boolean(),
    more: fc.array(
      fc.record({
        type: fc.constantFrom<AgreementType>('SLA', 'OLA', 'UC'),
        window: fc.constantFrom(...WINDOWS),
      }),
      { maxLength: 2 },
    ),
  })
  .chain(({ hours, maintenance, more }) =>
    fc
      .tuple(
        agreementArb(hours, 'gold', 'SLA', 'calendar-month'),
        ...more.map((m, i) =>
          agreementArb(hours, `more-${i}`, m.type, m.window),
        ),
      )
      .map(
        (agreements): ITServiceEntity => ({
          apiVersion: ITSM_API_VERSION,
          kind: ITSM_KIND_IT_SERVICE,
          metadata: { name: 'payments', namespace: 'default' },
          spec: {
            type: 'business',
            lifecycle: 'live',
            owner: 'group:default/payments-team',
            customers: ['retail-customers'],
            suppliers: ['acme-hosting'],
            ...(hours && {
              serviceHours: {
                timezone: 'Europe/Berlin',
                intervals: [
                  {
                    days: ['mon', 'tue', 'wed', 'thu', 'fri'],
                    start: '08:00',
                    end: '17:00',
                  },
                ],
              },
            }),
            ...(maintenance && {
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
            agreements,
          },
        }),
      ),
  );

const zoneOf = (service: ITServiceEntity) =>
  service.spec.serviceHours?.timezone ?? 'UTC';
const monthEnd = (service: ITServiceEntity) =>
  monthPeriod(MONTH, zoneOf(service))!.end.getTime();

// ---------------------------------------------------------------------------
// Reports

const periodArb = fc.constantFrom<ReportPeriod>(
  { kind: 'current' },
  { kind: 'month', month: MONTH },
);
// Mostly from a day before the month to three days after it, sometimes
// up to two months after it or just when it starts or ends (in UTC or in
// Europe/Berlin).
const nowArb = fc.oneof(
  { arbitrary: between(MINUTE, START - DAY, END + 3 * DAY), weight: 4 },
  { arbitrary: between(6 * HOUR, START - DAY, END + 3 * DAY), weight: 2 },
  { arbitrary: between(MINUTE, END - DAY, END + 60 * DAY), weight: 2 },
  {
    arbitrary: fc.constantFrom(START - HOUR, START, END - HOUR, END),
    weight: 1,
  },
);

const reportOf = (
  service: ITServiceEntity,
  measurements: ReturnType<typeof measurementsOf>,
  period: ReportPeriod,
  now: number,
) =>
  buildServiceReport({
    service,
    scorers,
    measurements,
    period,
    now: new Date(now),
    dependencies: [],
  });

/** Each agreement's report with the agreement of the service's YAML. */
const agreementsOf = (report: ServiceSlaReport, service: ITServiceEntity) =>
  report.agreements.map((agreement, i) => ({
    agreement,
    spec: service.spec.agreements![i],
  }));

describe('SLA report invariants', () => {
  it('1. attainments lie in [0, 100], budget shares add up to 100 %, statuses are the four', () => {
    fc.assert(
      fc.property(
        serviceArb,
        streamArb,
        periodArb,
        nowArb,
        (service, stream, period, now) => {
          // The generated services are ones the catalog accepts.
          expect(validateItsmEntity(service)).toEqual([]);
          const report = reportOf(service, measurementsOf(stream), period, now);
          const statuses = [
            report.status,
            ...report.agreements.map(a => a.status),
          ];
          expect(statuses.filter(s => !STATUSES.includes(s))).toEqual([]);
          const objectives = report.agreements.flatMap(a => a.objectives);
          // No attainment is exactly no data; an attainment is a percentage.
          expect(
            objectives.filter(
              o =>
                !STATUSES.includes(o.status) ||
                (o.status === 'no-data') !== (o.attainment === null) ||
                (o.attainment !== null &&
                  !(o.attainment >= 0 && o.attainment <= 100)),
            ),
          ).toEqual([]);
          // What is left and what is used of a budget make the whole of it.
          expect(
            objectives.filter(({ budget: b }) => {
              if (!b) return false;
              const sum = b.remainingPercent + b.consumedPercent;
              return (
                !(
                  Math.abs(sum - 100) <=
                  1e-9 * Math.max(100, Math.abs(b.remainingPercent))
                ) ||
                b.spent < 0 ||
                b.allowed < 0
              );
            }),
          ).toEqual([]);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('2. one more unplanned full outage never raises availability nor lowers the budget spent', () => {
    const extraOutage = fc.record({
      start: instant,
      length: fc.option(offset, { nil: undefined }),
      impact: fc.constant('full' as const),
      planned: fc.constant(false),
    });
    fc.assert(
      fc.property(
        serviceArb,
        streamArb,
        extraOutage,
        periodArb,
        nowArb,
        (service, stream, extra, period, now) => {
          const measurements = measurementsOf(stream);
          const before = reportOf(service, measurements, period, now);
          const after = reportOf(
            service,
            {
              ...measurements,
              outages: [...measurements.outages, outageOf(extra, 'OUT-extra')],
            },
            period,
            now,
          );
          const availability = (r: ServiceSlaReport) =>
            r.agreements.map(a => {
              const o = a.objectives.find(x => x.type === 'availability')!;
              return { attainment: o.attainment, spent: o.budget?.spent };
            });
          const was = availability(before);
          const is = availability(after);
          const raised = was.flatMap((w, i) =>
            // Without a source before, the new outage may be the first one.
            w.attainment !== null &&
            (is[i].attainment === null ||
              is[i].attainment! > w.attainment ||
              !(is[i].spent! >= w.spent!))
              ? [{ agreement: i, before: w, after: is[i] }]
              : [],
          );
          expect(raised).toEqual([]);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('3. a closed month reads the same whenever it is read, and is final unless an incident is still pending', () => {
    // From Dec 1 00:00Z (after the month in both zones) up to 400 days on.
    const readAt = fc
      .tuple(
        fc.integer({ min: 0, max: 400 * 24 * 60 }),
        fc.integer({ min: 0, max: MINUTE - 1 }),
      )
      .map(([minutes, ms]) => END + minutes * MINUTE + ms);
    fc.assert(
      fc.property(
        serviceArb,
        streamArb,
        readAt,
        readAt,
        fc.record({
          openedBefore: fc.double({ min: 0, max: 1, noNaN: true }),
          readAfter: fc.double({ min: 0, max: 1, noNaN: true }),
        }),
        (service, stream, first, second, running) => {
          const end = monthEnd(service);
          // Every incident resolved and every outage over by the month's end.
          const closed: Stream = {
            ...stream,
            incidents: stream.incidents
              .filter(i => i.openedAt < end)
              .map(i => ({
                ...i,
                resolved: Math.min(
                  i.resolved ?? Infinity,
                  (end - MINUTE - i.openedAt) / MINUTE,
                ),
              })),
            outages: stream.outages
              .filter(o => o.start < end)
              .map(o => ({
                ...o,
                length: Math.min(
                  o.length ?? Infinity,
                  (end - o.start) / MINUTE,
                ),
              })),
          };
          const measurements = measurementsOf(closed);
          const month = { kind: 'month' as const, month: MONTH };
          const read = (at: number) => {
            const { evaluatedAt, ...figures } = reportOf(
              service,
              measurements,
              month,
              at,
            );
            expect(evaluatedAt).toBe(iso(at));
            return figures;
          };
          const early = read(first);
          expect(read(second)).toEqual(early);
          expect(early.closed).toBe(true);
          expect(early.final).toBe(true);
          expect(early.agreements.every(a => a.closed && a.final)).toBe(true);

          // One P1 incident opened before the end and read before its
          // shortest threshold has passed even on the wall clock: pending,
          // so neither the report nor any agreement (all have P1 objectives)
          // is final.
          const shortest = Math.min(
            ...service.spec.agreements!.flatMap(a =>
              a.objectives
                .filter(o => o.threshold)
                .map(o => parseDuration(o.threshold!)!),
            ),
          );
          const half = Math.floor(shortest / 2 / MINUTE);
          const openedAt =
            end - MINUTE * (1 + Math.floor(running.openedBefore * (half - 1)));
          const withRunning = {
            ...measurements,
            incidents: [
              ...measurements.incidents,
              incidentOf(
                {
                  openedAt,
                  priority: 'P1',
                  acknowledged: undefined,
                  resolved: undefined,
                  pauses: [],
                },
                'INC-running',
              ),
            ],
          };
          const pending = reportOf(
            service,
            withRunning,
            month,
            end + MINUTE * Math.floor(running.readAfter * half),
          );
          expect(pending.closed).toBe(true);
          expect(pending.final).toBe(false);
          expect(pending.agreements.some(a => a.final)).toBe(false);

          // Its clock is not stopped by the month's end (rule 2): read 30
          // days or more later, past every threshold (at most a day, 30 days
          // hold over 20 working days), it is late, one more breach of every
          // P1 objective, and nothing of the month is pending any more.
          const late = reportOf(service, withRunning, month, second + 30 * DAY);
          expect(late.final).toBe(true);
          const breaches = (report: Omit<ServiceSlaReport, 'evaluatedAt'>) =>
            report.agreements.flatMap(a =>
              a.objectives
                .filter(o => o.type === 'response' || o.type === 'resolution')
                .map(o => o.details?.breached),
            );
          expect(breaches(late)).toEqual(
            // No measurement at all before: no counts, no data.
            breaches(early).map(n => Number(n ?? 0) + 1),
          );
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('4. a met deciding objective credits nothing; the basis is projected while open, owed once closed', () => {
    fc.assert(
      fc.property(
        serviceArb,
        streamArb,
        periodArb,
        nowArb,
        (service, stream, period, now) => {
          const report = reportOf(service, measurementsOf(stream), period, now);
          const closed = period.kind === 'month' && now >= monthEnd(service);
          for (const { agreement, spec } of agreementsOf(report, service)) {
            expect(agreement.closed).toBe(closed);
            expect(agreement.credit.basis).toBe(closed ? 'owed' : 'projected');
            const decidingName = spec.credits?.objective ?? 'availability';
            expect(agreement.credit.objective).toBe(decidingName);
            const deciding = agreement.objectives.find(
              o => o.name === decidingName,
            )!;
            // The amount (in the fee's currency) is there exactly with a fee.
            expect(agreement.credit.amount?.currency).toBe(spec.fee?.currency);
            const credited = {
              percent: agreement.credit.percent,
              amount: agreement.credit.amount?.amount ?? 0,
            };
            expect(
              deciding.status === 'met' ? credited : { percent: 0, amount: 0 },
            ).toEqual({ percent: 0, amount: 0 });
          }
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('5. an open period is breached only when it can no longer be met', () => {
    fc.assert(
      fc.property(
        serviceArb,
        streamArb,
        periodArb,
        nowArb,
        (service, stream, period, now) => {
          const report = reportOf(service, measurementsOf(stream), period, now);
          const breachedEarly = report.agreements
            .filter(a => !a.closed)
            .flatMap(a => a.objectives)
            .filter(o => {
              if (o.status !== 'breached') return false;
              const { spent, allowed } = o.budget!;
              return o.type === 'availability' || o.type === 'sli'
                ? !(spent > allowed)
                : // response, resolution: only a 100 % target with one late.
                  !(o.target === 100 && spent >= 1);
            });
          expect(breachedEarly).toEqual([]);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('6. credits of UCs are receivable, of SLAs and OLAs payable', () => {
    fc.assert(
      fc.property(
        serviceArb,
        streamArb,
        periodArb,
        nowArb,
        (service, stream, period, now) => {
          const report = reportOf(service, measurementsOf(stream), period, now);
          for (const { agreement, spec } of agreementsOf(report, service)) {
            expect(agreement.type).toBe(spec.type);
            expect(agreement.credit.direction).toBe(
              spec.type === 'UC' ? 'receivable' : 'payable',
            );
          }
        },
      ),
      { numRuns: RUNS },
    );
  });
});
