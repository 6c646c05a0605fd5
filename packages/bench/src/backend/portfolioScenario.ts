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

import { row, summarize } from '../stats';
import { BackendScenario, count, repeat } from './context';
import { periodRows } from './reportScenarios';

/** portfolio: every page of the portfolio, as the portal reads it, against one sla-report. */
export const portfolioScenario: BackendScenario = {
  name: 'portfolio',
  async run(context) {
    const { engineName, sizes, api, services, settle, log, measured } = context;
    const report = measured('sla-report');
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
    const portfolioRows = await wholePortfolio();
    if (portfolioRows < sizes.portfolio) {
      throw new Error(
        `the portfolio listed ${portfolioRows} services, expected at least ${sizes.portfolio}`,
      );
    }
    const portfolio = summarize(
      await repeat(Math.min(5, sizes.samples), wholePortfolio),
    );
    // What reading the portfolio's rows alone costs: every service's period
    // rows by bare SQL, 500 services per statement as the backend reads them.
    const everyService = Object.values(services).flat();
    const everyPeriodRow = async () => {
      for (let i = 0; i < everyService.length; i += 500) {
        await periodRows(context, everyService.slice(i, i + 500));
      }
    };
    const portfolioRowsMs = summarize(await repeat(3, everyPeriodRow)).median;
    rows.push(
      row({
        benchmark: 'portfolio',
        engine: engineName,
        size: `${count(sizes.portfolio)} services x 3 agreements`,
        unit: 'ms',
        ...portfolio,
        baseline: { label: 'one sla-report', median: report.median },
        ratio: portfolio.median / report.median,
        target: { op: '<=', limit: 20, of: 'ratio' },
        note: `bare SQL of every service's period rows alone: ${Math.round(
          portfolioRowsMs,
        )} ms, ${(portfolioRowsMs / report.median).toFixed(1)}x one report`,
      }),
    );

    return rows;
  },
};
