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
import type { CatalogEntityDocument } from '@backstage/plugin-catalog-common';
import {
  defaultCatalogCollatorEntityTransformer,
  type CatalogCollatorEntityTransformer,
} from '@backstage/plugin-search-backend-module-catalog';
import {
  entityRefKey,
  formatAttainment,
  isITServiceEntity,
  isStakeholderEntity,
  isSupplierEntity,
  ITSM_REF_FIELDS,
  PortfolioRow,
  resolveItsmRef,
} from '@backstage-itsm/plugin-itsm-common';

/** What the ITSM documents add to the catalog's, from the itsm backend and the catalog. @public */
export type ItsmSearchFacts = {
  /** The portfolio row of each ITService, by entity ref (lower case). */
  rows: ReadonlyMap<string, PortfolioRow>;
  /** Titles of Stakeholders, Suppliers and ITServices, by entity ref (lower case). */
  titles: ReadonlyMap<string, string>;
};

/** A catalog document with the ITSM fields. @public */
export type ItsmCatalogEntityDocument = Omit<
  CatalogEntityDocument,
  'location' | 'authorization'
> & {
  /** ITService: its SLA status when the index was built. */
  status?: string;
  /** ITService: customers; Stakeholder: the services it buys; by title. */
  customers?: string[];
  suppliers?: string[];
  services?: string[];
  costCenter?: string;
  /** Supplier: the contract's last day. */
  contractEnd?: string;
};

const refsOf = (
  entity: Entity,
  refs: string[] | undefined,
  field: { kinds: readonly string[]; defaultKind?: string },
) =>
  (refs ?? []).flatMap(ref => {
    try {
      return [entityRefKey(resolveItsmRef(ref, field, entity))];
    } catch {
      return [];
    }
  });

const list = (label: string, values: string[]) =>
  values.length > 0 ? `${label}: ${values.join(', ')}.` : undefined;

const join = (parts: Array<string | undefined>) =>
  parts.filter(Boolean).join(' ');

function statusText(row: PortfolioRow | undefined): string | undefined {
  if (!row) return undefined;
  const worst = row.worstObjective;
  if (!worst || worst.attainment === null) {
    return `SLA status: ${row.status}.`;
  }
  return `SLA status: ${row.status} (${worst.objective} ${formatAttainment(
    worst.attainment,
    worst.target,
  )} % against ${worst.target} %).`;
}

/**
 * The search document of an entity: the catalog's own, and for the ITSM
 * kinds their fields, the names of the parties and services they relate to,
 * and the SLA status, both as fields and in the searchable text.
 *
 * @public
 */
export function itsmCatalogDocument(
  entity: Entity,
  facts: ItsmSearchFacts,
  base: CatalogCollatorEntityTransformer = defaultCatalogCollatorEntityTransformer,
): ItsmCatalogEntityDocument {
  const document = base(entity);
  const title = (ref: string) =>
    facts.titles.get(ref) ?? ref.slice(ref.indexOf('/') + 1);
  if (isITServiceEntity(entity)) {
    const { customers, suppliers } = ITSM_REF_FIELDS.ITService;
    const row = facts.rows.get(entityRefKey(entity));
    const customerNames = refsOf(entity, entity.spec.customers, customers).map(
      title,
    );
    const supplierNames = refsOf(entity, entity.spec.suppliers, suppliers).map(
      title,
    );
    return {
      ...document,
      type: entity.spec.type,
      componentType: entity.spec.type,
      lifecycle: entity.spec.lifecycle,
      text: join([
        document.text,
        `IT service (${entity.spec.type}, ${entity.spec.lifecycle}).`,
        list('Customers', customerNames),
        list('Suppliers', supplierNames),
        entity.spec.costCenter
          ? `Cost centre: ${entity.spec.costCenter}.`
          : undefined,
        statusText(row),
      ]),
      customers: customerNames,
      suppliers: supplierNames,
      ...(entity.spec.costCenter && { costCenter: entity.spec.costCenter }),
      ...(row && { status: row.status }),
    };
  }
  if (isStakeholderEntity(entity)) {
    const ref = entityRefKey(entity);
    const services = [...facts.rows.values()]
      .filter(row =>
        row.customers.map(c => c.toLocaleLowerCase('en-US')).includes(ref),
      )
      .map(row => row.title ?? title(row.service));
    return {
      ...document,
      type: entity.spec.type,
      componentType: entity.spec.type,
      text: join([
        document.text,
        `Stakeholder (${entity.spec.type} ${entity.spec.roles.join(', ')}) of ${
          entity.spec.organization
        }.`,
        list('Buys', services),
      ]),
      services,
    };
  }
  if (isSupplierEntity(entity)) {
    const ref = entityRefKey(entity);
    const contract = entity.spec.contract;
    const services = [...facts.rows.values()]
      .filter(row =>
        row.suppliers.map(s => s.toLocaleLowerCase('en-US')).includes(ref),
      )
      .map(row => row.title ?? title(row.service));
    return {
      ...document,
      type: entity.spec.category,
      componentType: entity.spec.category,
      text: join([
        document.text,
        `Supplier (${entity.spec.category}).`,
        contract
          ? `Contract ${contract.reference}${
              contract.end ? ` ends ${contract.end}` : ''
            }${
              contract.noticePeriod ? `, notice ${contract.noticePeriod}` : ''
            }.`
          : undefined,
        list('Supplies', services),
      ]),
      services,
      ...(contract?.end && { contractEnd: contract.end }),
    };
  }
  return document;
}

/** An entity's ref and title, as documents name it. */
export function titledRef(entity: Entity): [string, string] {
  return [entityRefKey(entity), entity.metadata.title ?? entity.metadata.name];
}
