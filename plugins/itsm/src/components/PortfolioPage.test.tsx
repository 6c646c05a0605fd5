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

import { renderInTestApp } from '@backstage/frontend-test-utils';
import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import type { PortfolioRow } from '@backstage-itsm/plugin-itsm-common';
import { screen } from '@testing-library/react';
import { itsmApiRef } from '../api';
import { PortfolioPage, portfolioCsv } from './PortfolioPage';
import { mockItsmApi } from './testData';

const row = (
  service: string,
  status: PortfolioRow['status'],
  extra: Partial<PortfolioRow> = {},
): PortfolioRow => ({
  service: `itservice:default/${service}`,
  title: service,
  type: 'business',
  lifecycle: 'live',
  owner: 'group:default/ops',
  customers: ['stakeholder:default/retail-customers'],
  suppliers: [],
  status,
  score: status === 'no-data' ? null : 80,
  creditPercent: 0,
  credits: [],
  ...extra,
});

const telnova = {
  apiVersion: 'itsm.backstage.io/v1alpha1',
  kind: 'Supplier',
  metadata: { name: 'telnova', namespace: 'default' },
  spec: {
    category: 'operational',
    owner: 'group:default/vendor-management',
    contract: {
      reference: 'TN-1',
      start: '2022-01-15',
      end: new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10),
      noticePeriod: '60d',
    },
  },
};

const render = (api: ReturnType<typeof mockItsmApi>) =>
  renderInTestApp(<PortfolioPage />, {
    apis: [
      [itsmApiRef, api],
      [catalogApiRef, catalogApiMock({ entities: [telnova] })],
    ],
    mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
  });

describe('PortfolioPage', () => {
  it('counts services by status and sums the credits', async () => {
    await render(
      mockItsmApi({
        getPortfolio: async () => ({
          items: [
            row('online-banking', 'breached', {
              credits: [{ amount: 2400, currency: 'EUR' }],
              worstObjective: {
                agreement: 'retail-sla',
                objective: 'availability',
                attainment: 99.7,
                status: 'breached',
              },
            }),
            row('payments', 'at-risk', {
              credits: [{ amount: 100.5, currency: 'EUR' }],
            }),
            row('hosting', 'met'),
            row('fax', 'no-data'),
          ],
        }),
      }),
    );
    expect(await screen.findByText('IT services (4)')).toBeInTheDocument();
    expect(screen.getByLabelText('Breached: 1')).toBeInTheDocument();
    expect(screen.getByLabelText('At risk: 1')).toBeInTheDocument();
    expect(screen.getByLabelText('Met: 1')).toBeInTheDocument();
    expect(
      screen.getByLabelText('Credits this period: €2,500.50'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('retail-sla / availability: 99.70 %'),
    ).toBeInTheDocument();
    expect(screen.queryByText(/NaN|undefined/)).not.toBeInTheDocument();
    expect(await screen.findByText(/\(in 20 days\)/)).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'filter list' }),
    ).toBeInTheDocument();
  });

  it('shows an empty portfolio and API errors', async () => {
    await render(mockItsmApi({ getPortfolio: async () => ({ items: [] }) }));
    expect(await screen.findByText('IT services (0)')).toBeInTheDocument();
    expect(screen.getByText('none')).toBeInTheDocument();
  });

  it('shows the error when the API fails', async () => {
    await render(
      mockItsmApi({
        getPortfolio: async () => {
          throw new Error('Not allowed: itsm.sla.read');
        },
      }),
    );
    expect(
      (await screen.findAllByText(/Not allowed: itsm.sla.read/)).length,
    ).toBeGreaterThan(0);
  });
});

describe('portfolioCsv', () => {
  it('writes one quoted-where-needed row per service', () => {
    expect(
      portfolioCsv([
        row('online-banking', 'breached', {
          title: 'Online Banking, web',
          score: 64.7,
          credits: [{ amount: 2400, currency: 'EUR' }],
          worstObjective: {
            agreement: 'retail-sla',
            objective: 'availability',
            attainment: 99.7,
            status: 'breached',
          },
        }),
      ]).split('\r\n'),
    ).toEqual([
      'service,title,status,score,worst_objective,worst_attainment,owner,customers,suppliers,type,lifecycle,credits',
      'itservice:default/online-banking,"Online Banking, web",breached,64.7,retail-sla/availability,99.700,group:default/ops,stakeholder:default/retail-customers,,business,live,2400 EUR',
      '',
    ]);
  });
});
