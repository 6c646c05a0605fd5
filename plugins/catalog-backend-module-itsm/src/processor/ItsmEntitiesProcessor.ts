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
  itsmKindOf,
  normalizedRef,
  refsInField,
  resolveItsmRef,
  validateItsmEntity,
} from '@backstage-itsm/plugin-itsm-common';
import { ITSM_RELATION_FIELDS } from '../relationFields';

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

  /**
   * Runs before the catalog's own processors (priority 20), among them the
   * model processor that also checks the ITSM kinds against their schemas
   * (declared in the catalog model by this module): an invalid entity is then
   * reported with this processor's message, which names every wrong field.
   */
  getPriority(): number {
    return 10;
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
    for (const { field, ref, relation } of ITSM_RELATION_FIELDS[kind]) {
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
