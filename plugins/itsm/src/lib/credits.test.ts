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

import { mockApis } from '@backstage/frontend-test-utils';
import {
  creditLabel,
  creditTotalLines,
  directionKey,
  directionLines,
} from './credits';
import { sumCreditTotals } from '@backstage-itsm/plugin-itsm-common';
import { itsmTranslationRef } from '../translation';
import { createFormat } from './format';
import { testCredits } from './testData';

const { t } = mockApis.translation().getTranslation(itsmTranslationRef);
const format = createFormat(t, 'en');

const eur = (amount: number) => ({ amount, currency: 'EUR' });

describe('credits', () => {
  it('labels owed and projected credits, payable and receivable', () => {
    expect(creditLabel(t, 'owed')).toBe('Credit owed');
    expect(creditLabel(t, 'projected')).toBe('Projected credit');
    expect(t(directionKey('payable'), { party: 'telnova' })).toBe(
      'payable to telnova',
    );
    expect(t(directionKey('receivable'), { party: 'telnova' })).toBe(
      'receivable from telnova',
    );
  });

  it('sums per currency without netting payable against receivable or mixing owed with projected', () => {
    const total = sumCreditTotals([
      testCredits({
        owed: { payable: [eur(1000)] },
        projected: { payable: [eur(0.1)] },
      }),
      testCredits({
        owed: { payable: [eur(500), { amount: 10, currency: 'USD' }] },
        projected: { payable: [eur(0.2)], receivable: [eur(300)] },
      }),
    ]);
    expect(total).toEqual(
      testCredits({
        owed: {
          payable: [eur(1500), { amount: 10, currency: 'USD' }],
        },
        projected: { payable: [eur(0.3)], receivable: [eur(300)] },
      }),
    );
    expect(directionLines(total.owed, t, format)).toEqual([
      'payable €1,500.00, $10.00',
    ]);
    expect(directionLines(total.projected, t, format)).toEqual([
      'payable €0.30',
      'receivable €300.00',
    ]);
    expect(creditTotalLines(total).map(l => [l.basis, l.direction])).toEqual([
      ['owed', 'payable'],
      ['projected', 'payable'],
      ['projected', 'receivable'],
    ]);
    expect(creditTotalLines(testCredits({}))).toEqual([]);
  });
});
