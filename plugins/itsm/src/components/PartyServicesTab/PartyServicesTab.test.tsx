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
import type {
  StakeholderEntity,
  SupplierEntity,
} from '@backstage-itsm/plugin-itsm-common';
import { screen } from '@testing-library/react';
import { itsmApiRef } from '../../api';
import { contractState, PartyServicesTab } from './PartyServicesTab';
import { mockItsmApi, testCredits, testReport } from '../../lib/testData';

const stakeholder: StakeholderEntity = {
  apiVersion: 'itsm.backstage.io/v1alpha1',
  kind: 'Stakeholder',
  metadata: { name: 'retail-customers', namespace: 'default' },
  spec: { type: 'external', roles: ['customer'], organization: 'Retail' },
};
const supplier = (end: string, noticePeriod = '60d'): SupplierEntity => ({
  apiVersion: 'itsm.backstage.io/v1alpha1',
  kind: 'Supplier',
  metadata: { name: 'telnova', namespace: 'default' },
  spec: {
    category: 'operational',
    owner: 'group:default/vendor-management',
    contract: {
      reference: 'TN-1',
      start: '2022-01-15',
      end,
      renewal: 'manual',
      noticePeriod,
    },
  },
});

const render = (
  entity: StakeholderEntity | SupplierEntity,
  api: ReturnType<typeof mockItsmApi>,
) =>
  renderInTestApp(
    <EntityProvider entity={entity}>
      <PartyServicesTab />
    </EntityProvider>,
    {
      apis: [[itsmApiRef, api]],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );

describe('PartyServicesTab', () => {
  it('lists the agreements with a stakeholder and the credits projected for it', async () => {
    const breached = testReport({ status: 'breached', attainment: 99.7 });
    await render(
      stakeholder,
      mockItsmApi({
        getStakeholderSla: async () => ({
          party: 'stakeholder:default/retail-customers',
          period: 'current',
          score: 0,
          services: [
            {
              service: breached.service,
              status: 'breached',
              agreements: breached.agreements,
            },
          ],
          credits: testCredits({
            owed: { payable: [{ amount: 1000, currency: 'EUR' }] },
            projected: { payable: [{ amount: 2400, currency: 'EUR' }] },
          }),
        }),
      }),
    );
    expect(
      await screen.findByText(
        'Projected credit, payable to retail-customers: €2,400.00',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Credit owed, payable to retail-customers: €1,000.00'),
    ).toBeInTheDocument();
    // Owed and projected are never added together.
    expect(screen.queryByText(/€3,400\.00/)).not.toBeInTheDocument();
    expect(screen.getByText('Compliance score: 0')).toBeInTheDocument();
    expect(screen.getByText('retail-sla (SLA)')).toBeInTheDocument();
    expect(screen.getByText('Period open')).toBeInTheDocument();
    expect(
      screen.getByText('availability: 99.700 % of 99.90 %'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Projected credit: 5 % (€2,400.00)'),
    ).toBeInTheDocument();
    expect(screen.getByText('payable to').textContent).toMatch(
      /^payable to .*retail-customers/,
    );
    expect(
      screen.getByRole('button', {
        name: /Download \d{4}-\d{2} report \(CSV\)/,
      }),
    ).toBeInTheDocument();
  });

  it('says when nothing is agreed with a supplier, and warns inside the notice period', async () => {
    const soon = new Date(Date.now() + 30 * 86_400_000)
      .toISOString()
      .slice(0, 10);
    await render(
      supplier(soon),
      mockItsmApi({
        getSupplierSla: async () => ({
          party: 'supplier:default/telnova',
          period: 'current',
          score: 0,
          services: [],
          credits: testCredits({}),
        }),
      }),
    );
    expect(
      await screen.findByText('No agreements with this party'),
    ).toBeInTheDocument();
    expect(screen.getByText(/inside its notice period/)).toBeInTheDocument();
  });

  it('shows what a supplier owes us apart from what we owe, with final figures', async () => {
    const uc = testReport(
      { status: 'breached', attainment: 99.94982, target: 99.95 },
      {
        name: 'telnova-wan-uc',
        type: 'UC',
        with: 'supplier:default/telnova',
        closed: true,
        final: true,
        period: {
          start: '2026-10-01T00:00:00.000Z',
          end: '2026-11-01T00:00:00.000Z',
          label: '2026-10',
        },
        credit: {
          direction: 'receivable',
          percent: 10,
          amount: { amount: 300, currency: 'EUR' },
        },
      },
    );
    await render(
      supplier('2030-01-01'),
      mockItsmApi({
        getSupplierSla: async () => ({
          party: 'supplier:default/telnova',
          period: '2026-10',
          score: 0,
          services: [
            {
              service: uc.service,
              status: 'breached',
              agreements: uc.agreements,
            },
          ],
          credits: testCredits({
            owed: { receivable: [{ amount: 300, currency: 'EUR' }] },
          }),
        }),
      }),
    );
    expect(
      await screen.findByText('Credit owed, receivable from telnova: €300.00'),
    ).toBeInTheDocument();
    expect(screen.queryByText(/payable to/)).not.toBeInTheDocument();
    expect(screen.getByText('Credit owed: 10 % (€300.00)')).toBeInTheDocument();
    expect(screen.getByText('receivable from').textContent).toMatch(
      /^receivable from .*telnova/,
    );
    expect(screen.getByText('Final')).toBeInTheDocument();
    expect(
      screen.getByText('availability: 99.9498 % of 99.95 %'),
    ).toBeInTheDocument();
    expect(screen.queryByText(/99\.950 %/)).not.toBeInTheDocument();
  });

  it('tells the contract state from the end date and notice period', () => {
    const now = new Date('2026-11-25T00:00:00Z');
    expect(contractState(supplier('2027-01-14'), now)).toEqual({
      end: '2027-01-14',
      daysLeft: 50,
      endsAt: new Date('2027-01-15T00:00:00Z'),
      noticeStartsAt: new Date('2026-11-16T00:00:00Z'),
      expired: false,
      insideNotice: true,
    });
    expect(contractState(supplier('2027-06-30'), now)).toMatchObject({
      insideNotice: false,
      expired: false,
    });
    expect(contractState(supplier('2026-11-01'), now)).toMatchObject({
      expired: true,
      insideNotice: false,
    });
  });

  it('reads notice periods in weeks, not only in days', () => {
    const now = new Date('2026-11-25T00:00:00Z');
    // 77 days left: inside a 12-week (84-day) notice period, not inside 60d.
    expect(contractState(supplier('2027-02-10', '12w'), now)).toMatchObject({
      daysLeft: 77,
      noticeStartsAt: new Date('2026-11-19T00:00:00Z'),
      insideNotice: true,
    });
    expect(contractState(supplier('2027-02-10'), now)).toMatchObject({
      daysLeft: 77,
      insideNotice: false,
    });
    // 90 days left: outside 12 weeks.
    expect(contractState(supplier('2027-02-23', '12w'), now)).toMatchObject({
      daysLeft: 90,
      insideNotice: false,
    });
  });

  it('warns inside a 12w notice period', async () => {
    const inTenWeeks = new Date(Date.now() + 70 * 86_400_000)
      .toISOString()
      .slice(0, 10);
    await render(
      supplier(inTenWeeks, '12w'),
      mockItsmApi({
        getSupplierSla: async () => ({
          party: 'supplier:default/telnova',
          period: 'current',
          score: 0,
          services: [],
          credits: testCredits({}),
        }),
      }),
    );
    expect(
      await screen.findByText(/inside its notice period/),
    ).toBeInTheDocument();
  });
});
