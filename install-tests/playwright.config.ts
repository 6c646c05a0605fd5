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
import { chromiumLaunchOptions } from '../playwright.chromium';

// The app `scripts/test-install.mjs` created and started: no web server
// here. Debian's Chromium with the same flags as the repository's suite.
export default defineConfig({
  testDir: '.',
  timeout: 300_000,
  expect: { timeout: 30_000 },
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 1,
  reporter: [['list']],
  use: {
    actionTimeout: 30_000,
    baseURL: 'http://localhost:3000',
    screenshot: 'only-on-failure',
    browserName: 'chromium',
    launchOptions: chromiumLaunchOptions,
  },
  outputDir: '../test-results/install-artifacts',
});
