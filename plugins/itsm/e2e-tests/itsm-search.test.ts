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

import { expect, Locator, Page, test } from '@playwright/test';
import { signIn } from './signIn';

// A customer of examples/itsm/stakeholders.yaml (retail-customers), and the
// IT services of examples/itsm/services.yaml that list it in their customers.
const CUSTOMER = 'Retail customers';
const SERVICES = [
  'Online Banking',
  'Mobile Banking',
  'Telephone Banking (IVR)',
];

/** The ITSM result item (not the catalog's) whose title is `title`. */
const itsmResult = (page: Page, title: string): Locator =>
  page
    .getByTestId('itsm-search-result')
    .filter({ has: page.getByRole('link', { name: title, exact: true }) });

test("Searching the portal for a customer's name finds its Stakeholder and the services it buys, with statuses in the result list", async ({
  page,
}) => {
  // The catalog collator builds its first index 45 s after the backend
  // starts (search.collators.catalog.schedule), then every 5 minutes: wait
  // for a second run should the first miss the ITSM facts.
  test.setTimeout(540_000);
  await signIn(page);

  const stakeholder = itsmResult(page, CUSTOMER);
  await expect
    .poll(
      async () => {
        await page.goto(`/search?query=${encodeURIComponent(CUSTOMER)}`);
        // Each load gets its time before searching again.
        return stakeholder
          .getByText(/^Buys: /)
          .waitFor({ timeout: 20_000 })
          .then(
            async () => {
              const text =
                (await stakeholder.getByText(/^Buys: /).textContent()) ?? '';
              return SERVICES.every(s => text.includes(s)) ? 1 : 0;
            },
            () => 0,
          );
      },
      { timeout: 480_000, intervals: [5_000] },
    )
    .toBe(1);

  // The search box holds the query, and the Stakeholder is there with its
  // kind and type.
  await expect(page.getByRole('textbox').first()).toHaveValue(CUSTOMER);
  await expect(stakeholder.getByText('Kind: Stakeholder')).toBeVisible();
  await expect(stakeholder.getByText('Type: external')).toBeVisible();
  await expect(
    stakeholder.getByRole('link', { name: CUSTOMER, exact: true }),
  ).toHaveAttribute('href', '/catalog/default/stakeholder/retail-customers');

  // Each service it buys, as an ITService with its customers and its SLA
  // status read live for this period.
  for (const title of SERVICES) {
    const service = itsmResult(page, title);
    await expect(service).toHaveCount(1);
    await expect(service.getByText('Kind: ITService')).toBeVisible();
    await expect(
      service.getByText(/^Customers: .*Retail customers/),
    ).toBeVisible();
    await expect(service.getByTestId('itsm-search-sla-status')).toHaveText(
      /^SLA this period: (Met|At risk|Breached|No data)$/,
    );
  }

  await page.screenshot({
    path: 'test-results/screenshots/search-customer.png',
    fullPage: true,
  });
});
