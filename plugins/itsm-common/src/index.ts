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
 * Isomorphic model of the Backstage ITSM catalog kinds: ITService,
 * Stakeholder and Supplier, with their agreements, JSON Schemas, validation
 * and relations.
 *
 * @packageDocumentation
 */

export * from './constants';
export * from './entities';
export * from './refs';
export { parseDuration } from './validation/duration';
export {
  validateItsmEntity,
  formatItsmValidationProblems,
} from './validation/validateItsmEntity';
export type { ItsmValidationProblem } from './validation/validateItsmEntity';
export {
  itServiceSchema,
  stakeholderSchema,
  supplierSchema,
} from './schema/schemas';
export * from './permissions';
export * from './api/types';
/** The HTTP API's paths, schemas and operations, generated from its OpenAPI document. @public */
export type {
  paths as ItsmApiPaths,
  components as ItsmApiComponents,
  operations as ItsmApiOperations,
} from './schema/openapi.generated';
export * from './api/slaTypes';
export { ItsmClient } from './api/ItsmClient';
export type { ItsmApi, ItsmRequestOptions } from './api/ItsmClient';
export { maintenanceOccurrences } from './calendar/maintenance';
export type { Occurrence } from './calendar/maintenance';
export * from './calendar/localTime';
export * from './calendar/intervals';
export * from './calendar/businessTime';
export {
  currentPeriod,
  monthBefore,
  monthPeriod,
  monthsBetween,
  recentMonths,
  samePeriod,
} from './calendar/periods';
export type { Period } from './calendar/periods';
export {
  contractNoticeState,
  DEFAULT_CONTRACT_NOTICE_DAYS,
} from './calendar/contractNotice';
export type { ContractNoticeState } from './calendar/contractNotice';
export * from './sla';
export { toCsv } from './csv/csv';
