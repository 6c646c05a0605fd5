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

const DURATION =
  /^(?=\d)(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/;
const UNIT_MS = [604_800_000, 86_400_000, 3_600_000, 60_000, 1_000];

/**
 * Parses a compact duration such as `15m`, `4h`, `1h30m`, `90d` or `2w`
 * into milliseconds. Returns undefined for anything else, including zero.
 *
 * @public
 */
export function parseDuration(text: string): number | undefined {
  const match = DURATION.exec(text);
  if (!match) {
    return undefined;
  }
  const ms = UNIT_MS.reduce(
    (sum, unit, i) => sum + Number(match[i + 1] ?? 0) * unit,
    0,
  );
  return ms > 0 ? ms : undefined;
}
