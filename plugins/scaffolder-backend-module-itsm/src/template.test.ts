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
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import catalogModuleTemplateKind from '@backstage/plugin-catalog-backend-module-scaffolder-entity-model';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import catalogModuleItsm from '@backstage-itsm/plugin-catalog-backend-module-itsm';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import request from 'supertest';
import { parse } from 'yaml';
import { scaffolderModuleItsm } from './module';

// The example template "Register an IT service", run for real: the
// scaffolder takes a task through its HTTP API, fetch:template writes
// catalog-info.yaml, itsm:validate-entity checks it and itsm:publish-file
// writes it under the publish root, where the catalog (with the ITSM module)
// reads it through a file location.

jest.setTimeout(120_000);

const templateFile = resolve(
  __dirname,
  '../../../examples/itsm/templates/register-it-service/template.yaml',
);
const auth = mockCredentials.user.header();
// Databases the test destroys at the end: the backend's own SQLite
// connections outlive its stop and would keep Jest's worker running.
const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

type TaskEvent = {
  type: string;
  body: {
    message?: string;
    stepId?: string;
    status?: string;
    output?: { text?: Array<{ title: string; content: string }> };
  };
};

async function waitFor<T>(
  what: string,
  read: () => Promise<T>,
  done: (value: T) => boolean,
): Promise<T> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) {
      throw new Error(
        `timed out waiting for ${what}: ${JSON.stringify(value).slice(
          0,
          2000,
        )}`,
      );
    }
    await new Promise(r => setTimeout(r, 250));
  }
}

const payroll = {
  name: 'payroll',
  title: 'Payroll',
  description: 'Salaries and payslips for every employee',
  type: 'business',
  lifecycle: 'pipeline',
  owner: 'group:default/finance',
  customers: ['stakeholder:default/group-finance'],
  suppliers: ['supplier:default/nimbus-cloud'],
  timezone: 'Europe/Berlin',
  days: ['mon', 'tue', 'wed', 'thu', 'fri'],
  start: '08:00',
  end: '18:00',
  agreementType: 'SLA',
  slaWith: 'stakeholder:default/group-finance',
  window: 'calendar-month',
  objectives: [
    { name: 'availability', type: 'availability', target: 99.5 },
    {
      name: 'p1-response',
      type: 'response',
      target: 95,
      priority: 'P1',
      threshold: '30m',
      calendar: 'service-hours',
    },
    {
      name: 'payslips-on-time',
      type: 'sli',
      target: 99.9,
      indicator: 'payslips-on-time',
    },
  ],
  publishTo: 'local',
};

describe('the template "Register an IT service"', () => {
  const root = mkdtempSync(join(tmpdir(), 'itsm-published-'));
  let server: Parameters<typeof request>[0];
  let stop: () => Promise<void>;

  const get = async (path: string) =>
    request(server).get(path).set('Authorization', auth);

  const createTask = (values: object) =>
    request(server)
      .post('/api/scaffolder/v2/tasks')
      .set('Authorization', auth)
      .send({ templateRef: 'template:default/register-it-service', values });

  async function runTask(values: object) {
    const created = await createTask(values);
    expect(created.status).toBe(201);
    const id = created.body.id;
    const task = await waitFor(
      `task ${id}`,
      async () => (await get(`/api/scaffolder/v2/tasks/${id}`)).body,
      (t: { status: string }) =>
        ['completed', 'failed', 'cancelled'].includes(t.status),
    );
    const events: TaskEvent[] = (
      await get(`/api/scaffolder/v2/tasks/${id}/events`)
    ).body;
    const logOf = (stepId: string) =>
      events
        .filter(e => e.type === 'log' && e.body.stepId === stepId)
        .map(e => e.body.message)
        .join('\n');
    return { task, events, logOf };
  }

  beforeAll(async () => {
    const knexes = {
      catalog: await databases.init('SQLITE_3'),
      scaffolder: await databases.init('SQLITE_3'),
    };
    const backend = await startTestBackend({
      features: [
        scaffolderPlugin,
        scaffolderModuleItsm,
        catalogPlugin,
        catalogModuleTemplateKind,
        catalogModuleItsm,
        createServiceFactory({
          service: coreServices.database,
          deps: { plugin: coreServices.pluginMetadata },
          factory: ({ plugin }) =>
            mockServices.database({
              knex: knexes[plugin.getId() as keyof typeof knexes],
            }),
        }),
        mockServices.rootConfig.factory({
          data: {
            scaffolder: { itsm: { localPublishRoot: root } },
            catalog: {
              processingInterval: { seconds: 1 },
              rules: [{ allow: ['Template', 'ITService', 'Location'] }],
              locations: [
                { type: 'file', target: templateFile },
                // What the template publishes, as a portal would read it.
                { type: 'file', target: join(root, '*/catalog-info.yaml') },
              ],
            },
          },
        }),
      ],
    });
    server = backend.server;
    stop = () => backend.stop();
    await waitFor(
      'the template in the catalog',
      async () =>
        (
          await get(
            '/api/catalog/entities/by-name/template/default/register-it-service',
          )
        ).status,
      status => status === 200,
    );
  });

  afterAll(async () => {
    // The scaffolder's event streams poll once a second until they see
    // their subscriber gone; let them end before the database closes.
    await new Promise(r => setTimeout(r, 1500));
    await stop?.();
    rmSync(root, { recursive: true, force: true });
  });

  it('writes a valid IT service, publishes it locally, and the catalog accepts it', async () => {
    const { task, logOf, events } = await runTask(payroll);
    expect(task.status).toBe('completed');
    expect(logOf('validate')).toContain(
      'itservice:default/payroll is a valid ITService',
    );

    const file = join(root, 'payroll', 'catalog-info.yaml');
    expect(parse(readFileSync(file, 'utf8'))).toEqual({
      apiVersion: 'itsm.backstage.io/v1alpha1',
      kind: 'ITService',
      metadata: {
        name: 'payroll',
        title: 'Payroll',
        description: 'Salaries and payslips for every employee',
      },
      spec: {
        type: 'business',
        lifecycle: 'pipeline',
        owner: 'group:default/finance',
        customers: ['stakeholder:default/group-finance'],
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
            with: 'stakeholder:default/group-finance',
            window: 'calendar-month',
            objectives: payroll.objectives,
          },
        ],
      },
    });
    const completion = events.find(e => e.type === 'completion');
    expect(completion?.body.output?.text).toEqual([
      {
        title: 'Published',
        content: expect.stringContaining(
          `**itservice:default/payroll** passed the catalog's rules and\nwas written to \`${file}\`.`,
        ),
      },
    ]);

    // The catalog reads it from the publish root, accepts it and relates it.
    const entity = await waitFor(
      'the published service in the catalog',
      async () =>
        (
          await get('/api/catalog/entities/by-name/itservice/default/payroll')
        ).body,
      (e: any) => (e?.relations ?? []).length > 0,
    );
    expect(entity.status?.items ?? []).toEqual([]);
    expect(
      entity.relations.map((r: any) => `${r.type} ${r.targetRef}`),
    ).toEqual(
      expect.arrayContaining([
        'ownedBy group:default/finance',
        'hasCustomer stakeholder:default/group-finance',
        'suppliedBy supplier:default/nimbus-cloud',
      ]),
    );
  });

  it('keeps every answer a plain value in the YAML: quotes, colons, number-like text', async () => {
    const { task } = await runTask({
      ...payroll,
      name: 'payroll-archive',
      title: '2026',
      description: 'Line one: "quoted" # not a comment\nline two',
      agreementType: 'UC',
      agreementName: 'archive-hosting',
      ucWith: 'supplier:default/nimbus-cloud',
      objectives: [
        {
          name: 'p2-resolution',
          type: 'resolution',
          target: 90,
          priority: 'P2',
          threshold: '1d',
        },
      ],
    });
    expect(task.status).toBe('completed');
    const written = parse(
      readFileSync(join(root, 'payroll-archive', 'catalog-info.yaml'), 'utf8'),
    );
    expect(written.metadata).toEqual({
      name: 'payroll-archive',
      title: '2026',
      description: 'Line one: "quoted" # not a comment\nline two',
    });
    expect(written.spec.agreements).toEqual([
      {
        name: 'archive-hosting',
        type: 'UC',
        with: 'supplier:default/nimbus-cloud',
        window: 'calendar-month',
        objectives: [
          {
            name: 'p2-resolution',
            type: 'resolution',
            target: 90,
            priority: 'P2',
            threshold: '1d',
          },
        ],
      },
    ]);
  });

  it('leaves out what the form left empty: a technical service with an OLA', async () => {
    const { task } = await runTask({
      name: 'ledger-batch',
      type: 'technical',
      lifecycle: 'live',
      owner: 'group:default/infrastructure-operations',
      timezone: 'UTC',
      days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'],
      start: '00:00',
      end: '24:00',
      agreementType: 'OLA',
      olaWith: 'group:default/finance',
      window: 'rolling-28d',
      objectives: [{ name: 'availability', type: 'availability', target: 99 }],
      publishTo: 'local',
    });
    expect(task.status).toBe('completed');
    expect(
      parse(
        readFileSync(join(root, 'ledger-batch', 'catalog-info.yaml'), 'utf8'),
      ),
    ).toEqual({
      apiVersion: 'itsm.backstage.io/v1alpha1',
      kind: 'ITService',
      metadata: { name: 'ledger-batch' },
      spec: {
        type: 'technical',
        lifecycle: 'live',
        owner: 'group:default/infrastructure-operations',
        serviceHours: {
          timezone: 'UTC',
          intervals: [
            {
              days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'],
              start: '00:00',
              end: '24:00',
            },
          ],
        },
        agreements: [
          {
            name: 'ledger-batch-ola',
            type: 'OLA',
            with: 'group:default/finance',
            window: 'rolling-28d',
            objectives: [
              { name: 'availability', type: 'availability', target: 99 },
            ],
          },
        ],
      },
    });
  });

  it('fails at itsm:validate-entity, naming the fields, and publishes nothing', async () => {
    const { task, logOf, events } = await runTask({
      ...payroll,
      name: 'payroll-bad',
      timezone: 'Mars/Olympus',
      slaWith: 'stakeholder:default/retail-customers',
    });
    expect(task.status).toBe('failed');
    const failed = events.filter(e => e.body.status === 'failed');
    expect(failed.map(e => e.body.stepId)).toContain('validate');
    const log = logOf('validate');
    expect(log).toContain(
      'spec.serviceHours.timezone: must be an IANA time zone such as Europe/Berlin (got "Mars/Olympus")',
    );
    expect(log).toContain(
      `spec.agreements[0].with: an SLA's counterparty must be one of spec.customers (got "stakeholder:default/retail-customers")`,
    );
    expect(log).toContain(
      'Invalid ITService "itservice:default/payroll-bad" in catalog-info.yaml',
    );
    expect(existsSync(join(root, 'payroll-bad'))).toBe(false);
  });

  it('refuses a target above 100 % before the task starts, naming the field', async () => {
    const created = await createTask({
      ...payroll,
      name: 'payroll-150',
      objectives: [{ name: 'availability', type: 'availability', target: 150 }],
    });
    expect(created.status).toBe(400);
    expect(JSON.stringify(created.body)).toContain(
      'instance.objectives[0].target must be less than or equal to 100',
    );
  });
});
