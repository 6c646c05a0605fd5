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
import { Entity } from '@backstage/catalog-model';
import { screen } from '@testing-library/react';
import { ItsmFactsCard } from './ItsmFactsCard';
import { testService } from '../../lib/testData';

const render = (entity: Entity) =>
  renderInTestApp(
    <EntityProvider entity={entity}>
      <ItsmFactsCard />
    </EntityProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );

describe('ItsmFactsCard', () => {
  it('shows a service as 24x7 without service hours, with its customers', async () => {
    await render(testService);
    expect(await screen.findByText('ITService details')).toBeInTheDocument();
    expect(screen.getByText('24x7')).toBeInTheDocument();
    expect(screen.getByText('retail-customers')).toBeInTheDocument();
  });

  it('shows service hours and maintenance windows', async () => {
    await render({
      ...testService,
      spec: {
        ...testService.spec,
        serviceHours: {
          timezone: 'Europe/Berlin',
          intervals: [{ days: ['mon', 'fri'], start: '08:00', end: '17:00' }],
          holidays: [{ date: '2026-12-25' }],
        },
        maintenance: [
          {
            name: 'patching',
            rrule: 'FREQ=WEEKLY;BYDAY=SU',
            start: '2026-01-04T02:00',
            duration: '2h',
          },
        ],
      },
    });
    expect(
      await screen.findByText(
        'mon, fri 08:00–17:00 (Europe/Berlin), 1 holidays',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('patching: FREQ=WEEKLY;BYDAY=SU for 2h'),
    ).toBeInTheDocument();
  });

  it('shows a stakeholder and a supplier', async () => {
    await render({
      apiVersion: 'itsm.backstage.io/v1alpha1',
      kind: 'Stakeholder',
      metadata: { name: 'retail' },
      spec: {
        type: 'external',
        roles: ['customer', 'user'],
        organization: 'Retail customers',
        contacts: [{ name: 'Elena', email: 'elena@example.com' }],
      },
    });
    expect(await screen.findByText('customer, user')).toBeInTheDocument();
    expect(screen.getByText('elena@example.com')).toHaveAttribute(
      'href',
      'mailto:elena@example.com',
    );
  });
});
