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

import { pairedRatio, row, summarize } from '../stats';
import { BackendScenario, count, timed } from './context';
import { periodRows } from './reportScenarios';

/** portfolio: every page of the portfolio, as the portal reads it, against one sla-report. */
export const portfolioScenario: BackendScenario = {
  name: 'portfolio',
  async run(context) {
    const { engineName, sizes, api, services, settle, log, measuredIfRun } =
      context;
    const report = measuredIfRun('sla-report');
    const rows = [];
    await settle('portfolio');
    log(`[${engineName}] portfolio`);
    // The whole portfolio, page after page, as the portal reads it.
    const wholePortfolio = async () => {
      let rowCount = 0;
      let cursor: string | undefined;
      do {
        const page = await api.get(
          `/api/itsm/v1/portfolio${
            cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''
          }`,
        );
        rowCount += page.items.length;
        cursor = page.nextCursor;
      } while (cursor);
      return rowCount;
    };
    // The first read of the phase makes and keeps the rows no scheduled
    // evaluation has kept yet (docs/sla-semantics.md, rule 16); the timed
    // rounds read the portfolio as the portal does between two writes.
    let portfolioRows = 0;
    const firstRead = await timed(async () => {
      portfolioRows = await wholePortfolio();
    });
    if (portfolioRows < sizes.portfolio) {
      throw new Error(
        `the portfolio listed ${portfolioRows} services, expected at least ${sizes.portfolio}`,
      );
    }
    // What reading the portfolio's rows alone costs: every listed
    // service's period rows by bare SQL, 500 services per statement as the
    // backend reads them. Sampled in turns with the portfolio.
    const everyService = Object.values(services).flat();
    const everyPeriodRow = async () => {
      for (let i = 0; i < everyService.length; i += 500) {
        await periodRows(context, everyService.slice(i, i + 500));
      }
    };
    await everyPeriodRow();
    const rounds = Math.min(5, sizes.samples);
    const portfolioSamples: number[] = [];
    const bareSamples: number[] = [];
    for (let k = 0; k < rounds; k++) {
      bareSamples.push(await timed(everyPeriodRow));
      portfolioSamples.push(await timed(wholePortfolio));
    }
    const portfolio = summarize(portfolioSamples);
    const bare = summarize(bareSamples);
    rows.push(
      row({
        benchmark: 'portfolio',
        engine: engineName,
        size: `${count(everyService.length)} services x 3 agreements`,
        unit: 'ms',
        ...portfolio,
        baseline: { label: 'bare SQL of their rows', median: bare.median },
        ratio: pairedRatio(portfolioSamples, bareSamples),
        // Reading the portfolio may cost at most half again what reading
        // its services' rows does (README, Performance: why not a multiple
        // of one report).
        target: { op: '<=', limit: 1.5, of: 'ratio' },
        note: `first read of the phase, making the rows not kept yet: ${firstRead.toFixed(
          0,
        )} ms (${(firstRead / bare.median).toFixed(2)}x the bare SQL)${
          report
            ? `; one sla-report: ${report.median.toFixed(
                1,
              )} ms; the portfolio is ${(
                portfolio.median / report.median
              ).toFixed(1)}x, the bare SQL of its rows alone ${(
                bare.median / report.median
              ).toFixed(1)}x`
            : ''
        }`,
      }),
    );

    return rows;
  },
};
