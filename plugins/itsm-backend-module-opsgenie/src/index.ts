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
 * Incidents from Opsgenie's webhook integration for the Backstage ITSM
 * backend: authenticated through the events backend, mapped to ITServices
 * by their `itsm.backstage.io/opsgenie-tag` and `opsgenie.com/team`
 * annotations, merged and stored through the itsm backend's measurement
 * intake.
 *
 * @packageDocumentation
 */

export { itsmOpsgenieFeature as default } from './module';
export { eventsModuleItsmOpsgenie, itsmModuleOpsgenie } from './module';
export { readOpsgenieConfig } from './config';
export type { OpsgenieModuleOptions } from './config';
export {
  OPSGENIE_HANDLED_ACTIONS,
  opsgenieEpochToMs,
  parseOpsgenieWebhook,
} from './payload';
export type {
  OpsgenieAlertEvent,
  OpsgenieHandledAction,
  OpsgenieWebhook,
} from './payload';
export {
  OPSGENIE_SOURCE,
  opsgenieIncidentChange,
  opsgeniePriority,
} from './mapping';
export type { OpsgenieMappingOptions } from './mapping';
export {
  OPSGENIE_TAG_ANNOTATION,
  OPSGENIE_TEAM_ANNOTATION,
  buildOpsgenieServiceIndex,
  matchOpsgenieAlert,
} from './serviceIndex';
export type { OpsgenieServiceIndex } from './serviceIndex';
export { OPSGENIE_TOPIC, createOpsgenieRequestValidator } from './validator';
