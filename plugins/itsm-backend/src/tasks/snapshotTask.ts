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
import { monthBefore } from '@backstage-itsm/plugin-itsm-common';
import type { ItsmClockService } from '@backstage-itsm/plugin-itsm-node';
import { SlaReportService } from '../reports/SlaReportService';

/**
 * One run of snapshotting: stores last month's report of every ITService
 * that has none yet (new month, not final before, or dropped by late
 * measurements). Last month is the one before now in the service's zone.
 * Reports are read through the reporter, which stores what it computes for
 * closed months once they are final or their grace period has passed.
 */
export function snapshotTask(options: {
  catalog: CatalogService;
  auth: AuthService;
  reporter: SlaReportService;
  logger: LoggerService;
  clock: ItsmClockService;
}) {
  const { catalog, auth, reporter, logger, clock } = options;
  return async () => {
    const credentials = await auth.getOwnServiceCredentials();
    const { items } = await catalog.getEntities(
      {
        filter: { kind: 'ITService' },
        fields: [
          'kind',
          'metadata.namespace',
          'metadata.name',
          'spec.serviceHours.timezone',
        ],
      },
      { credentials },
    );
    const now = clock.now();
    logger.info(
      `Checking SLA snapshots of last month for ${items.length} services`,
    );
    for (const entity of items) {
      const zone = (entity.spec?.serviceHours as { timezone?: string })
        ?.timezone;
      await reporter.serviceReport(
        stringifyEntityRef(entity),
        { kind: 'month', month: monthBefore(now, zone ?? 'UTC') },
        credentials,
        now,
      );
    }
    logger.info(
      `Checked last month's SLA snapshots of ${items.length} services`,
    );
  };
}
