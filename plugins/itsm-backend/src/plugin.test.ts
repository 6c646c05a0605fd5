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
  createBackendModule,
  createServiceFactory,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { actionsRegistryServiceMock } from '@backstage/backend-test-utils/alpha';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { itsmMeasurementSourcesExtensionPoint } from '@backstage-itsm/plugin-itsm-node';
import { Knex } from 'knex';
import { itsmPlugin } from './plugin';
import { rebuildSliRollups } from './rollups/rollupTable';

jest.setTimeout(60_000);

const itService = (name: string): Entity => ({
  apiVersion: 'itsm.backstage.io/v1alpha1',
  kind: 'ITService',
  metadata: { name, namespace: 'default' },
  spec: { type: 'business', lifecycle: 'live', owner: 'group:default/ops' },
});

type ScheduledTask = SchedulerServiceTaskScheduleDefinition & {
  id: string;
  fn: (signal?: AbortSignal) => Promise<void>;
};

async function start(knex: Knex, catalogEntities: Entity[]) {
  const tasks = new Map<string, ScheduledTask>();
  const scheduler = mockServices.scheduler.mock({
    scheduleTask: async task => {
      tasks.set(task.id, task as ScheduledTask);
    },
  });
  // The mock registry prefixes action ids with 'test:' where a real one uses 'itsm:'.
  const actions = actionsRegistryServiceMock();
  // A catalog whose contents the test changes, to see pruning follow it.
  const catalog = catalogServiceMock.mock({
    getEntities: async () => ({ items: catalogEntities }),
    getEntityByRef: async ref =>
      catalogEntities.find(e => stringifyEntityRef(e) === ref),
    getEntitiesByRefs: async ({ entityRefs }) => ({
      items: entityRefs.map(ref =>
        catalogEntities.find(e => stringifyEntityRef(e) === ref),
      ),
    }),
  });
  const pagerSource = createBackendModule({
    pluginId: 'itsm',
    moduleId: 'test-source',
    register(reg) {
      reg.registerInit({
        deps: { sources: itsmMeasurementSourcesExtensionPoint },
        async init({ sources }) {
          sources.addSource({
            id: 'pager',
            schedule: { frequency: { minutes: 5 }, timeout: { minutes: 1 } },
            pull: async () => ({
              incidents: [
                {
                  source: 'pager',
                  externalId: 'P-1',
                  service: 'online-banking',
                  priority: 'P1',
                  openedAt: '2026-11-01T10:00:00Z',
                },
                {
                  source: 'pager',
                  externalId: 'P-2',
                  service: 'online-banking',
                  priority: 'P3',
                  openedAt: '2026-11-02T10:00:00Z',
                  resolvedAt: '2026-11-02T12:00:00Z',
                },
              ],
              outages: [
                {
                  source: 'pager',
                  externalId: 'O-1',
                  service: 'legacy-fax',
                  start: '2026-11-01T10:00:00Z',
                  end: '2026-11-01T11:00:00Z',
                  impact: 'full',
                },
              ],
            }),
          });
        },
      });
    },
  });
  await startTestBackend({
    features: [
      itsmPlugin,
      pagerSource,
      scheduler.factory,
      createServiceFactory({
        service: actionsRegistryServiceRef,
        deps: {},
        factory: () => actions,
      }),
      catalog.factory,
      mockServices.database.factory({ knex }),
      mockServices.rootConfig.factory({
        data: { itsm: { pruning: { gracePeriod: { days: 2 } } } },
      }),
    ],
  });
  return { tasks, actions };
}

describe('itsm backend plugin', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'runs measurement sources, prunes what left the catalog and answers actions on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const legacyFax = itService('legacy-fax');
      const catalogEntities = [itService('online-banking'), legacyFax];
      const { tasks, actions } = await start(knex, catalogEntities);

      expect([...tasks.keys()].sort()).toEqual([
        'itsm-notifications',
        'itsm-prune-measurements',
        'itsm-sla-snapshots',
        'itsm-sli-retention',
        'itsm-source-pager',
      ]);
      expect(tasks.get('itsm-prune-measurements')).toMatchObject({
        scope: 'global',
      });
      expect(tasks.get('itsm-source-pager')).toMatchObject({
        scope: 'global',
        frequency: { minutes: 5 },
      });

      await tasks.get('itsm-source-pager')!.fn();
      const count = async (table: string) =>
        Number((await knex(table).count({ n: '*' }))[0].n);
      expect(await count('itsm_incidents')).toBe(2);
      expect(await count('itsm_outages')).toBe(1);

      const open = await actions.invoke({
        id: 'test:list-open-incidents',
        input: { service: 'itservice:default/online-banking' },
        credentials: mockCredentials.user(),
      });
      expect(open.output).toEqual({
        items: [
          expect.objectContaining({
            externalId: 'P-1',
            priority: 'P1',
            openedAt: '2026-11-01T10:00:00.000Z',
          }),
        ],
      });
      const outages = await actions.invoke({
        id: 'test:list-outages',
        input: { service: 'legacy-fax' },
        credentials: mockCredentials.user(),
      });
      expect(outages.output).toEqual({
        items: [
          {
            source: 'pager',
            externalId: 'O-1',
            service: 'itservice:default/legacy-fax',
            start: '2026-11-01T10:00:00.000Z',
            end: '2026-11-01T11:00:00.000Z',
            impact: 'full',
            planned: false,
            updatedAt: expect.any(String),
          },
        ],
      });
      const report = await actions.invoke({
        id: 'test:get-sla-status',
        input: { service: 'online-banking', period: '2026-10' },
        credentials: mockCredentials.user(),
      });
      expect(report.output).toMatchObject({
        service: 'itservice:default/online-banking',
        period: '2026-10',
      });
      await expect(
        actions.invoke({
          id: 'test:get-sla-status',
          input: { service: 'online-banking', period: 'last month' },
          credentials: mockCredentials.user(),
        }),
      ).rejects.toThrow(/period/);
      await expect(
        actions.invoke({
          id: 'test:list-outages',
          input: { service: 'nowhere' },
          credentials: mockCredentials.user(),
        }),
      ).rejects.toThrow(
        'No ITService "itservice:default/nowhere" in the catalog',
      );

      // Pruning follows the catalog: nothing is missing while both exist.
      const prune = tasks.get('itsm-prune-measurements')!.fn;
      await prune();
      expect(await count('itsm_missing_services')).toBe(0);

      // legacy-fax leaves the catalog: remembered, kept for the grace period...
      catalogEntities.splice(catalogEntities.indexOf(legacyFax), 1);
      await prune();
      expect(await knex('itsm_missing_services').pluck('service_ref')).toEqual([
        'itservice:default/legacy-fax',
      ]);
      expect(await count('itsm_outages')).toBe(1);

      // ...and deleted once missing for longer than the configured two days.
      await knex('itsm_missing_services').update({
        missing_since: Date.now() - 3 * 86_400_000,
      });
      await prune();
      expect(await count('itsm_outages')).toBe(0);
      expect(await count('itsm_incidents')).toBe(2);
      expect(await count('itsm_missing_services')).toBe(0);

      // Retention deletes raw SLI slices older than 35 days, hourly, and
      // keeps their rollups.
      expect(tasks.get('itsm-sli-retention')).toMatchObject({
        scope: 'global',
        frequency: { hours: 1 },
      });
      const old = Math.floor((Date.now() - 40 * 86_400_000) / 60_000) * 60_000;
      const recent = Math.floor((Date.now() - 60_000) / 60_000) * 60_000;
      await knex('itsm_sli_events').insert(
        [old, recent].map(sliceStart => ({
          source: 'pager',
          service_ref: 'itservice:default/online-banking',
          objective: 'success',
          slice_start: sliceStart,
          slice_seconds: 60,
          good: 9,
          total: 10,
          updated_at: 0,
        })),
      );
      await rebuildSliRollups(knex, ['itservice:default/online-banking']);
      await tasks.get('itsm-sli-retention')!.fn();
      expect(
        (await knex('itsm_sli_events').pluck('slice_start')).map(Number),
      ).toEqual([recent]);
      expect(await count('itsm_sli_rollups')).toBe(2);
    },
  );
});
