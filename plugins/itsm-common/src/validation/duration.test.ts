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

import { parseDuration } from './duration';

describe('parseDuration', () => {
  it.each([
    ['15m', 15 * 60_000],
    ['4h', 4 * 3_600_000],
    ['1h30m', 90 * 60_000],
    ['90d', 90 * 86_400_000],
    ['2w', 14 * 86_400_000],
    ['1d12h', 36 * 3_600_000],
    ['45s', 45_000],
  ])('reads %s', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each(['', '0m', '4 hours', 'h', '-5m', '1.5h', 'PT4H', '30m1h', '4H'])(
    'rejects %p',
    text => {
      expect(parseDuration(text)).toBeUndefined();
    },
  );
});
