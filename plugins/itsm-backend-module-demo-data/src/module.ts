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
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import {
  entityRefKey,
  isITServiceEntity,
  ITServiceEntity,
  SliEventInput,
} from '@backstage-itsm/plugin-itsm-common';
import {
  ItsmMeasurementIntake,
  itsmClockServiceRef,
  itsmMeasurementSourcesExtensionPoint,
} from '@backstage-itsm/plugin-itsm-node';
import { generateDemoMeasurements } from './demoMeasurements';

const HOUR = 3_600_000;

/**
 * The slices of each series from its stored last one on: a series already
 * stored is not sent again from its start, which retention may have
 * deleted the raw slices of (the backend refuses slices before that).
 */
async function newSlices(
  slices: SliEventInput[],
  intake: ItsmMeasurementIntake,
): Promise<SliEventInput[]> {
  const latest = new Map<string, number | undefined>();
  const fresh: SliEventInput[] = [];
  for (const slice of slices) {
    const key = JSON.stringify([slice.source, slice.service, slice.objective]);
    if (!latest.has(key)) {
      latest.set(
        key,
        await intake.latestSliSliceEnd({
          source: slice.source,
          service: slice.service,
          objective: slice.objective,
        }),
      );
    }
    const end = latest.get(key);
    // The last stored slice is sent again: it may have grown since.
    if (end === undefined || Date.parse(slice.sliceStart) >= end - HOUR) {
      fresh.push(slice);
    }
  }
  return fresh;
}

/**
 * Demo measurements for the ITServices in the catalog, as a measurement
 * source of the itsm backend: ingested like any other source's batches,
 * keyed by the day they belong to, so each run only adds what is new.
 * Off unless `itsm.demo.enabled` is true; never enable it in production.
 *
 * @public
 */
export const itsmModuleDemoData = createBackendModule({
  pluginId: 'itsm',
  moduleId: 'demo-data',
  register(reg) {
    reg.registerInit({
      deps: {
        sources: itsmMeasurementSourcesExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        auth: coreServices.auth,
        catalog: catalogServiceRef,
        clock: itsmClockServiceRef,
      },
      async init({ sources, config, logger, auth, catalog, clock }) {
        if (!config.getOptionalBoolean('itsm.demo.enabled')) return;
        logger.warn(
          'itsm.demo.enabled: seeding demo measurements for the ITServices in the catalog',
        );
        // What the last run generated for: the hour and the services as the
        // catalog had them. The catalog fills up after start, so the source
        // looks every minute, and generates again only when either changed.
        let seeded: string | undefined;
        sources.addSource({
          id: 'demo-data',
          schedule: {
            frequency: { minutes: 1 },
            timeout: { minutes: 10 },
            initialDelay: { seconds: 10 },
          },
          async pull({ logger: log, intake }) {
            const { items } = await catalog.getEntities(
              { filter: { kind: 'ITService' } },
              { credentials: await auth.getOwnServiceCredentials() },
            );
            const services = items.filter((e): e is ITServiceEntity =>
              isITServiceEntity(e),
            );
            if (services.length === 0) {
              log.info(
                'Demo data: no ITServices in the catalog yet; trying again next run',
              );
              return {};
            }
            const now = clock.now();
            const state = JSON.stringify([
              now.toISOString().slice(0, 13),
              services.map(s => [entityRefKey(s), s.metadata.etag]).sort(),
            ]);
            if (state === seeded) return {};
            const batch = generateDemoMeasurements({ now, services });
            seeded = state;
            return {
              ...batch,
              sliEvents: await newSlices(batch.sliEvents ?? [], intake),
            };
          },
        });
      },
    });
  },
});
