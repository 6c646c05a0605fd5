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
import { itsmScorersExtensionPoint } from '@backstage-itsm/plugin-itsm-node';
import { createAvailabilityScorer } from './scorers/availability';
import { createIncidentTimeScorer } from './scorers/incidentTimes';
import { sliScorer } from './scorers/sli';

/**
 * Registers the built-in scorers for availability, response, resolution and
 * SLI objectives with the itsm backend.
 *
 * @public
 */
export const itsmModuleSlaScoring = createBackendModule({
  pluginId: 'itsm',
  moduleId: 'sla-scoring',
  register(reg) {
    reg.registerInit({
      deps: {
        scorers: itsmScorersExtensionPoint,
        config: coreServices.rootConfig,
      },
      async init({ scorers, config }) {
        const partialWeight =
          config.getOptionalNumber('itsm.partialOutageWeight') ?? 0.5;
        if (partialWeight < 0 || partialWeight > 1) {
          throw new Error(
            `itsm.partialOutageWeight must be between 0 and 1, got ${partialWeight}`,
          );
        }
        scorers.addScorer(
          createAvailabilityScorer({ partialWeight }),
          createIncidentTimeScorer('response'),
          createIncidentTimeScorer('resolution'),
          sliScorer,
        );
      },
    });
  },
});
