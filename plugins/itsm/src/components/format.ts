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

/*
 * Number formatting that never shows NaN, Infinity or undefined: what is
 * not a finite number reads as an em dash, with the reason in a tooltip.
 */

export const isNumber = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value);

/** 99.9567 → "99.957 %"; null → "—". */
export function formatPercent(
  value: number | null | undefined,
  digits = 3,
): string {
  return isNumber(value) ? `${value.toFixed(digits)} %` : '—';
}

/** 43.2 → "43 min"; 90 → "1 h 30 min"; 2000 → "1 d 9 h". */
export function formatMinutes(value: number | null | undefined): string {
  if (!isNumber(value)) return '—';
  const minutes = Math.round(value);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  if (days > 0) return hours ? `${days} d ${hours} h` : `${days} d`;
  if (hours > 0) return rest ? `${hours} h ${rest} min` : `${hours} h`;
  return `${rest} min`;
}

/** A burn rate, e.g. "2.4×"; null → "—". */
export function formatBurnRate(value: number | null | undefined): string {
  return isNumber(value) ? `${value.toFixed(value >= 10 ? 0 : 1)}×` : '—';
}

/** Money in its currency, e.g. "€2,400.00". */
export function formatMoney(amount: {
  amount: number;
  currency: string;
}): string {
  return new Intl.NumberFormat('en', {
    style: 'currency',
    currency: amount.currency,
  }).format(amount.amount);
}

/** An ISO instant in the viewer's locale and zone. */
export function formatInstant(iso: string | undefined): string {
  return iso
    ? new Date(iso).toLocaleString('en-GB', {
        dateStyle: 'medium',
        timeStyle: 'short',
      })
    : '—';
}
