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
import { InputError } from '@backstage/errors';
import { parseEntityYaml } from '@backstage/plugin-catalog-node';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { formatItsmValidationProblems } from '@backstage-itsm/plugin-itsm-common';
import { readFile } from 'node:fs/promises';
import { checkEntity, EntityCheck } from './checkEntity';

/** The id of the action that validates ITSM entities. @public */
export const ITSM_VALIDATE_ENTITY_ACTION_ID = 'itsm:validate-entity';

const DEFAULT_PATH = 'catalog-info.yaml';

/**
 * Reads `path` in the workspace, safely: relative paths only, inside the
 * workspace (symbolic links resolved).
 */
export async function readWorkspaceFile(
  workspacePath: string,
  path: string,
): Promise<{ file: string; content: Buffer }> {
  let file: string;
  try {
    file = resolveSafeChildPath(workspacePath, path);
  } catch {
    throw new InputError(
      `path "${path}" is outside the workspace; give a path relative to the workspace, such as ${DEFAULT_PATH}`,
    );
  }
  try {
    return { file, content: await readFile(file) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(
      code === 'ENOENT'
        ? `no file ${path} in the workspace; a step before this one (such as fetch:template) must write it`
        : `cannot read ${path} in the workspace: ${(error as Error).message}`,
    );
  }
}

function parseDocuments(content: string | Buffer, source: string): unknown[] {
  const entities: unknown[] = [];
  for (const result of parseEntityYaml(content, {
    type: 'file',
    target: source,
  })) {
    if (result.type === 'error') {
      throw new InputError(result.error.message);
    }
    if (result.type === 'entity') {
      entities.push(result.entity);
    }
  }
  if (entities.length === 0) {
    throw new InputError(`${source} holds no entity`);
  }
  return entities;
}

function describe(data: unknown, check: EntityCheck, where: string): string {
  const kind =
    check.kind ??
    (typeof (data as { kind?: unknown })?.kind === 'string'
      ? (data as { kind: string }).kind
      : 'entity');
  const name = check.ref ? ` "${check.ref}"` : '';
  return `Invalid ${kind}${name} in ${where}: ${formatItsmValidationProblems(
    check.problems,
  )}`;
}

/**
 * Creates the `itsm:validate-entity` action: validates ITService,
 * Stakeholder and Supplier entities with the rules of the catalog (its
 * envelope and field format policies, and `validateItsmEntity` as the ITSM
 * catalog module's processor calls it). It fails with an `InputError` that
 * names every field in error, so that a template stops before it publishes
 * YAML the catalog would refuse. Other kinds fail too: the action is for the
 * ITSM kinds, and a typo in apiVersion or kind must not slip through.
 *
 * Input: `path`, a file in the workspace (default catalog-info.yaml; every
 * YAML document in it is checked), or `entity`, the entity as an object or
 * as YAML/JSON text. Output: `kind` and `ref` of the (first) entity, and
 * `refs` of all.
 *
 * @public
 */
export function createItsmValidateEntityAction() {
  return createTemplateAction({
    id: ITSM_VALIDATE_ENTITY_ACTION_ID,
    description:
      'Validates ITService, Stakeholder and Supplier entities with the rules the catalog applies (the ITSM catalog module and the entity envelope); fails naming every field in error, before a template publishes the YAML.',
    examples: [
      {
        description:
          'Validate the catalog-info.yaml that fetch:template wrote into the workspace',
        example: `steps:
  - id: validate
    name: Validate the IT service
    action: itsm:validate-entity
    input:
      path: catalog-info.yaml`,
      },
      {
        description: 'Validate an entity given as an object',
        example: `steps:
  - id: validate
    action: itsm:validate-entity
    input:
      entity:
        apiVersion: itsm.backstage.io/v1alpha1
        kind: Stakeholder
        metadata:
          name: \${{ parameters.name }}
        spec:
          type: internal
          roles: [user]
          organization: \${{ parameters.organization }}`,
      },
    ],
    supportsDryRun: true,
    schema: {
      input: {
        path: z =>
          z
            .string()
            .min(1)
            .optional()
            .describe(
              `A YAML file in the workspace, relative to it (default ${DEFAULT_PATH} when entity is not given). Every document in it is validated.`,
            ),
        entity: z =>
          z
            .union([z.record(z.any()), z.string()])
            .optional()
            .describe(
              'The entity to validate instead of a file: an object, or YAML or JSON text.',
            ),
      },
      output: {
        kind: z =>
          z
            .string()
            .describe('The ITSM kind of the (first) entity, e.g. ITService'),
        ref: z =>
          z
            .string()
            .describe(
              'The entity ref of the (first) entity, e.g. itservice:default/online-banking',
            ),
        refs: z =>
          z
            .array(z.string())
            .describe('The entity refs of every entity validated'),
      },
    },
    async handler(ctx) {
      const { input, logger } = ctx;
      if (input.path !== undefined && input.entity !== undefined) {
        throw new InputError(
          `${ITSM_VALIDATE_ENTITY_ACTION_ID} takes path or entity, not both`,
        );
      }

      let where: string;
      let documents: unknown[];
      if (input.entity !== undefined && typeof input.entity !== 'string') {
        where = 'input entity';
        documents = [input.entity];
      } else if (typeof input.entity === 'string') {
        where = 'input entity';
        documents = parseDocuments(input.entity, where);
      } else {
        where = input.path ?? DEFAULT_PATH;
        const { content } = await readWorkspaceFile(ctx.workspacePath, where);
        documents = parseDocuments(content, where);
      }

      const checks: EntityCheck[] = [];
      const failures: string[] = [];
      for (const [i, data] of documents.entries()) {
        const check = await checkEntity(data);
        checks.push(check);
        if (check.problems.length > 0) {
          const at =
            documents.length > 1 ? `document ${i + 1} of ${where}` : where;
          for (const problem of check.problems) {
            logger.error(`${problem.path}: ${problem.message}`);
          }
          failures.push(describe(data, check, at));
        }
      }
      if (failures.length > 0) {
        throw new InputError(failures.join('\n'));
      }

      const refs = checks.map(check => check.ref!);
      for (const check of checks) {
        logger.info(`${check.ref} is a valid ${check.kind}`);
      }
      ctx.output('kind', checks[0].kind!);
      ctx.output('ref', refs[0]);
      ctx.output('refs', refs);
    },
  });
}
