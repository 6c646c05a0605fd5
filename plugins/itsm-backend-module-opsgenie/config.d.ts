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

export interface Config {
  itsm?: {
    /**
     * Incidents from Opsgenie's webhook integration
     * (@backstage-itsm/plugin-itsm-backend-module-opsgenie), received on
     * POST /api/events/http/itsm.opsgenie. The module is off when this
     * section is absent.
     */
    opsgenie?: {
      /**
       * What the webhook integration sends in its Authorization header
       * (a custom header of the integration): a token, or a user name and
       * password; at least one of them.
       */
      webhook: {
        /**
         * Expected as `Authorization: Bearer <token>`.
         *
         * @visibility secret
         */
        token?: string;
        /** Expected, with the password, as `Authorization: Basic …`. */
        username?: string;
        /**
         * @visibility secret
         */
        password?: string;
      };
      /**
       * Opsgenie priorities to ITSM priorities, matched ignoring case.
       * Default: P1 to P5 one to one; an alert without a priority is P3,
       * Opsgenie's default.
       */
      priorities?: { [priority: string]: 'P1' | 'P2' | 'P3' | 'P4' | 'P5' };
      /**
       * A link to an alert in Opsgenie, with {alertId} where its id goes,
       * e.g. https://acme.app.opsgenie.com/alert/detail/{alertId}/details.
       * The webhook payload has none; without this, incidents have no link.
       */
      alertUrl?: string;
    };
  };
}
