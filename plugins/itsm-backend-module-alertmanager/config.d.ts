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
    /** Outages from Alertmanager's webhook. Without this block the module is off. */
    alertmanager?: {
      /** The `source` of the stored outages. Default alertmanager. */
      source?: string;
      /** What Alertmanager must send; set a token, or username and password, or both. */
      webhook: {
        /**
         * Expected as `Authorization: Bearer <token>` (the receiver's
         * `http_config.authorization.credentials`).
         * @visibility secret
         */
        token?: string;
        /** Basic auth user (the receiver's `http_config.basic_auth`). */
        username?: string;
        /** @visibility secret */
        password?: string;
      };
      /** Which alert labels say what; the defaults are shown. */
      labels?: {
        /** The ITService (a name or an entity ref). Default itsm_service. */
        service?: string;
        /** full or partial (default full). Default itsm_impact. */
        impact?: string;
        /** "true" for planned maintenance. Default itsm_planned. */
        planned?: string;
      };
    };
  };
}
