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
  Entity,
  RELATION_DEPENDENCY_OF,
  RELATION_DEPENDS_ON,
  RELATION_OWNED_BY,
  RELATION_OWNER_OF,
  getCompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  CatalogProcessor,
  CatalogProcessorEmit,
  LocationSpec,
  processingResult,
} from '@backstage/plugin-catalog-node';
import {
  formatItsmValidationProblems,
  ITSM_REF_FIELDS,
  ItsmRefField,
  itsmKindOf,
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
  normalizedRef,
  refsInField,
  resolveItsmRef,
  validateItsmEntity,
} from '@backstage-itsm/plugin-itsm-common';

type RelationField = {
  field: string;
  ref: ItsmRefField;
  /** Relation from this entity to the referenced one, and back. */
  relation: readonly [string, string];
};

// Which spec field makes which pair of relations, per kind.
const RELATION_FIELDS: Record<string, RelationField[]> = {
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

/**
 * Validates ITService, Stakeholder and Supplier entities and emits their
 * relations in both directions.
 *
 * @public
 */
export class ItsmEntitiesProcessor implements CatalogProcessor {
  getProcessorName(): string {
    return 'ItsmEntitiesProcessor';
  }

  async validateEntityKind(entity: Entity): Promise<boolean> {
    const kind = itsmKindOf(entity);
    if (!kind) {
      return false;
    }
    const problems = validateItsmEntity(entity);
    if (problems.length > 0) {
      throw new InputError(
        `Invalid ${kind} "${stringifyEntityRef(
          entity,
        )}": ${formatItsmValidationProblems(problems)}`,
      );
    }
    return true;
  }

  async postProcessEntity(
    entity: Entity,
    _location: LocationSpec,
    emit: CatalogProcessorEmit,
  ): Promise<Entity> {
    const kind = itsmKindOf(entity);
    if (!kind) {
      return entity;
    }
    // Lower case like the targets, so both ends of a pair read alike.
    const self = normalizedRef(getCompoundEntityRef(entity));
    for (const { field, ref, relation } of RELATION_FIELDS[kind]) {
      for (const target of refsInField(entity, field)) {
        const other = resolveItsmRef(target.ref, ref, entity);
        emit(
          processingResult.relation({
            source: self,
            type: relation[0],
            target: other,
          }),
        );
        emit(
          processingResult.relation({
            source: other,
            type: relation[1],
            target: self,
          }),
        );
      }
    }
    return entity;
  }
}
