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

/**
 * Incidents from PagerDuty V3 webhooks for the Backstage ITSM backend:
 * signature-verified through the events backend, mapped to ITServices by
 * their `pagerduty.com/service-id` annotation, merged and stored through the
 * itsm backend's measurement intake.
 *
 * @packageDocumentation
 */

export { itsmPagerDutyFeature as default } from './module';
export { eventsModuleItsmPagerDuty, itsmModulePagerDuty } from './module';
export { readPagerDutyConfig } from './config';
export type { PagerDutyModuleOptions } from './config';
export {
  PAGERDUTY_SIGNATURE_HEADER,
  signPagerDutyPayload,
  verifyPagerDutySignature,
} from './signature';
export type { PagerDutySignatureCheck } from './signature';
export {
  PAGERDUTY_INCIDENT_EVENT_TYPES,
  parsePagerDutyWebhook,
} from './payload';
export type {
  PagerDutyIncidentEvent,
  PagerDutyIncidentEventType,
  PagerDutyWebhook,
} from './payload';
export {
  DEFAULT_PAGERDUTY_URGENCIES,
  PAGERDUTY_SOURCE,
  pagerDutyIncidentChange,
  pagerDutyPriority,
} from './mapping';
export type { PagerDutyPriorityMapping } from './mapping';
export {
  PAGERDUTY_SERVICE_ID_ANNOTATION,
  buildPagerDutyServiceIndex,
  matchPagerDutyService,
} from './serviceIndex';
export type { PagerDutyServiceIndex } from './serviceIndex';
export {
  PAGERDUTY_TOPIC,
  createPagerDutyRequestValidator,
  staleEventReason,
} from './validator';
