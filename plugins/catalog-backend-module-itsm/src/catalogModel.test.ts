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
  BackstageCredentials,
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import {
  ActionsService,
  actionsServiceRef,
} from '@backstage/backend-plugin-api/alpha';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import {
  ITSM_API_VERSION,
  ITSM_KINDS,
  ITSM_RELATION_PAIRS,
  itServiceSchema,
} from '@backstage-itsm/plugin-itsm-common';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import request from 'supertest';
import { catalogModuleItsm } from './module';
import { ITSM_KIND_SCHEMAS } from './model/itsmCatalogModel';

jest.setTimeout(90_000);

const DESCRIBE_MODEL = 'catalog:get-catalog-model-description';

/**
 * A plugin of the test's own that reads the catalog's actions as the MCP
 * actions backend does: through the actions service, which lists and
 * invokes them over HTTP on the catalog plugin.
 */
function actionsClient() {
  const client: {
    actions?: ActionsService;
    credentials?: BackstageCredentials;
  } = {};
  const feature = createBackendPlugin({
    pluginId: 'model-reader',
    register(reg) {
      reg.registerInit({
        deps: { actions: actionsServiceRef, auth: coreServices.auth },
        async init({ actions, auth }) {
          client.actions = actions;
          client.credentials = await auth.getOwnServiceCredentials();
        },
      });
    },
  });
  return { client, feature };
}

/** The `### ` sections of the markdown model description, by heading. */
function sections(markdown: string): Map<string, string> {
  return new Map(
    markdown
      .split(/^### /m)
      .slice(1)
      .map(section => {
        const [heading, ...body] = section.split('\n');
        return [heading, body.join('\n').trim()] as const;
      }),
  );
}

const specDescription = (field: string) =>
  (
    itServiceSchema.properties as {
      spec: { properties: Record<string, { description: string }> };
    }
  ).spec.properties[field].description;

describe('the ITSM kinds in the catalog model of a running catalog', () => {
  const { client, feature } = actionsClient();
  let stop: () => Promise<void>;
  let actionIds: string[];
  let description: Map<string, string>;

  beforeAll(async () => {
    const backend = await startTestBackend({
      features: [
        catalogPlugin,
        catalogModuleItsm,
        feature,
        mockServices.rootConfig.factory({
          data: {
            backend: { actions: { pluginSources: ['catalog'] } },
            catalog: { processingInterval: false },
          },
        }),
      ],
    });
    stop = () => backend.stop();

    const { actions } = await client.actions!.list({
      credentials: client.credentials!,
    });
    actionIds = actions.map(a => a.id);
    const { output } = await client.actions!.invoke({
      id: DESCRIBE_MODEL,
      input: {},
      credentials: client.credentials!,
    });
    description = sections((output as { description: string }).description);
  });

  afterAll(async () => {
    await stop?.();
  });

  it('offers the model description among the actions', () => {
    expect(actionIds).toContain(DESCRIBE_MODEL);
  });

  it.each(ITSM_KINDS)(
    'lists the kind %s with its apiVersion and description',
    kind => {
      const section = description.get(`Entity Kind "${kind}"`);
      expect(section).toBeDefined();
      const singular = kind.toLocaleLowerCase('en-US');
      expect(section).toContain(`* Singular in text: "${singular}"`);
      expect(section).toContain(`* Plural in text: "${singular}s"`);
      expect(section).toContain(`* apiVersion: "${ITSM_API_VERSION}"`);
      expect(section).toContain(String(ITSM_KIND_SCHEMAS[kind].description));
    },
  );

  it('still lists the built-in kinds', () => {
    for (const kind of ['Component', 'System', 'Group', 'User']) {
      expect(description.has(`Entity Kind "${kind}"`)).toBe(true);
    }
  });

  it.each(ITSM_RELATION_PAIRS.map(([forward, reverse]) => [forward, reverse]))(
    'lists the relation %s with its reverse %s',
    (forward, reverse) => {
      const title = (type: string) =>
        type.replace(/[A-Z]/g, c => ` ${c.toLocaleLowerCase()}`);
      expect(
        description.get(`Relation "${forward}": ${title(forward)}`),
      ).toContain(`* Reverse type: "${reverse}": ${title(reverse)}`);
      expect(
        description.get(`Relation "${reverse}": ${title(reverse)}`),
      ).toContain(`* Reverse type: "${forward}": ${title(forward)}`);
    },
  );

  it('describes each ITSM relation by the spec field that makes it', () => {
    expect(description.get('Relation "hasCustomer": has customer')).toContain(
      `ITService spec.customers: ${specDescription('customers')}`,
    );
    expect(description.get('Relation "suppliedBy": supplied by')).toContain(
      `ITService spec.suppliers: ${specDescription('suppliers')}`,
    );
    expect(
      description.get('Relation "implementedBy": implemented by'),
    ).toContain(
      `ITService spec.implementedBy: ${specDescription('implementedBy')}`,
    );
    expect(
      description.get('Relation "representedBy": represented by'),
    ).toContain('Stakeholder spec.group: ');
  });

  // The description does not name the kinds at either end of a relation;
  // that ITServices are ownedBy and dependsOn in the model shows below.
  it("lists ownedBy and dependsOn, the catalog's own relations that ITServices use", () => {
    expect(description.get('Relation "ownedBy": owned by')).toContain(
      '* Reverse type: "ownerOf": owner of',
    );
    expect(description.get('Relation "dependsOn": depends on')).toContain(
      '* Reverse type: "dependencyOf": dependency of',
    );
  });
});

// The model description names kinds and relations only. That the catalog
// also took the kinds' fields from the layer (their schema, and which field
// makes which relation) shows when this module's processor is switched off:
// the catalog's model processor alone then validates the ITSM entities
// against the fields and relates them as the processor would.
describe('the catalog model without the ITSM processor', () => {
  const auth = mockCredentials.user.header();
  const examplesDir = resolve(__dirname, '../../../examples/itsm');
  let server: Parameters<typeof request>[0];
  let stop: () => Promise<void>;

  const get = async (path: string) =>
    (await request(server).get(path).set('Authorization', auth)).body;
  const relationsOf = async (kind: string, name: string): Promise<string[]> =>
    (
      ((await get(`/api/catalog/entities/by-name/${kind}/default/${name}`))
        .relations ?? []) as Array<{ type: string; targetRef: string }>
    ).map(r => `${r.type} ${r.targetRef}`);
  const validate = (entity: object) =>
    request(server)
      .post('/api/catalog/validate-entity')
      .set('Authorization', auth)
      .send({ location: 'url:https://example.com/itsm.yaml', entity });

  beforeAll(async () => {
    const backend = await startTestBackend({
      features: [
        catalogPlugin,
        catalogModuleItsm,
        mockServices.rootConfig.factory({
          data: {
            catalog: {
              processingInterval: { seconds: 1 },
              processorOptions: {
                ItsmEntitiesProcessor: { disabled: true },
              },
              rules: [
                {
                  allow: [
                    'Component',
                    'System',
                    'Resource',
                    'Group',
                    'User',
                    'Location',
                    ...ITSM_KINDS,
                  ],
                },
              ],
              locations: [
                'org.yaml',
                'software.yaml',
                'stakeholders.yaml',
                'suppliers.yaml',
                'services.yaml',
              ].map(file => ({
                type: 'file',
                target: join(examplesDir, file),
              })),
            },
          },
        }),
      ],
    });
    server = backend.server;
    stop = () => backend.stop();

    const serviceCount = readFileSync(
      join(examplesDir, 'services.yaml'),
      'utf8',
    ).match(/^kind: ITService$/gm)!.length;
    const deadline = Date.now() + 60_000;
    for (;;) {
      const services: Array<{ relations?: unknown[] }> = await get(
        '/api/catalog/entities?filter=kind=itservice',
      );
      if (
        services.length === serviceCount &&
        services.every(s => (s.relations ?? []).length > 0)
      ) {
        break;
      }
      if (Date.now() > deadline) {
        throw new Error(
          `services not processed: ${JSON.stringify(services).slice(0, 2000)}`,
        );
      }
      await new Promise(r => setTimeout(r, 500));
    }
  });

  afterAll(async () => {
    await stop?.();
  });

  it('accepts the example entities and relates them from the modelled fields', async () => {
    expect(
      (await get('/api/catalog/entities?filter=kind=stakeholder')).length,
    ).toBe(6);
    expect(
      (await get('/api/catalog/entities?filter=kind=supplier')).length,
    ).toBe(4);
    expect(await relationsOf('itservice', 'online-banking')).toEqual(
      expect.arrayContaining([
        'ownedBy group:default/digital-channels',
        'hasCustomer stakeholder:default/retail-customers',
        'hasUser stakeholder:default/branch-staff',
        'dependsOn itservice:default/payments-processing',
        'implementedBy system:default/digital-banking',
      ]),
    );
    expect(await relationsOf('itservice', 'payments-processing')).toEqual(
      expect.arrayContaining([
        'suppliedBy supplier:default/cardlink-processing',
        'dependencyOf itservice:default/online-banking',
      ]),
    );
    expect(await relationsOf('stakeholder', 'retail-customers')).toEqual(
      expect.arrayContaining([
        'customerOf itservice:default/online-banking',
        'representedBy group:default/retail-banking',
      ]),
    );
    expect(await relationsOf('group', 'digital-channels')).toContain(
      'ownerOf itservice:default/online-banking',
    );
    expect(await relationsOf('component', 'banking-web')).toContain(
      'implements itservice:default/online-banking',
    );
  });

  it('rejects an entity whose fields break the modelled schema', async () => {
    const supplier = {
      apiVersion: ITSM_API_VERSION,
      kind: 'Supplier',
      metadata: { name: 'acme' },
      spec: { category: 'strategic', owner: 'group:default/vendor-management' },
    };
    expect((await validate(supplier)).status).toBe(200);

    const wrong = await validate({
      ...supplier,
      spec: { ...supplier.spec, category: 'preferred', discount: 5 },
    });
    expect(wrong.status).toBe(400);
    const message = JSON.stringify(wrong.body);
    expect(message).toContain('ModelProcessor');
    expect(message).toContain('/spec/category must be equal to one of');
    expect(message).toContain('must NOT have additional properties');
  });
});
