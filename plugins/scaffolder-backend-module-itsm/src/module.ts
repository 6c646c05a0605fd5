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
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import {
  createItsmPublishFileAction,
  readLocalPublishRoot,
} from './actions/publishFile';
import { createItsmValidateEntityAction } from './actions/validateEntity';

/**
 * Adds the ITSM actions to the scaffolder: `itsm:validate-entity` and
 * `itsm:publish-file`.
 *
 * @public
 */
export const scaffolderModuleItsm = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'itsm',
  register(reg) {
    reg.registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
      },
      async init({ scaffolder, config, logger }) {
        const root = readLocalPublishRoot(config);
        if (!config.has('scaffolder.itsm.localPublishRoot')) {
          logger.info(
            `scaffolder.itsm.localPublishRoot is not set; itsm:publish-file writes under ${root}`,
          );
        }
        scaffolder.addActions(
          createItsmValidateEntityAction(),
          createItsmPublishFileAction({ root }),
        );
      },
    });
  },
});
