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

import { existsSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, Page, test } from '@playwright/test';
import { openWhenSeeded } from './pages';
import { signIn } from './signIn';

const BACKEND = 'http://localhost:7007';
// scaffolder.itsm.localPublishRoot of app-config.yaml, from the repository.
const PUBLISH_ROOT = resolve(__dirname, '../../../.data/itsm-services');

async function shoot(page: Page, name: string) {
  await page.screenshot({
    path: `test-results/screenshots/${name}.png`,
    fullPage: true,
  });
}

/** A name no earlier run used: the catalog keeps what it has read. */
const uniqueName = (prefix: string) => `${prefix}-${Date.now().toString(36)}`;

/**
 * Opens "Register an IT service" from the template list and fills the form
 * page by page up to the review: `name`, owned by Digital Channels, bought by
 * Retail customers, service hours in `timezone`, an SLA with Retail customers
 * with one availability objective.
 */
async function fillForm(page: Page, name: string, timezone: string) {
  await page.goto('/create');
  await page
    .locator('.MuiCard-root', {
      has: page.getByRole('heading', { name: 'Register an IT service' }),
    })
    .getByRole('button', { name: 'Choose' })
    .click();
  await expect(page).toHaveURL(
    /\/create\/templates\/default\/register-it-service$/,
  );
  const next = page.getByRole('button', { name: 'Next' });

  // The service
  await page.getByRole('textbox', { name: 'Name' }).fill(name);
  await page.getByRole('textbox', { name: 'Title' }).fill(`E2E ${name}`);
  await page
    .getByRole('textbox', { name: 'Description' })
    .fill('Registered by the scaffolder e2e test.');
  await page.getByRole('textbox', { name: 'Owner' }).fill('Digital');
  await page.getByRole('option', { name: 'Digital Channels' }).click();
  await next.click();

  // Customers and suppliers
  await page.getByRole('textbox', { name: 'Customers' }).click();
  await page.getByRole('option', { name: 'Retail customers' }).click();
  await page.keyboard.press('Escape');
  await next.click();

  // Service hours: the default days and hours
  const zone = page.getByRole('textbox', { name: 'Time zone' });
  await expect(zone).toHaveValue('Europe/Berlin');
  await zone.fill(timezone);
  await next.click();

  // Agreement: an SLA (the default) with the customer, one objective
  await expect(
    page.getByRole('button', { name: /^Agreement type SLA/ }),
  ).toBeVisible();
  await page.locator('#root_objectives_0_name').fill('availability');
  await page.locator('#root_objectives_0_target').fill('99.5');
  await page.getByRole('textbox', { name: 'Customer', exact: true }).click();
  await page.getByRole('option', { name: 'Retail customers' }).click();
  await shoot(page, 'itsm-scaffolder-form');
  await next.click();

  // Publish: the local folder (the default)
  await expect(
    page.getByRole('button', { name: /^Publish to A folder/ }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Review' }).click();

  // Review: every answer, the service's type apart from the agreement's
  const review = page.getByRole('table');
  await expect(review.getByRole('row', { name: `Name ${name}` })).toBeVisible();
  await expect(
    review.getByRole('row', { name: 'Type Business: faces customers' }),
  ).toBeVisible();
  await expect(
    review.getByRole('row', { name: 'Agreement type SLA: with a customer' }),
  ).toBeVisible();
  await expect(
    review.getByRole('row', { name: `Time zone ${timezone}` }),
  ).toBeVisible();
}

/** The signed-in user's token, as the app sends it to the backend. */
async function userToken(page: Page): Promise<string> {
  const response = await page.request.get(`${BACKEND}/api/auth/guest/refresh`, {
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
  });
  expect(response.ok()).toBe(true);
  return (await response.json()).backstageIdentity.token;
}

/** The entity as the catalog serves it to the user, or undefined. */
async function catalogEntity(page: Page, token: string, name: string) {
  const response = await page.request.get(
    `${BACKEND}/api/catalog/entities/by-name/itservice/default/${name}`,
    { headers: { Authorization: `Bearer ${token}` } },
  );
  return response.ok() ? response.json() : undefined;
}

/**
 * Removes what a run published, so that reruns start clean, and then the
 * entity the catalog read from it (with the file gone, no refresh brings it
 * back).
 */
async function cleanUp(page: Page, name: string) {
  rmSync(resolve(PUBLISH_ROOT, name), { recursive: true, force: true });
  const token = await userToken(page);
  const entity = await catalogEntity(page, token, name);
  if (entity?.metadata?.uid) {
    const response = await page.request.delete(
      `${BACKEND}/api/catalog/entities/by-uid/${entity.metadata.uid}`,
      { headers: { Authorization: `Bearer ${token}` } },
    );
    expect(response.status()).toBe(204);
  }
}

test('The template runs end to end in the scaffolder and produces an entity the catalog accepts', async ({
  page,
}) => {
  // The catalog reads the published file on its processing loop.
  test.setTimeout(600_000);
  await signIn(page);
  const name = uniqueName('itsm-e2e');
  try {
    await fillForm(page, name, 'Europe/Berlin');
    await page.getByRole('button', { name: 'Create' }).click();

    // The task: the local steps done, what it wrote and where.
    await expect(page).toHaveURL(/\/create\/tasks\/[\w-]+$/);
    await expect(
      page.getByRole('heading', { name: 'Published', level: 2 }),
    ).toBeVisible({ timeout: 120_000 });
    await expect(
      page.getByText(`itservice:default/${name}`, { exact: true }),
    ).toBeVisible();
    const file = resolve(PUBLISH_ROOT, name, 'catalog-info.yaml');
    await expect(page.getByText(file, { exact: true })).toBeVisible();
    expect(existsSync(file)).toBe(true);
    await expect(
      page.getByText(`itservice:default/${name} is a valid ITService`),
    ).toBeVisible();
    await shoot(page, 'itsm-scaffolder-task');

    // The catalog reads it through the folder's file location (on its
    // processing loop) and keeps it without processing errors.
    const token = await userToken(page);
    let entity: any;
    await expect
      .poll(
        async () => {
          entity = await catalogEntity(page, token, name);
          return entity?.metadata?.name;
        },
        { timeout: 420_000, intervals: [5_000] },
      )
      .toBe(name);
    expect(entity.spec).toMatchObject({
      type: 'business',
      lifecycle: 'pipeline',
      owner: 'group:default/digital-channels',
      customers: ['stakeholder:default/retail-customers'],
      serviceHours: { timezone: 'Europe/Berlin' },
      agreements: [
        {
          name: `${name}-sla`,
          type: 'SLA',
          with: 'stakeholder:default/retail-customers',
          objectives: [
            { name: 'availability', type: 'availability', target: 99.5 },
          ],
        },
      ],
    });
    expect(
      (entity.status?.items ?? []).filter(
        (item: { level: string }) => item.level === 'error',
      ),
    ).toEqual([]);

    // Its page, as the catalog shows it.
    await openWhenSeeded(
      page,
      `/catalog/default/itservice/${name}`,
      `E2E ${name}`,
    );
    await expect(
      page.getByRole('heading', { name: `E2E ${name}` }).first(),
    ).toBeVisible();
    await expect(page.getByText('ITService details')).toBeVisible();
    // The relations card draws its ITSM relations.
    const graph = page.locator('svg#dependency-graph');
    await expect(graph.getByText('hasCustomer').first()).toBeVisible();
    await expect(graph.getByText('Retail customers')).toBeVisible();
    await shoot(page, 'itsm-scaffolder-entity');
  } finally {
    await cleanUp(page, name);
  }
});

test('A value the form cannot check fails the task at itsm:validate-entity, naming the field, and nothing is published', async ({
  page,
}) => {
  await signIn(page);
  const name = uniqueName('itsm-e2e-bad');
  try {
    // The form takes any text as a time zone; the catalog's rules do not.
    await fillForm(page, name, 'Mars/Olympus');
    await page.getByRole('button', { name: 'Create' }).click();
    await expect(page).toHaveURL(/\/create\/tasks\/[\w-]+$/);

    // The task fails with the field named, in its error and in the log of
    // the validation step; the publish step does not run.
    const problem =
      'spec.serviceHours.timezone: must be an IANA time zone such as Europe/Berlin (got "Mars/Olympus")';
    await expect(page.getByRole('alert')).toContainText(
      `Invalid ITService "itservice:default/${name}" in catalog-info.yaml: ${problem}`,
      { timeout: 120_000 },
    );
    await expect(page.getByText(`error: ${problem}`)).toBeVisible();
    await expect(
      page.getByText(
        'Skipping step publish-local because a previous step failed',
      ),
    ).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Published' })).toHaveCount(
      0,
    );
    expect(existsSync(resolve(PUBLISH_ROOT, name))).toBe(false);
    await shoot(page, 'itsm-scaffolder-failed');
  } finally {
    await cleanUp(page, name);
  }
});
