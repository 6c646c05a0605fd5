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
import type { ServiceNotification } from '@backstage-itsm/plugin-itsm-common';
import { screen, within } from '@testing-library/react';
import { itsmApiRef } from '../../api';
import { SlaTab } from './SlaTab';
import {
  minutesBudget,
  mockItsmApi,
  testReport,
  testService,
  testOpenIncident,
  testResolutionObjective,
} from '../../lib/testData';

const history = { items: [] };

/** An instant as the tab shows it, in the zone the tests run in. */
const shown = (iso: string) =>
  new Date(iso).toLocaleString('en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
  });

function notification(
  overrides: Partial<ServiceNotification>,
): ServiceNotification {
  return {
    id: 'n1',
    kind: 'status',
    agreement: 'retail-sla',
    objective: 'availability',
    state: 'breached',
    severity: 'critical',
    title: 'online-banking: retail-sla availability breached',
    description: 'Attainment 99.70 % is below the target of 99.90 %.',
    link: '/catalog/default/itservice/online-banking/sla?period=current',
    recipients: ['group:default/retail-team'],
    createdAt: '2026-11-20T10:00:00.000Z',
    delivery: 'sent',
    sentAt: '2026-11-20T10:00:05.000Z',
    ...overrides,
  };
}

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
        budget: minutesBudget(21.6),
      }),
    );
    await renderTab(
      mockItsmApi({ getServiceSla, getServiceSlaHistory: async () => history }),
    );
    expect(await screen.findByText('retail-sla (SLA)')).toBeInTheDocument();
    expect(screen.getByText('99.90 %')).toBeInTheDocument();
    expect(screen.getByText('99.950 %')).toBeInTheDocument();
    expect(
      screen.getByText(
        '43.2 min allowed, 21.6 min spent, 21.6 min left (50.0 %)',
      ),
    ).toBeInTheDocument();
    expect(screen.getAllByText('Met').length).toBeGreaterThan(0);
    // The current period is open: its figures are so far, its credit projected.
    expect(screen.getAllByText('Period open').length).toBeGreaterThan(0);
    expect(screen.getByText('Projected credit: 0 %')).toBeInTheDocument();
    expect(screen.queryByText(/Credit owed/)).not.toBeInTheDocument();
    expect(getServiceSla).toHaveBeenCalledWith(
      'itservice:default/online-banking',
      { period: 'current' },
    );
    expect(
      screen.getByText('No month in this range has measurements yet.'),
    ).toBeInTheDocument();
  });

  it('shows a breached agreement of the open period with its projected credit', async () => {
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
              projectedSpent: 130,
            },
          }),
        getServiceSlaHistory: async () => history,
      }),
    );
    expect(
      await screen.findByText('Projected credit: 5 % (€2,400.00)'),
    ).toBeInTheDocument();
    expect(screen.queryByText(/Credit owed/)).not.toBeInTheDocument();
    expect(screen.getByText('payable to').textContent).toMatch(
      /\) payable to .*retail-customers$/,
    );
    expect(screen.getAllByText('Breached').length).toBeGreaterThan(0);
    expect(screen.getByText('Budget already spent.')).toBeInTheDocument();
  });

  it('shows the credit owed of a closed month, provisional while an incident is open', async () => {
    await renderTab(
      mockItsmApi({
        getServiceSla: async () =>
          testReport(
            { status: 'breached', attainment: 99.7 },
            {
              closed: true,
              final: false,
              period: {
                start: '2026-10-01T00:00:00.000Z',
                end: '2026-11-01T00:00:00.000Z',
                label: '2026-10',
              },
              objectives: [
                {
                  name: 'availability',
                  type: 'availability',
                  target: 99.9,
                  attainment: 99.7,
                  status: 'breached',
                  burnRatesApply: true,
                  budget: minutesBudget(133.92, 44.64),
                },
                testResolutionObjective({
                  details: { incidents: 3, met: 3, breached: 0, pending: 1 },
                  openIncidents: [testOpenIncident('INC9', '75%')],
                }),
              ],
            },
          ),
        getServiceSlaHistory: async () => history,
      }),
    );
    expect(
      await screen.findByText('Credit owed: 5 % (€2,400.00)'),
    ).toBeInTheDocument();
    expect(screen.queryByText(/Projected credit/)).not.toBeInTheDocument();
    expect(
      screen.getAllByText('Provisional: 1 incident still open').length,
    ).toBeGreaterThan(0);
    expect(screen.queryByText('Period open')).not.toBeInTheDocument();
    // A closed month's events and minutes are no longer projected.
    expect(
      screen.getByText(
        '44.64 min allowed, 133.92 min spent, 89.28 min over budget (-200.0 %)',
      ),
    ).toBeInTheDocument();
  });

  it('shows a supplier credit as receivable, and final figures', async () => {
    await renderTab(
      mockItsmApi({
        getServiceSla: async () =>
          testReport(
            { status: 'breached', attainment: 99.7 },
            {
              name: 'telnova-wan-uc',
              type: 'UC',
              with: 'supplier:default/telnova',
              closed: true,
              final: true,
              credit: {
                direction: 'receivable',
                percent: 10,
                amount: { amount: 300, currency: 'EUR' },
              },
            },
          ),
        getServiceSlaHistory: async () => history,
      }),
    );
    expect(
      await screen.findByText('Credit owed: 10 % (€300.00)'),
    ).toBeInTheDocument();
    expect(screen.getByText('receivable from').textContent).toMatch(
      /\) receivable from .*telnova$/,
    );
    expect(screen.queryByText('payable to')).not.toBeInTheDocument();
    expect(screen.getAllByText('Final').length).toBeGreaterThan(0);
  });

  it('never shows an attainment below its target as reaching it', async () => {
    await renderTab(
      mockItsmApi({
        getServiceSla: async () =>
          testReport({
            status: 'at-risk',
            target: 99.95,
            attainment: 99.94982,
            trend: [
              {
                at: '2026-11-03T00:00:00.000Z',
                attainment: 99.94982,
                budgetRemainingPercent: -1,
              },
            ],
          }),
        getServiceSlaHistory: async () => ({
          items: [
            {
              month: '2026-10',
              final: false,
              status: 'breached',
              score: 80,
              agreements: [
                {
                  name: 'retail-sla',
                  status: 'breached',
                  creditPercent: 5,
                  creditBasis: 'owed',
                  creditDirection: 'payable',
                  objectives: [
                    {
                      name: 'availability',
                      attainment: 99.94996,
                      status: 'breached',
                    },
                  ],
                },
              ],
            },
          ],
        }),
      }),
    );
    expect(await screen.findByText('99.9498 %')).toBeInTheDocument();
    expect(screen.getByText('99.95 %')).toBeInTheDocument();
    expect(screen.queryByText('99.950 %')).not.toBeInTheDocument();
    expect(
      screen.getByRole('img', {
        name: /availability: budget left -1 % on 3 Nov, -1 % now \(attainment 99\.9498 %\)$/,
      }),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('img', {
        name: 'SLA trend. 2026-10: score 80, lowest attainment 99.94996 % (provisional)',
      }),
    ).toBeInTheDocument();
  });

  it('shows an incident budget, and no burn rates for a response objective', async () => {
    await renderTab(
      mockItsmApi({
        getServiceSla: async () =>
          testReport({
            name: 'p1-response',
            type: 'response',
            priority: 'P1',
            threshold: '15m',
            target: 95,
            attainment: 100,
            status: 'met',
            burnRatesApply: false,
            budget: {
              unit: 'incidents',
              allowed: 1,
              spent: 0,
              remaining: 2,
              remainingPercent: 100,
              consumedPercent: 0,
            },
          }),
        getServiceSlaHistory: async () => history,
      }),
    );
    expect(
      await screen.findByText(
        '1 late incident allowed so far, 0 late; 2 more may be late this period',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('not applicable')).toBeInTheDocument();
    expect(screen.getByText('95.00 %')).toBeInTheDocument();
    expect(screen.getByText('100.000 %')).toBeInTheDocument();
    expect(screen.queryByText(/min allowed/)).not.toBeInTheDocument();
  });

  it('shows an SLI budget in bad events, projected while the period is open', async () => {
    await renderTab(
      mockItsmApi({
        getServiceSla: async () =>
          testReport({
            name: 'request-success',
            type: 'sli',
            target: 99.5,
            attainment: 99.875,
            burnRatesApply: true,
            burnRates: [
              { window: 'page-fast', lookbackMinutes: 60, burnRate: 0.2 },
            ],
            budget: {
              unit: 'events',
              allowed: 1200,
              spent: 300,
              remaining: 900,
              remainingPercent: 75,
              consumedPercent: 25,
            },
          }),
        getServiceSlaHistory: async () => history,
      }),
    );
    expect(
      await screen.findByText(
        '1,200 bad events allowed (projected), 300 spent',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('1 h: 0.2×')).toBeInTheDocument();
    expect(screen.queryByText(/not applicable/)).not.toBeInTheDocument();
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
        name: 'Error budget left over the period. availability: budget left 90 % on 2 Nov, 20 % now (attainment 99.920 %)',
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

  it('lists the sources that report on the service, and warns above the figures when one fails', async () => {
    await renderTab(
      mockItsmApi({
        getServiceSla: async () =>
          testReport({ attainment: 99.95, budget: minutesBudget(21.6) }),
        getServiceSlaHistory: async () => history,
        getServiceSources: async () => ({
          items: [
            {
              source: 'alertmanager',
              status: 'ok',
              lastStored: { outages: '2026-11-20T10:00:00.000Z' },
            },
            {
              source: 'prometheus',
              status: 'failing',
              lastStored: { sliEvents: '2026-11-20T09:55:00.000Z' },
              lastSuccessAt: '2026-11-20T09:56:00.000Z',
              lastFailureAt: '2026-11-20T10:01:00.000Z',
              lastFailure:
                'login-success: prometheus server "default" at http://prometheus:9090: fetch failed',
            },
          ],
        }),
      }),
    );
    // WarningPanel prefixes its title with "Warning: ".
    expect(
      await screen.findByText(
        /A measurement source is failing: its figures may be stale$/,
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('Measurement sources')).toBeInTheDocument();
    expect(screen.getByText('reporting')).toBeInTheDocument();
    expect(screen.getByText('failing')).toBeInTheDocument();
    expect(screen.getByText(/^outages: /)).toBeInTheDocument();
    expect(screen.getByText(/^SLI counts: /)).toBeInTheDocument();
    expect(
      screen.getAllByText(
        /prometheus server "default" at http:\/\/prometheus:9090: fetch failed/,
      ).length,
    ).toBe(2);
  });

  it('says when no tool has reported on the service yet', async () => {
    await renderTab(
      mockItsmApi({
        getServiceSla: async () =>
          testReport({ attainment: 99.95, budget: minutesBudget(21.6) }),
        getServiceSlaHistory: async () => history,
        getServiceSources: async () => ({ items: [] }),
      }),
    );
    expect(
      await screen.findByText(/No tool has reported on this service yet/),
    ).toBeInTheDocument();
    expect(screen.queryByText(/is failing/)).not.toBeInTheDocument();
  });

  it('lists what was notified about the service: when, how severe, why, to whom, and delivery', async () => {
    const getServiceNotifications = jest.fn().mockResolvedValue({
      items: [
        notification({
          id: 'n2',
          kind: 'incident-milestone',
          subject: 'pagerduty/INC9',
          state: '75%',
          severity: 'high',
          title: 'INC9 reached 75 % of its resolution threshold',
          description: 'p1-resolution: 3 h of 4 h used; it breaches at 14:00.',
          recipients: ['user:default/jane.doe', 'group:default/retail-team'],
          createdAt: '2026-11-21T09:30:00.000Z',
          delivery: 'pending',
          sentAt: undefined,
          lastError: 'notifications backend answered 503 Service Unavailable',
        }),
        notification({}),
      ],
    });
    await renderTab(
      mockItsmApi({
        getServiceSla: async () =>
          testReport({ attainment: 99.95, budget: minutesBudget(21.6) }),
        getServiceSlaHistory: async () => history,
        getServiceSources: async () => ({ items: [] }),
        getServiceNotifications,
      }),
    );
    const title = await screen.findByText(
      'INC9 reached 75 % of its resolution threshold',
    );
    expect(getServiceNotifications).toHaveBeenCalledWith(
      'itservice:default/online-banking',
    );
    expect(screen.getByText('Alerts')).toBeInTheDocument();

    // Each title links to the exact view.
    expect(title.closest('a')).toHaveAttribute(
      'href',
      '/catalog/default/itservice/online-banking/sla?period=current',
    );
    const pendingRow = title.closest('tr')!;
    const sentRow = screen
      .getByText('online-banking: retail-sla availability breached')
      .closest('tr')!;
    // Newest first, as the backend sends them.
    expect(
      pendingRow.compareDocumentPosition(sentRow) &
        Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
    expect(
      within(pendingRow).getByText(shown('2026-11-21T09:30:00.000Z')),
    ).toBeInTheDocument();
    expect(within(pendingRow).getByText('high')).toBeInTheDocument();
    expect(
      within(pendingRow).getByText(
        'p1-resolution: 3 h of 4 h used; it breaches at 14:00.',
      ),
    ).toBeInTheDocument();
    expect(
      within(pendingRow).getByRole('link', { name: /jane\.doe/ }),
    ).toBeInTheDocument();
    expect(
      within(pendingRow).getByRole('link', { name: /retail-team/ }),
    ).toBeInTheDocument();
    expect(
      within(pendingRow).getByText(
        'pending: notifications backend answered 503 Service Unavailable',
      ),
    ).toBeInTheDocument();

    expect(
      within(sentRow).getByText(shown('2026-11-20T10:00:00.000Z')),
    ).toBeInTheDocument();
    expect(within(sentRow).getByText('critical')).toBeInTheDocument();
    expect(
      within(sentRow).getByRole('link', {
        name: 'online-banking: retail-sla availability breached',
      }),
    ).toBeInTheDocument();
    expect(
      within(sentRow).getByText(
        'Attainment 99.70 % is below the target of 99.90 %.',
      ),
    ).toBeInTheDocument();
    expect(
      within(sentRow).getByText(`sent ${shown('2026-11-20T10:00:05.000Z')}`),
    ).toBeInTheDocument();
    expect(within(sentRow).queryByText(/pending/)).not.toBeInTheDocument();
  });

  it('says when nothing was notified about the service yet', async () => {
    await renderTab(
      mockItsmApi({
        getServiceSla: async () =>
          testReport({ attainment: 99.95, budget: minutesBudget(21.6) }),
        getServiceSlaHistory: async () => history,
        getServiceSources: async () => ({ items: [] }),
        getServiceNotifications: async () => ({ items: [] }),
      }),
    );
    expect(
      await screen.findByText(
        'No notifications sent for this service yet. Owners are told when an objective becomes at risk or breached, a burn alert fires, an incident passes 75 % or 100 % of its threshold, or a closed month owes credits.',
      ),
    ).toBeInTheDocument();
  });

  it('shows an error of the notifications without hiding the figures', async () => {
    await renderTab(
      mockItsmApi({
        getServiceSla: async () =>
          testReport({ attainment: 99.95, budget: minutesBudget(21.6) }),
        getServiceSlaHistory: async () => history,
        getServiceSources: async () => ({ items: [] }),
        getServiceNotifications: async () => {
          throw new Error('The notification log is unavailable');
        },
      }),
    );
    expect(
      (await screen.findAllByText(/The notification log is unavailable/))
        .length,
    ).toBeGreaterThan(0);
    expect(screen.getByText('retail-sla (SLA)')).toBeInTheDocument();
    expect(screen.getByText('99.950 %')).toBeInTheDocument();
    expect(
      screen.getByText(/No tool has reported on this service yet/),
    ).toBeInTheDocument();
  });
});
