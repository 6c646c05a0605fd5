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

import type { AgreementReport, PartySlaReport } from '../api/slaTypes';
import { creditTotals, partyTotals } from './totals';

const eur = (amount: number) => ({ amount, currency: 'EUR' });

function agreement(
  credit: Partial<AgreementReport['credit']>,
  statuses: Array<'met' | 'at-risk' | 'breached' | 'no-data'>,
): AgreementReport {
  return {
    credit: {
      basis: 'owed',
      direction: 'payable',
      percent: 0,
      ...credit,
    },
    objectives: statuses.map((status, i) => ({
      name: `o${i}`,
      type: 'availability',
      target: 99.9,
      status,
    })),
  } as unknown as AgreementReport;
}

describe('creditTotals', () => {
  it('sums per currency, apart by basis and direction, in cents', () => {
    expect(
      creditTotals([
        agreement({ amount: eur(0.1) }, []),
        agreement({ amount: eur(0.2) }, []),
        agreement({ amount: { amount: 5, currency: 'USD' } }, []),
        agreement({ direction: 'receivable', amount: eur(300) }, []),
        agreement({ basis: 'projected', amount: eur(40) }, []),
        // No credit: not a line of its own.
        agreement({ amount: eur(0) }, []),
      ]),
    ).toEqual({
      owed: {
        payable: [eur(0.3), { amount: 5, currency: 'USD' }],
        receivable: [eur(300)],
      },
      projected: { payable: [eur(40)], receivable: [] },
    });
  });
});

describe('partyTotals', () => {
  const service = (
    agreements: AgreementReport[],
  ): PartySlaReport['services'][number] => ({
    service: 'itservice:default/x',
    status: 'met',
    agreements,
  });

  it('scores all objectives of all services together, not page by page', () => {
    const pageOne = [service([agreement({ amount: eur(10) }, ['met'])])];
    const pageTwo = [
      service([agreement({ amount: eur(5) }, ['breached', 'breached'])]),
    ];
    expect(partyTotals(pageOne).score).toBe(100);
    expect(partyTotals(pageTwo).score).toBe(0);
    // One met of three equal weights: not the mean of the pages' 100 and 0.
    expect(partyTotals([...pageOne, ...pageTwo]).score).toBeCloseTo(100 / 3);
    expect(partyTotals([...pageOne, ...pageTwo]).credits.owed.payable).toEqual([
      eur(15),
    ]);
    expect(partyTotals([])).toEqual({
      score: null,
      credits: creditTotals([]),
    });
  });
});
