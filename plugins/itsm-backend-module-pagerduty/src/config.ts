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
import { parseDuration } from '@backstage-itsm/plugin-itsm-common';
import { readIncidentPriorityMap } from '@backstage-itsm/plugin-itsm-node';
import type { PagerDutyPriorityMapping } from './mapping';

/** The module's settings, read from `itsm.pagerduty`. @public */
export type PagerDutyModuleOptions = PagerDutyPriorityMapping & {
  /** The V3 webhook subscriptions' signing secrets. */
  webhookSecrets: string[];
  /** Events that occurred longer ago than this are refused; unset: none. */
  maxEventAgeMs?: number;
};

/**
 * Reads `itsm.pagerduty`; undefined when it is absent (the module is off).
 * Throws on a present but unusable section: no signing secret, an invalid
 * duration or priority.
 *
 * @public
 */
export function readPagerDutyConfig(
  config: RootConfigService,
): PagerDutyModuleOptions | undefined {
  if (!config.has('itsm.pagerduty')) return undefined;
  const webhookSecrets = (
    config.getOptionalStringArray('itsm.pagerduty.webhookSecrets') ?? []
  ).filter(secret => secret.trim() !== '');
  if (webhookSecrets.length === 0) {
    throw new Error(
      'Invalid config at itsm.pagerduty.webhookSecrets: give the signing secret of at least one PagerDuty V3 webhook subscription; unsigned webhooks are never accepted',
    );
  }
  const maxAge = config.getOptionalString('itsm.pagerduty.maxEventAge');
  const maxEventAgeMs =
    maxAge === undefined ? undefined : parseDuration(maxAge.trim());
  if (maxAge !== undefined && maxEventAgeMs === undefined) {
    throw new Error(
      `Invalid config at itsm.pagerduty.maxEventAge: must be a duration such as 10m, 1h or 1h30m, got "${maxAge}"`,
    );
  }
  const priorities = readIncidentPriorityMap(
    config,
    'itsm.pagerduty.priorities',
  );
  const urgencies = readIncidentPriorityMap(config, 'itsm.pagerduty.urgencies');
  return {
    webhookSecrets,
    ...(maxEventAgeMs !== undefined && { maxEventAgeMs }),
    ...(priorities && { priorities }),
    ...(urgencies && { urgencies }),
  };
}
