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
import { itsmTranslationRef } from '../translation';
import { createFormat, httpHref } from './format';

// The plugin's own English messages, as an app without translations has them.
const { t } = mockApis.translation().getTranslation(itsmTranslationRef);
const {
  formatAttainmentPercent,
  formatBudget,
  formatBurnRate,
  formatMinutes,
  formatMoney,
  formatMoneyList,
  formatPercent,
  formatQuantity,
  formatTarget,
} = createFormat(t, 'en');

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

  it('never shows an attainment below its target as equal to or above it', () => {
    expect(formatAttainmentPercent(99.94982, 99.95)).toBe('99.9498 %');
    expect(formatAttainmentPercent(99.94982, 99.95)).not.toBe('99.950 %');
    expect(formatAttainmentPercent(99.99996, 100)).toBe('99.99996 %');
    expect(formatAttainmentPercent(99.9567, 99.9)).toBe('99.957 %');
    expect(formatAttainmentPercent(99.95, 99.95)).toBe('99.950 %');
    expect(formatAttainmentPercent(99.9567, undefined)).toBe('99.957 %');
    expect(formatAttainmentPercent(null, 99.9)).toBe('—');
    expect(formatAttainmentPercent(Number.NaN, 99.9)).toBe('—');
  });

  it('shows a target with all its digits', () => {
    expect(formatTarget(99.9)).toBe('99.90 %');
    expect(formatTarget(98)).toBe('98.00 %');
    expect(formatTarget(99.995)).toBe('99.995 %');
    expect(formatTarget(undefined)).toBe('—');
  });

  it('formats quantities and lists of money', () => {
    expect(formatQuantity(1200)).toBe('1,200');
    expect(formatQuantity(11.336)).toBe('11.34');
    expect(formatQuantity(Infinity)).toBe('—');
    expect(
      formatMoneyList([
        { amount: 2400, currency: 'EUR' },
        { amount: 120, currency: 'USD' },
      ]),
    ).toBe('€2,400.00, $120.00');
    expect(formatMoneyList([], 'none')).toBe('none');
  });

  it('gives an error budget in its own unit', () => {
    expect(
      formatBudget(
        {
          unit: 'minutes',
          allowed: 11.34,
          spent: 3.2,
          remaining: 8.14,
          remainingPercent: (100 * 8.14) / 11.34,
          consumedPercent: (100 * 3.2) / 11.34,
        },
        { projected: true },
      ),
    ).toBe('11.34 min allowed, 3.2 min spent, 8.14 min left (71.8 %)');
    expect(
      formatBudget(
        {
          unit: 'minutes',
          allowed: 43.2,
          spent: 50,
          remaining: -6.8,
          remainingPercent: (-100 * 6.8) / 43.2,
          consumedPercent: (100 * 50) / 43.2,
        },
        { projected: false },
      ),
    ).toBe('43.2 min allowed, 50 min spent, 6.8 min over budget (-15.7 %)');
    const events = {
      unit: 'events' as const,
      allowed: 1200,
      spent: 300,
      remaining: 900,
      remainingPercent: 75,
      consumedPercent: 25,
    };
    expect(formatBudget(events, { projected: true })).toBe(
      '1,200 bad events allowed (projected), 300 spent',
    );
    expect(formatBudget(events, { projected: false })).toBe(
      '1,200 bad events allowed, 300 spent',
    );
    expect(
      formatBudget(
        {
          unit: 'incidents',
          allowed: 1,
          spent: 0,
          remaining: 2,
          remainingPercent: 100,
          consumedPercent: 0,
        },
        { projected: true },
      ),
    ).toBe(
      '1 late incident allowed so far, 0 late; 2 more may be late this period',
    );
    expect(
      formatBudget(
        {
          unit: 'incidents',
          allowed: 0,
          spent: 1,
          remaining: 0,
          remainingPercent: -100,
          consumedPercent: 200,
        },
        { projected: false },
      ),
    ).toBe(
      '0 late incidents allowed so far, 1 late; 0 more may be late this period',
    );
  });
});

describe('httpHref', () => {
  it('keeps http and https links', () => {
    expect(httpHref('https://status.example.com/PD-1')).toBe(
      'https://status.example.com/PD-1',
    );
    expect(httpHref('HTTP://example.com')).toBe('HTTP://example.com');
  });

  it.each([
    // eslint-disable-next-line no-script-url -- the attack under test
    'javascript:alert(document.domain)',
    ' javascript:alert(1)',
    // eslint-disable-next-line no-script-url -- the attack under test
    'JaVaScRiPt:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    '//evil.example.com',
    'not a url',
    '',
    undefined,
  ])('refuses %p as a link target', text => {
    expect(httpHref(text)).toBeUndefined();
  });
});
