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

import { expect, test } from '@playwright/test';
import { signIn } from './signIn';

test('the catalog kind picker offers the ITSM kinds', async ({ page }) => {
  await signIn(page);
  await page
    .getByRole('button', { name: /Component/ })
    .first()
    .click();
  for (const kind of ['ITService', 'Stakeholder', 'Supplier']) {
    await expect(page.getByRole('option', { name: kind })).toBeVisible();
  }
  await page.getByRole('option', { name: 'ITService' }).click();
  await expect(
    page.getByRole('link', { name: 'Online Banking', exact: true }),
  ).toBeVisible();
  await page.screenshot({
    path: 'test-results/screenshots/catalog-itservices.png',
    fullPage: true,
  });
});

test('an IT service page and its relations in the catalog graph', async ({
  page,
}) => {
  await signIn(page);
  await page.goto('/catalog/default/itservice/online-banking');
  await expect(
    page.getByRole('heading', { name: 'Online Banking' }).first(),
  ).toBeVisible();
  // The overview's relations card draws the service's ITSM relations.
  await expect(page.getByText('About', { exact: true })).toBeVisible();
  const card = page.locator('svg#dependency-graph');
  await expect(card.getByText('hasCustomer').first()).toBeVisible();
  await expect(card.getByText('Retail customers')).toBeVisible();
  await page.screenshot({
    path: 'test-results/screenshots/itservice-page.png',
    fullPage: true,
  });

  await page.goto(
    '/catalog-graph?rootEntityRefs%5B%5D=itservice%3Adefault%2Fpayments-processing&maxDepth=1',
  );
  const graph = page.locator('svg#dependency-graph');
  await expect(graph).toBeVisible();
  for (const label of [
    'hasCustomer',
    'suppliedBy',
    'dependsOn',
    'implementedBy',
  ]) {
    await expect(
      graph.getByText(label, { exact: false }).first(),
    ).toBeVisible();
  }
  await page.screenshot({
    path: 'test-results/screenshots/itservice-graph.png',
    fullPage: true,
  });
});
