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
  CatalogModelKindVersionDefinition,
  CatalogModelLayerBuilder,
  createCatalogModelLayer,
} from '@backstage/catalog-model/alpha';
import {
  ITSM_API_VERSION,
  ITSM_KINDS,
  ITSM_RELATION_PAIRS,
  ItsmKind,
  itServiceSchema,
  stakeholderSchema,
  supplierSchema,
} from '@backstage-itsm/plugin-itsm-common';
import { ITSM_RELATION_FIELDS } from '../relationFields';

type JsonSchema = CatalogModelKindVersionDefinition['schema']['jsonSchema'];

/** The JSON Schema document of each kind, as published by itsm-common. */
export const ITSM_KIND_SCHEMAS: Record<
  ItsmKind,
  Readonly<Record<string, unknown>>
> = {
  ITService: itServiceSchema,
  Stakeholder: stakeholderSchema,
  Supplier: supplierSchema,
};

/** The ID of the layer, in the kinds' own apiVersion group. */
export const ITSM_CATALOG_MODEL_LAYER_ID = 'itsm.backstage.io/catalog-model';

const [GROUP, VERSION] = ITSM_API_VERSION.split('/');

// The kinds that ITSM references may point to, by their lower-case name (as
// in ITSM_REF_FIELDS), with the casing of the catalog model.
const KIND_NAMES = new Map(
  [...ITSM_KINDS, 'Group', 'User', 'System', 'Component', 'Resource'].map(
    kind => [kind.toLocaleLowerCase('en-US'), kind],
  ),
);

function kindName(lowerCase: string): string {
  const name = KIND_NAMES.get(lowerCase);
  if (!name) {
    throw new Error(`No catalog kind is known for "${lowerCase}"`);
  }
  return name;
}

/**
 * A copy of a JSON Schema without the `format` keyword. The catalog checks
 * entities against the model's schema with an Ajv that knows no formats and
 * fails to compile a schema that names one; the processor still checks them
 * (`email`, `uri`) with the full schema.
 */
function withoutFormats(schema: unknown, isPropertyMap = false): unknown {
  if (Array.isArray(schema)) {
    return schema.map(item => withoutFormats(item));
  }
  if (schema === null || typeof schema !== 'object') {
    return schema;
  }
  return Object.fromEntries(
    Object.entries(schema)
      .filter(([key]) => isPropertyMap || key !== 'format')
      .map(([key, value]) => [
        key,
        withoutFormats(
          value,
          !isPropertyMap &&
            (key === 'properties' || key === 'patternProperties'),
        ),
      ]),
  );
}

/**
 * The schema of a kind as the catalog model takes it: the kind's JSON Schema
 * document without the root fields that the model generates itself
 * (`apiVersion`, `kind`, `metadata`).
 */
export function kindModelSchema(
  document: Readonly<Record<string, unknown>>,
): JsonSchema {
  const { properties = {}, ...root } = document as {
    properties?: Record<string, unknown>;
  };
  const own = Object.fromEntries(
    Object.entries(properties).filter(
      ([field]) => !['apiVersion', 'kind', 'metadata'].includes(field),
    ),
  );
  return withoutFormats({ ...root, properties: own }) as JsonSchema;
}

/** The description a kind's JSON Schema gives one of its spec fields. */
function fieldDescription(kind: ItsmKind, field: string): string {
  const spec = (
    ITSM_KIND_SCHEMAS[kind].properties as {
      spec: { properties: Record<string, { description?: string }> };
    }
  ).spec;
  const description = spec.properties[field]?.description;
  if (!description) {
    throw new Error(`The ${kind} schema does not describe spec.${field}`);
  }
  return description;
}

/** `hasCustomer` → `has customer`, as the catalog titles its own relations. */
function relationTitle(type: string): string {
  return type.replace(/[A-Z]/g, letter => ` ${letter.toLocaleLowerCase()}`);
}

const ITSM_RELATIONS = new Set(ITSM_RELATION_PAIRS.map(([forward]) => forward));

function addKind(model: CatalogModelLayerBuilder, kind: ItsmKind) {
  const document = ITSM_KIND_SCHEMAS[kind];
  const singular = kind.toLocaleLowerCase('en-US');
  model.addKind({
    group: GROUP,
    names: { kind, singular, plural: `${singular}s` },
    description: String(document.description),
    versions: [
      {
        name: VERSION,
        relationFields: ITSM_RELATION_FIELDS[kind].map(
          ({ field, ref, relation }) => ({
            selector: { path: `spec.${field}` },
            relation: relation[0],
            ...(ref.defaultKind
              ? { defaultKind: kindName(ref.defaultKind) }
              : {}),
            defaultNamespace: 'inherit' as const,
            allowedKinds: ref.kinds.map(kindName),
          }),
        ),
        schema: { jsonSchema: kindModelSchema(document) },
      },
    ],
  });
}

function addRelations(model: CatalogModelLayerBuilder, kind: ItsmKind) {
  for (const { field, ref, relation } of ITSM_RELATION_FIELDS[kind]) {
    const [forward, reverse] = relation;
    const pair = { fromKind: kind, toKind: ref.kinds.map(kindName) };
    if (ITSM_RELATIONS.has(forward)) {
      model.addRelationPair({
        ...pair,
        description: `${kind} spec.${field}: ${fieldDescription(kind, field)}`,
        forward: { type: forward, title: relationTitle(forward) },
        reverse: { type: reverse, title: relationTitle(reverse) },
      });
    } else {
      // One of the catalog's own relations (ownedBy, dependsOn): only add
      // the ITSM kinds to its ends, keeping its titles and description.
      model.updateRelationPair({
        ...pair,
        forward: { type: forward },
        reverse: { type: reverse },
      });
    }
  }
}

/**
 * The ITSM kinds in the catalog model: ITService, Stakeholder and Supplier,
 * their schemas (from the kinds' JSON Schema documents), the spec fields that
 * make relations and the relations themselves, in both directions.
 */
export const itsmCatalogModelLayer = createCatalogModelLayer({
  layerId: ITSM_CATALOG_MODEL_LAYER_ID,
  builder: model => {
    for (const kind of ITSM_KINDS) {
      addKind(model, kind);
    }
    for (const kind of ITSM_KINDS) {
      addRelations(model, kind);
    }
  },
});
