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

import { HumanDuration } from '@backstage/types';
import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  itsm?: {
    /** SLI objectives measured from Prometheus. Without this block the module is off. */
    prometheus?: {
      /** The `source` of the stored SLI slices. Default prometheus. */
      source?: string;
      /** The Prometheus servers, by name; objectives name one (default "default"). */
      servers: {
        [name: string]: {
          /** e.g. http://prometheus:9090 */
          baseUrl: string;
          /**
           * Sent with every query, e.g. Authorization.
           * @visibility secret
           */
          headers?: { [name: string]: string };
        };
      };
      /** Width of the stored slices, whole seconds. Default 5 minutes. */
      slice?: HumanDuration | string;
      /** Slices end at least this long ago, so late scrapes are in. Default 1 minute. */
      delay?: HumanDuration | string;
      /** How far back a new objective, or a gap, is filled. Default 7 days. */
      backfill?: HumanDuration | string;
      /** How far back the value before a window is looked for. Default 1 hour. */
      lookback?: HumanDuration | string;
      /** No sample of total for this long fails the source. Default 10 minutes. */
      staleAfter?: HumanDuration | string;
      /** When the source runs. Default every minute, 30 s after start. */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      /** Objectives mapped here rather than in the ITService's YAML. */
      mappings?: Array<{
        /** The ITService, as an entity ref or a name. */
        service: string;
        /** The objective's name in the service's agreements. */
        objective: string;
        /** Default "default". */
        server?: string;
        /** Series selector of good events; give good or errors. */
        good?: string;
        /** Series selector of bad events. */
        errors?: string;
        /** Series selector of all events. */
        total: string;
      }>;
    };
  };
}
