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

import { stringify } from 'csv-stringify/sync';

/**
 * Rows as RFC 4180 CSV with CRLF line ends, for the customer report and
 * the portfolio export. Cells that a spreadsheet would run as a formula
 * (starting with =, +, -, \@, tab or carriage return) are prefixed with a
 * single quote, as OWASP recommends against CSV injection. null and
 * undefined are empty cells.
 *
 * @public
 */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<unknown>>): string {
  return stringify(
    rows.map(row => row.map(cell => (cell === undefined ? null : cell))),
    {
      escape_formulas: true,
      record_delimiter: 'windows',
      cast: { boolean: value => String(value) },
    },
  );
}
