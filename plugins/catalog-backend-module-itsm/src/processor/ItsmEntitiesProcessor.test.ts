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

import { Entity } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { CatalogProcessorResult } from '@backstage/plugin-catalog-node';
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';
import fc from 'fast-check';
import { ItsmEntitiesProcessor } from './ItsmEntitiesProcessor';

const examplesDir = resolve(__dirname, '../../../../examples/itsm');
const examples: Entity[] = readdirSync(examplesDir)
  .filter(file => file.endsWith('.yaml'))
  .flatMap(file =>
    parseAllDocuments(readFileSync(resolve(examplesDir, file), 'utf8')).map(
      doc => doc.toJS() as Entity,
    ),
  );
const byName = (name: string) => {
  const entity = examples.find(e => e.metadata.name === name);
  if (!entity) throw new Error(`no example entity named ${name}`);
  return structuredClone(entity);
};
const location = { type: 'file', target: 'services.yaml' };

async function relationsOf(entity: Entity) {
  const emitted: CatalogProcessorResult[] = [];
  await new ItsmEntitiesProcessor().postProcessEntity(entity, location, r =>
    emitted.push(r),
  );
  return emitted.map(r => {
    if (r.type !== 'relation') throw new Error(`unexpected ${r.type}`);
    const { source, type, target } = r.relation;
    return `${source.kind}:${source.namespace}/${source.name} ${type} ${target.kind}:${target.namespace}/${target.name}`;
  });
}

describe('ItsmEntitiesProcessor', () => {
  const processor = new ItsmEntitiesProcessor();

  it('accepts every entity of the example organisation', async () => {
    const ours = examples.filter(e => e.apiVersion.startsWith('itsm.'));
    expect(ours.map(e => e.kind).sort()).toEqual(
      expect.arrayContaining(['ITService', 'Stakeholder', 'Supplier']),
    );
    for (const entity of ours) {
      await expect(processor.validateEntityKind(entity)).resolves.toBe(true);
    }
  });

  it('leaves other kinds to other processors', async () => {
    await expect(
      processor.validateEntityKind(byName('banking-web')),
    ).resolves.toBe(false);
    await expect(
      processor.validateEntityKind({
        ...byName('online-banking'),
        apiVersion: 'backstage.io/v1alpha1',
      }),
    ).resolves.toBe(false);
    await expect(relationsOf(byName('banking-web'))).resolves.toEqual([]);
  });

  it('rejects an invalid entity with an error naming the entity, field and expectation', async () => {
    const entity = byName('online-banking');
    (entity.spec as any).agreements[0].objectives[0].target = 120;
    (entity.spec as any).lifecycle = 'operational';
    const result = processor.validateEntityKind(entity);
    await expect(result).rejects.toThrow(InputError);
    await expect(result).rejects.toThrow(
      'Invalid ITService "itservice:default/online-banking": spec.lifecycle: must be one of pipeline, live, retired (got "operational"); spec.agreements[0].objectives[0].target: must be at most 100 (got 120)',
    );
  });

  it('emits every ITService relation in both directions', async () => {
    const relations = await relationsOf(byName('online-banking'));
    const self = 'itservice:default/online-banking';
    expect(relations).toEqual([
      `${self} ownedBy group:default/digital-channels`,
      `group:default/digital-channels ownerOf ${self}`,
      `${self} hasCustomer stakeholder:default/retail-customers`,
      `stakeholder:default/retail-customers customerOf ${self}`,
      `${self} hasUser stakeholder:default/retail-customers`,
      `stakeholder:default/retail-customers userOf ${self}`,
      `${self} hasUser stakeholder:default/branch-staff`,
      `stakeholder:default/branch-staff userOf ${self}`,
      `${self} dependsOn itservice:default/payments-processing`,
      `itservice:default/payments-processing dependencyOf ${self}`,
      `${self} dependsOn itservice:default/identity-and-access`,
      `itservice:default/identity-and-access dependencyOf ${self}`,
      `${self} implementedBy system:default/digital-banking`,
      `system:default/digital-banking implements ${self}`,
      `${self} implementedBy component:default/banking-web`,
      `component:default/banking-web implements ${self}`,
    ]);
  });

  it('emits supplier relations both ways', async () => {
    await expect(relationsOf(byName('hosting-platform'))).resolves.toEqual(
      expect.arrayContaining([
        'itservice:default/hosting-platform suppliedBy supplier:default/nimbus-cloud',
        'supplier:default/nimbus-cloud supplies itservice:default/hosting-platform',
      ]),
    );
  });

  it('emits Stakeholder and Supplier relations both ways', async () => {
    await expect(relationsOf(byName('retail-customers'))).resolves.toEqual([
      'stakeholder:default/retail-customers representedBy group:default/retail-banking',
      'group:default/retail-banking represents stakeholder:default/retail-customers',
    ]);
    await expect(relationsOf(byName('telnova'))).resolves.toEqual([
      'supplier:default/telnova ownedBy user:default/priya.nair',
      'user:default/priya.nair ownerOf supplier:default/telnova',
    ]);
  });

  it('resolves references in the entity namespace', async () => {
    const entity = byName('telephone-banking');
    entity.metadata.namespace = 'emea';
    await expect(relationsOf(entity)).resolves.toContain(
      'itservice:emea/telephone-banking hasCustomer stakeholder:emea/retail-customers',
    );
  });
});

// Every path to a value inside an entity, e.g. ['spec', 'agreements', 0, 'with'].
function paths(
  value: unknown,
  prefix: Array<string | number> = [],
): Array<Array<string | number>> {
  if (value === null || typeof value !== 'object') return [prefix];
  const keys = Array.isArray(value)
    ? value.map((_, i) => i)
    : Object.keys(value);
  return [
    prefix,
    ...keys.flatMap(key => paths((value as any)[key], [...prefix, key])),
  ];
}

describe('ItsmEntitiesProcessor under random mutations', () => {
  const processor = new ItsmEntitiesProcessor();
  const ours = examples.filter(e => e.apiVersion.startsWith('itsm.'));
  const hostile = fc.oneof(
    fc.anything({ maxDepth: 2 }),
    fc.string({ unit: 'grapheme', maxLength: 30 }),
    fc.constantFrom(
      null,
      '',
      -1,
      0,
      101,
      1e308,
      '__proto__',
      'group:',
      'P9',
      '25:00',
      '2026-02-30',
      'FREQ=NEVER',
      'Mars/Olympus',
      'XYZ',
      [],
      {},
    ),
  );

  it('accepts or rejects 2,000 mutations of the examples with a clear error, and nothing else breaks', async () => {
    let rejected = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...ours),
        fc.nat(),
        fc.boolean(),
        hostile,
        async (original, pick, remove, value) => {
          const entity = structuredClone(original);
          const candidates = paths(entity.spec, ['spec']);
          const path = candidates[pick % candidates.length];
          const parent = path
            .slice(0, -1)
            .reduce((node: any, key) => node[key], entity);
          const key = path[path.length - 1];
          if (parent && typeof parent === 'object' && key !== undefined) {
            if (remove) delete parent[key];
            else parent[key] = value;
          }
          const outcome = await processor.validateEntityKind(entity).then(
            accepted => ({ accepted }),
            (error: Error) => ({ error }),
          );
          const pattern =
            /^Invalid (ITService|Stakeholder|Supplier) "[a-z]+:default\/[a-z0-9.-]+": spec/;
          const verdict =
            'error' in outcome
              ? {
                  clearError:
                    outcome.error instanceof InputError &&
                    pattern.test(outcome.error.message),
                  message: String(outcome.error?.message),
                }
              : { accepted: outcome.accepted };
          rejected += 'error' in outcome ? 1 : 0;
          expect(verdict).toEqual(
            'error' in outcome
              ? { clearError: true, message: verdict.message }
              : { accepted: true },
          );
          // The other example entities are unaffected.
          await expect(
            processor.validateEntityKind(byName('online-banking')),
          ).resolves.toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
    expect(rejected).toBeGreaterThan(500);
  });
});
