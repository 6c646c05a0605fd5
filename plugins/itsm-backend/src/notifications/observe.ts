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

import { parseEntityRef } from '@backstage/catalog-model';
import type {
  AgreementReport,
  AtRiskIncident,
  ObjectiveReport,
  ServiceSlaReport,
} from '@backstage-itsm/plugin-itsm-common';
import {
  contractNoticeState,
  DEFAULT_CONTRACT_NOTICE_DAYS,
  formatAttainment,
  SupplierEntity,
} from '@backstage-itsm/plugin-itsm-common';
import type { NotificationSeverity } from '@backstage/plugin-notifications-common';
import { Observation } from './transitions';

/** What a notice says, for the notifications backend and the Alerts list. */
export type NoticeText = {
  severity: NotificationSeverity;
  title: string;
  description: string;
};

/** An observation with what to say if it is notified, and where it points. */
export type ObservedState = Observation & {
  link: string;
  worse: NoticeText;
  recovery?: NoticeText;
  /** The agreement the state belongs to, for its recipients. */
  agreementType?: AgreementReport['type'];
  counterparty?: string;
};

const BURN_SEVERITY: Record<string, NotificationSeverity> = {
  'page-fast': 'critical',
  'page-slow': 'high',
};

/** Money as the report's readers write it: €2,400.00. */
export function formatMoney(money: { amount: number; currency: string }) {
  try {
    return new Intl.NumberFormat('en-GB', {
      style: 'currency',
      currency: money.currency,
    }).format(money.amount);
  } catch {
    // Not an ISO 4217 code: the amount with the code as written.
    return `${money.currency} ${money.amount.toFixed(2)}`;
  }
}

/** The SLA tab of a service at a period, as a portal path. */
export function slaTabLink(serviceRef: string, period: string): string {
  const { namespace, name } = parseEntityRef(serviceRef);
  return `/catalog/${encodeURIComponent(
    namespace,
  )}/itservice/${encodeURIComponent(name)}/sla?period=${encodeURIComponent(
    period,
  )}`;
}

/** The view a state of this agreement links to: its month, or the current period. */
function periodOf(agreement: AgreementReport): string {
  return agreement.window === 'calendar-month'
    ? agreement.period.label
    : 'current';
}

function figure(objective: ObjectiveReport): string {
  return objective.attainment === null
    ? `${objective.name} not measured yet against ${objective.target} %`
    : `${objective.name} ${formatAttainment(
        objective.attainment,
        objective.target,
      )} % against ${objective.target} %`;
}

function budgetText(objective: ObjectiveReport): string | undefined {
  const budget = objective.budget;
  if (!budget) return undefined;
  if (budget.remaining <= 0) return 'error budget spent';
  return `${Math.floor(budget.remainingPercent)} % of the error budget left`;
}

function projectedCredit(agreement: AgreementReport): string | undefined {
  const { credit } = agreement;
  if (credit.percent <= 0) return undefined;
  const what = credit.amount
    ? formatMoney(credit.amount)
    : `${credit.percent} % of the fee`;
  return credit.direction === 'payable'
    ? `${what} credit ${credit.basis}`
    : `${what} credit ${credit.basis} from the supplier`;
}

function sentence(parts: Array<string | undefined>): string {
  return `${parts.filter(Boolean).join('; ')}.`;
}

/** Where a state of this agreement and objective stands, in one sentence. */
function standing(
  name: string,
  agreement: AgreementReport,
  objective: ObjectiveReport,
) {
  return `${name}: ${figure(objective)} in ${agreement.name} (${
    agreement.type
  } with ${agreement.with}), ${agreement.period.label}`;
}

function statusObservation(
  base: Omit<ObservedState, 'kind' | 'state' | 'subject' | 'worse'>,
  name: string,
  agreement: AgreementReport,
  objective: ObjectiveReport,
): ObservedState {
  const breached = objective.status === 'breached';
  return {
    ...base,
    kind: 'status',
    subject: '',
    state: objective.status,
    worse: {
      severity: breached ? 'high' : 'normal',
      title: `${name}: ${objective.name} ${breached ? 'breached' : 'at risk'}`,
      description: sentence([
        standing(name, agreement, objective),
        budgetText(objective),
        projectedCredit(agreement),
      ]),
    },
    recovery: {
      severity: 'low',
      title: `${name}: ${objective.name} met again`,
      description: sentence([
        standing(name, agreement, objective),
        budgetText(objective),
      ]),
    },
  };
}

function burnObservation(
  base: Omit<ObservedState, 'kind' | 'state' | 'subject' | 'worse'>,
  name: string,
  agreement: AgreementReport,
  objective: ObjectiveReport,
  alert: NonNullable<ObjectiveReport['alerts']>[number],
): ObservedState {
  return {
    ...base,
    kind: 'burn-alert',
    subject: alert.name,
    state: 'firing',
    worse: {
      severity: BURN_SEVERITY[alert.name] ?? 'normal',
      title: `${name}: ${objective.name} burns its error budget too fast (${alert.name})`,
      description: sentence([
        `${name}: ${objective.name} in ${agreement.name} (${
          agreement.type
        } with ${
          agreement.with
        }) spends its error budget ${alert.longBurnRate.toFixed(
          1,
        )}× as fast as allowed over the long window and ${alert.shortBurnRate.toFixed(
          1,
        )}× over the short one (alert at ${alert.threshold}×)`,
        budgetText(objective),
      ]),
    },
  };
}

function incidentObservation(
  base: Omit<ObservedState, 'kind' | 'state' | 'subject' | 'worse'>,
  name: string,
  agreement: AgreementReport,
  objective: ObjectiveReport | undefined,
  incident: AtRiskIncident,
): ObservedState {
  const breached = incident.milestone === 'breached';
  const limit = `${objective?.threshold ?? ''} ${
    objective?.type ?? incident.objective
  } time`.trim();
  const id = `${incident.priority} incident ${incident.externalId}`;
  return {
    ...base,
    kind: 'incident-milestone',
    subject: `${incident.source}/${incident.externalId}`,
    state: incident.milestone,
    period: '',
    worse: {
      severity: breached ? 'high' : 'normal',
      title: breached
        ? `${name}: ${id} missed its ${limit}`
        : `${name}: ${id} at 75 % of its ${limit}`,
      description: sentence([
        `${name}: ${id}${incident.title ? ` "${incident.title}"` : ''} from ${
          incident.source
        }, opened ${incident.openedAt}, has run ${Math.round(
          incident.elapsedMinutes,
        )} minutes, ${Math.floor(incident.percentOfThreshold)} % of the ${
          objective?.threshold ?? ''
        } threshold of ${incident.objective} in ${agreement.name} (${
          agreement.type
        })`,
        !breached && incident.breachAt
          ? `it breaches at ${incident.breachAt}`
          : undefined,
      ]),
    },
  };
}

/**
 * The states an evaluation watches in a service's current report: each
 * objective's status, its firing burn alerts and its open incidents past
 * 50 % of their threshold.
 */
export function observeCurrentReport(
  serviceRef: string,
  report: ServiceSlaReport,
): ObservedState[] {
  const name = report.title ?? serviceRef;
  const observed: ObservedState[] = [];
  for (const agreement of report.agreements) {
    const base = {
      entityRef: serviceRef,
      agreement: agreement.name,
      period: agreement.period.label,
      link: slaTabLink(serviceRef, periodOf(agreement)),
      agreementType: agreement.type,
      counterparty: agreement.with,
    };
    for (const objective of agreement.objectives) {
      const at = { ...base, objective: objective.name };
      observed.push(statusObservation(at, name, agreement, objective));
      for (const alert of objective.alerts ?? []) {
        observed.push(burnObservation(at, name, agreement, objective, alert));
      }
    }
    for (const incident of report.atRiskIncidents) {
      if (incident.agreement !== agreement.name) continue;
      const objective = agreement.objectives.find(
        o => o.name === incident.objective,
      );
      observed.push(
        incidentObservation(
          { ...base, objective: incident.objective },
          name,
          agreement,
          objective,
          incident,
        ),
      );
    }
  }
  return observed;
}

/**
 * Credits of a closed month's report: one state per agreement whose period
 * is final with a credit owed, payable or receivable.
 */
export function observeClosedMonth(
  serviceRef: string,
  report: ServiceSlaReport,
): ObservedState[] {
  const name = report.title ?? serviceRef;
  return report.agreements.flatMap(agreement => {
    const { credit } = agreement;
    if (
      !agreement.closed ||
      !agreement.final ||
      credit.basis !== 'owed' ||
      credit.percent <= 0
    ) {
      return [];
    }
    const objective = agreement.objectives.find(
      o => o.name === credit.objective,
    );
    const money = credit.amount
      ? formatMoney(credit.amount)
      : `${credit.percent} %`;
    const share = credit.fee
      ? `${credit.percent} % of the ${formatMoney(credit.fee)} fee`
      : `${credit.percent} % of the fee`;
    const payable = credit.direction === 'payable';
    return [
      {
        entityRef: serviceRef,
        agreement: agreement.name,
        objective: '',
        kind: 'credit' as const,
        subject: agreement.period.label,
        state: 'owed',
        period: '',
        link: slaTabLink(serviceRef, report.period),
        agreementType: agreement.type,
        counterparty: agreement.with,
        worse: {
          severity: 'normal' as const,
          title: `${name}: ${money} credit ${
            payable ? 'owed' : 'receivable'
          } for ${agreement.period.label}`,
          description: sentence([
            `${name}: ${agreement.name} (${agreement.type} with ${
              agreement.with
            }) closed ${agreement.period.label}${
              objective ? ` with ${figure(objective)}` : ''
            }`,
            payable
              ? `${share} is owed to ${agreement.with}`
              : `${share} is owed to us by ${agreement.with}`,
          ]),
        },
      },
    ];
  });
}

/**
 * A supplier's contract: inside its notice period or not. One state per
 * contract (reference and end date), so a renewed contract is told again.
 */
export function observeContractNotice(
  supplierRef: string,
  supplier: SupplierEntity,
  now: Date,
): ObservedState[] {
  const contract = supplier.spec.contract;
  const notice = contract && contractNoticeState(contract, now);
  if (!contract || !notice) return [];
  const name = supplier.metadata.title ?? supplier.metadata.name;
  const { namespace = 'default' } = supplier.metadata;
  const days = notice.daysLeft === 1 ? '1 day' : `${notice.daysLeft} days`;
  return [
    {
      entityRef: supplierRef,
      agreement: '',
      objective: '',
      kind: 'contract-notice',
      subject: `${contract.reference}/${contract.end}`,
      state: notice.insideNotice ? 'inside' : 'outside',
      period: '',
      link: `/catalog/${encodeURIComponent(
        namespace,
      )}/supplier/${encodeURIComponent(supplier.metadata.name)}`,
      worse: {
        severity: 'normal',
        title: `${name}: contract ${contract.reference} is inside its notice period`,
        description: sentence([
          `${name}: contract ${contract.reference} ends on ${
            contract.end
          }, in ${days}; its notice period is ${
            contract.noticePeriod ??
            `not stated (${DEFAULT_CONTRACT_NOTICE_DAYS} days assumed)`
          }`,
          contract.renewal === 'auto'
            ? 'it renews automatically unless notice is given: decide on renewal now'
            : 'it ends unless renewed: decide on renewal now',
        ]),
      },
    },
  ];
}
