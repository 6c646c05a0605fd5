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
  /** Configuration of the Backstage ITSM backend plugin. */
  itsm?: {
    /**
     * The largest request body accepted, in express.json's notation
     * (e.g. '10mb'). Larger bodies get 413. Default '10mb', enough for a
     * batch of 5,000 incidents.
     */
    maxBodySize?: string;

    /** Deleting the measurements of services that left the catalog. */
    pruning?: {
      /**
       * How long a service may be missing from the catalog before its
       * measurements are deleted. Default 7 days. A duration object
       * ({ days: 7 }) or an ISO 8601 duration string (P7D).
       */
      gracePeriod?: HumanDuration | string;
      /** How often to check. Default every hour. */
      frequency?: HumanDuration | string;
    };

    /**
     * Retention of raw SLI slices (docs/sla-semantics.md, rule 15). Reports
     * of older periods read the slices' quarter-hour rollups, which are
     * kept, and stay the same.
     */
    retention?: {
      /** false keeps every raw slice. Default true. */
      enabled?: boolean;
      /**
       * How long raw SLI slices are kept; at least 32 days. Default 35
       * days. Once deleted, slices before the horizon are refused at ingest.
       */
      sliSlices?: HumanDuration | string;
      /** How often to delete the slices past the horizon. Default every hour. */
      frequency?: HumanDuration | string;
    };

    /** Storing each closed month's SLA report of every service. */
    snapshots?: {
      /** How often to check for months without a stored report. Default every hour. */
      frequency?: HumanDuration | string;
      /**
       * How long after its end a closed month whose incidents are still
       * running is stored anyway (their figures as of then). A month with no
       * running incident is stored as soon as it ends. Default 7 days.
       */
      gracePeriod?: HumanDuration | string;
    };

    /**
     * Notifications through Backstage's notifications backend when a service
     * level changes state (docs/sla-semantics.md, rule 14): at risk,
     * breached, recovered, burn alerts, incidents at 75 % and 100 % of their
     * threshold, credits of a closed period, supplier contracts entering
     * their notice period.
     */
    notifications?: {
      /** Default true. False: nothing is evaluated, stored or sent. */
      enabled?: boolean;
      /** How often every service is evaluated. Default every 5 minutes. */
      frequency?: HumanDuration | string;
      /**
       * How long after an ingest the services it changed are evaluated;
       * ingests within it share one evaluation. Default 5 seconds.
       */
      afterIngestDelay?: HumanDuration | string;
      /**
       * How long a state must stay better before it is recorded; a status
       * back at met is then notified as a recovery. Damps flapping.
       * Default 30 minutes.
       */
      recoveryDelay?: HumanDuration | string;
      /**
       * Users or groups told about every change, besides each service's
       * owner, counterparty and its agreements' `notify` refs, e.g.
       * ['group:default/service-desk'].
       */
      recipients?: string[];
    };

    /** Kept portfolio rows (docs/sla-semantics.md, rule 16). */
    portfolio?: {
      /**
       * How old a kept row of the current period may be when served. A
       * write that changes a service's measurements makes its row again at
       * the next read whatever its age; this bounds only what changes with
       * time alone (the elapsed share of the period). Default 5 minutes;
       * { minutes: 0 } makes every row at every request.
       */
      maxAge?: HumanDuration | string;
    };

    /**
     * Share of the error budget (0 to 1) below which an objective is at risk.
     * Default 0.25.
     */
    atRiskBudgetRemaining?: number;
  };
}
