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
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  ITServiceEntity,
  ITSM_REF_FIELDS,
} from '@backstage-itsm/plugin-itsm-common';
import { resolveRefs } from './ServiceDirectory';

const key = (ref: string) => ref.toLocaleLowerCase('en-US');

/**
 * The refs an entity stands for when services name it: itself and, for a
 * Component, API or Resource, the System it is part of.
 */
export function supportTargets(entity: Entity): string[] {
  const targets = [key(stringifyEntityRef(entity))];
  const system = (entity.spec as { system?: unknown } | undefined)?.system;
  if (typeof system === 'string' && system) {
    try {
      targets.push(
        key(
          stringifyEntityRef(
            parseEntityRef(system, {
              defaultKind: 'system',
              defaultNamespace: entity.metadata.namespace ?? 'default',
            }),
          ),
        ),
      );
    } catch {
      // Not a ref: the catalog reports it on the entity.
    }
  }
  return targets;
}

/**
 * The ITServices an entity supports, each with the service it supports it
 * through: directly (undefined) when a service lists the entity, or its
 * System, in `implementedBy` or `dependsOn`; otherwise through the first
 * such service the supported one depends on, directly or not.
 */
export function supportedServices(
  targets: string[],
  services: ITServiceEntity[],
): Map<string, string | undefined> {
  const wanted = new Set(targets.map(key));
  const { implementedBy, dependsOn } = ITSM_REF_FIELDS.ITService;
  const supported = new Map<string, string | undefined>();
  const dependents = new Map<string, string[]>();
  const queue: Array<[string, string]> = [];
  for (const service of services) {
    const ref = key(stringifyEntityRef(service));
    const named = [
      ...resolveRefs(service, service.spec.implementedBy, implementedBy),
      ...resolveRefs(service, service.spec.dependsOn, dependsOn),
    ].map(key);
    for (const dependency of named) {
      if (dependency.startsWith('itservice:')) {
        dependents.set(dependency, [
          ...(dependents.get(dependency) ?? []),
          ref,
        ]);
      }
    }
    if (named.some(n => wanted.has(n))) {
      supported.set(ref, undefined);
      queue.push([ref, ref]);
    }
  }
  // Breadth first: each service through the nearest directly supported one.
  while (queue.length > 0) {
    const [ref, through] = queue.shift()!;
    for (const dependent of dependents.get(ref) ?? []) {
      if (!supported.has(dependent)) {
        supported.set(dependent, through);
        queue.push([dependent, through]);
      }
    }
  }
  return supported;
}
