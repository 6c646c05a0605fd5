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

import { createBackend } from '@backstage/backend-defaults';
import { createBackendModule } from '@backstage/backend-plugin-api';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';

// `yarn start` in this folder: the itsm backend alone, with what it needs
// around it (catalog with the ITSM kinds, guest sign-in, permissions) and
// its modules, demo data included, on the repository's app-config.yaml.
const backend = createBackend();

backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(import('@backstage-itsm/plugin-catalog-backend-module-itsm'));
backend.add(import('@backstage/plugin-permission-backend'));
// Everyone may do everything here; see packages/backend's policy for a real one.
backend.add(
  createBackendModule({
    pluginId: 'permission',
    moduleId: 'itsm-dev-allow-all',
    register(reg) {
      reg.registerInit({
        deps: { policy: policyExtensionPoint },
        async init({ policy }) {
          policy.setPolicy({
            handle: async () => ({ result: AuthorizeResult.ALLOW }),
          });
        },
      });
    },
  }),
);

backend.add(import('../src'));
backend.add(import('@backstage-itsm/plugin-itsm-backend-module-sla-scoring'));
backend.add(import('@backstage-itsm/plugin-itsm-backend-module-demo-data'));

backend.start();
