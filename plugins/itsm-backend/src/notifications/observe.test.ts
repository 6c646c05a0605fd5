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

import type {
  AgreementReport,
  ServiceSlaReport,
  SupplierEntity,
} from '@backstage-itsm/plugin-itsm-common';
import {
  formatMoney,
  observeClosedMonth,
  observeContractNotice,
  observeCurrentReport,
  slaTabLink,
} from './observe';

const agreement = (
  overrides: Partial<AgreementReport> = {},
): AgreementReport => ({
  name: 'shop-uc',
  type: 'UC',
  with: 'supplier:default/cloudco',
  window: 'calendar-month',
  period: {
    start: '2026-10-01T00:00:00.000Z',
    end: '2026-11-01T00:00:00.000Z',
    label: '2026-10',
  },
  closed: true,
  final: true,
  status: 'breached',
  credit: {
    percent: 5,
    objective: 'availability',
    amount: { amount: 250, currency: 'EUR' },
    fee: { amount: 5000, currency: 'EUR' },
    basis: 'owed',
    direction: 'receivable',
  },
  objectives: [
    {
      name: 'availability',
      type: 'availability',
      target: 99.5,
      attainment: 99.2,
      status: 'breached',
    },
  ],
  ...overrides,
});

const report = (agreements: AgreementReport[]): ServiceSlaReport => ({
  service: 'itservice:default/shop',
  title: 'Shop',
  period: '2026-10',
  evaluatedAt: '2026-11-02T00:00:00.000Z',
  closed: true,
  final: true,
  status: 'breached',
  score: 0,
  agreements,
  atRiskIncidents: [],
  atRiskBudgetRemaining: 0.25,
  warnings: [],
  composite: { availability: null, chain: [] },
});

describe('observe', () => {
  it('tells a receivable credit of a final month as owed to us', () => {
    const [credit] = observeClosedMonth(
      'itservice:default/shop',
      report([agreement()]),
    );
    expect(credit).toMatchObject({
      kind: 'credit',
      subject: '2026-10',
      state: 'owed',
      link: '/catalog/default/itservice/shop/sla?period=2026-10',
    });
    expect(credit.worse.title).toBe(
      'Shop: €250.00 credit receivable for 2026-10',
    );
    expect(credit.worse.description).toBe(
      'Shop: shop-uc (UC with supplier:default/cloudco) closed 2026-10 with availability 99.200 % against 99.5 %; 5 % of the €5,000.00 fee is owed to us by supplier:default/cloudco.',
    );
  });

  it('tells no credit of a month that is not final, or owes nothing', () => {
    const month = report([
      agreement({ final: false }),
      agreement({
        name: 'met',
        credit: { percent: 0, basis: 'owed', direction: 'payable' },
      }),
    ]);
    expect(observeClosedMonth('itservice:default/shop', month)).toEqual([]);
  });

  it('links rolling and weekly windows to the current period, months to the month', () => {
    const states = observeCurrentReport(
      'itservice:default/shop',
      report([
        agreement({ name: 'monthly', closed: false }),
        agreement({
          name: 'rolling',
          window: 'rolling-30d',
          period: { ...agreement().period, label: 'rolling-30d' },
        }),
      ]),
    );
    expect(
      states
        .filter(s => s.kind === 'status')
        .map(s => [s.agreement, s.period, s.link]),
    ).toEqual([
      [
        'monthly',
        '2026-10',
        '/catalog/default/itservice/shop/sla?period=2026-10',
      ],
      [
        'rolling',
        'rolling-30d',
        '/catalog/default/itservice/shop/sla?period=current',
      ],
    ]);
  });

  it('says when an objective has no attainment yet', () => {
    const [status] = observeCurrentReport(
      'itservice:default/shop',
      report([
        agreement({
          objectives: [
            {
              name: 'availability',
              type: 'availability',
              target: 99.5,
              attainment: null,
              status: 'at-risk',
            },
          ],
        }),
      ]),
    );
    expect(status.worse.description).toContain(
      'availability not measured yet against 99.5 %',
    );
  });

  it('tells a contract inside its notice period, with what renewal means', () => {
    const supplier = (renewal: 'auto' | 'manual'): SupplierEntity => ({
      apiVersion: 'itsm.backstage.io/v1alpha1',
      kind: 'Supplier',
      metadata: { name: 'cloud co', title: 'CloudCo' },
      spec: {
        category: 'strategic',
        owner: 'vendors',
        contract: {
          reference: 'C-7',
          start: '2025-01-01',
          end: '2026-12-31',
          noticePeriod: '90d',
          renewal,
        },
      },
    });
    const now = new Date('2026-11-30T12:00:00Z');
    const [auto] = observeContractNotice(
      'supplier:default/cloud co',
      supplier('auto'),
      now,
    );
    expect(auto).toMatchObject({
      kind: 'contract-notice',
      subject: 'C-7/2026-12-31',
      state: 'inside',
      link: '/catalog/default/supplier/cloud%20co',
    });
    expect(auto.worse.description).toBe(
      'CloudCo: contract C-7 ends on 2026-12-31, in 31 days; its notice period is 90d; it renews automatically unless notice is given: decide on renewal now.',
    );
    const [manual] = observeContractNotice(
      'supplier:default/cloud co',
      supplier('manual'),
      new Date('2026-06-01T00:00:00Z'),
    );
    expect(manual.state).toBe('outside');
  });

  it('formats money by its currency, and codes it does not know as written', () => {
    expect(formatMoney({ amount: 2400, currency: 'EUR' })).toBe('€2,400.00');
    expect(formatMoney({ amount: 12.5, currency: 'credits' })).toBe(
      'credits 12.50',
    );
  });

  it('encodes names in links', () => {
    expect(slaTabLink('itservice:ops/a b', '2026-11')).toBe(
      '/catalog/ops/itservice/a%20b/sla?period=2026-11',
    );
  });
});
