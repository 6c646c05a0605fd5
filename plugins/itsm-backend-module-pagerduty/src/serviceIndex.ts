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

import type { Entity } from '@backstage/catalog-model';
import {
  entityRefKey,
  isITServiceEntity,
} from '@backstage-itsm/plugin-itsm-common';
import {
  ItsmServiceMatch,
  toItsmServiceMatch,
} from '@backstage-itsm/plugin-itsm-node';

/** The annotation that names an ITService's PagerDuty service(s). @public */
export const PAGERDUTY_SERVICE_ID_ANNOTATION = 'pagerduty.com/service-id';

/** PagerDuty service ids to the refs of the ITServices that name them. @public */
export type PagerDutyServiceIndex = ReadonlyMap<string, readonly string[]>;

/**
 * Indexes ITServices by their `pagerduty.com/service-id` annotation, which
 * holds one PagerDuty service id or several separated by commas (an
 * ITService may span several PagerDuty services). Ids are compared as
 * written (PagerDuty's are upper case), spaces around them ignored. Other
 * entities are skipped. Pure.
 *
 * @public
 */
export function buildPagerDutyServiceIndex(
  entities: readonly Entity[],
): PagerDutyServiceIndex {
  const index = new Map<string, string[]>();
  for (const entity of entities) {
    if (!isITServiceEntity(entity)) continue;
    const value =
      entity.metadata.annotations?.[PAGERDUTY_SERVICE_ID_ANNOTATION];
    if (!value) continue;
    const ref = entityRefKey(entity);
    for (const id of value.split(',').map(part => part.trim())) {
      if (!id) continue;
      const refs = index.get(id) ?? [];
      if (!refs.includes(ref)) refs.push(ref);
      index.set(id, refs);
    }
  }
  return index;
}

/** The ITService(s) a PagerDuty service id maps to. Pure. @public */
export function matchPagerDutyService(
  index: PagerDutyServiceIndex,
  serviceId: string,
): ItsmServiceMatch {
  return toItsmServiceMatch(index.get(serviceId.trim()) ?? []);
}
