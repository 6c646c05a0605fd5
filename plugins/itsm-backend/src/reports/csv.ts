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

import {
  formatAttainment,
  toCsv,
  type PartySlaReport,
} from '@backstage-itsm/plugin-itsm-common';

/**
 * A stakeholder's or supplier's monthly report: one row per objective, with
 * whether the period is closed and final and whether its credit is owed or
 * projected, payable or receivable.
 */
export function partyReportCsv(report: PartySlaReport): string {
  const header = [
    'service',
    'agreement',
    'type',
    'period_start',
    'period_end',
    'closed',
    'final',
    'objective',
    'objective_type',
    'target_percent',
    'attainment_percent',
    'status',
    'agreement_status',
    'credit_percent',
    'credit_basis',
    'credit_direction',
    'credit_amount',
    'currency',
  ];
  const rows = report.services.flatMap(service =>
    service.agreements.flatMap(agreement =>
      agreement.objectives.map(objective => [
        service.service,
        agreement.name,
        agreement.type,
        agreement.period.start,
        agreement.period.end,
        agreement.closed,
        agreement.final,
        objective.name,
        objective.type,
        objective.target,
        // Never printed on the other side of its target (rule 11).
        objective.attainment === null
          ? ''
          : formatAttainment(objective.attainment, objective.target),
        objective.status,
        agreement.status,
        agreement.credit.percent,
        agreement.credit.basis,
        agreement.credit.direction,
        agreement.credit.amount?.amount ?? '',
        agreement.credit.amount?.currency ?? '',
      ]),
    ),
  );
  return toCsv([header, ...rows]);
}
