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

import { expect, Page, test } from '@playwright/test';
import {
  eventually,
  startAlertmanager,
  startExporter,
  startPrometheus,
} from '@backstage-itsm/tool-processes';
import { signIn } from '../signIn';
import { readmeFileBlocks } from './readmeBlocks';

// The README's "Connecting your tools", followed against the running portal
// (playwright.tools.config.ts gives the backend the README's app-config
// block): Debian's Prometheus at the address that block names, scraping a
// small exporter of the counters Open Banking API's objective names, and
// Debian's Alertmanager with the README's alertmanager.yml.

const METRIC = 'banking_api_requests_total';
const SLA_TAB = '/catalog/default/itservice/open-banking-api/sla';

let exporter: Awaited<ReturnType<typeof startExporter>>;
let prometheus: Awaited<ReturnType<typeof startPrometheus>>;
let alertmanager: Awaited<ReturnType<typeof startAlertmanager>>;

test.beforeAll(async () => {
  const blocks = readmeFileBlocks();
  exporter = await startExporter();
  exporter.set(METRIC, 'code="200"', 0);
  exporter.set(METRIC, 'code="500"', 0);
  prometheus = await startPrometheus({
    targets: [exporter.address],
    port: Number(
      new URL(/baseUrl: (\S+)/.exec(blocks.get('app-config.local.yaml')!)![1])
        .port,
    ),
  });
  // Counting starts at a series' first sample (as increase() does): the
  // requests start once Prometheus has seen both counters at zero.
  await eventually('the first scrape', async () =>
    (await prometheus.query(METRIC)).length === 2 ? true : undefined,
  );
  alertmanager = await startAlertmanager({
    config: blocks.get('alertmanager.yml')!,
    port: 9093,
  });
});

test.afterAll(async () => {
  await alertmanager?.stop();
  await prometheus?.stop();
  await exporter?.stop();
});

/** The viewport, scrolled to the Measurement sources card. */
async function shoot(page: Page, name: string) {
  await page
    .getByText('Measurement sources', { exact: true })
    .scrollIntoViewIfNeeded();
  await page.screenshot({ path: `test-results/e2e-tools/${name}.png` });
}

test('Prometheus SLI counts and Alertmanager outages show on the SLA tab, with their sources', async ({
  page,
}) => {
  // 490 good requests, then 10 failed ones: 98.000 % of 500 only once every
  // slice is in (any part alone reads otherwise).
  for (let i = 0; i < 10; i++) {
    const [ok, failed] = i < 5 ? [98, 0] : [0, 2];
    exporter.set(METRIC, 'code="200"', exporter.get(METRIC, 'code="200"') + ok);
    exporter.set(
      METRIC,
      'code="500"',
      exporter.get(METRIC, 'code="500"') + failed,
    );
    await new Promise(r => setTimeout(r, 1_000));
  }
  await eventually('Prometheus to have scraped every request', async () => {
    const [total] = await prometheus.query(`sum(${METRIC})`);
    return total?.value[1] === '500' ? true : undefined;
  });
  // An alert the service's matchers (job="banking-api") claim, as Prometheus
  // would post it.
  await alertmanager.postAlerts([
    {
      labels: { alertname: 'BankingApiDown', job: 'banking-api' },
      annotations: { summary: 'Open Banking API answers 503' },
      startsAt: new Date(Date.now() - 120_000).toISOString(),
    },
  ]);

  await signIn(page);
  await expect
    .poll(
      async () => {
        await page.goto(SLA_TAB);
        const card = page.getByText('Measurement sources');
        await card.waitFor({ timeout: 30_000 });
        // All 500 counted: 1 % of them allowed to fail, 10 did.
        return page.getByText(/^5 bad events allowed[^,]*, 10 spent/).count();
      },
      { timeout: 180_000, intervals: [5_000] },
    )
    .toBeGreaterThan(0);
  await expect(page.getByRole('button', { name: '98.000 %' })).toBeVisible();

  // The Measurement sources card: one row per source, what it stored last.
  const row = (name: string, stored: string) =>
    page.getByRole('row').filter({ hasText: name }).filter({ hasText: stored });
  await expect(row('prometheus', 'SLI counts:')).toContainText('reporting');
  await expect
    .poll(
      async () => {
        await page.reload();
        // The card is in once the source already there shows.
        await row('prometheus', 'SLI counts:').waitFor({ timeout: 30_000 });
        return row('alertmanager', 'outages:').count();
      },
      { timeout: 120_000, intervals: [5_000] },
    )
    .toBeGreaterThan(0);
  await expect(row('alertmanager', 'outages:')).toContainText('reporting');
  // The availability objective now has an availability source.
  await expect(
    page.getByRole('row').filter({ hasText: 'availability' }).first(),
  ).not.toContainText('No data');
  await expect(page.getByText(/is failing/)).toHaveCount(0);
  await shoot(page, 'sla-tab-sources');
});

test('a Prometheus that stops answering shows as a failing source above the figures', async ({
  page,
}) => {
  await prometheus.stop();
  await signIn(page);
  await expect
    .poll(
      async () => {
        await page.goto(SLA_TAB);
        await page
          .getByText('Measurement sources')
          .first()
          .waitFor({ timeout: 30_000 });
        return page
          .getByText(
            /A measurement source is failing: its figures may be stale/,
          )
          .count();
      },
      { timeout: 120_000, intervals: [5_000] },
    )
    .toBeGreaterThan(0);
  // While it shuts down Prometheus answers with no series; then not at all.
  await expect(
    page.getByText(/api-success: .*prometheus server "default"/i).first(),
  ).toBeVisible();
  // The counts stored before stay: never read as zero.
  await expect(page.getByRole('button', { name: '98.000 %' })).toBeVisible();
  await shoot(page, 'sla-tab-failing-source');
});
