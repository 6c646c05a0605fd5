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

import { ConfigReader } from '@backstage/config';
import { InputError } from '@backstage/errors';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { mockActionContext } from '../__testUtils__/mockActionContext';
import {
  createItsmPublishFileAction,
  readLocalPublishRoot,
} from './publishFile';

const YAML = 'apiVersion: itsm.backstage.io/v1alpha1\nkind: ITService\n';
const base = mkdtempSync(join(tmpdir(), 'itsm-publish-test-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

function setup(input: Record<string, unknown>, isDryRun = false) {
  const root = mkdtempSync(join(base, 'root-'));
  const workspacePath = mkdtempSync(join(base, 'ws-'));
  writeFileSync(join(workspacePath, 'catalog-info.yaml'), YAML);
  const action = createItsmPublishFileAction({ root });
  const { ctx, outputs, logger } = mockActionContext({
    input,
    workspacePath,
    isDryRun,
  });
  return {
    root,
    workspacePath,
    run: () => action.handler(ctx),
    outputs,
    logger,
  };
}

describe('itsm:publish-file', () => {
  it('copies catalog-info.yaml to the target under the root, creating folders', async () => {
    const { root, run, outputs } = setup({
      targetPath: 'payroll/catalog-info.yaml',
    });
    await run();
    const written = join(root, 'payroll', 'catalog-info.yaml');
    expect(readFileSync(written, 'utf8')).toBe(YAML);
    expect(outputs).toEqual({
      path: written,
      url: pathToFileURL(written).href,
    });
  });

  it('publishes another file of the workspace', async () => {
    const { root, workspacePath, run } = setup({
      sourcePath: 'out/service.yaml',
      targetPath: 'service.yml',
    });
    mkdirSync(join(workspacePath, 'out'));
    writeFileSync(join(workspacePath, 'out', 'service.yaml'), 'kind: x\n');
    await run();
    expect(readFileSync(join(root, 'service.yml'), 'utf8')).toBe('kind: x\n');
  });

  it('refuses to replace a file unless overwrite is true', async () => {
    const { root, run } = setup({ targetPath: 'payroll/catalog-info.yaml' });
    mkdirSync(join(root, 'payroll'));
    writeFileSync(join(root, 'payroll', 'catalog-info.yaml'), 'old');
    await expect(run()).rejects.toThrow(
      new InputError(
        'payroll/catalog-info.yaml exists already under the publish root; set overwrite: true to replace it',
      ),
    );
    expect(
      readFileSync(join(root, 'payroll', 'catalog-info.yaml'), 'utf8'),
    ).toBe('old');

    const again = setup({
      targetPath: 'payroll/catalog-info.yaml',
      overwrite: true,
    });
    mkdirSync(join(again.root, 'payroll'));
    writeFileSync(join(again.root, 'payroll', 'catalog-info.yaml'), 'old');
    await again.run();
    expect(
      readFileSync(join(again.root, 'payroll', 'catalog-info.yaml'), 'utf8'),
    ).toBe(YAML);
  });

  it('refuses targets outside the root, symbolic links included', async () => {
    const outside = mkdtempSync(join(base, 'outside-'));
    for (const targetPath of [
      '../escaped.yaml',
      'a/../../escaped.yaml',
      join(outside, 'escaped.yaml'),
    ]) {
      const { run } = setup({ targetPath });
      await expect(run()).rejects.toThrow(
        `targetPath "${targetPath}" is outside the publish root`,
      );
    }
    const { root, run } = setup({ targetPath: 'linked/escaped.yaml' });
    symlinkSync(outside, join(root, 'linked'));
    await expect(run()).rejects.toThrow(
      'targetPath "linked/escaped.yaml" is outside the publish root',
    );
    const file = setup({ targetPath: 'link.yaml' });
    symlinkSync(join(outside, 'target.yaml'), join(file.root, 'link.yaml'));
    await expect(file.run()).rejects.toThrow(
      'targetPath "link.yaml" is outside the publish root',
    );
    expect(existsSync(join(outside, 'escaped.yaml'))).toBe(false);
    expect(existsSync(join(outside, 'target.yaml'))).toBe(false);
  });

  it('refuses sources outside the workspace, and targets that are not YAML files', async () => {
    await expect(
      setup({ sourcePath: '../x.yaml', targetPath: 'x.yaml' }).run(),
    ).rejects.toThrow('path "../x.yaml" is outside the workspace');
    await expect(setup({ targetPath: 'payroll' }).run()).rejects.toThrow(
      'targetPath "payroll" must name a .yaml or .yml file',
    );
  });

  it('writes nothing in a dry run', async () => {
    const { root, run, outputs, logger } = setup(
      { targetPath: 'payroll/catalog-info.yaml' },
      true,
    );
    await run();
    const target = join(root, 'payroll', 'catalog-info.yaml');
    expect(existsSync(target)).toBe(false);
    expect(outputs.path).toBe(target);
    expect(logger.info).toHaveBeenCalledWith(
      `Dry run: would write catalog-info.yaml to ${target}`,
    );
  });
});

describe('readLocalPublishRoot', () => {
  it('reads scaffolder.itsm.localPublishRoot, relative to the working directory', () => {
    expect(
      readLocalPublishRoot(
        new ConfigReader({
          scaffolder: { itsm: { localPublishRoot: '../../.data/published' } },
        }),
      ),
    ).toBe(resolve('../../.data/published'));
  });

  it('defaults to a folder in the temporary directory', () => {
    expect(readLocalPublishRoot(new ConfigReader({}))).toBe(
      join(tmpdir(), 'backstage-itsm-published'),
    );
  });
});
