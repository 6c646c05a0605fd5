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

import fc from 'fast-check';
import { formatAttainment } from './display';

describe('formatAttainment', () => {
  it('shows a breached figure below its target, with the digits that takes', () => {
    expect(formatAttainment(99.94982, 99.95)).toBe('99.9498');
    expect(formatAttainment(99.99996, 100)).toBe('99.99996');
  });

  it('keeps the usual digits where rounding does not cross the target', () => {
    expect(formatAttainment(99.93056, 99.9)).toBe('99.931');
    expect(formatAttainment(99.5, 99.9)).toBe('99.500');
    expect(formatAttainment(99.95, 99.95)).toBe('99.950');
    expect(formatAttainment(100, 99.9, 1)).toBe('100.0');
    expect(formatAttainment(42.123456, undefined, 2)).toBe('42.12');
  });

  it('never prints a figure on the other side of its target', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.double({ min: 0.001, max: 100, noNaN: true }),
        fc.integer({ min: 0, max: 4 }),
        (attainment, target, digits) => {
          const shown = Number(formatAttainment(attainment, target, digits));
          expect(shown < target).toBe(attainment < target);
        },
      ),
    );
  });
});
