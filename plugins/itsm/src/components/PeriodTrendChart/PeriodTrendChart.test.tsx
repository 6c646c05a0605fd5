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
import { createFormat } from '../../lib/format';
import { itsmTranslationRef } from '../../translation';
import { budgetLeftText } from './PeriodTrendChart';

const { t } = mockApis.translation().getTranslation(itsmTranslationRef);
const format = createFormat(t, 'en');

describe('budgetLeftText', () => {
  it('gives the budget left, and the floor as a bound', () => {
    expect(budgetLeftText(42.4, t, format)).toBe('42 %');
    expect(budgetLeftText(-37.2, t, format)).toBe('-37 %');
    expect(budgetLeftText(-100, t, format)).toBe('-100 % or less');
  });
});
