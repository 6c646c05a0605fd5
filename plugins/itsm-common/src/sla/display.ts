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

/**
 * An attainment as text with at least `digits` decimals, and more where
 * rounding would put it on the other side of its target: 99.94982 against
 * 99.95 is "99.9498", never "99.950", and 99.99996 against 100 is
 * "99.99996", never "100.000". Percent, without the sign.
 *
 * @public
 */
export function formatAttainment(
  attainment: number,
  target: number | undefined,
  digits = 3,
): string {
  const below = target !== undefined && attainment < target;
  // Twelve decimals is below what any measurement resolves.
  for (let d = digits; d < 12; d++) {
    const text = attainment.toFixed(d);
    if (target === undefined || Number(text) < target === below) {
      return text;
    }
  }
  // Only floating noise is left: cut toward the side the figure lies on.
  const factor = 10 ** 12;
  const cut = below
    ? Math.floor(attainment * factor) / factor
    : Math.ceil(attainment * factor) / factor;
  return cut.toFixed(12);
}
