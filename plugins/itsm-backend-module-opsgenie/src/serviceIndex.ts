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

/** The annotation that names the Opsgenie tag(s) of an ITService's alerts. @public */
export const OPSGENIE_TAG_ANNOTATION = 'itsm.backstage.io/opsgenie-tag';

/** The annotation that names an ITService's Opsgenie team (as in the community Opsgenie plugin). @public */
export const OPSGENIE_TEAM_ANNOTATION = 'opsgenie.com/team';

/** Opsgenie tags and teams (lower case) to the refs of the ITServices that name them. @public */
export type OpsgenieServiceIndex = {
  byTag: ReadonlyMap<string, readonly string[]>;
  byTeam: ReadonlyMap<string, readonly string[]>;
};

const key = (text: string) => text.trim().toLocaleLowerCase('en-US');

function add(
  index: Map<string, string[]>,
  value: string | undefined,
  ref: string,
) {
  for (const part of (value ?? '').split(',')) {
    if (!part.trim()) continue;
    const refs = index.get(key(part)) ?? [];
    if (!refs.includes(ref)) refs.push(ref);
    index.set(key(part), refs);
  }
}

/**
 * Indexes ITServices by their `itsm.backstage.io/opsgenie-tag` and
 * `opsgenie.com/team` annotations, each holding one value or several
 * separated by commas. Values are compared ignoring case and surrounding
 * spaces. Other entities are skipped. Pure.
 *
 * @public
 */
export function buildOpsgenieServiceIndex(
  entities: readonly Entity[],
): OpsgenieServiceIndex {
  const byTag = new Map<string, string[]>();
  const byTeam = new Map<string, string[]>();
  for (const entity of entities) {
    if (!isITServiceEntity(entity)) continue;
    const annotations = entity.metadata.annotations ?? {};
    const ref = entityRefKey(entity);
    add(byTag, annotations[OPSGENIE_TAG_ANNOTATION], ref);
    add(byTeam, annotations[OPSGENIE_TEAM_ANNOTATION], ref);
  }
  return { byTag, byTeam };
}

function matchAny(
  index: ReadonlyMap<string, readonly string[]>,
  values: readonly string[],
): ItsmServiceMatch {
  return toItsmServiceMatch([
    ...new Set(values.flatMap(value => index.get(key(value)) ?? [])),
  ]);
}

/**
 * The ITService(s) an alert maps to: by its tags first (the ITServices
 * whose `itsm.backstage.io/opsgenie-tag` is one of them), and only when no
 * tag maps, by its teams (`opsgenie.com/team`). Pure.
 *
 * @public
 */
export function matchOpsgenieAlert(
  index: OpsgenieServiceIndex,
  alert: { tags: readonly string[]; teams: readonly string[] },
): ItsmServiceMatch {
  const byTag = matchAny(index.byTag, alert.tags);
  return byTag.kind === 'none' ? matchAny(index.byTeam, alert.teams) : byTag;
}
