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

import { createBackendModule } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  itsmScorersExtensionPoint,
  ItsmObjectiveScorer,
} from '@backstage-itsm/plugin-itsm-node';
import { uniqueRegistry } from './extensionPoints';
import { itsmPlugin } from './plugin';

describe('uniqueRegistry', () => {
  it('keeps registrations by key and refuses a second one for a key', () => {
    const registry = uniqueRegistry<{ id: string }>(
      item => item.id,
      id => `"${id}" twice`,
    );
    registry.add({ id: 'a' }, { id: 'b' });
    expect([...registry.items.keys()]).toEqual(['a', 'b']);
    expect(() => registry.add({ id: 'b' })).toThrow('"b" twice');
    expect([...registry.items.keys()]).toEqual(['a', 'b']);
  });
});

describe('the scorers extension point', () => {
  it('refuses two scorers of one objective type at startup', async () => {
    const scorer: ItsmObjectiveScorer = {
      objectiveType: 'x-latency',
      score: () => ({ attainment: null, met: null }),
    };
    const module = (moduleId: string) =>
      createBackendModule({
        pluginId: 'itsm',
        moduleId,
        register(env) {
          env.registerInit({
            deps: { scorers: itsmScorersExtensionPoint },
            async init({ scorers }) {
              scorers.addScorer(scorer);
            },
          });
        },
      });
    await expect(
      startTestBackend({
        features: [
          itsmPlugin,
          module('first'),
          module('second'),
          catalogServiceMock.factory(),
          mockServices.database.factory(),
        ],
      }),
    ).rejects.toThrow('Two scorers for objective type "x-latency"');
  });
});
