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
  CompoundEntityRef,
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import type { Agreement } from './entities';

/** How a reference field of an ITSM kind is read. @public */
export interface ItsmRefField {
  /** Kinds the reference may point to, lower case. */
  kinds: readonly string[];
  /** Kind assumed when the reference has none; without it the kind is required. */
  defaultKind?: string;
}

/**
 * The reference fields of each kind's spec: one table that validation, the
 * catalog processor (relations) and the frontend all read.
 *
 * @public
 */
export const ITSM_REF_FIELDS = {
  ITService: {
    owner: { kinds: ['group', 'user'], defaultKind: 'group' },
    customers: { kinds: ['stakeholder'], defaultKind: 'stakeholder' },
    users: { kinds: ['stakeholder'], defaultKind: 'stakeholder' },
    suppliers: { kinds: ['supplier'], defaultKind: 'supplier' },
    dependsOn: {
      kinds: ['itservice', 'component', 'resource'],
      defaultKind: 'itservice',
    },
    implementedBy: { kinds: ['system', 'component', 'resource'] },
  },
  Stakeholder: {
    group: { kinds: ['group'], defaultKind: 'group' },
  },
  Supplier: {
    owner: { kinds: ['group', 'user'], defaultKind: 'group' },
  },
} as const satisfies Record<string, Record<string, ItsmRefField>>;

/** The references of an OLA's counterparty: an internal Stakeholder or a Group. @public */
export const OLA_COUNTERPARTY: ItsmRefField = {
  kinds: ['stakeholder', 'group'],
  defaultKind: 'stakeholder',
};

/**
 * The references of an agreement's `notify` list: the Users or Groups told,
 * besides the service owner and the counterparty, when the agreement's service
 * levels change. An agreement's field, not a spec field, so it is not in
 * {@link ITSM_REF_FIELDS} (whose fields make relations); notify makes none.
 *
 * @public
 */
export const AGREEMENT_NOTIFY: ItsmRefField = {
  kinds: ['group', 'user'],
  defaultKind: 'group',
};

/**
 * The Users and Groups an agreement's `notify` lists, resolved against the
 * service's namespace (kind defaults to Group) and in the normal form of
 * {@link entityRefKey}, in order and without repeats. References that do not
 * resolve to a User or Group are left out: validation reports them. Only the
 * extra recipients: the service owner and the counterparty are not included.
 *
 * @public
 */
export function agreementNotifyRefs(
  agreement: Pick<Agreement, 'notify'>,
  service: Entity,
): string[] {
  const refs = new Set<string>();
  for (const ref of agreement.notify ?? []) {
    try {
      refs.add(
        stringifyEntityRef(resolveItsmRef(ref, AGREEMENT_NOTIFY, service)),
      );
    } catch {
      // Not a User or Group reference: validation reports it.
    }
  }
  return [...refs];
}

/**
 * The one normal form of an entity ref this project stores and compares:
 * `kind:namespace/name`, lower case (the catalog matches refs ignoring case).
 *
 * @public
 */
export function entityRefKey(ref: Entity | CompoundEntityRef): string {
  return lowerCase(stringifyEntityRef(ref));
}

// The catalog lower-cases with toLocaleLowerCase('en-US'). English has no
// tailored case mappings, so toLowerCase gives the same text, without the
// locale lookup that made this a tenth of a portfolio's scoring.
function lowerCase(text: string): string {
  return text.toLowerCase();
}

/** A compound ref in the normal form of {@link entityRefKey}. @public */
export function normalizedRef(ref: CompoundEntityRef): CompoundEntityRef {
  return parseEntityRef(entityRefKey(ref));
}

/** Whether a kind, as written, is the given lower-case kind (the catalog ignores case). @public */
export function isKind(written: string | undefined, kind: string): boolean {
  return written !== undefined && lowerCase(written) === kind;
}

/**
 * Resolves a reference written in an entity's spec against the entity's own
 * namespace and the field's default kind. Throws a TypeError that says what
 * is wrong when the reference is malformed or of a kind the field does not
 * allow.
 *
 * @public
 */
export function resolveItsmRef(
  ref: string,
  field: ItsmRefField,
  entity: Entity,
): CompoundEntityRef {
  const parsed = parseEntityRef(ref, {
    defaultKind: field.defaultKind,
    defaultNamespace: entity.metadata.namespace ?? 'default',
  });
  if (!field.kinds.some(kind => isKind(parsed.kind, kind))) {
    throw new TypeError(
      `"${ref}" is a ${parsed.kind}, expected ${describeKinds(field.kinds)}`,
    );
  }
  return normalizedRef(parsed);
}

/**
 * The references written in one spec field, single or list, with the path of
 * each (\`spec.owner\`, \`spec.customers[2]\`) for error messages.
 *
 * @public
 */
export function refsInField(
  entity: Entity,
  field: string,
): Array<{ ref: string; path: string }> {
  const value = (entity.spec as Record<string, unknown> | undefined)?.[field];
  if (Array.isArray(value)) {
    return value.map((ref, i) => ({
      ref: String(ref),
      path: `spec.${field}[${i}]`,
    }));
  }
  return value === undefined
    ? []
    : [{ ref: String(value), path: `spec.${field}` }];
}

const KIND_NAMES: Record<string, string> = {
  itservice: 'ITService',
  stakeholder: 'Stakeholder',
  supplier: 'Supplier',
  group: 'Group',
  user: 'User',
  system: 'System',
  component: 'Component',
  resource: 'Resource',
};

function describeKinds(kinds: readonly string[]): string {
  const names = kinds.map(kind => KIND_NAMES[kind] ?? kind);
  return names.length === 1
    ? `a ${names[0]}`
    : `a ${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}
