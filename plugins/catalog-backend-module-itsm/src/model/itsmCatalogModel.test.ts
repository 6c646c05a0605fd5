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
  CatalogModelSources,
  compileCatalogModel,
  defaultCatalogEntityModel,
} from '@backstage/catalog-model/alpha';
import {
  ITSM_API_VERSION,
  ITSM_KINDS,
  ITSM_RELATION_PAIRS,
  ITSM_REF_FIELDS,
} from '@backstage-itsm/plugin-itsm-common';
import { ITSM_RELATION_FIELDS } from '../relationFields';
import {
  ITSM_CATALOG_MODEL_LAYER_ID,
  ITSM_KIND_SCHEMAS,
  itsmCatalogModelLayer,
  kindModelSchema,
} from './itsmCatalogModel';

type Schema = {
  description?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  [keyword: string]: unknown;
};

// The model as the catalog compiles it from this module's source: the
// layer on top of Backstage's default model.
async function catalogModel() {
  const read = CatalogModelSources.static([itsmCatalogModelLayer]).read();
  const { value } = await read.next();
  await read.return(undefined);
  return compileCatalogModel(
    (value ? value.data : []).map(({ layer }) => layer),
  );
}

// Every `description` in a schema, by its path.
function descriptions(schema: Schema, path = ''): Record<string, string> {
  const found: Record<string, string> = {};
  if (typeof schema.description === 'string') {
    found[path || '<root>'] = schema.description;
  }
  for (const [name, sub] of Object.entries(schema.properties ?? {})) {
    Object.assign(found, descriptions(sub, `${path}.${name}`));
  }
  if (schema.items) {
    Object.assign(found, descriptions(schema.items, `${path}[]`));
  }
  return found;
}

const specOf = (schema: Schema) => schema.properties!.spec;

describe('itsmCatalogModelLayer', () => {
  it('has an ID in the kinds own apiVersion group', () => {
    expect(itsmCatalogModelLayer.layerId).toBe(ITSM_CATALOG_MODEL_LAYER_ID);
    expect(ITSM_CATALOG_MODEL_LAYER_ID.split('/')[0]).toBe(
      ITSM_API_VERSION.split('/')[0],
    );
  });

  it('lists the three kinds with the apiVersion and description of their schemas', async () => {
    const model = await catalogModel();
    const kinds = model.listKinds();
    for (const kind of ITSM_KINDS) {
      const schema = ITSM_KIND_SCHEMAS[kind] as Schema;
      expect(kinds).toContainEqual({
        names: {
          kind,
          singular: kind.toLocaleLowerCase('en-US'),
          plural: `${kind.toLocaleLowerCase('en-US')}s`,
        },
        description: schema.description,
        versions: [{ apiVersion: ITSM_API_VERSION }],
      });
      expect((schema.properties!.apiVersion as { const: string }).const).toBe(
        ITSM_API_VERSION,
      );
    }
    expect(kinds.map(k => k.names.kind)).toEqual(
      expect.arrayContaining(['Component', 'Group', 'User']),
    );
  });

  it.each(ITSM_KINDS)(
    'gives %s the spec of its JSON Schema, every field description included',
    async kind => {
      const document = ITSM_KIND_SCHEMAS[kind] as Schema;
      const compiled = (await catalogModel()).getKind({
        kind,
        apiVersion: ITSM_API_VERSION,
      })!.jsonSchema as Schema;

      expect(specOf(compiled)).toEqual(
        specOf(kindModelSchema(document) as Schema),
      );
      expect(descriptions(specOf(compiled))).toEqual(
        descriptions(specOf(document)),
      );
      expect(Object.keys(specOf(compiled).properties!)).toEqual(
        Object.keys(specOf(document).properties!),
      );
      expect(specOf(compiled).required).toEqual(specOf(document).required);
      // The catalog generates these itself.
      expect(compiled.properties!.apiVersion).toEqual({
        const: ITSM_API_VERSION,
      });
      expect(compiled.properties!.kind).toEqual({ const: kind });
    },
  );

  it('describes ITService fields, e.g. owner and dependsOn', async () => {
    const spec = specOf(
      (await catalogModel()).getKind({
        kind: 'ITService',
        apiVersion: ITSM_API_VERSION,
        spec: { type: 'business' },
      })!.jsonSchema as Schema,
    );
    expect(spec.properties!.owner.description).toBe(
      specOf(ITSM_KIND_SCHEMAS.ITService as Schema).properties!.owner
        .description,
    );
    expect(spec.properties!.dependsOn.type).toBe('array');
    expect(spec.properties!.lifecycle.enum).toEqual([
      'pipeline',
      'live',
      'retired',
    ]);
  });

  it('leaves out only the format keywords, which the catalog cannot compile', () => {
    const supplier = ITSM_KIND_SCHEMAS.Supplier as Schema;
    const website = specOf(supplier).properties!.website;
    expect(website.format).toBe('uri');
    const modelled = specOf(kindModelSchema(supplier) as Schema).properties!
      .website;
    const { format: _format, ...rest } = website;
    expect(modelled).toEqual(rest);
    expect(JSON.stringify(kindModelSchema(supplier))).not.toContain('"format"');
  });

  it.each(ITSM_KINDS)(
    'declares the relation fields of %s as the processor reads them',
    async kind => {
      const { relationFields } = (await catalogModel()).getKind({
        kind,
        apiVersion: ITSM_API_VERSION,
      })!;
      const refFields = ITSM_REF_FIELDS[kind] as Record<
        string,
        { kinds: readonly string[]; defaultKind?: string }
      >;
      const lower = (name?: string) => name?.toLocaleLowerCase('en-US');
      expect(
        relationFields.map(f => ({
          ...f,
          defaultKind: lower(f.defaultKind),
          allowedKinds: f.allowedKinds?.map(lower),
        })),
      ).toEqual(
        ITSM_RELATION_FIELDS[kind].map(({ field, relation }) => ({
          path: `spec.${field}`,
          relation: relation[0],
          defaultKind: refFields[field].defaultKind,
          defaultNamespace: 'inherit',
          allowedKinds: refFields[field].kinds,
        })),
      );
    },
  );

  it('declares the relations the processor emits, with their reverse, between existing kinds', async () => {
    const model = await catalogModel();
    const kindNames = model.listKinds().map(k => k.names.kind);
    const pairs = (kind: string) =>
      (model.getRelations({ kind }) ?? []).map(r => ({
        type: r.forward.type,
        reverse: r.reverse.type,
        toKind: r.toKind,
      }));

    for (const kind of ITSM_KINDS) {
      for (const { relation, ref } of ITSM_RELATION_FIELDS[kind]) {
        const toKinds = ref.kinds.map(
          k => kindNames.find(n => n.toLocaleLowerCase('en-US') === k)!,
        );
        expect(toKinds).not.toContain(undefined);
        expect(pairs(kind)).toContainEqual({
          type: relation[0],
          reverse: relation[1],
          toKind: expect.arrayContaining(toKinds),
        });
        for (const other of toKinds) {
          expect(pairs(other)).toContainEqual({
            type: relation[1],
            reverse: relation[0],
            toKind: expect.arrayContaining([kind]),
          });
        }
      }
    }
    expect(pairs('ITService')).toContainEqual({
      type: 'ownedBy',
      reverse: 'ownerOf',
      toKind: ['Group', 'User'],
    });
    expect(pairs('ITService')).toContainEqual({
      type: 'dependsOn',
      reverse: 'dependencyOf',
      toKind: ['ITService', 'Component', 'Resource'],
    });
  });

  it('titles and describes the ITSM relations from their fields', async () => {
    const relations = (await catalogModel()).listRelations();
    const byType = (type: string) =>
      relations.find(r => r.forward.type === type)!;
    for (const [forward, reverse] of ITSM_RELATION_PAIRS) {
      expect(byType(forward).reverse.type).toBe(reverse);
      expect(byType(reverse).reverse.type).toBe(forward);
    }
    expect(byType('hasCustomer')).toMatchObject({
      forward: { type: 'hasCustomer', title: 'has customer' },
      reverse: { type: 'customerOf', title: 'customer of' },
      fromKind: ['ITService'],
      toKind: ['Stakeholder'],
      description: `ITService spec.customers: ${
        specOf(ITSM_KIND_SCHEMAS.ITService as Schema).properties!.customers
          .description
      }`,
    });
    expect(byType('representedBy')).toMatchObject({
      forward: { title: 'represented by' },
      reverse: { type: 'represents', title: 'represents' },
      fromKind: ['Stakeholder'],
      toKind: ['Group'],
    });
  });

  it("keeps the catalog's own relations as Backstage describes them", async () => {
    const ours = await catalogModel();
    const backstage = compileCatalogModel([defaultCatalogEntityModel]);
    for (const type of ['ownedBy', 'ownerOf', 'dependsOn', 'dependencyOf']) {
      const before = backstage
        .listRelations()
        .find(r => r.forward.type === type)!;
      const after = ours.listRelations().find(r => r.forward.type === type)!;
      expect(after.description).toBe(before.description);
      expect(after.forward).toEqual(before.forward);
      expect(after.reverse).toEqual(before.reverse);
    }
    expect(
      ours.listRelations().find(r => r.forward.type === 'ownedBy')!.fromKind,
    ).toEqual(expect.arrayContaining(['Component', 'ITService', 'Supplier']));
  });
});
