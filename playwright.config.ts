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

import { defineConfig } from '@playwright/test';
import { generateProjects } from '@backstage/e2e-test-utils/playwright';
import { chromiumLaunchOptions } from './playwright.chromium';

const benchDatabase = process.env.ITSM_PAGE_BENCH_DATABASE;
// `./run bench` times the page on the app's production build
// (`packages/app/dist`), which the backend's app-backend serves.
const productionApp = process.env.ITSM_PAGE_BENCH_PRODUCTION_APP === '1';
const portalUrl = productionApp
  ? 'http://localhost:7007'
  : 'http://localhost:3000';

// The instant the portal's ITSM clock is pinned to (demo data, reports):
// the 28th of last month, 10:00 UTC. The demo storylines the tests assert on
// need the month that far along (an SLI objective is at risk only once most
// of its month's budget is spent), and the month before it is closed whatever
// day the suite runs; the browser keeps the real time.
const today = new Date();
process.env.ITSM_FIXED_NOW ??= new Date(
  Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 1, 28, 10),
).toISOString();

// The tests push measurements as a tool does, with a static token the
// backend below accepts for the itsm plugin only (users only read).
process.env.ITSM_E2E_TOKEN ??= 'itsm-e2e-ingest-token';

export default defineConfig({
  // Generous: on a busy 2-core machine a dev-server page takes up to 15 s.
  timeout: 240_000,
  expect: { timeout: 30_000 },

  // The suite starts the portal itself, in CI too; a developer's running
  // `./run start` is reused outside CI.
  webServer: [
    ...(productionApp
      ? []
      : [
          {
            command: 'yarn start app',
            url: 'http://localhost:3000',
            reuseExistingServer: !process.env.CI,
            timeout: 300_000,
          },
        ]),
    {
      command: 'yarn start backend',
      url: 'http://localhost:7007/.backstage/health/v1/readiness',
      // `./run bench` runs the page benchmark on a database of its own.
      reuseExistingServer: !process.env.CI && !benchDatabase && !productionApp,
      timeout: 300_000,
      env: {
        ITSM_FIXED_NOW: process.env.ITSM_FIXED_NOW,
        APP_CONFIG_backend_auth_externalAccess: JSON.stringify([
          {
            type: 'static',
            options: { token: process.env.ITSM_E2E_TOKEN, subject: 'itsm-e2e' },
            accessRestrictions: [
              {
                plugin: 'itsm',
                permission: [
                  'itsm.measurement.create',
                  'itsm.measurement.read',
                  'itsm.measurement.delete',
                  'itsm.sla.read',
                ],
              },
            ],
          },
        ]),
        ...(benchDatabase && { APP_CONFIG_backend_database: benchDatabase }),
        ...(productionApp && { APP_CONFIG_app_baseUrl: portalUrl }),
      },
    },
  ],

  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 1,

  reporter: [
    ['list'],
    ['html', { open: 'never', outputFolder: 'test-results/e2e-report' }],
  ],

  use: {
    actionTimeout: 30_000,
    baseURL: process.env.PLAYWRIGHT_URL ?? portalUrl,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: chromiumLaunchOptions,
  },

  outputDir: 'test-results/e2e-artifacts',

  // Every package with an e2e-tests folder is a project, run in Chromium.
  // Except e2e-tests/tools: playwright.tools.config.ts runs those on the
  // real clock.
  projects: generateProjects().map(project => ({
    ...project,
    testIgnore: '**/tools/**',
    use: { browserName: 'chromium' as const },
  })),
});
