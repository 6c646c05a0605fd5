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

import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import type { PortfolioRow } from '@backstage-itsm/plugin-itsm-common';
import { screen, within } from '@testing-library/react';
import { itsmApiRef } from '../../api';
import { PortfolioPage, portfolioCsv } from './PortfolioPage';
import { mockItsmApi, testCredits } from '../../lib/testData';
import { createFormat } from '../../lib/format';
import { itsmTranslationRef } from '../../translation';

const { t } = mockApis.translation().getTranslation(itsmTranslationRef);
/** The page's formatters in English, in the zone the tests run in. */
const format = createFormat(t, 'en');

const eur = (amount: number) => [{ amount, currency: 'EUR' }];

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
  credits: testCredits({}),
  evaluatedAt: '2026-11-25T10:00:00.000Z',
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

// The first render loads the page's chart and table libraries: over 5 s on
// a busy two-core machine.
jest.setTimeout(30_000);

describe('PortfolioPage', () => {
  it('counts services by status and sums the credits, owed and projected, payable and receivable apart', async () => {
    await render(
      mockItsmApi({
        getPortfolio: async () => ({
          items: [
            row('online-banking', 'breached', {
              credits: testCredits({
                owed: { payable: eur(1000) },
                projected: { payable: eur(2400) },
              }),
              worstObjective: {
                agreement: 'retail-sla',
                objective: 'availability',
                target: 99.9,
                attainment: 99.7,
                status: 'breached',
              },
            }),
            row('payments', 'at-risk', {
              credits: testCredits({
                projected: { payable: eur(100.5), receivable: eur(300) },
              }),
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
      screen.getByLabelText('Credits owed: payable €1,000.00'),
    ).toBeInTheDocument();
    expect(
      screen.getByLabelText(
        'Projected credits: payable €2,500.50; receivable €300.00',
      ),
    ).toBeInTheDocument();
    // Payable is never netted against receivable, nor owed added to projected.
    expect(screen.queryByText(/€2,200\.50|€2,800\.50|€3,500\.00/)).toBeNull();
    const banking = screen.getByRole('row', { name: /online-banking/ });
    expect(within(banking).getByText('payable €1,000.00')).toBeInTheDocument();
    expect(within(banking).getByText('payable €2,400.00')).toBeInTheDocument();
    const payments = screen.getByRole('row', { name: /payments/ });
    expect(within(payments).getByText('payable €100.50')).toBeInTheDocument();
    expect(
      within(payments).getByText('receivable €300.00'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('columnheader', { name: /^Credits owed/ }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('columnheader', { name: /^Projected/ }),
    ).toBeInTheDocument();
    expect(
      screen.getByText('retail-sla / availability: 99.700 %'),
    ).toBeInTheDocument();
    expect(screen.queryByText(/NaN|undefined/)).not.toBeInTheDocument();
    expect(await screen.findByText(/\(in 20 days\)/)).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'filter list' }),
    ).toBeInTheDocument();
  });

  it('says the figures are as of the oldest row', async () => {
    await render(
      mockItsmApi({
        getPortfolio: async () => ({
          items: [
            row('online-banking', 'met', {
              evaluatedAt: '2026-11-25T10:03:00.000Z',
            }),
            // Older, though later as text: compared as instants.
            row('payments', 'met', {
              evaluatedAt: '2026-11-25T11:00:00+02:00',
            }),
          ],
        }),
      }),
    );
    expect(await screen.findByText('IT services (2)')).toBeInTheDocument();
    expect(
      screen.getByText(
        `Figures as of ${format.formatInstant(
          '2026-11-25T11:00:00+02:00',
        )} or later, with every measurement received before this page loaded`,
      ),
    ).toBeInTheDocument();
    expect(
      screen.queryByText(
        new RegExp(format.formatInstant('2026-11-25T10:03:00.000Z')),
      ),
    ).not.toBeInTheDocument();
  });

  it('shows an empty portfolio and API errors', async () => {
    await render(mockItsmApi({ getPortfolio: async () => ({ items: [] }) }));
    expect(await screen.findByText('IT services (0)')).toBeInTheDocument();
    expect(screen.getByLabelText('Credits owed: none')).toBeInTheDocument();
    expect(
      screen.getByLabelText('Projected credits: none'),
    ).toBeInTheDocument();
    // No row, no instant the figures are as of.
    expect(screen.queryByText(/^Figures as of/)).not.toBeInTheDocument();
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
          credits: testCredits({
            owed: { payable: eur(2400) },
            projected: {
              payable: [
                { amount: 100, currency: 'EUR' },
                { amount: 50, currency: 'USD' },
              ],
              receivable: eur(300),
            },
          }),
          worstObjective: {
            agreement: 'retail-sla',
            objective: 'availability',
            target: 99.9,
            attainment: 99.7,
            status: 'breached',
          },
        }),
        row('payments', 'at-risk', {
          // The instant as given, not reformatted.
          evaluatedAt: '2026-11-24T23:59:30.000Z',
          // A row that gives the worst objective's target (rule 11).
          worstObjective: {
            agreement: 'payments-sla',
            objective: 'availability',
            attainment: 99.94982,
            status: 'at-risk',
            target: 99.95,
          } as PortfolioRow['worstObjective'],
        }),
      ]).split('\r\n'),
    ).toEqual([
      'service,title,status,score,worst_objective,worst_attainment,owner,customers,suppliers,type,lifecycle,credits_owed_payable,credits_owed_receivable,credits_projected_payable,credits_projected_receivable,evaluated_at',
      'itservice:default/online-banking,"Online Banking, web",breached,64.7,retail-sla/availability,99.700,group:default/ops,stakeholder:default/retail-customers,,business,live,2400 EUR,,100 EUR 50 USD,300 EUR,2026-11-25T10:00:00.000Z',
      'itservice:default/payments,payments,at-risk,80.0,payments-sla/availability,99.9498,group:default/ops,stakeholder:default/retail-customers,,business,live,,,,,2026-11-24T23:59:30.000Z',
      '',
    ]);
  });
});
