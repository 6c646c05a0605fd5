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
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import {
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { ResponseError } from '@backstage/errors';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { itsmServiceRef } from '@backstage-itsm/plugin-itsm-node';
import { itsmPlugin } from './plugin';

// Another backend plugin pushes and reads measurements through itsmServiceRef
// with its own service credentials, over the real REST API.
describe('itsmServiceRef', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

  it('lets another backend plugin push and read measurements', async () => {
    const knex = await databases.init('SQLITE_3');
    const seen: unknown[] = [];
    const incidentTool = createBackendPlugin({
      pluginId: 'incident-tool',
      register(reg) {
        reg.registerInit({
          deps: {
            itsm: itsmServiceRef,
            auth: coreServices.auth,
            lifecycle: coreServices.lifecycle,
          },
          async init({ itsm, auth, lifecycle }) {
            lifecycle.addStartupHook(async () => {
              const credentials = await auth.getOwnServiceCredentials();
              seen.push(
                await itsm.pushIncidents(
                  [
                    {
                      source: 'incident-tool',
                      externalId: 'IT-1',
                      service: 'online-banking',
                      priority: 'P2',
                      openedAt: '2026-11-10T09:00:00Z',
                    },
                  ],
                  { credentials },
                ),
              );
              seen.push(
                await itsm.listIncidents(
                  { service: 'online-banking' },
                  { credentials },
                ),
              );
              seen.push(
                await itsm
                  .pushIncidents(
                    [
                      {
                        source: 'incident-tool',
                        externalId: 'IT-2',
                        service: 'nowhere',
                        priority: 'P2',
                        openedAt: '2026-11-10T09:00:00Z',
                      },
                    ],
                    { credentials },
                  )
                  .catch((error: ResponseError) => error.cause.message),
              );
            });
          },
        });
      },
    });

    await startTestBackend({
      features: [
        itsmPlugin,
        incidentTool,
        catalogServiceMock.factory({
          entities: [
            {
              apiVersion: 'itsm.backstage.io/v1alpha1',
              kind: 'ITService',
              metadata: { name: 'online-banking', namespace: 'default' },
              spec: {},
            },
          ],
        }),
        mockServices.database.factory({ knex }),
      ],
    });

    expect(seen[0]).toEqual({ created: 1, updated: 0, unchanged: 0 });
    expect(seen[1]).toEqual({
      items: [
        expect.objectContaining({
          externalId: 'IT-1',
          service: 'itservice:default/online-banking',
        }),
      ],
    });
    expect(seen[2]).toContain(
      'items[0].service: "itservice:default/nowhere" is not in the catalog',
    );
  });
});
