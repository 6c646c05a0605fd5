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

import type { RootConfigService } from '@backstage/backend-plugin-api';
import type { IncidentPriority } from '@backstage-itsm/plugin-itsm-common';

const PRIORITIES: readonly IncidentPriority[] = ['P1', 'P2', 'P3', 'P4', 'P5'];

/** Whether a value is an ITSM priority, P1 to P5. Pure. @public */
export function isIncidentPriority(value: unknown): value is IncidentPriority {
  return PRIORITIES.includes(value as IncidentPriority);
}

/**
 * Reads a config section that maps a tool's priority (or urgency) names to
 * ITSM priorities, e.g. `itsm.pagerduty.priorities`; undefined when it is
 * absent. Throws naming the key of a value that is not P1 to P5.
 *
 * @public
 */
export function readIncidentPriorityMap(
  config: RootConfigService,
  key: string,
): Record<string, IncidentPriority> | undefined {
  const section = config.getOptionalConfig(key);
  if (!section) return undefined;
  return Object.fromEntries(
    section.keys().map(name => {
      const value = section.getString(name);
      if (!isIncidentPriority(value)) {
        throw new Error(
          `Invalid config at ${key}.${name}: must be one of P1, P2, P3, P4, P5, got "${value}"`,
        );
      }
      return [name, value];
    }),
  );
}
