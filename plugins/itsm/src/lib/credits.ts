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
 * Credit wording shared by the SLA tab, the party tab and the portfolio
 * (docs/sla-semantics.md, rule 1): what a closed period owes is "Credit
 * owed", what an open one would owe if it closed now is "Projected credit";
 * payable (we pay, SLA and OLA) and receivable (the supplier pays us, UC)
 * are shown apart and never added together.
 */

import type {
  AgreementReport,
  CreditTotals,
  Money,
} from '@backstage-itsm/plugin-itsm-common';
import type { ItsmTranslation } from '../translation';
import type { ItsmFormat } from './format';

type Credit = AgreementReport['credit'];

/** "Credit owed" for a closed period, "Projected credit" for an open one. */
export function creditLabel(t: ItsmTranslation, basis: Credit['basis']) {
  return basis === 'owed' ? t('credits.owed') : t('credits.projected');
}

/**
 * The message of "payable to X" (we pay the counterparty) or "receivable
 * from X" (it pays us), for `t` with the party as a name or a link.
 */
export function directionKey(direction: Credit['direction']) {
  return direction === 'receivable'
    ? 'credits.receivableFrom'
    : 'credits.payableTo';
}

/** One total of a CreditTotals: which basis, which direction, what sums. */
export type CreditTotalLine = {
  basis: Credit['basis'];
  direction: Credit['direction'];
  sums: Money[];
};

/** The non-empty totals, owed before projected, payable before receivable. */
export function creditTotalLines(totals: CreditTotals): CreditTotalLine[] {
  const lines: CreditTotalLine[] = [];
  for (const basis of ['owed', 'projected'] as const) {
    for (const direction of ['payable', 'receivable'] as const) {
      const sums = totals[basis][direction];
      if (sums.length) lines.push({ basis, direction, sums });
    }
  }
  return lines;
}

/** Lines "payable €2,400.00" and "receivable €300.00" of one basis; none → []. */
export function directionLines(
  totals: CreditTotals[keyof CreditTotals],
  t: ItsmTranslation,
  format: ItsmFormat,
) {
  return (['payable', 'receivable'] as const)
    .filter(direction => totals[direction].length)
    .map(direction => {
      const sums = format.formatMoneyList(totals[direction]);
      return direction === 'payable'
        ? t('credits.payableSums', { sums })
        : t('credits.receivableSums', { sums });
    });
}
