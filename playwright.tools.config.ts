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
import { parse } from 'yaml';
import { chromiumLaunchOptions } from './playwright.chromium';
import { readmeFileBlocks } from './plugins/itsm/e2e-tests/tools/readmeBlocks';

// "Connecting your tools" against the running portal: the backend gets the
// README's app-config block, and runs on the real clock (Prometheus and
// Alertmanager report now), on a database of its own.
const itsm = parse(readmeFileBlocks().get('app-config.local.yaml')!).itsm;

export default defineConfig({
  testDir: 'plugins/itsm/e2e-tests/tools',
  timeout: 300_000,
  expect: { timeout: 30_000 },
  webServer: [
    {
      command: 'yarn start app',
      url: 'http://localhost:3000',
      reuseExistingServer: !process.env.CI,
      timeout: 300_000,
    },
    {
      command: 'yarn start backend',
      url: 'http://localhost:7007/.backstage/health/v1/readiness',
      reuseExistingServer: false,
      timeout: 300_000,
      env: {
        APP_CONFIG_itsm_prometheus: JSON.stringify(itsm.prometheus),
        APP_CONFIG_itsm_alertmanager: JSON.stringify(itsm.alertmanager),
        APP_CONFIG_backend_database_connection_directory:
          '../../.data/sqlite-e2e-tools',
      },
    },
  ],
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 1,
  reporter: [['list']],
  use: {
    actionTimeout: 30_000,
    baseURL: 'http://localhost:3000',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: chromiumLaunchOptions,
    browserName: 'chromium',
  },
  outputDir: 'test-results/e2e-tools-artifacts',
});
