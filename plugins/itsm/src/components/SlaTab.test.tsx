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
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { screen } from '@testing-library/react';
import { itsmApiRef } from '../api';
import { SlaTab } from './SlaTab';
import { mockItsmApi, testReport, testService } from './testData';

const history = { items: [] };

function renderTab(api: ReturnType<typeof mockItsmApi>, entity = testService) {
  return renderInTestApp(
    <EntityProvider entity={entity}>
      <SlaTab />
    </EntityProvider>,
    {
      apis: [[itsmApiRef, api]],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
}

describe('SlaTab', () => {
  it('shows a met agreement with its numbers', async () => {
    const getServiceSla = jest.fn().mockResolvedValue(
      testReport({
        attainment: 99.95,
        budget: {
          errorBudgetMinutes: 43.2,
          remainingPercent: 50,
          consumedPercent: 50,
        },
      }),
    );
    await renderTab(
      mockItsmApi({ getServiceSla, getServiceSlaHistory: async () => history }),
    );
    expect(await screen.findByText('retail-sla (SLA)')).toBeInTheDocument();
    expect(screen.getByText('99.950 %')).toBeInTheDocument();
    expect(screen.getByText('50.0 % left')).toBeInTheDocument();
    expect(screen.getAllByText('Met').length).toBeGreaterThan(0);
    expect(getServiceSla).toHaveBeenCalledWith(
      'itservice:default/online-banking',
      { period: 'current' },
    );
    expect(
      screen.getByText('No month in this range has measurements yet.'),
    ).toBeInTheDocument();
  });

  it('shows a breached agreement with the credit owed', async () => {
    await renderTab(
      mockItsmApi({
        getServiceSla: async () =>
          testReport({
            status: 'breached',
            attainment: 99.7,
            forecast: {
              alreadyExhausted: true,
              breachesBeforeEnd: true,
              projectedAttainment: 99.7,
            },
          }),
        getServiceSlaHistory: async () => history,
      }),
    );
    expect(
      await screen.findByText('Credit owed: 5 % (€2,400.00)'),
    ).toBeInTheDocument();
    expect(screen.getAllByText('Breached').length).toBeGreaterThan(0);
    expect(screen.getByText('Budget already spent.')).toBeInTheDocument();
  });

  it('shows an at-risk objective with its firing alert', async () => {
    await renderTab(
      mockItsmApi({
        getServiceSla: async () =>
          testReport({
            status: 'at-risk',
            attainment: 99.92,
            trend: [
              {
                at: '2026-11-02T00:00:00.000Z',
                attainment: 99.99,
                budgetRemainingPercent: 90,
              },
              {
                at: '2026-11-03T00:00:00.000Z',
                attainment: 99.92,
                budgetRemainingPercent: 20,
              },
            ],
            alerts: [
              {
                name: 'page-fast',
                severity: 'page',
                threshold: 14.4,
                longBurnRate: 20,
                shortBurnRate: 30,
              },
            ],
            burnRates: [
              { window: 'page-fast', lookbackMinutes: 60, burnRate: 20 },
            ],
          }),
        getServiceSlaHistory: async () => history,
      }),
    );
    expect(await screen.findByText('page: page-fast')).toBeInTheDocument();
    expect(screen.getByText('1 h: 20×')).toBeInTheDocument();
    expect(screen.getAllByText('At risk').length).toBeGreaterThan(0);
    expect(
      screen.getByRole('img', {
        name: 'Error budget left over the period. availability: budget left 90 % on 2 Nov, 20 % now (attainment 99.92 %)',
      }),
    ).toBeInTheDocument();
  });

  it('explains no-data instead of showing 100 %', async () => {
    await renderTab(
      mockItsmApi({
        getServiceSla: async () =>
          testReport({ status: 'no-data', attainment: null }),
        getServiceSlaHistory: async () => history,
      }),
    );
    expect(
      await screen.findByText('Some objectives have no data'),
    ).toBeInTheDocument();
    expect(
      screen.queryByText(/NaN|Infinity|undefined/),
    ).not.toBeInTheDocument();
    expect(screen.queryByText('100.000 %')).not.toBeInTheDocument();
  });

  it('shows the API error', async () => {
    await renderTab(
      mockItsmApi({
        getServiceSla: async () => {
          throw new Error('The ITSM database is unavailable; retry later');
        },
        getServiceSlaHistory: async () => history,
      }),
    );
    expect(
      (await screen.findAllByText(/The ITSM database is unavailable/)).length,
    ).toBeGreaterThan(0);
  });

  it('explains how to add an agreement to a service without one', async () => {
    const { agreements, ...spec } = testService.spec;
    await renderTab(mockItsmApi({}), { ...testService, spec });
    expect(await screen.findByText('No agreements yet')).toBeInTheDocument();
  });
});
