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

import { InputError } from '@backstage/errors';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseAllDocuments, stringify } from 'yaml';
import { mockActionContext } from '../__testUtils__/mockActionContext';
import { createItsmValidateEntityAction } from './validateEntity';

const action = createItsmValidateEntityAction();
const base = mkdtempSync(join(tmpdir(), 'itsm-validate-test-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

function itService(): any {
  return {
    apiVersion: 'itsm.backstage.io/v1alpha1',
    kind: 'ITService',
    metadata: { name: 'payroll', title: 'Payroll' },
    spec: {
      type: 'business',
      lifecycle: 'pipeline',
      owner: 'group:default/digital-channels',
      customers: ['stakeholder:default/retail-customers'],
      suppliers: ['supplier:default/nimbus-cloud'],
      serviceHours: {
        timezone: 'Europe/Berlin',
        intervals: [
          {
            days: ['mon', 'tue', 'wed', 'thu', 'fri'],
            start: '08:00',
            end: '18:00',
          },
        ],
      },
      agreements: [
        {
          name: 'payroll-sla',
          type: 'SLA',
          with: 'stakeholder:default/retail-customers',
          window: 'calendar-month',
          objectives: [
            { name: 'availability', type: 'availability', target: 99.5 },
            {
              name: 'p1-response',
              type: 'response',
              priority: 'P1',
              threshold: '30m',
              target: 95,
            },
          ],
        },
      ],
    },
  };
}

function workspaceWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(base, 'ws-'));
  for (const [name, content] of Object.entries(files)) {
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

async function run(
  input: Record<string, unknown>,
  files: Record<string, string> = {},
) {
  const { ctx, outputs, logger } = mockActionContext({
    input,
    workspacePath: workspaceWith(files),
  });
  const result = await action.handler(ctx).then(
    () => ({ outputs }),
    (error: Error) => ({ error }),
  );
  return { ...result, logger };
}

async function failure(
  input: Record<string, unknown>,
  files: Record<string, string> = {},
): Promise<Error> {
  const result = await run(input, files);
  if (!('error' in result)) {
    throw new Error(`expected a failure, got ${JSON.stringify(result)}`);
  }
  return result.error;
}

describe('itsm:validate-entity', () => {
  it('passes a valid ITService written to catalog-info.yaml, the default path', async () => {
    const result = await run(
      {},
      { 'catalog-info.yaml': stringify(itService()) },
    );
    expect(result).toEqual(
      expect.objectContaining({
        outputs: {
          kind: 'ITService',
          ref: 'itservice:default/payroll',
          refs: ['itservice:default/payroll'],
        },
      }),
    );
    expect(result.logger.info).toHaveBeenCalledWith(
      'itservice:default/payroll is a valid ITService',
    );
  });

  it('passes every ITSM entity of the example organisation', async () => {
    const dir = resolve(__dirname, '../../../../examples/itsm');
    const entities = readdirSync(dir)
      .filter(file => file.endsWith('.yaml'))
      .flatMap(file =>
        parseAllDocuments(readFileSync(join(dir, file), 'utf8')).map(d =>
          d.toJS(),
        ),
      )
      .filter(e => e.apiVersion === 'itsm.backstage.io/v1alpha1');
    expect(entities.length).toBeGreaterThanOrEqual(20);
    for (const entity of entities) {
      const result = await run({ entity });
      expect(result).toEqual(
        expect.objectContaining({
          outputs: expect.objectContaining({ kind: entity.kind }),
        }),
      );
    }
  });

  it('fails on a bad target, naming the field, in the error and the log', async () => {
    const entity = itService();
    entity.spec.agreements[0].objectives[0].target = 150;
    const result = await run(
      { path: 'service.yaml' },
      { 'service.yaml': stringify(entity) },
    );
    expect('error' in result && result.error).toBeInstanceOf(InputError);
    expect('error' in result && result.error.message).toBe(
      'Invalid ITService "itservice:default/payroll" in service.yaml: spec.agreements[0].objectives[0].target: must be at most 100 (got 150)',
    );
    expect(result.logger.error).toHaveBeenCalledWith(
      'spec.agreements[0].objectives[0].target: must be at most 100 (got 150)',
    );
  });

  it('lists every problem, of the envelope and of the spec, each with its field', async () => {
    const entity = itService();
    entity.metadata.name = 'Payroll Service!';
    entity.metadata.tags = ['Not A Tag'];
    entity.spec.lifecycle = 'operational';
    entity.spec.agreements[0].objectives[1].target = 0;
    const error = await failure({ entity });
    expect(error.message).toContain(
      'metadata.name: must be a string that is sequences of [a-zA-Z0-9] separated by any of [-_.], at most 63 characters in total (got "Payroll Service!")',
    );
    expect(error.message).toContain(
      'metadata.tags[0]: must be a string that is sequences of [a-z0-9+#] separated by [-]',
    );
    expect(error.message).toContain(
      'spec.lifecycle: must be one of pipeline, live, retired (got "operational")',
    );
    expect(error.message).toContain(
      'spec.agreements[0].objectives[1].target: must be greater than 0 (got 0)',
    );
  });

  it('reports the rules beyond the schema: counterparty, time zone, hours, duration', async () => {
    const entity = itService();
    entity.spec.serviceHours.timezone = 'Mars/Olympus';
    entity.spec.serviceHours.intervals[0].start = '19:00';
    entity.spec.agreements[0].with = 'stakeholder:default/somebody-else';
    entity.spec.agreements[0].objectives[1].threshold = '0m';
    const error = await failure({ entity });
    expect(error.message).toContain(
      'spec.serviceHours.timezone: must be an IANA time zone',
    );
    expect(error.message).toContain(
      'spec.serviceHours.intervals[0]: start must be before end',
    );
    expect(error.message).toContain(
      "spec.agreements[0].with: an SLA's counterparty must be one of spec.customers",
    );
    expect(error.message).toContain(
      'spec.agreements[0].objectives[1].threshold: must be a positive duration',
    );
  });

  it('reports the types of metadata fields as the entity schema of the catalog does', async () => {
    const numberTitle = itService();
    numberTitle.metadata.title = 2026;
    expect((await failure({ entity: numberTitle })).message).toBe(
      'Invalid ITService "itservice:default/payroll" in input entity: metadata.title: must be string',
    );
    const linkWithoutUrl = itService();
    linkWithoutUrl.metadata.links = [{ title: 'Runbook' }];
    expect((await failure({ entity: linkWithoutUrl })).message).toBe(
      'Invalid ITService "itservice:default/payroll" in input entity: metadata.links[0].url: is required',
    );
  });

  it('fails on unknown fields, in the spec and at the root', async () => {
    const entity = itService();
    entity.spec.colour = 'blue';
    entity.status = { items: [] };
    const error = await failure({ entity });
    expect(error.message).toContain(
      'status: is not a known root field of an entity (apiVersion, kind, metadata, spec)',
    );
    expect(error.message).toContain(
      'spec.colour: is not a known field of spec',
    );
  });

  it('fails on a missing envelope field', async () => {
    const entity = itService();
    delete entity.metadata.name;
    delete entity.apiVersion;
    const error = await failure({ entity });
    expect(error.message).toBe(
      'Invalid ITService in input entity: apiVersion: is required; metadata.name: is required',
    );
  });

  it('rejects other kinds, and ITSM kinds under another apiVersion', async () => {
    const component = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'banking-web' },
      spec: {
        type: 'website',
        lifecycle: 'production',
        owner: 'group:default/digital-channels',
      },
    };
    expect((await failure({ entity: component })).message).toBe(
      'Invalid Component "component:default/banking-web" in input entity: kind: must be an ITSM kind (ITService, Stakeholder, Supplier of apiVersion itsm.backstage.io/v1alpha1); other kinds are left to their own catalog processors (got backstage.io/v1alpha1 Component)',
    );
    const typo = { ...itService(), apiVersion: 'backstage.io/v1alpha1' };
    expect((await failure({ entity: typo })).message).toContain(
      'apiVersion: must be itsm.backstage.io/v1alpha1 for kind ITService (got "backstage.io/v1alpha1")',
    );
    const unknownKind = { ...itService(), kind: 'ITServce' };
    expect((await failure({ entity: unknownKind })).message).toContain(
      'kind: must be one of ITService, Stakeholder, Supplier (got "ITServce")',
    );
  });

  it('takes the entity as YAML or JSON text', async () => {
    for (const text of [stringify(itService()), JSON.stringify(itService())]) {
      expect(await run({ entity: text })).toEqual(
        expect.objectContaining({
          outputs: expect.objectContaining({
            ref: 'itservice:default/payroll',
          }),
        }),
      );
    }
    expect((await failure({ entity: 'kind: [unclosed' })).message).toMatch(
      /^YAML error at file:input entity/,
    );
    expect((await failure({ entity: '- a list' })).message).toBe(
      'Expected object at root, got object',
    );
  });

  it('checks every document of a file, naming the one in error', async () => {
    const stakeholder = {
      apiVersion: 'itsm.backstage.io/v1alpha1',
      kind: 'Stakeholder',
      metadata: { name: 'payroll-users' },
      spec: {
        type: 'internal',
        roles: ['user'],
        organization: 'Payroll clerks',
      },
    };
    const bad = itService();
    bad.spec.type = 'internal';
    const files = {
      'catalog-info.yaml': `${stringify(stakeholder)}---\n${stringify(bad)}`,
    };
    expect((await failure({}, files)).message).toBe(
      'Invalid ITService "itservice:default/payroll" in document 2 of catalog-info.yaml: spec.type: must be one of business, technical (got "internal")',
    );
    files['catalog-info.yaml'] = `${stringify(stakeholder)}---\n${stringify(
      itService(),
    )}`;
    expect(await run({}, files)).toEqual(
      expect.objectContaining({
        outputs: {
          kind: 'Stakeholder',
          ref: 'stakeholder:default/payroll-users',
          refs: [
            'stakeholder:default/payroll-users',
            'itservice:default/payroll',
          ],
        },
      }),
    );
  });

  it('rejects paths outside the workspace, symbolic links included', async () => {
    const outside = mkdtempSync(join(base, 'outside-'));
    writeFileSync(join(outside, 'catalog-info.yaml'), stringify(itService()));
    for (const path of [
      '../catalog-info.yaml',
      join(outside, 'catalog-info.yaml'),
    ]) {
      const error = await failure({ path });
      expect(error).toBeInstanceOf(InputError);
      expect(error.message).toBe(
        `path "${path}" is outside the workspace; give a path relative to the workspace, such as catalog-info.yaml`,
      );
    }
    const workspace = workspaceWith({});
    symlinkSync(outside, join(workspace, 'linked'));
    const { ctx } = mockActionContext({
      input: { path: 'linked/catalog-info.yaml' },
      workspacePath: workspace,
    });
    await expect(action.handler(ctx)).rejects.toThrow(
      'path "linked/catalog-info.yaml" is outside the workspace',
    );
  });

  it('says which file is missing, and refuses path and entity together', async () => {
    expect((await failure({})).message).toBe(
      'no file catalog-info.yaml in the workspace; a step before this one (such as fetch:template) must write it',
    );
    const dir = workspaceWith({});
    mkdirSync(join(dir, 'empty'));
    writeFileSync(join(dir, 'empty', 'catalog-info.yaml'), '# nothing\n');
    const { ctx } = mockActionContext({
      input: { path: 'empty/catalog-info.yaml' },
      workspacePath: dir,
    });
    await expect(action.handler(ctx)).rejects.toThrow(
      'empty/catalog-info.yaml holds no entity',
    );
    expect(
      (await failure({ path: 'catalog-info.yaml', entity: itService() }))
        .message,
    ).toBe('itsm:validate-entity takes path or entity, not both');
  });
});
