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

// The cards of software and groups (examples/itsm/software.yaml, org.yaml):
// Online Banking lists banking-web and its System digital-banking in
// implementedBy; identity-provider implements Identity and Access, which
// Online Banking, Mobile Banking and others depend on; digital-channels owns
// Online Banking, Mobile Banking, Open Banking API and the retired Telephone
// Banking. The demo data makes Online Banking breach in every month.

async function shoot(page: Page, name: string) {
  await page.screenshot({
    path: `test-results/screenshots/${name}.png`,
    fullPage: true,
  });
}

const STATUS = /Met|At risk|Breached|No data/;

/**
 * The link of a service to its SLA tab, and the card's row of it: the row
 * whose first cell is that link (a "through" link names another service).
 */
function service(page: Page, title: string) {
  const name = title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return {
    link: page.getByRole('link', { name: `SLA of ${title}`, exact: true }),
    row: page.getByRole('row', { name: new RegExp(`^SLA of ${name}( |$)`) }),
  };
}

test('a component shows the IT services it supports, with their status', async ({
  page,
}) => {
  await signIn(page);
  // Seeded once Online Banking has measurements: before the demo module's
  // first run its status is "No data".
  await openWhenSeeded(
    page,
    '/catalog/default/component/banking-web',
    /^availability: 99\.\d+ % of 99\.90 %$/,
  );
  await expect(
    page.getByText(
      'The IT services this component implements or supports, with their service levels this period',
    ),
  ).toBeVisible();
  const onlineBanking = service(page, 'Online Banking');
  await expect(onlineBanking.row).toContainText('Breached');
  await expect(onlineBanking.row).toContainText(
    /availability: 99\.\d+ % of 99\.90 %\s*retail-online-banking-sla/,
  );
  await expect(onlineBanking.row).toContainText('Retail customers');
  // Listed directly (itself and its System), so through no other service.
  await expect(onlineBanking.row).not.toContainText('through');
  await expect(onlineBanking.link).toHaveAttribute(
    'href',
    '/catalog/default/itservice/online-banking/sla',
  );
  await shoot(page, 'itsm-component-it-services');

  // The link opens the service's SLA tab.
  await onlineBanking.link.click();
  await expect(page).toHaveURL(
    /\/catalog\/default\/itservice\/online-banking\/sla/,
  );
  await expect(
    page.getByText('retail-online-banking-sla (SLA)').first(),
  ).toBeVisible();
});

test('a component supports the services that depend on the one it implements', async ({
  page,
}) => {
  await signIn(page);
  await openWhenSeeded(
    page,
    '/catalog/default/component/identity-provider',
    'through Identity and Access',
  );
  const identity = service(page, 'Identity and Access');
  await expect(identity.row).toContainText(STATUS);
  await expect(identity.row).not.toContainText('through');
  for (const title of [
    'Online Banking',
    'Mobile Banking',
    'Payments Processing',
  ]) {
    const { row } = service(page, title);
    await expect(row).toContainText('through Identity and Access');
    await expect(row).toContainText(STATUS);
  }
  await expect(service(page, 'Online Banking').row).toContainText('Breached');
  await shoot(page, 'itsm-component-it-services-through');

  await page.evaluate(() => window.localStorage.setItem('theme', 'dark'));
  await page.reload();
  await expect(service(page, 'Online Banking').row).toContainText('Breached');
  await shoot(page, 'itsm-component-it-services-through-dark');
  await page.evaluate(() => window.localStorage.removeItem('theme'));
});

test('a component no service lists explains how to link one', async ({
  page,
}) => {
  await signIn(page);
  await openWhenSeeded(
    page,
    '/catalog/default/component/example-website',
    'No IT service lists this component or its system system:default/examples yet.',
  );
  const yaml = (text: string) =>
    page.locator('code').filter({ hasText: text }).first();
  await expect(
    yaml('implementedBy: [component:default/example-website]'),
  ).toBeVisible();
  await expect(
    yaml('dependsOn: [component:default/example-website]'),
  ).toBeVisible();
  await shoot(page, 'itsm-component-it-services-empty');
});

test('a group shows the services it provides, with their status', async ({
  page,
}) => {
  await signIn(page);
  await openWhenSeeded(
    page,
    '/catalog/default/group/digital-channels',
    /^availability: 99\.\d+ % of 99\.90 %$/,
  );
  await expect(page.getByText('Services we provide')).toBeVisible();
  await expect(service(page, 'Online Banking').row).toContainText('Breached');
  for (const title of ['Mobile Banking', 'Open Banking API']) {
    await expect(service(page, title).row).toContainText(STATUS);
  }
  await expect(service(page, 'Telephone Banking (IVR)').row).toContainText(
    'No data',
  );
  // Owned by another team: not listed.
  await expect(service(page, 'Payments Processing').link).toHaveCount(0);
  await shoot(page, 'itsm-group-services');

  await page.evaluate(() => window.localStorage.setItem('theme', 'dark'));
  await page.reload();
  await expect(service(page, 'Online Banking').row).toContainText('Breached');
  await shoot(page, 'itsm-group-services-dark');
  await page.evaluate(() => window.localStorage.removeItem('theme'));

  // A group that owns no service says how to make it the owner.
  await page.goto('/catalog/default/group/retail-banking');
  await expect(
    page.getByText(/^This group owns no IT service\./),
  ).toBeVisible();
  await expect(
    page
      .locator('code')
      .filter({ hasText: 'owner: group:default/retail-banking' }),
  ).toBeVisible();
  await shoot(page, 'itsm-group-services-empty');
});
