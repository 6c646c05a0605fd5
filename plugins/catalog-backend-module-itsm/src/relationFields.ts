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

import {
  RELATION_DEPENDENCY_OF,
  RELATION_DEPENDS_ON,
  RELATION_OWNED_BY,
  RELATION_OWNER_OF,
} from '@backstage/catalog-model';
import {
  ITSM_REF_FIELDS,
  ItsmKind,
  ItsmRefField,
  RELATION_CUSTOMER_OF,
  RELATION_HAS_CUSTOMER,
  RELATION_HAS_USER,
  RELATION_IMPLEMENTED_BY,
  RELATION_IMPLEMENTS,
  RELATION_REPRESENTED_BY,
  RELATION_REPRESENTS,
  RELATION_SUPPLIED_BY,
  RELATION_SUPPLIES,
  RELATION_USER_OF,
} from '@backstage-itsm/plugin-itsm-common';

/** A spec field of an ITSM kind that makes a pair of relations. */
export type ItsmRelationField = {
  /** The field's name in `spec`. */
  field: string;
  /** How its references are read (kinds allowed, default kind). */
  ref: ItsmRefField;
  /** Relation from this entity to the referenced one, and back. */
  relation: readonly [string, string];
};

/**
 * Which spec field makes which pair of relations, per kind: the one table
 * that the processor (which emits the relations) and the catalog model layer
 * (which declares them) both read.
 */
export const ITSM_RELATION_FIELDS: Record<ItsmKind, ItsmRelationField[]> = {
  ITService: [
    {
      field: 'owner',
      ref: ITSM_REF_FIELDS.ITService.owner,
      relation: [RELATION_OWNED_BY, RELATION_OWNER_OF],
    },
    {
      field: 'customers',
      ref: ITSM_REF_FIELDS.ITService.customers,
      relation: [RELATION_HAS_CUSTOMER, RELATION_CUSTOMER_OF],
    },
    {
      field: 'users',
      ref: ITSM_REF_FIELDS.ITService.users,
      relation: [RELATION_HAS_USER, RELATION_USER_OF],
    },
    {
      field: 'suppliers',
      ref: ITSM_REF_FIELDS.ITService.suppliers,
      relation: [RELATION_SUPPLIED_BY, RELATION_SUPPLIES],
    },
    {
      field: 'dependsOn',
      ref: ITSM_REF_FIELDS.ITService.dependsOn,
      relation: [RELATION_DEPENDS_ON, RELATION_DEPENDENCY_OF],
    },
    {
      field: 'implementedBy',
      ref: ITSM_REF_FIELDS.ITService.implementedBy,
      relation: [RELATION_IMPLEMENTED_BY, RELATION_IMPLEMENTS],
    },
  ],
  Stakeholder: [
    {
      field: 'group',
      ref: ITSM_REF_FIELDS.Stakeholder.group,
      relation: [RELATION_REPRESENTED_BY, RELATION_REPRESENTS],
    },
  ],
  Supplier: [
    {
      field: 'owner',
      ref: ITSM_REF_FIELDS.Supplier.owner,
      relation: [RELATION_OWNED_BY, RELATION_OWNER_OF],
    },
  ],
};
