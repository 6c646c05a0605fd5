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
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  isITServiceEntity,
  ITServiceEntity,
} from '@backstage-itsm/plugin-itsm-common';
import { MeasurementAccess } from '../service/MeasurementAccess';
import { ingestBatch } from '../service/tasks';
import { generateDemoMeasurements } from './demoMeasurements';

/**
 * One run of demo seeding: generates measurements for the ITServices in the
 * catalog up to now and ingests them like any other batch. Keys are derived
 * from the day, so each run only adds what is new.
 */
export function demoDataTask(options: {
  catalog: CatalogService;
  auth: AuthService;
  access: MeasurementAccess;
  logger: LoggerService;
}) {
  const { catalog, auth, access, logger } = options;
  return async () => {
    const { items } = await catalog.getEntities(
      { filter: { kind: 'ITService' } },
      { credentials: await auth.getOwnServiceCredentials() },
    );
    const services = items.filter((e): e is ITServiceEntity =>
      isITServiceEntity(e),
    );
    if (services.length === 0) {
      logger.info(
        'Demo data: no ITServices in the catalog yet; trying again next run',
      );
      return;
    }
    const result = await ingestBatch(
      access,
      generateDemoMeasurements({ now: new Date(), services }),
    );
    logger.info(
      `Demo data for ${services.length} services: ${result.created} created, ${result.updated} updated, ${result.unchanged} unchanged`,
    );
  };
}
