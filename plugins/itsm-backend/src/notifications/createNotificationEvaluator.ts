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
  AuthService,
  LoggerService,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import { readDurationFromConfig } from '@backstage/config';
import { CatalogService } from '@backstage/plugin-catalog-node';
import type { NotificationService } from '@backstage/plugin-notifications-node';
import { durationToMilliseconds } from '@backstage/types';
import { parseEntityRef } from '@backstage/catalog-model';
import { entityRefKey } from '@backstage-itsm/plugin-itsm-common';
import type { ItsmClockService } from '@backstage-itsm/plugin-itsm-node';
import { Knex } from 'knex';
import { SlaReportService } from '../reports/SlaReportService';
import { NotificationEvaluator } from './NotificationEvaluator';
import { NotificationStore } from './NotificationStore';

/**
 * The evaluator and its store as `itsm.notifications` configures them;
 * undefined when `itsm.notifications.enabled` is false.
 */
export function createNotificationEvaluator(options: {
  config: RootConfigService;
  database: Knex;
  reporter: SlaReportService;
  catalog: CatalogService;
  auth: AuthService;
  notifications: NotificationService;
  logger: LoggerService;
  clock: ItsmClockService;
}) {
  const { config } = options;
  if (config.getOptionalBoolean('itsm.notifications.enabled') === false) {
    return undefined;
  }
  const key = 'itsm.notifications.recoveryDelay';
  const recoveryDelayMs = config.has(key)
    ? durationToMilliseconds(readDurationFromConfig(config, { key }))
    : 30 * 60_000;
  const recipients = (
    config.getOptionalStringArray('itsm.notifications.recipients') ?? []
  ).map((ref, i) => {
    let parsed;
    try {
      parsed = parseEntityRef(ref, { defaultKind: 'group' });
    } catch {
      parsed = undefined;
    }
    const kind = parsed?.kind.toLocaleLowerCase('en-US');
    if (!parsed || (kind !== 'user' && kind !== 'group')) {
      throw new Error(
        `itsm.notifications.recipients[${i}]: must be an entity ref of a user or group such as group:default/service-desk (got "${ref}")`,
      );
    }
    return entityRefKey(parsed);
  });
  const delayKey = 'itsm.notifications.afterIngestDelay';
  const afterIngestDelayMs = config.has(delayKey)
    ? durationToMilliseconds(readDurationFromConfig(config, { key: delayKey }))
    : 5_000;
  const store = new NotificationStore(options.database);
  const evaluator = new NotificationEvaluator({
    store,
    reporter: options.reporter,
    catalog: options.catalog,
    auth: options.auth,
    notifications: options.notifications,
    logger: options.logger.child({ task: 'itsm-notifications' }),
    clock: options.clock,
    recoveryDelayMs,
    recipients,
    afterIngestDelayMs,
  });
  return { store, evaluator };
}
