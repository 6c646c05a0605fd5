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
import { itsmApiRef } from '../api';
import { contractState, PartyServicesTab } from './PartyServicesTab';
import { mockItsmApi, testReport } from './testData';

const stakeholder: StakeholderEntity = {
  apiVersion: 'itsm.backstage.io/v1alpha1',
  kind: 'Stakeholder',
  metadata: { name: 'retail-customers', namespace: 'default' },
  spec: { type: 'external', roles: ['customer'], organization: 'Retail' },
};
const supplier = (end: string): SupplierEntity => ({
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
      noticePeriod: '60d',
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
  it('lists the agreements with a stakeholder and the credits owed to it', async () => {
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
          credits: [{ amount: 2400, currency: 'EUR' }],
        }),
      }),
    );
    expect(
      await screen.findByText('Credits owed this period: €2,400.00'),
    ).toBeInTheDocument();
    expect(screen.getByText('Compliance score: 0')).toBeInTheDocument();
    expect(screen.getByText('retail-sla (SLA)')).toBeInTheDocument();
    expect(
      screen.getByText('availability: 99.70 % of 99.90 %'),
    ).toBeInTheDocument();
    expect(screen.getByText('5 % (€2,400.00)')).toBeInTheDocument();
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
          credits: [],
        }),
      }),
    );
    expect(
      await screen.findByText('No agreements with this party'),
    ).toBeInTheDocument();
    expect(screen.getByText(/inside its notice period/)).toBeInTheDocument();
  });

  it('tells the contract state from the end date and notice period', () => {
    const now = new Date('2026-11-25T00:00:00Z');
    expect(contractState(supplier('2027-01-14'), now)).toEqual({
      end: '2027-01-14',
      daysLeft: 50,
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
});
