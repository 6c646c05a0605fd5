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

export interface Config {
  techInsights?: {
    factRetrievers?: {
      /**
       * The ITSM service facts (this module). Without this entry the fact
       * retriever is registered but never scheduled, and checks on its facts
       * fail with "Not all facts are defined".
       */
      itsmServiceFactRetriever?: {
        /** A cron expression, e.g. every 15 minutes: "*\/15 * * * *". */
        cadence: string;
        /** How long a run may take. Default 5 minutes. */
        timeout?: HumanDuration;
        /** Delay of the first run after start. Default 5 seconds. */
        initialDelay?: HumanDuration;
        /** Which fact rows are kept: the newest maxItems, or those younger than timeToLive. */
        lifecycle?: { maxItems: number } | { timeToLive: HumanDuration };
      };
    };
  };
}
