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

import { expect, Page } from '@playwright/test';

/**
 * Opens a page until it shows a text: the backend's demo module seeds its
 * measurements a few seconds after start, once the catalog has the services.
 */
export async function openWhenSeeded(
  page: Page,
  path: string,
  text: RegExp | string,
  timeoutMs = 180_000,
) {
  await expect
    .poll(
      async () => {
        await page.goto(path);
        // Rendering may end after the network goes quiet on a busy machine:
        // give each load its time before reloading.
        return page
          .getByText(text)
          .first()
          .waitFor({ timeout: 20_000 })
          .then(
            () => 1,
            () => 0,
          );
      },
      { timeout: timeoutMs, intervals: [3_000] },
    )
    .toBeGreaterThan(0);
}
