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
     * Incidents from PagerDuty V3 webhooks
     * (@backstage-itsm/plugin-itsm-backend-module-pagerduty), received on
     * POST /api/events/http/itsm.pagerduty. The module is off when this
     * section is absent.
     */
    pagerduty?: {
      /**
       * The signing secrets of the V3 webhook subscriptions (shown once when
       * a subscription is created). A request is accepted when its
       * X-PagerDuty-Signature matches any of them: list the new and the old
       * secret while rotating.
       *
       * @visibility secret
       */
      webhookSecrets: string[];
      /**
       * Refuse events whose occurred_at is older than this (e.g. 10m, 1h),
       * against replays. Unset: no limit. PagerDuty retries failed
       * deliveries for up to 48 hours, so a short limit drops the events
       * that arrive late after an outage of this backend.
       */
      maxEventAge?: string;
      /**
       * PagerDuty priority names (priority.summary) to ITSM priorities,
       * matched ignoring case, e.g. { "SEV-1": P1 }. Without an entry, a
       * priority named P1 to P5 is kept as it is.
       */
      priorities?: { [name: string]: 'P1' | 'P2' | 'P3' | 'P4' | 'P5' };
      /**
       * Urgencies to ITSM priorities, for incidents whose priority maps to
       * none. Default: high P2, low P4; anything else P3.
       */
      urgencies?: { [urgency: string]: 'P1' | 'P2' | 'P3' | 'P4' | 'P5' };
    };
  };
}
