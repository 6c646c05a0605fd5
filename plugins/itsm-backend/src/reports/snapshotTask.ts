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

import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { SlaReporter } from './SlaReporter';

/** The month before the one `now` is in, as YYYY-MM (UTC). */
export function previousMonth(now: Date): string {
  const date = new Date(
    Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1),
  );
  return date.toISOString().slice(0, 7);
}

/**
 * One run of snapshotting: stores last month's report of every ITService
 * that has none yet (new month, or dropped by late measurements). Reports
 * are read through the reporter, which stores what it computes for closed
 * months.
 */
export function snapshotTask(options: {
  catalog: CatalogService;
  auth: AuthService;
  reporter: SlaReporter;
  logger: LoggerService;
}) {
  const { catalog, auth, reporter, logger } = options;
  return async () => {
    const credentials = await auth.getOwnServiceCredentials();
    const { items } = await catalog.getEntities(
      {
        filter: { kind: 'ITService' },
        fields: ['kind', 'metadata.namespace', 'metadata.name'],
      },
      { credentials },
    );
    const month = previousMonth(new Date());
    logger.info(
      `Checking SLA snapshots of ${month} for ${items.length} services`,
    );
    for (const entity of items) {
      await reporter.serviceReport(
        stringifyEntityRef(entity),
        { kind: 'month', month },
        credentials,
      );
    }
    logger.info(
      `SLA snapshots of ${month} are stored for ${items.length} services`,
    );
  };
}
