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

import { DateTime } from 'luxon';
import type { OutageInput } from '@backstage-itsm/plugin-itsm-common';
import { exampleServices } from './__testUtils__/exampleServices';
import { generateDemoMeasurements } from './demoMeasurements';

const services = exampleServices;

const DAY = 86_400_000;
const MINUTE = 60_000;
// Mid-month, so the current-month storylines have had time to happen.
const NOW = new Date('2026-09-16T10:30:00Z');
const MONTH_START = Date.UTC(2026, 8, 1);
const ref = (name: string) => `itservice:default/${name}`;
const time = (text: string) => Date.parse(text);
const berlin = (text: string) =>
  DateTime.fromISO(text, { zone: 'Europe/Berlin' });

const generate = (now: Date, input = services) =>
  generateDemoMeasurements({ now, services: input });
const demo = generate(NOW);
const later = generate(new Date(NOW.getTime() + 3 * DAY));

/** Minutes covered by the intervals, overlaps merged. */
function mergedMinutes(intervals: Array<[number, number]>): number {
  let total = 0;
  let reach = -Infinity;
  for (const [start, end] of [...intervals].sort((a, b) => a[0] - b[0])) {
    total += Math.max(0, end - Math.max(start, reach));
    reach = Math.max(reach, end);
  }
  return total / MINUTE;
}

describe('generateDemoMeasurements', () => {
  it('is deterministic and depends on neither the clock nor Math.random', () => {
    const random = jest.spyOn(Math, 'random');
    // Luxon peeks at the clock for a first offset guess; results must not move.
    const clock = jest
      .spyOn(Date, 'now')
      .mockReturnValue(Date.UTC(2040, 5, 30, 1, 30));
    try {
      expect(generate(NOW)).toEqual(demo);
      expect(random).not.toHaveBeenCalled();
    } finally {
      random.mockRestore();
      clock.mockRestore();
    }
  });

  it('produces a realistic amount of data', () => {
    // Seven months of about four incidents a week for eight live services.
    expect(demo.incidents.length).toBeGreaterThan(500);
    expect(demo.incidents.length).toBeLessThan(1500);
    expect(demo.outages.length).toBeGreaterThan(20);
    // Two sli objectives, hourly since the start of August.
    expect(demo.sliEvents.length).toBe(2 * (31 + 15) * 24 + 2 * 10);
  });

  it('gives every kind unique keys from the demo source', () => {
    const keys = (items: Array<{ source: string; externalId: string }>) =>
      new Set(items.map(item => `${item.source}:${item.externalId}`));
    expect(keys(demo.incidents).size).toBe(demo.incidents.length);
    expect(keys(demo.outages).size).toBe(demo.outages.length);
    const sliKeys = new Set(
      demo.sliEvents.map(e => `${e.service}|${e.objective}|${e.sliceStart}`),
    );
    expect(sliKeys.size).toBe(demo.sliEvents.length);
    for (const item of [
      ...demo.incidents,
      ...demo.outages,
      ...demo.sliEvents,
    ]) {
      expect(item.source).toBe('demo');
    }
    expect(demo.incidents[0].externalId).toMatch(
      /^[a-z-]+-\d{4}-\d{2}-\d{2}-\d+$/,
    );
  });

  it('regenerates past items identically on a later day', () => {
    const laterIncidents = new Map(later.incidents.map(i => [i.externalId, i]));
    const laterOutages = new Map(later.outages.map(o => [o.externalId, o]));
    const laterSlices = new Map(
      later.sliEvents.map(e => [`${e.objective}|${e.sliceStart}`, e]),
    );
    // Finished by NOW: regenerated identically.
    const resolved = demo.incidents.filter(i => i.resolvedAt);
    const ended = demo.outages.filter(o => o.end);
    expect(resolved.length).toBeGreaterThan(500);
    expect(ended.length).toBeGreaterThan(20);
    for (const incident of resolved) {
      expect(laterIncidents.get(incident.externalId)).toEqual(incident);
    }
    for (const outage of ended) {
      expect(laterOutages.get(outage.externalId)).toEqual(outage);
    }
    // Still open at NOW: the same item under the same key, moved on since.
    for (const incident of demo.incidents.filter(i => !i.resolvedAt)) {
      const { openedAt, priority, title } = incident;
      expect(laterIncidents.get(incident.externalId)).toMatchObject({
        openedAt,
        priority,
        title,
      });
    }
    for (const outage of demo.outages.filter(o => !o.end)) {
      const { start, impact, title } = outage;
      expect(laterOutages.get(outage.externalId)).toMatchObject({
        start,
        impact,
        title,
      });
    }
    for (const slice of demo.sliEvents) {
      expect(laterSlices.get(`${slice.objective}|${slice.sliceStart}`)).toEqual(
        slice,
      );
    }
    expect(later.incidents.length).toBeGreaterThan(demo.incidents.length);
    expect(later.sliEvents.length).toBe(demo.sliEvents.length + 2 * 72);
  });

  it('has nothing before the history start or after now', () => {
    const now = NOW.getTime();
    const historyStart = Date.UTC(2026, 2, 1);
    const starts = [
      ...demo.incidents.map(i => i.openedAt),
      ...demo.outages.map(o => o.start),
    ].map(time);
    expect(Math.min(...starts)).toBeGreaterThanOrEqual(historyStart);
    expect(Math.max(...starts)).toBeLessThan(now);
    const reached = [
      ...demo.incidents.flatMap(i => [
        i.acknowledgedAt,
        i.resolvedAt,
        ...(i.pauses ?? []).flatMap(p => [p.from, p.to]),
      ]),
      ...demo.outages.map(o => o.end),
    ].flatMap(t => (t ? [time(t)] : []));
    expect(Math.max(...reached)).toBeLessThanOrEqual(now);
    for (const slice of demo.sliEvents) {
      expect(slice.sliceSeconds).toBe(3600);
      expect(time(slice.sliceStart) + 3600_000).toBeLessThanOrEqual(now);
      expect(slice.good).toBeLessThanOrEqual(slice.total);
    }
  });

  it('keeps milestones in order', () => {
    for (const incident of demo.incidents) {
      const opened = time(incident.openedAt);
      const acknowledged = time(incident.acknowledgedAt ?? incident.openedAt);
      expect(acknowledged).toBeGreaterThanOrEqual(opened);
      expect(
        time(
          incident.resolvedAt ?? incident.acknowledgedAt ?? incident.openedAt,
        ),
      ).toBeGreaterThanOrEqual(acknowledged);
      for (const pause of incident.pauses ?? []) {
        expect(time(pause.from)).toBeGreaterThanOrEqual(opened);
        expect(time(pause.to ?? pause.from)).toBeGreaterThanOrEqual(
          time(pause.from),
        );
      }
    }
    for (const outage of demo.outages) {
      expect(time(outage.end ?? outage.start)).toBeGreaterThanOrEqual(
        time(outage.start),
      );
    }
  });

  it('leaves items that are still going on at now open', () => {
    const open = demo.incidents.filter(i => !i.resolvedAt);
    expect(open.length).toBeGreaterThan(0);
    // Each is resolved later than NOW, or still open three days on.
    const laterById = new Map(later.incidents.map(i => [i.externalId, i]));
    for (const incident of open) {
      const resolved = laterById.get(incident.externalId)?.resolvedAt;
      expect(resolved === undefined || time(resolved) > NOW.getTime()).toBe(
        true,
      );
    }
    const ongoingAtNow = generate(new Date('2026-09-01T08:00:00Z'));
    const ongoing = ongoingAtNow.outages.find(
      o => o.service === ref('online-banking') && !o.end,
    );
    expect(ongoing?.start.slice(0, 10)).toBe('2026-09-01');
  });

  it('has partial and planned outages, planned ones inside maintenance windows', () => {
    expect(demo.outages.some(o => o.impact === 'partial')).toBe(true);
    const planned = demo.outages.filter(o => o.planned);
    expect(planned.length).toBeGreaterThan(0);
    const releases = planned.filter(o => o.service === ref('online-banking'));
    expect(releases.length).toBeGreaterThan(0);
    for (const outage of releases) {
      // sunday-release-window: Sundays 02:00-04:00 Berlin time.
      const start = DateTime.fromISO(outage.start, { zone: 'Europe/Berlin' });
      const end = DateTime.fromISO(outage.end!, { zone: 'Europe/Berlin' });
      expect(start.weekday).toBe(7);
      expect(start.hour).toBeGreaterThanOrEqual(2);
      expect(end.hour * 60 + end.minute).toBeLessThanOrEqual(4 * 60);
    }
  });

  it('gives measurements to live services only', () => {
    const live = services
      .filter(s => s.spec.lifecycle === 'live')
      .map(s => ref(s.metadata.name));
    const measured = new Set(
      [...demo.incidents, ...demo.outages, ...demo.sliEvents].map(
        item => item.service,
      ),
    );
    expect([...measured].sort()).toEqual([...live].sort());
    expect(measured.has(ref('open-banking-api'))).toBe(false);
    expect(measured.has(ref('telephone-banking'))).toBe(false);

    const retired = services.map(s => ({
      ...s,
      spec: { ...s.spec, lifecycle: 'retired' as const },
    }));
    expect(generate(NOW, retired)).toEqual({
      incidents: [],
      outages: [],
      sliEvents: [],
    });
  });

  it('uses P1 only where an agreement has a P1 process', () => {
    const withP1 = demo.incidents.filter(i => i.priority === 'P1');
    expect(withP1.length).toBeGreaterThan(0);
    expect(
      new Set(withP1.map(i => i.service)).has(ref('it-service-desk')),
    ).toBe(false);
    const count = (p: string) =>
      demo.incidents.filter(i => i.priority === p).length;
    expect(count('P1')).toBeLessThan(count('P3'));
    expect(count('P1')).toBeLessThan(count('P4'));
  });

  it('breaches online-banking availability in the current month', () => {
    const now = NOW.getTime();
    const outages = demo.outages.filter(
      (o: OutageInput) =>
        o.service === ref('online-banking') &&
        !o.planned &&
        o.impact === 'full',
    );
    const minutes = mergedMinutes(
      outages.map((o): [number, number] => [
        Math.max(time(o.start), MONTH_START),
        Math.min(o.end ? time(o.end) : now, now),
      ]),
    );
    const monthMinutes = 30 * 24 * 60;
    expect(minutes).toBeGreaterThan(0.001 * monthMinutes);
    // Clearly, not just barely: at least one and a half budgets.
    expect(minutes).toBeGreaterThan(1.5 * 0.001 * monthMinutes);
  });

  it('puts payments-processing payment-success at risk in the current month', () => {
    const slices = demo.sliEvents.filter(
      e =>
        e.service === ref('payments-processing') &&
        e.objective === 'payment-success' &&
        time(e.sliceStart) >= MONTH_START,
    );
    expect(slices.length).toBe(15 * 24 + 10);
    const good = slices.reduce((sum, e) => sum + e.good, 0);
    const total = slices.reduce((sum, e) => sum + e.total, 0);
    const attainment = (100 * good) / total;
    expect(attainment).toBeGreaterThan(99.8);
    expect(attainment).toBeLessThan(99.85);
  });

  it('keeps login-success healthy', () => {
    const slices = demo.sliEvents.filter(
      e =>
        e.service === ref('online-banking') &&
        time(e.sliceStart) >= MONTH_START,
    );
    const good = slices.reduce((sum, e) => sum + e.good, 0);
    const total = slices.reduce((sum, e) => sum + e.total, 0);
    expect((100 * good) / total).toBeGreaterThan(99.8);
  });

  it('resolves service-desk incidents in its service hours, Friday evening to Monday', () => {
    // it-service-desk: Mon-Fri 08:00-18:00 Europe/Berlin; p3 objectives on service hours.
    const inHours = (text: string) => {
      const local = berlin(text);
      const minutes = local.hour * 60 + local.minute;
      return local.weekday <= 5 && minutes >= 8 * 60 && minutes <= 18 * 60;
    };
    const resolved = demo.incidents.filter(
      i =>
        i.service === ref('it-service-desk') &&
        i.priority === 'P3' &&
        i.resolvedAt,
    );
    expect(resolved.length).toBeGreaterThan(50);
    // Incidents raised by an outage close when it ends, at any hour.
    const share =
      resolved.filter(i => inHours(i.resolvedAt!)).length / resolved.length;
    expect(share).toBeGreaterThan(0.9);

    // Incidents raised by an outage share its title.
    const outageTitles = new Set(demo.outages.map(o => o.title));
    const afterWorkOnFriday = resolved.filter(i => {
      const opened = berlin(i.openedAt);
      return (
        !outageTitles.has(i.title) &&
        ((opened.weekday === 5 && opened.hour >= 18) || opened.weekday >= 6)
      );
    });
    expect(afterWorkOnFriday.length).toBeGreaterThan(0);
    for (const incident of afterWorkOnFriday) {
      // Nothing is counted before Monday 08:00, so the response comes then.
      const acknowledged = berlin(incident.acknowledgedAt!);
      expect(acknowledged.weekday).toBe(1);
      expect(acknowledged.hour).toBeGreaterThanOrEqual(8);
      expect(inHours(incident.resolvedAt!)).toBe(true);
    }
  });

  it('acknowledges payments P2 incidents in its service hours only', () => {
    // payments-processing: Mon-Fri 07:00-20:00 and Sat 08:00-14:00 Berlin.
    const inHours = (text: string) => {
      const local = berlin(text);
      const minutes = local.hour * 60 + local.minute;
      return local.weekday <= 5
        ? minutes >= 7 * 60 && minutes <= 20 * 60
        : local.weekday === 6 && minutes >= 8 * 60 && minutes <= 14 * 60;
    };
    const p2 = demo.incidents.filter(
      i => i.service === ref('payments-processing') && i.priority === 'P2',
    );
    expect(p2.some(i => !inHours(i.openedAt))).toBe(true);
    for (const incident of p2) {
      expect(inHours(incident.acknowledgedAt!)).toBe(true);
    }
  });

  it('leaves sli objectives measured by Prometheus to Prometheus', () => {
    const banking = services.find(s => s.metadata.name === 'online-banking')!;
    const wired: typeof banking = {
      ...banking,
      spec: {
        ...banking.spec,
        agreements: banking.spec.agreements!.map(agreement => ({
          ...agreement,
          objectives: agreement.objectives.map(objective =>
            objective.type === 'sli'
              ? {
                  ...objective,
                  prometheus: { good: 'ok_total', total: 'all_total' },
                }
              : objective,
          ),
        })),
      },
    };
    const objectives = (input: (typeof services)[number]) =>
      new Set(generate(NOW, [input]).sliEvents.map(e => e.objective));
    expect(objectives(banking)).toEqual(new Set(['login-success']));
    expect(objectives(wired)).toEqual(new Set());
  });
});
