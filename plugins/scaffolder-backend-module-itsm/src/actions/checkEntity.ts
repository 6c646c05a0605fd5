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
  CommonValidatorFunctions,
  DefaultNamespaceEntityPolicy,
  Entity,
  EntityPolicies,
  EntityPolicy,
  entitySchemaValidator,
  FieldFormatEntityPolicy,
  makeValidator,
  NoForeignRootFieldsEntityPolicy,
  SchemaValidEntityPolicy,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  ITSM_API_VERSION,
  ITSM_KINDS,
  ItsmKind,
  ItsmValidationProblem,
  itsmKindOf,
  validateItsmEntity,
} from '@backstage-itsm/plugin-itsm-common';

/** What checking one entity found. */
export interface EntityCheck {
  /** The ITSM kind, when the entity is one. */
  kind?: ItsmKind;
  /** The entity's ref, e.g. itservice:default/online-banking, when it has a name. */
  ref?: string;
  /** Every problem, each with the path of its field; empty when the catalog accepts the entity. */
  problems: ItsmValidationProblem[];
}

// The catalog's default policies, in its order (CatalogBuilder.buildEntityPolicy;
// this repository adds none): enforced as a last check, so that nothing the
// catalog refuses passes here.
const catalogPolicy: EntityPolicy = EntityPolicies.allOf([
  new SchemaValidEntityPolicy(),
  new DefaultNamespaceEntityPolicy(),
  new NoForeignRootFieldsEntityPolicy(),
  new FieldFormatEntityPolicy(makeValidator()),
]);

const ROOT_FIELDS = ['apiVersion', 'kind', 'metadata', 'spec'];

// The expectations FieldFormatEntityPolicy states, by validator.
const OBJECT_NAME =
  'a string that is sequences of [a-zA-Z0-9] separated by any of [-_.], at most 63 characters in total';
const PREFIX_SUFFIX = 'a valid prefix and/or suffix';
const NAMESPACE =
  'a string that is sequences of [a-z0-9] separated by [-], at most 63 characters in total';
const TAG =
  'a string that is sequences of [a-z0-9+#] separated by [-], at most 63 characters in total';
const KIND =
  'a string that is a sequence of [a-zA-Z][a-z0-9A-Z], at most 63 characters in total';

const validators = makeValidator();
let validateEntitySchema: ((data: unknown) => Entity) | undefined;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function got(value: unknown): string {
  return ` (got ${JSON.stringify(value) ?? String(value)})`;
}

/**
 * Checks an entity as the catalog would before it accepts it: the envelope,
 * the root fields and the field formats of the catalog's default entity
 * policies, then the ITSM kind's own rules with `validateItsmEntity`, the
 * function the catalog module's processor calls. Every problem is returned,
 * with the path of its field.
 *
 * Only the ITSM kinds (apiVersion itsm.backstage.io/v1alpha1, kind ITService,
 * Stakeholder or Supplier) pass: any other entity is reported as a problem of
 * its kind, so that a typo in apiVersion or kind cannot slip through.
 */
export async function checkEntity(data: unknown): Promise<EntityCheck> {
  if (!isObject(data)) {
    return {
      problems: [
        { path: '(entity)', message: `must be an object${got(data)}` },
      ],
    };
  }
  const problems = envelopeProblems(data);
  if (problems.length > 0) {
    return { problems };
  }
  const raw = data as unknown as Entity;
  problems.push(...schemaProblems(raw));
  if (problems.length === 0) {
    problems.push(...rootFieldProblems(raw), ...fieldFormatProblems(raw));
  }

  // The catalog's policies themselves: they stop at the first problem, so
  // they only speak when the checks above found none.
  let entity: Entity | undefined;
  try {
    entity = await catalogPolicy.enforce(raw);
  } catch (error) {
    if (problems.length === 0) {
      problems.push({ path: '(entity)', message: (error as Error).message });
    }
  }
  entity ??= { ...raw, metadata: { namespace: 'default', ...raw.metadata } };

  const ref = stringifyEntityRef(entity);
  const kind = itsmKindOf(entity);
  if (!kind) {
    problems.push(notAnItsmKind(entity));
    return { ref, problems: unique(problems) };
  }
  problems.push(...validateItsmEntity(entity));
  return { kind, ref, problems: unique(problems) };
}

// What the catalog needs before anything else: apiVersion, kind and
// metadata.name as strings (its entityEnvelopeSchemaValidator).
function envelopeProblems(data: Record<string, unknown>) {
  const problems: ItsmValidationProblem[] = [];
  const requireString = (path: string, value: unknown) => {
    if (value === undefined || value === null) {
      problems.push({ path, message: 'is required' });
    } else if (typeof value !== 'string' || value.length === 0) {
      problems.push({
        path,
        message: `must be a non-empty string${got(value)}`,
      });
    }
  };
  requireString('apiVersion', data.apiVersion);
  requireString('kind', data.kind);
  if (data.metadata === undefined || data.metadata === null) {
    problems.push({ path: 'metadata', message: 'is required' });
  } else if (!isObject(data.metadata)) {
    problems.push({
      path: 'metadata',
      message: `must be an object${got(data.metadata)}`,
    });
  } else {
    requireString('metadata.name', data.metadata.name);
  }
  return problems;
}

// The types of the metadata fields (the catalog's Entity JSON Schema, which
// reports its first error only).
function schemaProblems(entity: Entity): ItsmValidationProblem[] {
  validateEntitySchema ??= entitySchemaValidator();
  try {
    validateEntitySchema(entity);
    return [];
  } catch (error) {
    return [fromAjvMessage((error as Error).message)];
  }
}

// "/metadata/tags/0 must be string - type: string" -> metadata.tags[0]
function fromAjvMessage(text: string): ItsmValidationProblem {
  const match = /^(\S+) (.*?)(?: - (\w+): (.*))?$/s.exec(text);
  if (!match) {
    return { path: '(entity)', message: text };
  }
  const [, pointer, message, param, value] = match;
  const path = pointer === '<root>' ? '' : pointerToPath(pointer);
  if (param === 'missingProperty') {
    return { path: path ? `${path}.${value}` : value, message: 'is required' };
  }
  if (param === 'additionalProperty') {
    return {
      path: path ? `${path}.${value}` : value,
      message: `is not a known field of ${path || 'an entity'}`,
    };
  }
  return { path: path || '(entity)', message };
}

function pointerToPath(pointer: string): string {
  let path = '';
  for (const raw of pointer.split('/').slice(1)) {
    const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (/^\d+$/.test(part)) {
      path += `[${part}]`;
    } else {
      path += path ? `.${part}` : part;
    }
  }
  return path;
}

function rootFieldProblems(entity: Entity): ItsmValidationProblem[] {
  return Object.keys(entity)
    .filter(field => !ROOT_FIELDS.includes(field))
    .map(field => ({
      path: field,
      message: `is not a known root field of an entity (${ROOT_FIELDS.join(
        ', ',
      )})`,
    }));
}

// FieldFormatEntityPolicy's checks, collecting every problem rather than
// stopping at the first.
function fieldFormatProblems(entity: Entity): ItsmValidationProblem[] {
  const problems: ItsmValidationProblem[] = [];
  const check = (
    path: string,
    value: unknown,
    valid: (value: unknown) => boolean,
    expectation: string,
  ) => {
    let ok: boolean;
    try {
      ok = valid(value);
    } catch {
      ok = false;
    }
    if (!ok) {
      problems.push({ path, message: `must be ${expectation}${got(value)}` });
    }
  };
  const { metadata } = entity;
  check(
    'apiVersion',
    entity.apiVersion,
    validators.isValidApiVersion,
    PREFIX_SUFFIX,
  );
  check('kind', entity.kind, validators.isValidKind, KIND);
  check(
    'metadata.name',
    metadata.name,
    validators.isValidEntityName,
    OBJECT_NAME,
  );
  if (metadata.namespace !== undefined) {
    check(
      'metadata.namespace',
      metadata.namespace,
      validators.isValidNamespace,
      NAMESPACE,
    );
  }
  for (const [key, value] of Object.entries(metadata.labels ?? {})) {
    check(
      `metadata.labels`,
      key,
      validators.isValidLabelKey,
      `keyed by ${PREFIX_SUFFIX}`,
    );
    check(
      `metadata.labels.${key}`,
      value,
      validators.isValidLabelValue,
      OBJECT_NAME,
    );
  }
  for (const [key, value] of Object.entries(metadata.annotations ?? {})) {
    check(
      `metadata.annotations`,
      key,
      validators.isValidAnnotationKey,
      `keyed by ${PREFIX_SUFFIX}`,
    );
    check(
      `metadata.annotations.${key}`,
      value,
      validators.isValidAnnotationValue,
      'a string',
    );
  }
  (metadata.tags ?? []).forEach((tag, i) =>
    check(`metadata.tags[${i}]`, tag, validators.isValidTag, TAG),
  );
  (metadata.links ?? []).forEach((link, i) => {
    check(
      `metadata.links[${i}].url`,
      link?.url,
      CommonValidatorFunctions.isValidUrl,
      'a string that is a valid url',
    );
    for (const field of ['title', 'icon'] as const) {
      if (link?.[field] !== undefined) {
        check(
          `metadata.links[${i}].${field}`,
          link[field],
          CommonValidatorFunctions.isNonEmptyString,
          'a non empty string',
        );
      }
    }
  });
  return problems;
}

function notAnItsmKind(entity: Entity): ItsmValidationProblem {
  const itsmKind = ITSM_KINDS.find(
    k =>
      k.toLocaleLowerCase('en-US') === entity.kind.toLocaleLowerCase('en-US'),
  );
  if (itsmKind) {
    return {
      path: 'apiVersion',
      message: `must be ${ITSM_API_VERSION} for kind ${itsmKind}${got(
        entity.apiVersion,
      )}`,
    };
  }
  if (entity.apiVersion === ITSM_API_VERSION) {
    return {
      path: 'kind',
      message: `must be one of ${ITSM_KINDS.join(', ')}${got(entity.kind)}`,
    };
  }
  return {
    path: 'kind',
    message: `must be an ITSM kind (${ITSM_KINDS.join(
      ', ',
    )} of apiVersion ${ITSM_API_VERSION}); other kinds are left to their own catalog processors (got ${
      entity.apiVersion
    } ${entity.kind})`,
  };
}

function unique(problems: ItsmValidationProblem[]): ItsmValidationProblem[] {
  const seen = new Set<string>();
  return problems.filter(p => {
    const key = `${p.path}\u0000${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
