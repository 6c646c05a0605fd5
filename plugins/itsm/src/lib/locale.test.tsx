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

import { mockApis, TestApiProvider } from '@backstage/frontend-test-utils';
import { act, renderHook } from '@testing-library/react';
import { PropsWithChildren } from 'react';
import { itsmTranslationRef } from '../translation';
import { createFormat, dateLocale } from './format';
import { toLocale, useLocale } from './locale';

const { t } = mockApis.translation().getTranslation(itsmTranslationRef);

describe('useLocale', () => {
  it("follows the app's language as the user changes it", async () => {
    const appLanguage = mockApis.appLanguage({
      defaultLanguage: 'de',
      availableLanguages: ['en', 'de'],
    });
    const wrapper = ({ children }: PropsWithChildren<{}>) => (
      <TestApiProvider apis={[appLanguage]}>{children}</TestApiProvider>
    );
    const { result } = renderHook(() => useLocale(), { wrapper });
    expect(result.current).toBe('de');
    // The observable hands its first values over asynchronously.
    await act(async () => appLanguage.setLanguage('en'));
    expect(result.current).toBe('en');
  });

  it("falls back to the browser's language without an app language", () => {
    const wrapper = ({ children }: PropsWithChildren<{}>) => (
      <TestApiProvider apis={[]}>{children}</TestApiProvider>
    );
    const { result } = renderHook(() => useLocale(), { wrapper });
    expect(result.current).toBe(navigator.language);
  });

  it('refuses language tags that Intl cannot use', () => {
    expect(toLocale('de-CH')).toBe('de-CH');
    expect(toLocale('not a tag')).toBeUndefined();
    expect(toLocale(undefined)).toBeUndefined();
  });
});

describe('createFormat', () => {
  it('formats numbers and money the German way', () => {
    const format = createFormat(t, 'de');
    expect(format.formatPercent(99.9567)).toBe('99,957 %');
    expect(format.formatAttainmentPercent(99.94982, 99.95)).toBe('99,9498 %');
    expect(format.formatTarget(99.9)).toBe('99,90 %');
    expect(format.formatQuantity(1234.5)).toBe('1.234,5');
    expect(format.formatBurnRate(2.44)).toBe('2,4×');
    expect(format.formatMoney({ amount: 2400, currency: 'EUR' })).toBe(
      '2.400,00\u00a0€',
    );
    expect(format.formatInstant('not a date')).toBe('—');
  });

  it('keeps the day-before-month dates of plain English', () => {
    expect(dateLocale('en')).toBe('en-GB');
    expect(dateLocale('en-US')).toBe('en-US');
    expect(dateLocale('de')).toBe('de');
    expect(createFormat(t, 'en').formatDay('2026-11-03T12:00:00Z')).toBe(
      '3 Nov',
    );
  });
});
