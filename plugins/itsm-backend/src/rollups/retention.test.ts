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

import { TestDatabases } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { startItsmTestBackend } from '../__testUtils__/startItsmTestBackend';
import { readSliRetention, sliKeptFrom } from './retention';

jest.setTimeout(60_000);

const DAY = 86_400_000;
const NOW = '2026-12-01T10:07:00Z';

const entities = [
  {
    apiVersion: 'itsm.backstage.io/v1alpha1',
    kind: 'ITService',
    metadata: { name: 'shop', namespace: 'default' },
    spec: { type: 'business', lifecycle: 'live', owner: 'group:default/ops' },
  },
];

const slice = (sliceStart: string) => ({
  source: 'prometheus',
  service: 'shop',
  objective: 'checkout-success',
  sliceStart,
  sliceSeconds: 60,
  good: 9,
  total: 10,
});

describe('retention of raw SLI slices', () => {
  it('reads itsm.retention: 35 days by default, off, or a horizon of at least 32 days', () => {
    expect(readSliRetention(new ConfigReader({}))).toEqual({
      horizonMs: 35 * DAY,
    });
    expect(
      readSliRetention(
        new ConfigReader({ itsm: { retention: { enabled: false } } }),
      ),
    ).toBeUndefined();
    expect(
      readSliRetention(
        new ConfigReader({ itsm: { retention: { sliSlices: 'P90D' } } }),
      ),
    ).toEqual({ horizonMs: 90 * DAY });
    expect(() =>
      readSliRetention(
        new ConfigReader({ itsm: { retention: { sliSlices: { days: 7 } } } }),
      ),
    ).toThrow(
      'itsm.retention.sliSlices must be at least 32 days: reports of rolling periods and their burn-rate look-backs read raw slices that far back',
    );
    // The horizon, down to a whole quarter hour.
    expect(
      new Date(
        sliKeptFrom({ horizonMs: 35 * DAY }, Date.parse(NOW)),
      ).toISOString(),
    ).toBe('2026-10-27T10:00:00.000Z');
  });

  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'refuses slices before where retention deleted up to with a 400 that names them, storing none of the batch, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const backend = await startItsmTestBackend({
        knex,
        catalog: entities,
        now: NOW,
      });
      try {
        // Before retention has run, any slice is taken.
        const early = await backend.push('/sli-events', [
          slice('2026-10-27T09:59:00Z'),
        ]);
        expect(early.status).toBe(200);
        // Where the retention task (plugin.test.ts) leaves its boundary.
        await knex('itsm_sli_retention').insert({
          id: 1,
          kept_from: sliKeptFrom({ horizonMs: 35 * DAY }, Date.parse(NOW)),
        });
        const refused = await backend.push('/sli-events', [
          slice('2026-10-27T10:00:00Z'),
          { ...slice('2026-10-27T09:59:00Z'), good: 1 },
        ]);
        expect(refused.status).toBe(400);
        expect(refused.body.error.message).toBe(
          'items[1].sliceStart: before 2026-10-27T10:00:00.000Z, up to which retention (itsm.retention.sliSlices) deleted the raw SLI slices; older slices count only in their rollups and cannot change',
        );
        const kept = await backend.push('/sli-events', [
          slice('2026-10-27T10:00:00Z'),
        ]);
        // Nothing of the refused batch was stored.
        expect(kept.status).toBe(200);
        expect(kept.body).toMatchObject({ created: 1 });
      } finally {
        await backend.stop();
      }
    },
  );

  it.each(databases.eachSupportedId())(
    'takes any slice with retention turned off, on %p',
    async databaseId => {
      const backend = await startItsmTestBackend({
        knex: await databases.init(databaseId),
        catalog: entities,
        now: NOW,
        config: { itsm: { retention: { enabled: false } } },
      });
      try {
        const answer = await backend.push('/sli-events', [
          slice('2025-01-01T00:00:00Z'),
        ]);
        expect(answer.status).toBe(200);
      } finally {
        await backend.stop();
      }
    },
  );
});
