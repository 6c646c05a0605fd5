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
import {
  ItsmWebhookCredentials,
  readIncidentPriorityMap,
} from '@backstage-itsm/plugin-itsm-node';
import type { OpsgenieMappingOptions } from './mapping';

/** The module's settings, read from `itsm.opsgenie`. @public */
export type OpsgenieModuleOptions = OpsgenieMappingOptions & {
  webhook: ItsmWebhookCredentials;
};

function nonEmpty(config: RootConfigService, key: string) {
  const value = config.getOptionalString(key);
  return value === undefined || value.trim() === '' ? undefined : value;
}

/**
 * Reads `itsm.opsgenie`; undefined when it is absent (the module is off).
 * Throws on a present but unusable section: no credentials (webhooks are
 * never accepted unauthenticated), a user name without a password, an
 * invalid priority or alert link.
 *
 * @public
 */
export function readOpsgenieConfig(
  config: RootConfigService,
): OpsgenieModuleOptions | undefined {
  if (!config.has('itsm.opsgenie')) return undefined;
  const token = nonEmpty(config, 'itsm.opsgenie.webhook.token');
  const username = nonEmpty(config, 'itsm.opsgenie.webhook.username');
  const password = nonEmpty(config, 'itsm.opsgenie.webhook.password');
  if ((username === undefined) !== (password === undefined)) {
    throw new Error(
      'Invalid config at itsm.opsgenie.webhook: give both username and password, or neither',
    );
  }
  if (token === undefined && username === undefined) {
    throw new Error(
      'Invalid config at itsm.opsgenie.webhook: give a token (sent as Authorization: Bearer <token>) or a username and password (basic authentication); unauthenticated webhooks are never accepted',
    );
  }
  const priorities = readIncidentPriorityMap(
    config,
    'itsm.opsgenie.priorities',
  );
  const alertUrl = nonEmpty(config, 'itsm.opsgenie.alertUrl');
  if (
    alertUrl !== undefined &&
    (!/^https?:\/\//i.test(alertUrl) || !alertUrl.includes('{alertId}'))
  ) {
    throw new Error(
      `Invalid config at itsm.opsgenie.alertUrl: must be an http(s) URL with {alertId} where the alert's id goes, got "${alertUrl}"`,
    );
  }
  return {
    webhook: {
      ...(token !== undefined && { token }),
      ...(username !== undefined && { username, password }),
    },
    ...(priorities && { priorities }),
    ...(alertUrl !== undefined && { alertUrl }),
  };
}
