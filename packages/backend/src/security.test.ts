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

import { ConfigSources } from '@backstage/config-loader';
import {
  itsmMeasurementCreatePermission,
  itsmMeasurementDeletePermission,
  itsmMeasurementReadPermission,
  itsmSlaReadPermission,
} from '@backstage-itsm/plugin-itsm-common';
import {
  AuthorizeResult,
  createPermission,
} from '@backstage/plugin-permission-common';
import path from 'node:path';
import { PortalPermissionPolicy } from './permissionPolicy';

const root = path.resolve(__dirname, '../../..');

/** The configuration as the production setup loads it, env values marked. */
async function productionConfig() {
  const source = ConfigSources.defaultForTargets({
    rootDir: root,
    targets: [
      { type: 'path', target: path.join(root, 'app-config.yaml') },
      { type: 'path', target: path.join(root, 'app-config.production.yaml') },
    ],
    substitutionFunc: async name => `<from the environment: ${name}>`,
  });
  return ConfigSources.toConfig(source);
}

describe('the production setup', () => {
  it('holds no static token that is written in the repository', async () => {
    const config = await productionConfig();
    const tokens = (
      config.getOptionalConfigArray('backend.auth.externalAccess') ?? []
    ).flatMap(entry =>
      entry.getString('type') === 'static'
        ? [entry.getString('options.token')]
        : [],
    );
    for (const token of tokens) {
      expect(token).toMatch(/^<from the environment: \w+>$/);
    }
    config.close();
  });

  it('lets users read but not write or delete measurements', async () => {
    const policy = new PortalPermissionPolicy();
    const decide = async (permission: any) =>
      (await policy.handle({ permission })).result;
    expect(await decide(itsmMeasurementCreatePermission)).toBe(
      AuthorizeResult.DENY,
    );
    expect(await decide(itsmMeasurementDeletePermission)).toBe(
      AuthorizeResult.DENY,
    );
    expect(await decide(itsmMeasurementReadPermission)).toBe(
      AuthorizeResult.ALLOW,
    );
    expect(await decide(itsmSlaReadPermission)).toBe(AuthorizeResult.ALLOW);
    const catalogRead = createPermission({
      name: 'catalog.entity.read',
      attributes: { action: 'read' },
    });
    expect(await decide(catalogRead)).toBe(AuthorizeResult.ALLOW);
  });
});
