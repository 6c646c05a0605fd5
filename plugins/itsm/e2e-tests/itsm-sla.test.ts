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
import { openWhenSeeded } from './pages';
import { signIn } from './signIn';

// The demo data (itsm.demo.enabled in app-config.yaml) makes Online Banking
// breach its SLA availability in every month, Payments Processing's
// payment-success objective at risk, and TelNova's contract end in January
// 2027; these tests assert on those numbers.

async function shoot(page: Page, name: string) {
  await page.screenshot({
    path: `test-results/screenshots/${name}.png`,
    fullPage: true,
  });
}

test('the portfolio shows breached, at-risk and met services with credits', async ({
  page,
}) => {
  await signIn(page);
  // Seeded once Payments Processing's SLI slices are in: the catalog may
  // still have been filling up when the first demo run looked.
  await openWhenSeeded(page, '/itsm', 'payment-success');
  await expect(
    page.getByRole('heading', { name: 'IT service portfolio' }),
  ).toBeVisible();
  const row = (name: string) => page.getByRole('row').filter({ hasText: name });
  await expect(row('Online Banking')).toContainText('Breached');
  await expect(row('Payments Processing')).toContainText('At risk');
  await expect(row('Payments Processing')).toContainText('payment-success');
  await expect(row('Telephone Banking (IVR)')).toContainText('No data');
  // Credits: owed (closed periods) and projected (open ones), payable and
  // receivable on lines of their own.
  await expect(page.getByText('Projected credits')).toBeVisible();
  await expect(page.getByText(/^payable €[\d,]+\.\d\d/).first()).toBeVisible();
  await shoot(page, 'itsm-portfolio');

  await page.evaluate(() => window.localStorage.setItem('theme', 'dark'));
  await page.reload();
  await expect(row('Online Banking')).toContainText('Breached');
  await shoot(page, 'itsm-portfolio-dark');
  await page.evaluate(() => window.localStorage.removeItem('theme'));
});

test('a breached service SLA tab, for the current period and a past month', async ({
  page,
}) => {
  await signIn(page);
  await openWhenSeeded(
    page,
    '/catalog/default/itservice/online-banking/sla',
    'retail-online-banking-sla (SLA)',
  );
  const card = page
    .locator('div')
    .filter({ hasText: /^retail-online-banking-sla \(SLA\)/ })
    .first();
  await expect(card).toBeVisible();
  // The current period is open: its credit is projected, not owed.
  await expect(
    page.getByText(/Projected credit: (5|10|25) % \(€[\d,]+\.00\)/).first(),
  ).toBeVisible();
  await expect(page.getByText('Period open').first()).toBeVisible();
  const availability = page
    .getByRole('row')
    .filter({ hasText: /^availability/ })
    .first();
  await expect(availability).toContainText('Breached');
  await expect(availability).toContainText('99.90 %');
  // At least three decimals, more where rounding would reach the target.
  await expect(availability).toContainText(/99\.[0-8]\d{2,} %/);
  await expect(page.getByText('Trend (last six closed months)')).toBeVisible();
  await expect(
    page
      .getByRole('img', {
        name: /Error budget left over the period\. availability: budget left/,
      })
      .first(),
  ).toBeVisible();
  await expect(page.getByRole('img', { name: /SLA trend/ })).toBeVisible();
  await shoot(page, 'itsm-sla-tab');

  // Pick the month before last: the URL keeps it, and the report follows.
  await page.getByLabel('Period', { exact: true }).click();
  const month = (await page.getByRole('option').nth(2).textContent())!.trim();
  await page.getByRole('option', { name: month }).click();
  await expect(page).toHaveURL(new RegExp(`period=${month}`));
  await expect(page.getByText(`· ${month} (`).first()).toBeVisible();
  await expect(
    page.getByText(/Credit owed: (5|10|25) % \(€[\d,]+\.00\)/).first(),
  ).toBeVisible();
  await expect(
    page.getByText(/^(Final|Provisional: .+)$/).first(),
  ).toBeVisible();
  await expect(
    page
      .getByRole('row')
      .filter({ hasText: /^availability/ })
      .first(),
  ).toContainText('Breached');
  await shoot(page, 'itsm-sla-tab-past-month');

  await page.evaluate(() => window.localStorage.setItem('theme', 'dark'));
  await page.reload();
  await expect(page.getByText('retail-online-banking-sla (SLA)')).toBeVisible();
  await shoot(page, 'itsm-sla-tab-dark');
  await page.evaluate(() => window.localStorage.removeItem('theme'));
});

test('a stakeholder and a supplier show what was agreed with them', async ({
  page,
}) => {
  await signIn(page);
  await openWhenSeeded(
    page,
    '/catalog/default/stakeholder/retail-customers/services',
    'retail-online-banking-sla (SLA)',
  );
  const agreement = page
    .getByRole('row')
    .filter({ hasText: 'retail-online-banking-sla' });
  await expect(agreement).toContainText('Breached');
  await expect(agreement).toContainText(
    /availability: 99\.\d{3,} % of 99\.90 %/,
  );
  await expect(agreement).toContainText(/Projected credit: \d+ %/);
  await expect(agreement).toContainText('payable to');
  await expect(
    page.getByRole('button', { name: /Download \d{4}-\d{2} report \(CSV\)/ }),
  ).toBeVisible();
  await shoot(page, 'itsm-stakeholder');
  await page.evaluate(() => window.localStorage.setItem('theme', 'dark'));
  await page.reload();
  await expect(agreement).toContainText('Breached');
  await shoot(page, 'itsm-stakeholder-dark');
  await page.evaluate(() => window.localStorage.removeItem('theme'));

  // An SLA whose counterparty is written without kind, and a service overview.
  await page.goto('/catalog/default/itservice/mobile-banking/sla');
  await expect(page.getByText('retail-mobile-banking-sla (SLA)')).toBeVisible();
  await page.goto('/catalog/default/itservice/payments-processing');
  await expect(page.getByText('ITService details')).toBeVisible();
  await expect(page.getByText('Service levels')).toBeVisible();
  await shoot(page, 'itsm-service-overview');

  await page.goto('/catalog/default/supplier/telnova/services');
  await expect(page.getByText('telnova-wan-uc (UC)')).toBeVisible();
  // A UC's credit is paid to us: receivable, never payable.
  await expect(
    page.getByRole('row').filter({ hasText: 'telnova-wan-uc' }),
  ).toContainText('receivable from');
  await expect(
    page.getByText(/inside its notice period|The contract ended/),
  ).toBeVisible();
  await shoot(page, 'itsm-supplier');
  await page.evaluate(() => window.localStorage.setItem('theme', 'dark'));
  await page.reload();
  await expect(page.getByText('telnova-wan-uc (UC)')).toBeVisible();
  await shoot(page, 'itsm-supplier-dark');
  await page.evaluate(() => window.localStorage.removeItem('theme'));
});
