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

import {
  formatBurnRate,
  formatMinutes,
  formatMoney,
  formatPercent,
} from './format';

describe('format', () => {
  it.each([
    [99.9567, '99.957 %'],
    [100, '100.000 %'],
    [null, '—'],
    [undefined, '—'],
    [Number.NaN, '—'],
    [Infinity, '—'],
  ])('formats the percent %p as %p', (value, text) => {
    expect(formatPercent(value as number | null)).toBe(text);
  });

  it.each([
    [43.2, '43 min'],
    [90, '1 h 30 min'],
    [120, '2 h'],
    [2000, '1 d 9 h'],
    [4320, '3 d'],
    [null, '—'],
  ])('formats %p minutes as %p', (value, text) => {
    expect(formatMinutes(value as number | null)).toBe(text);
  });

  it('formats burn rates and money', () => {
    expect(formatBurnRate(2.44)).toBe('2.4×');
    expect(formatBurnRate(14.4)).toBe('14×');
    expect(formatBurnRate(Infinity)).toBe('—');
    expect(formatMoney({ amount: 2400, currency: 'EUR' })).toBe('€2,400.00');
  });
});
