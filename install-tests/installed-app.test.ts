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
import { openWhenSeeded } from '../plugins/itsm/e2e-tests/pages';

// In an app created by @backstage/create-app with the packed tarballs and
// the README's steps (scripts/test-install.mjs). The app's ITSM clock is the
// real one, so the figures are checked for being computed, not for values.
const variant = process.env.ITSM_INSTALL_VARIANT ?? 'new';

async function shoot(page: Page, name: string) {
  await page.screenshot({
    path: `test-results/screenshots/install-${variant}-${name}.png`,
    fullPage: true,
  });
}

function lastMonth() {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1))
    .toISOString()
    .slice(0, 7);
}

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter' }).click();
  // Both templates' sidebars end with Settings (the legacy one has no
  // "Catalog" entry: its Home is the catalog).
  await expect(page.getByRole('button', { name: 'Enter' })).toBeHidden();
  await expect(
    page.getByRole('link', { name: 'Settings' }).first(),
  ).toBeVisible();
});

test(`${variant} frontend system: an IT service's SLA tab shows computed figures`, async ({
  page,
}) => {
  const month = lastMonth();
  // A closed month: its figures do not depend on the hour the test runs.
  // Seeded once an attainment shows: the agreement's title shows before
  // the demo source's first run has stored anything.
  await openWhenSeeded(
    page,
    `/catalog/default/itservice/online-banking/sla?period=${month}`,
    /^\d{2,3}\.\d{3,} %$/,
    240_000,
  );
  await expect(
    page.getByText('retail-online-banking-sla (SLA)').first(),
  ).toBeVisible();
  await expect(page.getByText(`· ${month} (`).first()).toBeVisible();
  const availability = page
    .getByRole('row')
    .filter({ hasText: /^availability/ })
    .first();
  // Target and attainment, the latter computed from the demo outages.
  await expect(availability).toContainText('99.90 %');
  await expect(availability).toContainText(/\d{2,3}\.\d{3,} %/);
  await expect(availability).toContainText(/Met|At risk|Breached/);
  await expect(
    page.getByText(/^(Final|Provisional: .+)$/).first(),
  ).toBeVisible();
  await shoot(page, 'sla-tab');
});

test(`${variant} frontend system: the portfolio lists the services`, async ({
  page,
}) => {
  await openWhenSeeded(page, '/itsm', 'Online Banking', 240_000);
  await expect(
    page.getByRole('heading', { name: 'IT service portfolio' }),
  ).toBeVisible();
  for (const service of [
    'Online Banking',
    'Payments Processing',
    'Telephone Banking (IVR)',
  ]) {
    await expect(
      page.getByRole('row').filter({ hasText: service }).first(),
    ).toBeVisible();
  }
  await shoot(page, 'portfolio');
});

test(`${variant} frontend system: a component and a group show their IT services`, async ({
  page,
}) => {
  const status = /Met|At risk|Breached|No data/;
  const slaLink = (service: string) =>
    page.getByRole('link', { name: `SLA of ${service}`, exact: true });
  // The row whose first cell is the service's link.
  const row = (service: string) =>
    page.getByRole('row', { name: new RegExp(`^SLA of ${service}( |$)`) });

  // banking-web is listed by Online Banking (itself and its System): the
  // IT services card links the service to its SLA tab, with its status.
  await page.goto('/catalog/default/component/banking-web');
  await expect(
    page.getByText(/^The IT services this component implements or supports/),
  ).toBeVisible({ timeout: 120_000 });
  await expect(row('Online Banking')).toContainText(status, {
    timeout: 120_000,
  });
  await expect(slaLink('Online Banking')).toHaveAttribute(
    'href',
    '/catalog/default/itservice/online-banking/sla',
  );
  await shoot(page, 'component-it-services');

  // digital-channels owns Online Banking, Mobile Banking and more.
  await page.goto('/catalog/default/group/digital-channels');
  await expect(page.getByText('Services we provide')).toBeVisible({
    timeout: 120_000,
  });
  await expect(row('Online Banking')).toContainText(status, {
    timeout: 120_000,
  });
  await expect(row('Mobile Banking')).toContainText(status);
  await shoot(page, 'group-services');
});
