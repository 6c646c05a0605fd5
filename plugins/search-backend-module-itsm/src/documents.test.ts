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
import type { PortfolioRow } from '@backstage-itsm/plugin-itsm-common';
import { itsmCatalogDocument, ItsmSearchFacts } from './documents';

const banking: Entity = {
  apiVersion: 'itsm.backstage.io/v1alpha1',
  kind: 'ITService',
  metadata: {
    name: 'online-banking',
    title: 'Online Banking',
    description: 'Banking on the web.',
  },
  spec: {
    type: 'business',
    lifecycle: 'live',
    owner: 'group:default/digital-channels',
    customers: ['retail-customers'],
    suppliers: ['nimbus-cloud'],
    costCenter: 'CC-4100',
  },
};
const row: PortfolioRow = {
  service: 'itservice:default/online-banking',
  title: 'Online Banking',
  type: 'business',
  lifecycle: 'live',
  owner: 'group:default/digital-channels',
  customers: ['stakeholder:default/retail-customers'],
  suppliers: ['supplier:default/nimbus-cloud'],
  status: 'breached',
  score: 50,
  worstObjective: {
    agreement: 'sla',
    objective: 'availability',
    target: 99.9,
    attainment: 99.72345,
    status: 'breached',
  },
  creditPercent: 10,
  credits: {
    owed: { payable: [], receivable: [] },
    projected: { payable: [], receivable: [] },
  },
  evaluatedAt: '2026-11-25T10:00:00.000Z',
};
const facts: ItsmSearchFacts = {
  rows: new Map([[row.service, row]]),
  titles: new Map([
    ['stakeholder:default/retail-customers', 'Retail Customers'],
    ['supplier:default/nimbus-cloud', 'Nimbus Cloud'],
  ]),
};

describe('itsmCatalogDocument', () => {
  it('gives an ITService its parties by title, cost centre and status, as fields and text', () => {
    const document = itsmCatalogDocument(banking, facts);
    expect(document).toMatchObject({
      title: 'Online Banking',
      kind: 'ITService',
      type: 'business',
      lifecycle: 'live',
      owner: 'group:default/digital-channels',
      customers: ['Retail Customers'],
      suppliers: ['Nimbus Cloud'],
      costCenter: 'CC-4100',
      status: 'breached',
    });
    expect(document.text).toBe(
      'Banking on the web. IT service (business, live). Customers: Retail Customers. Suppliers: Nimbus Cloud. Cost centre: CC-4100. SLA status: breached (availability 99.723 % against 99.9 %).',
    );
  });

  it('names the services a Stakeholder buys and a Supplier supplies, and the contract end', () => {
    const stakeholder = itsmCatalogDocument(
      {
        apiVersion: 'itsm.backstage.io/v1alpha1',
        kind: 'Stakeholder',
        metadata: { name: 'retail-customers', title: 'Retail Customers' },
        spec: {
          type: 'external',
          roles: ['customer', 'user'],
          organization: 'Retail banking customers',
        },
      },
      facts,
    );
    expect(stakeholder).toMatchObject({
      type: 'external',
      services: ['Online Banking'],
    });
    expect(stakeholder.text).toContain(
      'Stakeholder (external customer, user) of Retail banking customers. Buys: Online Banking.',
    );
    const supplier = itsmCatalogDocument(
      {
        apiVersion: 'itsm.backstage.io/v1alpha1',
        kind: 'Supplier',
        metadata: { name: 'nimbus-cloud' },
        spec: {
          category: 'strategic',
          owner: 'vendor-management',
          contract: {
            reference: 'NC-1',
            start: '2024-01-01',
            end: '2027-06-30',
            noticePeriod: '90d',
          },
        },
      },
      facts,
    );
    expect(supplier).toMatchObject({
      type: 'strategic',
      contractEnd: '2027-06-30',
      services: ['Online Banking'],
    });
    expect(supplier.text).toContain(
      'Supplier (strategic). Contract NC-1 ends 2027-06-30, notice 90d. Supplies: Online Banking.',
    );
  });

  it('leaves out the status before the first refresh, and other kinds as the catalog makes them', () => {
    const empty = { rows: new Map(), titles: new Map() };
    const document = itsmCatalogDocument(banking, empty);
    expect(document.status).toBeUndefined();
    expect(document.customers).toEqual(['retail-customers']);
    const component: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'banking-web' },
      spec: { type: 'website', lifecycle: 'production', owner: 'team' },
    };
    expect(itsmCatalogDocument(component, facts)).toEqual(
      itsmCatalogDocument(component, empty),
    );
  });
});
