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

import type { IncidentPriority, ObjectiveType } from '../entities';
import type {
  AgreementReport,
  CreditTotals,
  Money,
  PartySlaReport,
} from '../api/slaTypes';
import { complianceScore } from './score';

function sumMoney(amounts: Array<Money | undefined>): Money[] {
  const totals = new Map<string, number>();
  for (const money of amounts) {
    if (money && money.amount > 0) {
      totals.set(
        money.currency,
        (totals.get(money.currency) ?? 0) + money.amount,
      );
    }
  }
  return [...totals].map(([currency, amount]) => ({
    // Sums of cents stay cents: 0.1 + 0.2 is 0.30, not 0.30000000000000004.
    amount: Math.round(amount * 100) / 100,
    currency,
  }));
}

/**
 * Credits of agreements summed apart: owed and projected, payable and
 * receivable, one amount per currency.
 *
 * @public
 */
export function creditTotals(agreements: AgreementReport[]): CreditTotals {
  const sum = (basis: 'owed' | 'projected', direction: string) =>
    sumMoney(
      agreements
        .filter(
          a => a.credit.basis === basis && a.credit.direction === direction,
        )
        .map(a => a.credit.amount),
    );
  return {
    owed: {
      payable: sum('owed', 'payable'),
      receivable: sum('owed', 'receivable'),
    },
    projected: {
      payable: sum('projected', 'payable'),
      receivable: sum('projected', 'receivable'),
    },
  };
}

/**
 * CreditTotals summed per currency over many, never across basis or
 * direction.
 *
 * @public
 */
export function sumCreditTotals(list: CreditTotals[]): CreditTotals {
  const sum = (pick: (t: CreditTotals) => Money[]) =>
    sumMoney(list.flatMap(pick));
  return {
    owed: {
      payable: sum(t => t.owed.payable),
      receivable: sum(t => t.owed.receivable),
    },
    projected: {
      payable: sum(t => t.projected.payable),
      receivable: sum(t => t.projected.receivable),
    },
  };
}

/**
 * The score and credits of everything agreed with a party, over the given
 * services: the backend sums one page with it, a client all pages.
 *
 * @public
 */
export function partyTotals(
  services: PartySlaReport['services'],
): Pick<PartySlaReport, 'score' | 'credits'> {
  const agreements = services.flatMap(s => s.agreements);
  return {
    score: complianceScore(
      agreements.flatMap(a =>
        a.objectives.map(o => ({
          objective: {
            name: o.name,
            type: o.type as ObjectiveType,
            target: o.target,
            priority: o.priority as IncidentPriority | undefined,
          },
          status: o.status,
        })),
      ),
    ),
    credits: creditTotals(agreements),
  };
}
