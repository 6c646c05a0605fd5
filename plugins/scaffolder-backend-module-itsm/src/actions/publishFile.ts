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

import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readWorkspaceFile } from './validateEntity';

/** The id of the action that writes a file under the local publish root. @public */
export const ITSM_PUBLISH_FILE_ACTION_ID = 'itsm:publish-file';

/**
 * The folder itsm:publish-file writes under: `scaffolder.itsm.localPublishRoot`
 * (absolute, or relative to the backend's working directory), by default
 * `backstage-itsm-published` in the operating system's temporary directory.
 *
 * @public
 */
export function readLocalPublishRoot(config: Config): string {
  const configured = config.getOptionalString(
    'scaffolder.itsm.localPublishRoot',
  );
  return configured
    ? resolve(configured)
    : join(tmpdir(), 'backstage-itsm-published');
}

function outsideRoot(targetPath: string): InputError {
  return new InputError(
    `targetPath "${targetPath}" is outside the publish root; give a path relative to scaffolder.itsm.localPublishRoot, such as my-service/catalog-info.yaml`,
  );
}

/**
 * Creates the `itsm:publish-file` action: copies a file of the workspace
 * (default catalog-info.yaml) to `targetPath` under a local folder, the
 * publish root, and refuses any target outside it. A publish step for
 * portals without a source code host, and for trying templates locally: a
 * catalog `file` location on the root (e.g. `<root>/*\/catalog-info.yaml`)
 * then brings the published entities into the catalog.
 *
 * @public
 */
export function createItsmPublishFileAction(options: { root: string }) {
  const root = resolve(options.root);
  return createTemplateAction({
    id: ITSM_PUBLISH_FILE_ACTION_ID,
    description:
      'Writes a file of the workspace (default catalog-info.yaml) to a path under the local publish root (scaffolder.itsm.localPublishRoot), refusing paths outside it and, unless overwrite is true, existing files.',
    examples: [
      {
        description: 'Publish the generated catalog-info.yaml locally',
        example: `steps:
  - id: publish
    name: Publish
    action: itsm:publish-file
    input:
      sourcePath: catalog-info.yaml
      targetPath: \${{ parameters.name }}/catalog-info.yaml`,
      },
    ],
    supportsDryRun: true,
    schema: {
      input: {
        sourcePath: z =>
          z
            .string()
            .min(1)
            .optional()
            .describe(
              'The file in the workspace to publish, relative to the workspace. Default catalog-info.yaml.',
            ),
        targetPath: z =>
          z
            .string()
            .min(1)
            .describe(
              'Where to write it, relative to the publish root: a .yaml or .yml file, e.g. online-banking/catalog-info.yaml.',
            ),
        overwrite: z =>
          z
            .boolean()
            .optional()
            .describe('Replace a file that exists already. Default false.'),
      },
      output: {
        path: z => z.string().describe('The absolute path of the file written'),
        url: z => z.string().describe('The file:// URL of the file written'),
      },
    },
    async handler(ctx) {
      const { input, logger } = ctx;
      const source = input.sourcePath ?? 'catalog-info.yaml';
      const { targetPath } = input;
      if (!/\.ya?ml$/i.test(targetPath)) {
        throw new InputError(
          `targetPath "${targetPath}" must name a .yaml or .yml file`,
        );
      }
      const safeTarget = () => {
        try {
          return resolveSafeChildPath(root, targetPath);
        } catch {
          throw outsideRoot(targetPath);
        }
      };
      let target = safeTarget();
      const { content } = await readWorkspaceFile(ctx.workspacePath, source);

      if (ctx.isDryRun) {
        logger.info(`Dry run: would write ${source} to ${target}`);
      } else {
        await mkdir(dirname(target), { recursive: true });
        // Again now that the folders exist: a symbolic link among them, or
        // at the target, must not lead outside the root.
        target = safeTarget();
        try {
          await writeFile(target, content, {
            flag: input.overwrite ? 'w' : 'wx',
          });
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
            throw new InputError(
              `${targetPath} exists already under the publish root; set overwrite: true to replace it`,
            );
          }
          throw error;
        }
        logger.info(`Wrote ${source} to ${target}`);
      }
      ctx.output('path', target);
      ctx.output('url', pathToFileURL(target).href);
    },
  });
}
