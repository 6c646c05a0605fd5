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

import {
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';

/**
 * The one place the itsm backend reads the time from. Reports, snapshots
 * and notifications take "now" from it, so a test (or a replay) can fix it.
 *
 * @public
 */
export interface ItsmClockService {
  now(): Date;
}

/**
 * The clock of the itsm backend; by default the system clock. Override it
 * with {@link itsmFixedClockServiceFactory} in tests.
 *
 * @public
 */
export const itsmClockServiceRef = createServiceRef<ItsmClockService>({
  id: 'itsm.clock',
  scope: 'root',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: {},
      factory: () => ({ now: () => new Date() }),
    }),
});

/**
 * A clock that always reads `at`, for tests and scenario replays.
 *
 * @public
 */
export function itsmFixedClockServiceFactory(at: Date | string) {
  const instant = new Date(at);
  if (Number.isNaN(instant.getTime())) {
    throw new TypeError(`Not an instant: ${String(at)}`);
  }
  return createServiceFactory({
    service: itsmClockServiceRef,
    deps: {},
    factory: () => ({ now: () => new Date(instant) }),
  });
}
