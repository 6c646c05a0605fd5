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
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { CatalogSearchResultListItem } from '@backstage/plugin-catalog';
import { SearchResultListItemExtensions } from '@backstage/plugin-search-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { itsmApiRef } from './api';
import { testReport, testRow, testService, mockItsmApi } from './lib/testData';
import {
  EntityItsmFactsCard,
  EntityItsmProvidedServicesCard,
  EntityItsmSlaCard,
  EntityItsmSupportedServicesCard,
  ItsmSearchResultListItem,
} from './legacy';

describe('legacy frontend system exports', () => {
  it('render the entity cards inside a legacy app', async () => {
    const api = mockItsmApi({
      getServiceSla: async () =>
        testReport({ status: 'breached', attainment: 99.7 }),
    });
    await renderInTestApp(
      <TestApiProvider apis={[[itsmApiRef, api]]}>
        <EntityProvider entity={testService}>
          <EntityItsmSlaCard />
          <EntityItsmFactsCard />
        </EntityProvider>
      </TestApiProvider>,
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
    );
    expect(await screen.findByText('Service levels')).toBeInTheDocument();
    expect(
      await screen.findByText('retail-sla (SLA) — availability 99.700 %'),
    ).toBeInTheDocument();
    expect(screen.getByText('ITService details')).toBeInTheDocument();
  });

  it('render the cards of software and groups inside a legacy app', async () => {
    const getPortfolio = jest.fn(async (filters?: object) => ({
      items: [
        testRow(
          filters && 'owner' in filters
            ? { status: 'breached' }
            : {
                status: 'at-risk',
                supportedThrough: 'itservice:default/identity-and-access',
              },
        ),
      ],
    }));
    const api = mockItsmApi({ getPortfolio });
    await renderInTestApp(
      <TestApiProvider apis={[[itsmApiRef, api]]}>
        <EntityProvider
          entity={{
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'Component',
            metadata: { name: 'banking-web', namespace: 'default' },
          }}
        >
          <EntityItsmSupportedServicesCard />
        </EntityProvider>
        <EntityProvider
          entity={{
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'Group',
            metadata: { name: 'digital-channels', namespace: 'default' },
          }}
        >
          <EntityItsmProvidedServicesCard />
        </EntityProvider>
      </TestApiProvider>,
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
    );
    expect(await screen.findByText('IT services')).toBeInTheDocument();
    expect(await screen.findByText('Services we provide')).toBeInTheDocument();
    expect(await screen.findByText('At risk')).toBeInTheDocument();
    expect(await screen.findByText('Breached')).toBeInTheDocument();
    expect(screen.getByText(/^through/)).toBeInTheDocument();
    expect(getPortfolio).toHaveBeenCalledWith({
      supports: 'component:default/banking-web',
    });
    expect(getPortfolio).toHaveBeenCalledWith({
      owner: 'group:default/digital-channels',
    });
  });
});

describe('the legacy search result item', () => {
  it('renders ITSM results before the catalog item takes them', async () => {
    const getServiceSla = jest.fn(async () =>
      testReport({ status: 'breached', attainment: 99.7 }),
    );
    const results = [
      {
        type: 'software-catalog',
        rank: 1,
        document: {
          title: 'Online Banking',
          text: 'Customers: Retail customers.',
          location: '/catalog/default/itservice/online-banking',
          kind: 'ITService',
          type: 'business',
          customers: ['Retail customers'],
          status: 'met',
        },
      },
      {
        type: 'software-catalog',
        rank: 2,
        document: {
          title: 'banking-web',
          text: 'The web front end',
          location: '/catalog/default/component/banking-web',
          kind: 'Component',
          type: 'website',
        },
      },
    ];
    await renderInTestApp(
      <TestApiProvider apis={[[itsmApiRef, mockItsmApi({ getServiceSla })]]}>
        <SearchResultListItemExtensions results={results}>
          <ItsmSearchResultListItem />
          <CatalogSearchResultListItem />
        </SearchResultListItemExtensions>
      </TestApiProvider>,
    );
    const items = await screen.findAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(
      await within(items[0]).findByText('SLA this period:', { exact: false }),
    ).toHaveTextContent('SLA this period: Breached');
    expect(
      within(items[0]).getByText('Customers: Retail customers'),
    ).toBeInTheDocument();
    expect(getServiceSla).toHaveBeenCalledWith(
      'itservice:default/online-banking',
      { period: 'current' },
    );
    // The catalog's own item still renders the other kinds.
    expect(
      await within(items[1]).findByRole('link', { name: 'banking-web' }),
    ).toBeInTheDocument();
    expect(within(items[1]).queryByText(/^SLA/)).toBeNull();
  });
});
