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

import { serviceRef } from '../data';
import { pairedRatio, row, summarize } from '../stats';
import {
  BackendScenario,
  BenchContext,
  count,
  DAY,
  monthStart,
  monthText,
  repeat,
  timed,
} from './context';

const reportUrl = (service: string) =>
  `/api/itsm/v1/services/default/${service}/sla?period=current`;

/** The current period's rows of some services, by bare SQL. */
export function periodRows({ db, now }: BenchContext, names: string[]) {
  const periodStart = monthStart(now);
  const refs = names.map(serviceRef);
  return Promise.all([
    db('itsm_incidents')
      .whereIn('service_ref', refs)
      .where('opened_at', '>=', periodStart)
      .where('opened_at', '<', now),
    db('itsm_outages')
      .whereIn('service_ref', refs)
      .where('start_at', '<', now)
      .where(q => q.where('end_at', '>', periodStart).orWhereNull('end_at')),
    db('itsm_sli_events')
      .whereIn('service_ref', refs)
      .where('slice_start', '>=', periodStart)
      .where('slice_start', '<', now),
  ]);
}

/**
 * Rounds of the sla-report phase, four times the slower rows' samples:
 * reports are short, and a median of 15 paired ratios moved by a tenth
 * between runs (a full run measured growth at 1.10x with medians 1.03x
 * apart).
 */
export const reportRounds = (sizes: { samples: number }) => sizes.samples * 4;

/**
 * sla-report: the current period's report of the service with the most
 * history against bare SQL of its period's rows; growth: the same report of
 * services that differ only in how much history lies before the period.
 */
export const slaReportScenario: BackendScenario = {
  name: 'sla-report',
  async run(context) {
    const { engineName, sizes, api, services, settle, log } = context;
    const rows = [];
    const [growthSmall, , growthLarge] = sizes.growth;
    const heavy = services.growth[2];
    await settle('sla-report');
    log(`[${engineName}] sla-report`);
    // Round-robin, the bare SQL included, so that warm-up and the machine's
    // noise fall on every size and on the baseline alike; each round starts
    // one step further along, so that none always runs first or last.
    const timedParts = [
      () => periodRows(context, [heavy]),
      ...services.growth.map(service => () => api.get(reportUrl(service))),
    ];
    const samples: number[][] = timedParts.map(() => []);
    // Untimed rounds first: a backend that has served reports for a while
    // has compiled their code and sized its young heap for them.
    for (let k = 0; k < 10; k++) {
      for (const part of timedParts) await part();
    }
    for (let k = 0; k < reportRounds(sizes); k++) {
      for (let j = 0; j < timedParts.length; j++) {
        const i = (j + k) % timedParts.length;
        samples[i].push(await timed(timedParts[i]));
      }
    }
    const [bareSamples, ...growthSamples] = samples;
    const bareSummary = summarize(bareSamples);
    const growthSummaries = growthSamples.map(summarize);
    const report = growthSummaries[2];
    rows.push(
      row({
        benchmark: 'sla-report',
        engine: engineName,
        size: `${count(sizes.heavyIncidents)} incidents, ${count(
          sizes.heavyOutages,
        )} outages, ${count(growthLarge)} slices`,
        unit: 'ms',
        ...report,
        baseline: { label: 'bare SQL', median: bareSummary.median },
        ratio: pairedRatio(growthSamples[2], bareSamples),
        target: { op: '<=', limit: 1, of: 'ratio' },
      }),
    );
    for (const [i, history] of sizes.growth.entries()) {
      rows.push(
        row({
          benchmark: 'growth',
          engine: engineName,
          size: `${count(history)} slices before the period`,
          unit: 'ms',
          ...growthSummaries[i],
          baseline: {
            label: `${count(growthSmall)} case`,
            median: growthSummaries[0].median,
          },
          ratio: pairedRatio(growthSamples[i], growthSamples[0]),
          target: { op: '<=', limit: 1.1, of: 'ratio' },
        }),
      );
    }

    return rows;
  },
};

/** sla-history: 24 months of the sla-report service; the first request stores the closed months. */
export const slaHistoryScenario: BackendScenario = {
  name: 'sla-history',
  async run({ engineName, sizes, now, api, services, log, measured }) {
    const report = measured('sla-report');
    const periodStart = monthStart(now);
    const heavy = services.growth[2];
    const rows = [];
    const historyUrl = `/api/itsm/v1/services/default/${heavy}/sla/history?from=${monthText(
      periodStart - 700 * DAY,
    )}&to=${monthText(now)}`;
    log(`[${engineName}] sla-history (first request stores the snapshots)`);
    const firstHistoryMs = await timed(() => api.get(historyUrl));
    const history = summarize(
      await repeat(sizes.samples, () => api.get(historyUrl)),
    );
    rows.push(
      row({
        benchmark: 'sla-history',
        engine: engineName,
        size: '24 months',
        unit: 'ms',
        ...history,
        baseline: { label: 'one sla-report', median: report.median },
        ratio: history.median / report.median,
        target: { op: '<=', limit: 3, of: 'ratio' },
        note: `first request, storing the snapshots: ${Math.round(
          firstHistoryMs,
        )} ms`,
      }),
    );

    return rows;
  },
};
