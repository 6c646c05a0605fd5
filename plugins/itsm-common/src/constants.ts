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

/** The apiVersion of every ITSM kind. @public */
export const ITSM_API_VERSION = 'itsm.backstage.io/v1alpha1';

/** Kind names as written in catalog YAML. @public */
export const ITSM_KIND_IT_SERVICE = 'ITService';
/** @public */
export const ITSM_KIND_STAKEHOLDER = 'Stakeholder';
/** @public */
export const ITSM_KIND_SUPPLIER = 'Supplier';

/** The three ITSM kinds. @public */
export const ITSM_KINDS = [
  ITSM_KIND_IT_SERVICE,
  ITSM_KIND_STAKEHOLDER,
  ITSM_KIND_SUPPLIER,
] as const;

/** One of the ITSM kind names. @public */
export type ItsmKind = (typeof ITSM_KINDS)[number];

/*
 * Relations. Each pair is emitted in both directions by the catalog module.
 * `ownedBy`/`ownerOf` and `dependsOn`/`dependencyOf` are Backstage's own
 * (RELATION_OWNED_BY etc. from @backstage/catalog-model).
 */

/** ITService → Stakeholder that buys it. @public */
export const RELATION_HAS_CUSTOMER = 'hasCustomer';
/** Stakeholder → ITService it buys. @public */
export const RELATION_CUSTOMER_OF = 'customerOf';
/** ITService → Stakeholder that uses it. @public */
export const RELATION_HAS_USER = 'hasUser';
/** Stakeholder → ITService it uses. @public */
export const RELATION_USER_OF = 'userOf';
/** ITService → Supplier it depends on. @public */
export const RELATION_SUPPLIED_BY = 'suppliedBy';
/** Supplier → ITService it supplies. @public */
export const RELATION_SUPPLIES = 'supplies';
/** ITService → System, Component or Resource it runs on. @public */
export const RELATION_IMPLEMENTED_BY = 'implementedBy';
/** System, Component or Resource → ITService it implements. @public */
export const RELATION_IMPLEMENTS = 'implements';
/** Stakeholder → the Group that represents it. @public */
export const RELATION_REPRESENTED_BY = 'representedBy';
/** Group → the Stakeholder it represents. @public */
export const RELATION_REPRESENTS = 'represents';

/** Every relation the ITSM kinds add, as [forward, reverse] pairs. @public */
export const ITSM_RELATION_PAIRS: ReadonlyArray<readonly [string, string]> = [
  [RELATION_HAS_CUSTOMER, RELATION_CUSTOMER_OF],
  [RELATION_HAS_USER, RELATION_USER_OF],
  [RELATION_SUPPLIED_BY, RELATION_SUPPLIES],
  [RELATION_IMPLEMENTED_BY, RELATION_IMPLEMENTS],
  [RELATION_REPRESENTED_BY, RELATION_REPRESENTS],
];
