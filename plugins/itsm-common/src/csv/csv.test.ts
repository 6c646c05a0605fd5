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

import { toCsv } from './csv';

describe('toCsv', () => {
  it('writes RFC 4180 rows with CRLF and quotes where needed', () => {
    expect(
      toCsv([
        ['service', 'title', 'final', 'amount', 'empty'],
        ['itservice:default/x', 'Pay, "fast"', true, 500, null],
      ]),
    ).toBe(
      'service,title,final,amount,empty\r\nitservice:default/x,"Pay, ""fast""",true,500,\r\n',
    );
  });

  it.each([
    ["=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"],
    [
      '=HYPERLINK("http://evil.example","x")',
      `"'=HYPERLINK(""http://evil.example"",""x"")"`,
    ],
    ['+1+1', "'+1+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
  ])('keeps a spreadsheet from running %p as a formula', (cell, written) => {
    expect(toCsv([[cell]])).toBe(`${written}\r\n`);
  });
});
