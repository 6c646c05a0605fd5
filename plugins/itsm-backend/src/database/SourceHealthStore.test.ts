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

import { resolve } from 'node:path';
import {
  mockServices,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { serviceSourceHealth, sourceSummary } from '../sources/sourceHealth';
import { DatabaseMeasurementStore } from './DatabaseMeasurementStore';
import { SourceHealthStore } from './SourceHealthStore';

jest.setTimeout(60_000);

const checkout = 'itservice:default/checkout';
const migrations = resolve(__dirname, '../../migrations');
const search = 'itservice:default/search';
const iso = (ms: number) => new Date(ms).toISOString();

describe('SourceHealthStore', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  async function setUp(databaseId: TestDatabaseId) {
    const knex = await databases.init(databaseId);
    await DatabaseMeasurementStore.create({
      database: mockServices.database({ knex }),
    });
    let now = 1_000;
    const health = new SourceHealthStore(knex, () => now);
    return { knex, health, at: (t: number) => (now = t) };
  }

  it.each(databases.eachSupportedId())(
    'keeps when each source last stored, succeeded and failed, per service and as a whole, on %p',
    async databaseId => {
      const { health, at } = await setUp(databaseId);
      at(1_000);
      await health.stored('sliEvents', [
        { source: 'prometheus', service: checkout },
        { source: 'prometheus', service: checkout },
        { source: 'prometheus', service: search },
      ]);
      await health.report({
        source: 'prometheus',
        service: checkout,
        outcome: 'ok',
      });
      at(2_000);
      await health.report({
        source: 'prometheus',
        service: search,
        outcome: 'failed',
        message: 'request-success: "x_total" matched no series',
      });
      await health.report({ source: 'prometheus', outcome: 'ok' });
      at(3_000);
      await health.stored('outages', [
        { source: 'alertmanager', service: checkout },
      ]);
      await health.report({
        source: 'alertmanager',
        outcome: 'unmatched',
        message: 'alert A',
      });
      at(4_000);
      await health.report({
        source: 'alertmanager',
        outcome: 'unmatched',
        message: 'alert B',
      });

      const rows = await health.forService(checkout);
      expect(
        rows.map(({ record, whole }) => serviceSourceHealth(record, whole)),
      ).toEqual([
        {
          source: 'alertmanager',
          status: 'ok',
          lastStored: { outages: iso(3_000) },
        },
        {
          source: 'prometheus',
          status: 'ok',
          lastStored: { sliEvents: iso(1_000) },
          lastSuccessAt: iso(1_000),
        },
      ]);
      const [searchRow] = await health.forService(search);
      // The whole run succeeded later; the service's own failure stands.
      expect(serviceSourceHealth(searchRow.record, searchRow.whole)).toEqual({
        source: 'prometheus',
        status: 'failing',
        lastStored: { sliEvents: iso(1_000) },
        lastFailureAt: iso(2_000),
        lastFailure: 'request-success: "x_total" matched no series',
      });

      expect((await health.sources()).map(sourceSummary)).toEqual([
        {
          source: 'alertmanager',
          status: 'ok',
          lastStored: { outages: iso(3_000) },
          services: 1,
          failingServices: 0,
          unmatched: { count: 2, lastAt: iso(4_000), last: 'alert B' },
        },
        {
          source: 'prometheus',
          status: 'ok',
          lastStored: { sliEvents: iso(1_000) },
          lastSuccessAt: iso(2_000),
          services: 2,
          failingServices: 1,
          unmatched: { count: 0 },
        },
      ]);

      await health.forgetServices([search]);
      expect(await health.forService(search)).toEqual([]);
    },
  );

  it.each(databases.eachSupportedId())(
    'fails every service of a source whose whole run failed after their last success, on %p',
    async databaseId => {
      const { health, at } = await setUp(databaseId);
      at(1_000);
      await health.report({
        source: 'prometheus',
        service: checkout,
        outcome: 'ok',
      });
      at(2_000);
      await health.report({
        source: 'prometheus',
        outcome: 'failed',
        message:
          'prometheus server "default" at http://prom:9090: fetch failed',
      });
      const [row] = await health.forService(checkout);
      expect(serviceSourceHealth(row.record, row.whole)).toMatchObject({
        status: 'failing',
        lastSuccessAt: iso(1_000),
        lastFailure:
          'prometheus server "default" at http://prom:9090: fetch failed',
      });
      const [summary] = (await health.sources()).map(sourceSummary);
      expect(summary).toMatchObject({ status: 'failing', failingServices: 0 });
      at(3_000);
      await health.report({
        source: 'prometheus',
        service: checkout,
        outcome: 'ok',
      });
      const [recovered] = await health.forService(checkout);
      expect(
        serviceSourceHealth(recovered.record, recovered.whole).status,
      ).toBe('ok');
    },
  );

  it.each(databases.eachSupportedId())(
    'fills itself from the measurements stored before it existed, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest({
        directory: migrations,
      });
      // Back to before the table, whatever came after it.
      while (await knex.schema.hasTable('itsm_source_health')) {
        await knex.migrate.down({
          directory: migrations,
        });
      }
      await knex('itsm_outages').insert([
        {
          source: 'statuspage',
          external_id: 'a',
          service_ref: checkout,
          start_at: 0,
          impact: 'full',
          planned: false,
          updated_at: 500,
        },
        {
          source: 'statuspage',
          external_id: 'b',
          service_ref: checkout,
          start_at: 0,
          impact: 'full',
          planned: false,
          updated_at: 700,
        },
      ]);
      await knex.migrate.latest({
        directory: migrations,
      });
      const [row] = await new SourceHealthStore(knex).forService(checkout);
      expect(row.record).toMatchObject({
        source: 'statuspage',
        lastStored: { outages: 700 },
      });
    },
  );
});
