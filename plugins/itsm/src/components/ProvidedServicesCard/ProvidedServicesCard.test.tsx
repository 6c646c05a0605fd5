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
import { ProvidedServicesCard } from './ProvidedServicesCard';

/** A YAML snippet's code element, whose text the highlighting splits up. */
const codeLine = (text: string) => (_: string, element: Element | null) =>
  element?.tagName === 'CODE' && element.textContent === text;

const group: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'digital-channels', namespace: 'default' },
  spec: { type: 'team', children: [] },
};

function renderCard(api: ReturnType<typeof mockItsmApi>) {
  return renderInTestApp(
    <EntityProvider entity={group}>
      <ProvidedServicesCard />
    </EntityProvider>,
    {
      apis: [[itsmApiRef, api]],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
}

describe('ProvidedServicesCard', () => {
  it('lists the services the group owns with status, score and worst objective', async () => {
    const getPortfolio = jest.fn().mockResolvedValue({
      items: [
        testRow({
          service: 'itservice:default/mobile-banking',
          title: 'Mobile Banking',
          score: 87,
          status: 'at-risk',
        }),
        testRow({ status: 'breached', score: 50 }),
      ],
    });
    await renderCard(mockItsmApi({ getPortfolio }));
    expect(await screen.findByText('Services we provide')).toBeInTheDocument();
    expect(getPortfolio).toHaveBeenCalledWith({
      owner: 'group:default/digital-channels',
    });
    const rows = screen.getAllByRole('row');
    expect(rows[1]).toHaveTextContent(/^Mobile Banking/);
    expect(within(rows[1]).getByText('At risk')).toBeInTheDocument();
    expect(within(rows[1]).getByText('87')).toBeInTheDocument();
    expect(rows[2]).toHaveTextContent(/^Online Banking/);
    expect(within(rows[2]).getByText('Breached')).toBeInTheDocument();
    expect(
      within(rows[2]).getByText('availability: 99.950 % of 99.90 %'),
    ).toBeInTheDocument();
    expect(within(rows[2]).getByText('retail-sla')).toBeInTheDocument();
    expect(
      within(rows[2]).getByRole('link', { name: 'SLA of Online Banking' }),
    ).toHaveAttribute('href', '/catalog/default/itservice/online-banking/sla');
  });

  it('explains how to make the group the owner of a service', async () => {
    await renderCard(
      mockItsmApi({ getPortfolio: async () => ({ items: [] }) }),
    );
    expect(
      await screen.findByText(/^This group owns no IT service\./),
    ).toBeInTheDocument();
    expect(
      await screen.findByText(
        codeLine('owner: group:default/digital-channels'),
      ),
    ).toBeInTheDocument();
  });

  it('shows the API error', async () => {
    await renderCard(
      mockItsmApi({
        getPortfolio: async () => {
          throw new Error('The ITSM database is unavailable; retry later');
        },
      }),
    );
    expect(
      (await screen.findAllByText(/The ITSM database is unavailable/)).length,
    ).toBeGreaterThan(0);
  });
});
