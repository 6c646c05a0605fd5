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

import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { ActionContext } from '@backstage/plugin-scaffolder-node';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * An action context for calling a handler directly, as
 * createMockActionContext of @backstage/plugin-scaffolder-node-test-utils
 * does (whose latest release still requires plugin-scaffolder-node 0.13,
 * a release behind this repository's).
 */
export function mockActionContext(options: {
  input: Record<string, unknown>;
  workspacePath?: string;
  isDryRun?: boolean;
}) {
  const outputs: Record<string, unknown> = {};
  const logger = mockServices.logger.mock();
  const ctx = {
    input: options.input,
    workspacePath:
      options.workspacePath ?? mkdtempSync(join(tmpdir(), 'itsm-workspace-')),
    logger,
    isDryRun: options.isDryRun,
    task: { id: 'task-id' },
    output: jest.fn((name: string, value: unknown) => {
      outputs[name] = value;
    }),
    createTemporaryDirectory: async () =>
      mkdtempSync(join(tmpdir(), 'itsm-action-tmp-')),
    getInitiatorCredentials: async () => mockCredentials.user(),
    checkpoint: async ({ fn }: { fn: () => Promise<any> | any }) => fn(),
  } as unknown as ActionContext<any, any>;
  return { ctx, outputs, logger };
}
