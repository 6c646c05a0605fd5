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
  createExtensionTester,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import type { SearchResult } from '@backstage/plugin-search-common';
import { SearchResultListItemBlueprint } from '@backstage/plugin-search-react/alpha';
import { screen, within } from '@testing-library/react';
import { itsmApiRef } from '../../api';
import { mockItsmApi, testReport } from '../../lib/testData';
import { itsmPlugin } from '../../plugin';
import { ItsmSearchResultListItem } from './ItsmSearchResultListItem';
import {
  entityRefOfLocation,
  isItsmSearchResult,
  ItsmSearchDocument,
} from './predicate';

const service: ItsmSearchDocument = {
  title: 'Online Banking',
  text: 'Web banking for retail customers. IT service (business, live). Customers: Retail customers. SLA status: breached.',
  location: '/catalog/default/itservice/online-banking',
  kind: 'ITService',
  namespace: 'default',
  type: 'business',
  lifecycle: 'live',
  owner: 'group:default/digital-channels',
  customers: ['Retail customers'],
  suppliers: ['CardLink', 'Nimbus Cloud'],
  status: 'breached',
};

const stakeholder: ItsmSearchDocument = {
  title: 'Retail customers',
  text: 'Private customers. Buys: Online Banking, Mobile Banking.',
  location: '/catalog/default/stakeholder/retail-customers',
  kind: 'Stakeholder',
  type: 'external',
  lifecycle: '',
  services: ['Online Banking', 'Mobile Banking'],
};

const supplier: ItsmSearchDocument = {
  title: 'CardLink',
  text: 'Card scheme processor.',
  location: '/catalog/default/supplier/cardlink',
  kind: 'Supplier',
  type: 'strategic',
  services: ['Payments Processing'],
  contractEnd: '2027-06-30',
};

const asResult = (
  document: object,
  type = 'software-catalog',
): SearchResult => ({ type, document: document as ItsmSearchDocument });

function renderItem(
  api: ReturnType<typeof mockItsmApi>,
  props: Parameters<typeof ItsmSearchResultListItem>[0],
) {
  return renderInTestApp(<ItsmSearchResultListItem {...props} />, {
    apis: [[itsmApiRef, api]],
  });
}

const never = () => new Promise<never>(() => {});

describe('isItsmSearchResult', () => {
  it('matches catalog results of the ITSM kinds only', () => {
    expect(isItsmSearchResult(asResult(service))).toBe(true);
    expect(isItsmSearchResult(asResult(stakeholder))).toBe(true);
    expect(isItsmSearchResult(asResult(supplier))).toBe(true);
    expect(
      isItsmSearchResult(asResult({ ...service, kind: 'itservice' })),
    ).toBe(true);
    expect(
      isItsmSearchResult(asResult({ ...service, kind: 'Component' })),
    ).toBe(false);
    expect(isItsmSearchResult(asResult({ ...service, kind: undefined }))).toBe(
      false,
    );
    expect(isItsmSearchResult(asResult(service, 'techdocs'))).toBe(false);
  });

  it('reads the entity ref from the catalog location', () => {
    expect(
      entityRefOfLocation('/catalog/default/itservice/online-banking'),
    ).toBe('itservice:default/online-banking');
    expect(
      entityRefOfLocation('https://portal.example/catalog/ops/ITService/x-y/'),
    ).toBe('itservice:ops/x-y');
    expect(entityRefOfLocation('/docs/default/component/x')).toBeUndefined();
  });
});

describe('ItsmSearchResultListItem', () => {
  it('shows an IT service with its parties, kind, type and live SLA status', async () => {
    const getServiceSla = jest.fn(async () =>
      testReport({ status: 'at-risk' }),
    );
    await renderItem(mockItsmApi({ getServiceSla }), { result: service });
    expect(
      await screen.findByText(/^SLA this period:/, { exact: false }),
    ).toBeInTheDocument();
    const status = screen.getByTestId('itsm-search-sla-status');
    expect(status).toHaveTextContent('SLA this period: At risk');
    expect(getServiceSla).toHaveBeenCalledTimes(1);
    expect(getServiceSla).toHaveBeenCalledWith(
      'itservice:default/online-banking',
      { period: 'current' },
    );
    expect(
      screen.getByRole('link', { name: 'Online Banking' }),
    ).toHaveAttribute('href', '/catalog/default/itservice/online-banking');
    expect(
      screen.getByText(
        'Customers: Retail customers · Suppliers: CardLink, Nimbus Cloud',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('Kind: ITService')).toBeInTheDocument();
    expect(screen.getByText('Type: business')).toBeInTheDocument();
    expect(screen.getByText('Lifecycle: live')).toBeInTheDocument();
    expect(screen.getByText(/^Web banking for retail customers/)).toBeVisible();
  });

  it('shows the indexed status, labelled so, while the live one loads', async () => {
    await renderItem(mockItsmApi({ getServiceSla: never }), {
      result: service,
    });
    expect(
      await screen.findByTestId('itsm-search-sla-status'),
    ).toHaveTextContent('SLA when indexed: Breached');
  });

  it('falls back to the indexed status when the live one cannot be read', async () => {
    const getServiceSla = jest.fn(async () => {
      throw new Error('Forbidden');
    });
    await renderItem(mockItsmApi({ getServiceSla }), { result: service });
    await expect(
      screen.findByText('SLA this period:', { exact: false }),
    ).rejects.toThrow();
    expect(getServiceSla).toHaveBeenCalled();
    expect(screen.getByTestId('itsm-search-sla-status')).toHaveTextContent(
      'SLA when indexed: Breached',
    );
  });

  it('shows no status for a service without one, indexed or live', async () => {
    await renderItem(
      mockItsmApi({
        getServiceSla: async () => {
          throw new Error('Not found');
        },
      }),
      {
        result: {
          ...service,
          status: undefined,
          customers: [],
          suppliers: [],
        } as ItsmSearchDocument,
      },
    );
    expect(
      await screen.findByText('No customers recorded'),
    ).toBeInTheDocument();
    expect(screen.queryByTestId('itsm-search-sla-status')).toBeNull();
  });

  it('shows the services a stakeholder buys, without reading any SLA', async () => {
    await renderItem(mockItsmApi({}), { result: stakeholder });
    expect(
      await screen.findByText('Buys: Online Banking, Mobile Banking'),
    ).toBeInTheDocument();
    expect(screen.getByText('Kind: Stakeholder')).toBeInTheDocument();
    expect(screen.getByText('Type: external')).toBeInTheDocument();
    expect(screen.queryByText(/^Lifecycle/)).toBeNull();
    expect(screen.queryByTestId('itsm-search-sla-status')).toBeNull();
  });

  it("shows a supplier's contract end and the services it supplies", async () => {
    await renderItem(mockItsmApi({}), { result: supplier });
    expect(
      await screen.findByText(
        'Contract ends 2027-06-30 · Supplies: Payments Processing',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('Kind: Supplier')).toBeInTheDocument();
    expect(screen.getByText('Type: strategic')).toBeInTheDocument();
  });

  it('says so where a supplier has no contract end', async () => {
    await renderItem(mockItsmApi({}), {
      result: { ...supplier, contractEnd: undefined } as ItsmSearchDocument,
    });
    expect(
      await screen.findByText(
        'No contract end recorded · Supplies: Payments Processing',
      ),
    ).toBeInTheDocument();
  });

  it('marks the matched terms of the title and text', async () => {
    await renderItem(mockItsmApi({}), {
      result: stakeholder,
      highlight: {
        preTag: '<em>',
        postTag: '</em>',
        fields: {
          title: '<em>Retail</em> customers',
          text: 'Private <em>customers</em>.',
        },
      },
    });
    const link = await screen.findByRole('link', { name: 'Retail customers' });
    expect(within(link).getByText('Retail').tagName).toBe('MARK');
    expect(screen.getByText('customers', { selector: 'mark' })).toBeVisible();
  });
});

describe('the search result item extension', () => {
  const extension = itsmPlugin.getExtension('search-result-list-item:itsm');

  it('takes catalog results of the ITSM kinds, no others', () => {
    const item = createExtensionTester(extension).get(
      SearchResultListItemBlueprint.dataRefs.item,
    );
    expect(item.predicate?.(asResult(service))).toBe(true);
    expect(item.predicate?.(asResult(supplier))).toBe(true);
    expect(item.predicate?.(asResult({ ...service, kind: 'Component' }))).toBe(
      false,
    );
  });

  it('renders the item in the search page', async () => {
    const item = createExtensionTester(extension).get(
      SearchResultListItemBlueprint.dataRefs.item,
    );
    const Item = item.component;
    await renderInTestApp(<Item result={stakeholder} rank={1} />, {
      apis: [[itsmApiRef, mockItsmApi({})]],
    });
    expect(
      await screen.findByText('Buys: Online Banking, Mobile Banking'),
    ).toBeInTheDocument();
    expect(screen.getByRole('listitem')).toBeInTheDocument();
  });
});
