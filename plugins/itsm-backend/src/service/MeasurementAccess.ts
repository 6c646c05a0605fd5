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
  AuthService,
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  AuthorizeResult,
  BasicPermission,
} from '@backstage/plugin-permission-common';
import {
  IncidentInput,
  IngestResult,
  OutageInput,
  SliEventInput,
} from '@backstage-itsm/plugin-itsm-common';
import { MeasurementStore } from '../database/MeasurementStore';
import {
  describeProblems,
  ItemProblem,
  normalizeServiceRef,
  readIncidents,
  readOutages,
  readSliEvents,
} from './measurements';

const REF_FIELDS = ['kind', 'metadata.namespace', 'metadata.name'];

/**
 * Who may do what with measurements, and the one path every write takes
 * (REST, measurement sources, demo data): read and check the batch, check its
 * services exist in the catalog, then store it in one transaction.
 */
export class MeasurementAccess {
  constructor(
    private readonly deps: {
      store: MeasurementStore;
      catalog: CatalogService;
      auth: AuthService;
      permissions: PermissionsService;
    },
  ) {}

  async authorize(
    credentials: BackstageCredentials,
    permission: BasicPermission,
  ) {
    const [decision] = await this.deps.permissions.authorize([{ permission }], {
      credentials,
    });
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(`Not allowed: ${permission.name}`);
    }
  }

  /**
   * The normalised ref of a service the caller may see in the catalog. A
   * service the caller cannot see is reported exactly like one that does not
   * exist, so that its existence does not leak. Users are checked with their
   * own credentials; services (other plugins, external tools whose tokens
   * may be restricted to this plugin) are governed by the read permission
   * alone, and the lookup uses this plugin's credentials.
   */
  async visibleService(
    ref: string,
    credentials: BackstageCredentials,
  ): Promise<string> {
    let service: string;
    try {
      service = normalizeServiceRef(ref);
    } catch (error) {
      throw new InputError(`service: ${(error as Error).message}`);
    }
    const lookup = this.deps.auth.isPrincipal(credentials, 'user')
      ? credentials
      : await this.deps.auth.getOwnServiceCredentials();
    const entity = await this.deps.catalog.getEntityByRef(service, {
      credentials: lookup,
    });
    if (entity?.kind.toLocaleLowerCase('en-US') !== 'itservice') {
      throw new NotFoundError(`No ITService "${service}" in the catalog`);
    }
    return service;
  }

  ingestIncidents(items: IncidentInput[]): Promise<IngestResult> {
    const { records, problems } = readIncidents(items);
    return this.ingest(records, problems, r =>
      this.deps.store.upsertIncidents(r),
    );
  }

  ingestOutages(items: OutageInput[]): Promise<IngestResult> {
    const { records, problems } = readOutages(items);
    return this.ingest(records, problems, r =>
      this.deps.store.upsertOutages(r),
    );
  }

  ingestSliEvents(items: SliEventInput[]): Promise<IngestResult> {
    const { records, problems } = readSliEvents(items);
    return this.ingest(records, problems, r =>
      this.deps.store.upsertSliEvents(r),
    );
  }

  private async ingest<R extends { service: string }>(
    records: R[],
    problems: ItemProblem[],
    upsert: (records: R[]) => Promise<IngestResult>,
  ): Promise<IngestResult> {
    if (problems.length === 0) {
      problems.push(...(await this.unknownServices(records)));
    }
    if (problems.length > 0) {
      throw new InputError(describeProblems(problems));
    }
    return upsert(records);
  }

  // Writers need not be able to read the catalog themselves, so the
  // existence check runs with the plugin's own credentials.
  private async unknownServices(
    records: Array<{ service: string }>,
  ): Promise<ItemProblem[]> {
    const refs = [...new Set(records.map(r => r.service))];
    const { items } = await this.deps.catalog.getEntitiesByRefs(
      { entityRefs: refs, fields: REF_FIELDS },
      { credentials: await this.deps.auth.getOwnServiceCredentials() },
    );
    const unknown = new Map<string, string>();
    refs.forEach((ref, i) => {
      const kind = items[i]?.kind.toLocaleLowerCase('en-US');
      if (kind !== 'itservice') {
        unknown.set(
          ref,
          items[i]
            ? `is a ${items[i]!.kind}, not an ITService`
            : 'is not in the catalog',
        );
      }
    });
    const reported = new Set<string>();
    return records.flatMap((record, index) => {
      const reason = unknown.get(record.service);
      if (!reason || reported.has(record.service)) return [];
      reported.add(record.service);
      return [
        { index, field: 'service', message: `"${record.service}" ${reason}` },
      ];
    });
  }
}
