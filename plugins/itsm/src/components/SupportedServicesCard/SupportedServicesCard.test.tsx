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
import { renderInTestApp } from '@backstage/frontend-test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { screen, within } from '@testing-library/react';
import { itsmApiRef } from '../../api';
import { mockItsmApi, testRow } from '../../lib/testData';
import { SupportedServicesCard } from './SupportedServicesCard';

/** A YAML snippet's code element, whose text the highlighting splits up. */
const codeLine = (text: string) => (_: string, element: Element | null) =>
  element?.tagName === 'CODE' && element.textContent === text;

const bankingWeb: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'banking-web', namespace: 'default' },
  spec: {
    type: 'website',
    lifecycle: 'production',
    owner: 'group:default/digital-channels',
    system: 'digital-banking',
  },
};

function renderCard(api: ReturnType<typeof mockItsmApi>, entity = bankingWeb) {
  return renderInTestApp(
    <EntityProvider entity={entity}>
      <SupportedServicesCard />
    </EntityProvider>,
    {
      apis: [[itsmApiRef, api]],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
}

describe('SupportedServicesCard', () => {
  it('lists the services the entity supports, with status, worst objective, customers and a link to the SLA tab', async () => {
    const getPortfolio = jest.fn().mockResolvedValue({
      items: [
        testRow({
          status: 'breached',
          score: 50,
          worstObjective: {
            agreement: 'retail-sla',
            objective: 'availability',
            target: 99.9,
            attainment: 99.7,
            status: 'breached',
          },
        }),
      ],
    });
    await renderCard(mockItsmApi({ getPortfolio }));
    expect(await screen.findByText('IT services')).toBeInTheDocument();
    expect(getPortfolio).toHaveBeenCalledWith({
      supports: 'component:default/banking-web',
    });
    const row = screen.getByRole('row', { name: /Online Banking/ });
    expect(within(row).getByText('Breached')).toBeInTheDocument();
    expect(
      within(row).getByText('availability: 99.700 % of 99.90 %'),
    ).toBeInTheDocument();
    expect(within(row).getByText('retail-sla')).toBeInTheDocument();
    expect(within(row).getByText('retail-customers')).toBeInTheDocument();
    expect(
      within(row).getByRole('link', { name: 'SLA of Online Banking' }),
    ).toHaveAttribute('href', '/catalog/default/itservice/online-banking/sla');
    expect(screen.getByText('Customers affected')).toBeInTheDocument();
    expect(screen.queryByText(/^through/)).not.toBeInTheDocument();
  });

  it('names the service a dependent one is supported through, direct ones first', async () => {
    await renderCard(
      mockItsmApi({
        getPortfolio: async () => ({
          items: [
            testRow({
              status: 'at-risk',
              supportedThrough: 'itservice:default/identity-and-access',
            }),
            testRow({
              service: 'itservice:default/identity-and-access',
              title: 'Identity and Access',
              customers: [],
              worstObjective: {
                agreement: 'iam-ola',
                objective: 'availability',
                target: 99.95,
                attainment: null,
                status: 'no-data',
              },
              status: 'no-data',
            }),
          ],
        }),
      }),
    );
    const rows = await screen.findAllByRole('row');
    // The header, then Identity and Access (direct), then Online Banking.
    expect(rows[1]).toHaveTextContent(/^Identity and Access/);
    expect(rows[1]).toHaveTextContent('No data');
    expect(
      within(rows[1]).getByText('availability: no measurements'),
    ).toBeInTheDocument();
    expect(within(rows[1]).getByText('iam-ola')).toBeInTheDocument();
    expect(rows[2]).toHaveTextContent(
      /^Online Bankingthrough Identity and Access/,
    );
    expect(within(rows[2]).getByText('At risk')).toBeInTheDocument();
    expect(
      within(rows[2]).getByRole('link', { name: 'SLA of Identity and Access' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/itservice/identity-and-access/sla',
    );
  });

  it('explains how to link a service, with the YAML line of the entity and its system', async () => {
    await renderCard(
      mockItsmApi({ getPortfolio: async () => ({ items: [] }) }),
    );
    expect(
      await screen.findByText(
        /^No IT service lists this component or its system system:default\/digital-banking yet\./,
      ),
    ).toBeInTheDocument();
    expect(
      await screen.findByText(
        codeLine('implementedBy: [component:default/banking-web]'),
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(codeLine('dependsOn: [component:default/banking-web]')),
    ).toBeInTheDocument();
  });

  it('names the kind of an API without a system', async () => {
    await renderCard(
      mockItsmApi({ getPortfolio: async () => ({ items: [] }) }),
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'API',
        metadata: { name: 'accounts', namespace: 'open' },
        spec: { type: 'openapi', lifecycle: 'production', owner: 'team' },
      },
    );
    expect(
      await screen.findByText(/^No IT service lists this API yet\./),
    ).toBeInTheDocument();
    expect(
      await screen.findByText(codeLine('implementedBy: [api:open/accounts]')),
    ).toBeInTheDocument();
  });

  it('shows the API error', async () => {
    await renderCard(
      mockItsmApi({
        getPortfolio: async () => {
          throw new Error(
            'No entity component:default/banking-web in the catalog',
          );
        },
      }),
    );
    expect(
      (await screen.findAllByText(/No entity component:default\/banking-web/))
        .length,
    ).toBeGreaterThan(0);
  });
});
