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
  mockCredentials,
  mockServices,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { ITServiceEntity } from '@backstage-itsm/plugin-itsm-common';
import type { ItsmObjectiveScorer } from '@backstage-itsm/plugin-itsm-node';
import { DatabaseMeasurementStore } from '../database/DatabaseMeasurementStore';
import { MeasurementAccess } from '../measurements/MeasurementAccess';
import { ServiceDirectory } from './ServiceDirectory';
import { SlaReportService } from './SlaReportService';
import { SnapshotStore } from './SnapshotStore';

jest.setTimeout(60_000);

const NOW = new Date('2026-11-20T12:00:00Z');

const service = (name: string): ITServiceEntity => ({
  apiVersion: 'itsm.backstage.io/v1alpha1',
  kind: 'ITService',
  metadata: { name, namespace: 'default' },
  spec: {
    type: 'business',
    lifecycle: 'live',
    owner: 'group:default/ops',
    agreements: [
      {
        name: `${name}-ola`,
        type: 'OLA',
        with: 'group:default/ops',
        window: 'calendar-month',
        objectives: [{ name: 'incidents', type: 'x-count', target: 90 }],
      },
    ],
  },
});

// Scores what the store read for the service: the number of its incidents.
// A scorer from another module may throw; here it does for "broken".
const countingScorer: ItsmObjectiveScorer = {
  objectiveType: 'x-count',
  score: ({ service: entity, measurements }) => {
    if (entity.metadata.name === 'broken') {
      throw new Error('the scorer failed on broken');
    }
    return { attainment: 100 - measurements.incidents.length, met: true };
  },
};

describe('SlaReportService.reportsOf', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  /** A reporter over these services, whose store reads are counted by method. */
  async function setUp(
    databaseId: TestDatabaseId,
    services: ITServiceEntity[],
  ) {
    const knex = await databases.init(databaseId);
    const store = await DatabaseMeasurementStore.create({
      database: mockServices.database({ knex }),
    });
    const reads = new Map<string, number>();
    const counted = new Proxy(store, {
      get(target, name, receiver) {
        const value = Reflect.get(target, name, receiver);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          reads.set(String(name), (reads.get(String(name)) ?? 0) + 1);
          return value.apply(target, args);
        };
      },
    });
    const catalog = catalogServiceMock({ entities: services });
    const access = new MeasurementAccess({
      store,
      catalog,
      auth: mockServices.auth(),
      permissions: mockServices.permissions(),
    });
    const scorers = new Map([['x-count', countingScorer]]);
    const reporter = new SlaReportService({
      store: counted,
      directory: new ServiceDirectory({ catalog, access }),
      snapshots: new SnapshotStore({ store: counted, scorers }),
      access,
      scorers,
      clock: { now: () => NOW },
    });
    return { knex, store, reporter, reads };
  }

  it.each(databases.eachSupportedId())(
    'scores each service on its own measurements, and one that fails does not stop the rest, on %p',
    async databaseId => {
      const services = ['alpha', 'broken', 'gamma'].map(service);
      const { knex, store, reporter } = await setUp(databaseId, services);
      const incident = (svc: string, id: string) => ({
        source: 'pager',
        externalId: id,
        service: `itservice:default/${svc}`,
        priority: 'P3' as const,
        openedAt: Date.parse('2026-11-10T08:00:00Z'),
      });
      await store.upsertIncidents([
        incident('alpha', 'A-1'),
        incident('gamma', 'G-1'),
        incident('gamma', 'G-2'),
        incident('gamma', 'G-3'),
      ]);

      const results = [];
      for await (const scored of reporter.reportsOf(
        services,
        { kind: 'current' },
        mockCredentials.service(),
        NOW,
      )) {
        results.push(
          'error' in scored
            ? {
                service: scored.service.metadata.name,
                error: `${scored.error}`,
              }
            : {
                service: scored.service.metadata.name,
                attainment:
                  scored.report.agreements[0].objectives[0].attainment,
              },
        );
      }
      expect(results).toEqual([
        { service: 'alpha', attainment: 99 },
        { service: 'broken', error: 'Error: the scorer failed on broken' },
        { service: 'gamma', attainment: 97 },
      ]);
      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    'reads a closed month of many services together: stored reports in one read, the others with one read of their measurements, on %p',
    async databaseId => {
      const services = ['alpha', 'broken', 'gamma', 'delta'].map(service);
      const { knex, store, reporter, reads } = await setUp(
        databaseId,
        services,
      );
      const october = { kind: 'month' as const, month: '2026-10' };
      await store.upsertIncidents(
        ['alpha', 'gamma', 'gamma', 'delta'].map((name, i) => ({
          source: 'pager',
          externalId: `I-${i}`,
          service: `itservice:default/${name}`,
          priority: 'P3' as const,
          openedAt: Date.parse('2026-10-10T08:00:00Z'),
          resolvedAt: Date.parse('2026-10-10T09:00:00Z'),
        })),
      );
      // alpha's October is stored before; the others' are not.
      await reporter.reportOf(
        services[0],
        october,
        mockCredentials.service(),
        NOW,
      );
      const together = async () => {
        reads.clear();
        const reports = new Map<string, unknown>();
        for await (const scored of reporter.reportsOf(
          services,
          october,
          mockCredentials.service(),
          NOW,
        )) {
          reports.set(
            scored.service.metadata.name,
            'error' in scored ? `${scored.error}` : scored.report,
          );
        }
        return reports;
      };

      const first = await together();
      expect(reads.get('snapshotsOfServices')).toBe(1);
      expect(reads.get('loadMeasurementsOfServices')).toBe(1);
      expect(reads.get('getSnapshots')).toBeUndefined();
      expect(reads.get('loadMeasurements')).toBeUndefined();
      // The same figures as each service's own report.
      const ownReports = new Map<string, unknown>();
      for (const entity of services) {
        const name = entity.metadata.name;
        ownReports.set(
          name,
          name === 'broken'
            ? 'Error: the scorer failed on broken'
            : await reporter.reportOf(
                entity,
                october,
                mockCredentials.service(),
                NOW,
              ),
        );
      }
      expect(first).toEqual(ownReports);
      expect(
        [...first.entries()]
          .filter(([name]) => name !== 'broken')
          .map(
            ([name, report]) =>
              `${name} ${
                (
                  report as {
                    agreements: Array<{
                      objectives: Array<{ attainment: number }>;
                    }>;
                  }
                ).agreements[0].objectives[0].attainment
              }`,
          ),
      ).toEqual(['alpha 99', 'gamma 98', 'delta 99']);

      // Every report but broken's is stored now: only broken's measurements are read.
      const second = await together();
      expect(reads.get('snapshotsOfServices')).toBe(1);
      expect(reads.get('loadMeasurementsOfServices')).toBe(1);
      expect(reads.get('getSnapshots')).toBeUndefined();
      expect(second).toEqual(first);
      await knex.destroy();
    },
  );
});
