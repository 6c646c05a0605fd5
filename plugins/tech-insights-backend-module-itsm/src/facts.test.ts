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

import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import type {
  AgreementReport,
  ObjectiveReport,
  PortfolioRow,
  ServiceSlaReport,
} from '@backstage-itsm/plugin-itsm-common';
import { DateTime } from 'luxon';
import { itsmServiceFacts, readItsmServiceFacts } from './facts';

const objective = (
  name: string,
  attainment: number | null,
  remainingPercent?: number,
): ObjectiveReport => ({
  name,
  type: 'availability',
  target: 99.9,
  attainment,
  status: attainment === null ? 'no-data' : 'met',
  ...(remainingPercent !== undefined && {
    budget: {
      unit: 'minutes',
      allowed: 43.2,
      spent: 0,
      remaining: 43.2,
      remainingPercent,
      consumedPercent: 100 - remainingPercent,
    },
  }),
});

const agreement = (
  name: string,
  type: AgreementReport['type'],
  status: AgreementReport['status'],
  objectives: ObjectiveReport[],
): AgreementReport => ({
  name,
  type,
  with: 'stakeholder:default/retail-customers',
  window: 'calendar-month',
  period: {
    start: '2026-11-01T00:00:00.000Z',
    end: '2026-12-01T00:00:00.000Z',
    label: '2026-11',
  },
  closed: false,
  final: false,
  status,
  credit: {
    percent: 0,
    basis: 'projected',
    direction: type === 'UC' ? 'receivable' : 'payable',
  },
  objectives,
});

const report = (
  service: string,
  agreements: AgreementReport[],
): ServiceSlaReport => ({
  service,
  period: 'current',
  evaluatedAt: '2026-11-11T00:00:00.000Z',
  closed: false,
  final: false,
  status: 'met',
  score: null,
  agreements,
  atRiskIncidents: [],
  atRiskBudgetRemaining: 0.25,
  warnings: [],
  composite: { availability: null, chain: [] },
});

const row = (
  service: string,
  overrides: Partial<PortfolioRow> = {},
): PortfolioRow => ({
  service,
  type: 'business',
  lifecycle: 'live',
  owner: 'group:default/digital-channels',
  customers: [],
  suppliers: [],
  status: 'met',
  score: null,
  creditPercent: 0,
  credits: {
    owed: { payable: [], receivable: [] },
    projected: { payable: [], receivable: [] },
  },
  evaluatedAt: '2026-11-25T10:00:00.000Z',
  ...overrides,
});

describe('itsmServiceFacts', () => {
  it('reads status, type and lifecycle from the row and the rest from the report', () => {
    const facts = itsmServiceFacts(
      row('itservice:default/online-banking', {
        status: 'breached',
        type: 'technical',
        lifecycle: 'pipeline',
        creditPercent: 10,
      }),
      report('itservice:default/online-banking', [
        agreement('retail-sla', 'SLA', 'breached', [
          objective('availability', 99.5, -20),
          objective('p1-resolution', null),
        ]),
        agreement('business-sla', 'SLA', 'met', [
          objective('availability', 99.95, 50),
        ]),
        // OLAs and UCs count for attainment and budget, not as SLAs.
        agreement('ops-ola', 'OLA', 'breached', [
          objective('availability', 99.1, -120),
        ]),
        agreement('hosting-uc', 'UC', 'met', [objective('availability', 100)]),
      ]),
      // Last month's row: closed, a credit owed.
      row('itservice:default/online-banking', {
        credits: {
          owed: { payable: [{ amount: 500, currency: 'EUR' }], receivable: [] },
          projected: { payable: [], receivable: [] },
        },
      }),
    );
    expect(facts).toEqual({
      slaStatus: 'breached',
      hasAgreement: true,
      lifecycle: 'pipeline',
      serviceType: 'technical',
      // p1-resolution has no data: left out.
      attainment: {
        'retail-sla/availability': 99.5,
        'business-sla/availability': 99.95,
        'ops-ola/availability': 99.1,
        'hosting-uc/availability': 100,
      },
      // The lowest of -20, 50 and -120; hosting-uc has no budget.
      errorBudgetLeftPercent: -120,
      creditPercent: 10,
      creditsOwedLastMonth: true,
      breachedSlas: 1,
    });
  });

  it('has no SLA, no budget and no attainment without agreements', () => {
    expect(
      itsmServiceFacts(
        row('itservice:default/kiosk', { status: 'no-data' }),
        report('itservice:default/kiosk', []),
      ),
    ).toEqual({
      slaStatus: 'no-data',
      hasAgreement: false,
      lifecycle: 'live',
      serviceType: 'business',
      attainment: {},
      creditPercent: 0,
      creditsOwedLastMonth: false,
      breachedSlas: 0,
    });
  });

  it('does not count an OLA as an SLA', () => {
    const facts = itsmServiceFacts(
      row('itservice:default/dns'),
      report('itservice:default/dns', [
        agreement('ops-ola', 'OLA', 'met', [
          objective('availability', 100, 100),
        ]),
      ]),
    );
    expect(facts.hasAgreement).toBe(false);
    expect(facts.errorBudgetLeftPercent).toBe(100);
  });
});

describe('readItsmServiceFacts', () => {
  const credentials = mockCredentials.service();
  const timestamp = DateTime.fromISO('2026-11-11T00:00:00Z');

  it('reads the portfolio once and each current report, at most 5 at a time', async () => {
    const names = Array.from({ length: 12 }, (_, i) => `svc-${i}`);
    let running = 0;
    let most = 0;
    const itsm = {
      getPortfolio: jest.fn(async () => ({
        items: names.map(n => row(`itservice:team-a/${n}`)),
      })),
      getServiceSla: jest.fn(async (service: string) => {
        running++;
        most = Math.max(most, running);
        await new Promise(r => setTimeout(r, 5));
        running--;
        return report(service, []);
      }),
    };
    const facts = await readItsmServiceFacts({ itsm, credentials, timestamp });

    // The current portfolio, and last month's on the reports' clock.
    expect(itsm.getPortfolio).toHaveBeenCalledTimes(2);
    expect(itsm.getPortfolio).toHaveBeenCalledWith({}, { credentials });
    expect(itsm.getPortfolio).toHaveBeenCalledWith(
      { period: '2026-10' },
      { credentials },
    );
    expect(itsm.getServiceSla).toHaveBeenCalledTimes(12);
    expect(itsm.getServiceSla).toHaveBeenCalledWith(
      'itservice:team-a/svc-0',
      { period: 'current' },
      { credentials },
    );
    expect(most).toBe(5);
    expect(facts.map(f => f.entity)).toEqual(
      names.map(name => ({ namespace: 'team-a', kind: 'ITService', name })),
    );
    expect(facts.every(f => f.timestamp === timestamp)).toBe(true);
  });

  it('leaves out a service whose report fails, and says so', async () => {
    const logger = mockServices.logger.mock();
    const itsm = {
      getPortfolio: async () => ({
        items: [row('itservice:default/a'), row('itservice:default/b')],
      }),
      getServiceSla: async (service: string) => {
        if (service.endsWith('/a')) throw new Error('boom');
        return report(service, []);
      },
    };
    const facts = await readItsmServiceFacts({
      itsm,
      credentials,
      timestamp,
      logger,
    });
    expect(facts.map(f => f.entity.name)).toEqual(['b']);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('itservice:default/a'),
      expect.objectContaining({ message: 'boom' }),
    );
  });

  it('fails when the portfolio cannot be read', async () => {
    const itsm = {
      getPortfolio: async () => {
        throw new Error('itsm is down');
      },
      getServiceSla: jest.fn(),
    };
    await expect(
      readItsmServiceFacts({ itsm, credentials, timestamp }),
    ).rejects.toThrow('itsm is down');
    expect(itsm.getServiceSla).not.toHaveBeenCalled();
  });
});
