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
  startTestBackend,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import request from 'supertest';
import { catalogModuleItsm } from './module';

jest.setTimeout(90_000);

const examplesDir = resolve(__dirname, '../../../examples/itsm');
const auth = mockCredentials.user.header();

const changingService = (target: number) => `
apiVersion: itsm.backstage.io/v1alpha1
kind: ITService
metadata:
  name: changing-service
spec:
  type: technical
  lifecycle: live
  owner: group:default/infrastructure-operations
  agreements:
    - name: ops-ola
      type: OLA
      with: group:default/digital-channels
      window: calendar-month
      objectives:
        - name: availability
          type: availability
          target: ${target}
`;

type ApiEntity = {
  metadata: { name: string };
  kind: string;
  relations?: Array<{ type: string; targetRef: string }>;
  status?: { items?: Array<{ level: string; error: { message: string } }> };
};

async function waitFor<T>(
  what: string,
  read: () => Promise<T>,
  done: (value: T) => boolean,
): Promise<T> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) {
      throw new Error(
        `timed out waiting for ${what}: ${JSON.stringify(value).slice(
          0,
          2000,
        )}`,
      );
    }
    await new Promise(r => setTimeout(r, 500));
  }
}

describe('catalogModuleItsm in a running catalog', () => {
  const dir = mkdtempSync(join(tmpdir(), 'itsm-catalog-'));
  let server: Parameters<typeof request>[0];
  let stop: () => Promise<void>;

  const get = async (path: string) => {
    const res = await request(server).get(path).set('Authorization', auth);
    return res.body;
  };
  const entity = (kind: string, name: string): Promise<ApiEntity> =>
    get(`/api/catalog/entities/by-name/${kind}/default/${name}`);
  const relationsOf = async (kind: string, name: string) =>
    ((await entity(kind, name)).relations ?? []).map(
      r => `${r.type} ${r.targetRef}`,
    );

  beforeAll(async () => {
    cpSync(examplesDir, dir, { recursive: true });
    writeFileSync(join(dir, 'changing.yaml'), changingService(99.5));
    const files = [
      'org.yaml',
      'software.yaml',
      'stakeholders.yaml',
      'suppliers.yaml',
      'services.yaml',
      'changing.yaml',
    ];
    const backend = await startTestBackend({
      features: [
        catalogPlugin,
        catalogModuleItsm,
        mockServices.rootConfig.factory({
          data: {
            catalog: {
              processingInterval: { seconds: 1 },
              rules: [
                {
                  allow: [
                    'Component',
                    'System',
                    'Resource',
                    'Group',
                    'User',
                    'Location',
                    'ITService',
                    'Stakeholder',
                    'Supplier',
                  ],
                },
              ],
              locations: files.map(file => ({
                type: 'file',
                target: join(dir, file),
              })),
            },
          },
        }),
      ],
    });
    server = backend.server;
    stop = () => backend.stop();

    await waitFor(
      'the example organisation to be processed and stitched',
      () => get('/api/catalog/entities?filter=kind=itservice'),
      (services: ApiEntity[]) =>
        services.length === 11 &&
        services.every(s => (s.relations ?? []).length > 0),
    );
  });

  afterAll(async () => {
    await stop?.();
    rmSync(dir, { recursive: true, force: true });
  });

  it('loads every kind of the example organisation', async () => {
    const count = async (kind: string) =>
      (await get(`/api/catalog/entities?filter=kind=${kind}`)).length;
    expect(await count('itservice')).toBe(11);
    expect(await count('stakeholder')).toBe(6);
    expect(await count('supplier')).toBe(4);
  });

  it('returns the relations of an IT service', async () => {
    expect(await relationsOf('itservice', 'online-banking')).toEqual(
      expect.arrayContaining([
        'ownedBy group:default/digital-channels',
        'hasCustomer stakeholder:default/retail-customers',
        'hasUser stakeholder:default/branch-staff',
        'dependsOn itservice:default/payments-processing',
        'implementedBy system:default/digital-banking',
      ]),
    );
    expect(await relationsOf('itservice', 'payments-processing')).toEqual(
      expect.arrayContaining([
        'suppliedBy supplier:default/cardlink-processing',
        'dependencyOf itservice:default/online-banking',
        'dependsOn itservice:default/identity-and-access',
      ]),
    );
  });

  it('returns the reverse relations on the other end', async () => {
    expect(await relationsOf('stakeholder', 'retail-customers')).toEqual(
      expect.arrayContaining([
        'customerOf itservice:default/online-banking',
        'userOf itservice:default/mobile-banking',
        'representedBy group:default/retail-banking',
      ]),
    );
    expect(await relationsOf('supplier', 'nimbus-cloud')).toEqual(
      expect.arrayContaining([
        'supplies itservice:default/hosting-platform',
        'ownedBy user:default/priya.nair',
      ]),
    );
    expect(await relationsOf('group', 'retail-banking')).toContain(
      'represents stakeholder:default/retail-customers',
    );
    expect(await relationsOf('group', 'digital-channels')).toContain(
      'ownerOf itservice:default/online-banking',
    );
  });

  it('processes standard entities as before, plus the relations to services', async () => {
    expect(await relationsOf('component', 'banking-web')).toEqual(
      expect.arrayContaining([
        'ownedBy group:default/digital-channels',
        'partOf system:default/digital-banking',
        'implements itservice:default/online-banking',
      ]),
    );
    expect(await relationsOf('user', 'maria.schmidt')).toContain(
      'memberOf group:default/digital-channels',
    );
  });

  it('rejects an invalid entity through the validate API with the field named', async () => {
    const res = await request(server)
      .post('/api/catalog/validate-entity')
      .set('Authorization', auth)
      .send({
        location: 'url:https://example.com/services.yaml',
        entity: {
          apiVersion: 'itsm.backstage.io/v1alpha1',
          kind: 'Supplier',
          metadata: { name: 'acme' },
          spec: {
            category: 'preferred',
            owner: 'group:default/vendor-management',
          },
        },
      });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain(
      'Invalid Supplier \\"supplier:default/acme\\": spec.category: must be one of strategic, tactical, operational, commodity (got \\"preferred\\")',
    );
  });

  it('shows a processing error on an entity that became invalid, and keeps the rest', async () => {
    writeFileSync(join(dir, 'changing.yaml'), changingService(120));
    const broken = await waitFor(
      'the processing error on changing-service',
      () => entity('itservice', 'changing-service'),
      e => (e.status?.items ?? []).length > 0,
    );
    expect(broken.status?.items?.[0].error.message).toContain(
      'Invalid ITService "itservice:default/changing-service": spec.agreements[0].objectives[0].target: must be at most 100 (got 120)',
    );
    expect(
      (await get('/api/catalog/entities?filter=kind=itservice')).length,
    ).toBe(11);
    expect(await relationsOf('itservice', 'online-banking')).toContain(
      'hasCustomer stakeholder:default/retail-customers',
    );
  });
});
