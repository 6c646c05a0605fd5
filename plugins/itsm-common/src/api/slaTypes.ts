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

import type { JsonObject } from '@backstage/types';
import type {
  AgreementType,
  AgreementWindow,
  ObjectiveType,
} from '../entities';

/** Status of an objective or agreement. @public */
export type SlaStatus = 'met' | 'at-risk' | 'breached' | 'no-data';

/** A burn rate over one look-back window. @public */
export type BurnRateReport = {
  window: string;
  lookbackMinutes: number;
  /** Null when nothing was measured in the look-back. */
  burnRate: number | null;
};

/** Money in one currency. @public */
export type Money = { amount: number; currency: string };

/** An error budget in an objective's own unit. @public */
export type ErrorBudgetReport = {
  unit: 'minutes' | 'events' | 'incidents';
  /**
   * What the whole period allows: (1 − target) × agreed minutes of the
   * period; (1 − target) × events (projected to the period's end while it
   * is open); late incidents allowed among those counted so far.
   */
  allowed: number;
  /** Downtime minutes, bad events or late incidents so far. */
  spent: number;
  /**
   * allowed − spent; for incidents, how many more may still be late this
   * period if no other incident is met in time. Never below 0 for incidents.
   */
  remaining: number;
  /** 100 × (allowed − spent) ÷ allowed: 100 untouched, 0 spent, negative overspent. */
  remainingPercent: number;
  consumedPercent: number;
};

/** One objective's result in a period. Percentages are 0–100. @public */
export type ObjectiveReport = {
  name: string;
  type: ObjectiveType | string;
  target: number;
  priority?: string;
  threshold?: string;
  attainment: number | null;
  status: SlaStatus;
  /**
   * The error budget of the whole period, in the objective's own unit:
   * agreed minutes of downtime (availability), bad events (sli) or late
   * incidents (response, resolution). See docs/sla-semantics.md.
   */
  budget?: ErrorBudgetReport;
  /**
   * Whether burn rates and burn-rate alerts are defined for the objective:
   * time- and event-based objectives (availability, sli) have them;
   * response and resolution objectives do not.
   */
  burnRatesApply?: boolean;
  burnRates?: BurnRateReport[];
  alerts?: Array<{
    name: string;
    severity: 'page' | 'ticket';
    threshold: number;
    longBurnRate: number;
    shortBurnRate: number;
  }>;
  /**
   * Open periods of availability and sli objectives: the spending so far
   * extrapolated to the period's end, on the objective's own time base.
   */
  forecast?: {
    /** More than the whole period's budget is spent. */
    alreadyExhausted: boolean;
    breachesBeforeEnd: boolean;
    /** When the budget runs out at the rate so far, if before the end. */
    exhaustedAt?: string;
    projectedAttainment: number;
    /** Budget spent by the end at the rate so far, in the budget's unit. */
    projectedSpent: number;
  };
  details?: JsonObject;
  /** Response and resolution objectives: the running incidents they track. */
  openIncidents?: OpenIncident[];
  /**
   * How attainment and budget developed over the current period so far, at
   * up to 31 evenly spaced points; only in a service's own report.
   */
  trend?: Array<{
    at: string;
    attainment: number | null;
    budgetRemainingPercent: number | null;
  }>;
};

/**
 * A running incident as a response or resolution objective tracks it
 * (docs/sla-semantics.md, rule 12).
 *
 * @public
 */
export type OpenIncident = {
  source: string;
  externalId: string;
  priority: string;
  openedAt: string;
  title?: string;
  url?: string;
  /** Business time elapsed on the objective's calendar, pauses left out. */
  elapsedMinutes: number;
  /** 100 × elapsed ÷ threshold. */
  percentOfThreshold: number;
  milestone: 'ok' | '50%' | '75%' | 'breached';
  /** When elapsed time reaches the threshold. */
  breachAt?: string;
  /** Opened before the period, still running; it counts in its own period. */
  earlierPeriod?: boolean;
};

/** An open incident past a milestone, with the objective it counts against. @public */
export type AtRiskIncident = OpenIncident & {
  agreement: string;
  objective: string;
};

/** One agreement's result in a period. @public */
export type AgreementReport = {
  name: string;
  type: AgreementType;
  with: string;
  window: AgreementWindow;
  period: { start: string; end: string; label: string };
  /** The period has ended (in the service's time zone). */
  closed: boolean;
  /** Closed, and no incident of the period is still pending: the figures will not change. */
  final: boolean;
  status: SlaStatus;
  credit: {
    percent: number;
    objective?: string;
    /** percent × the fee of the agreement's window. */
    amount?: Money;
    /** The fee of the agreement's window (quarter: 3 × the monthly fee). */
    fee?: Money;
    /**
     * owed: the period is closed; projected: what would be owed if the
     * period closed now with the attainment so far.
     */
    basis: 'owed' | 'projected';
    /** payable: we pay the counterparty (SLA, OLA); receivable: the supplier pays us (UC). */
    direction: 'payable' | 'receivable';
  };
  objectives: ObjectiveReport[];
};

/** The SLA report of an IT service for a period. @public */
export type ServiceSlaReport = {
  service: string;
  title?: string;
  /** 'current', or a month YYYY-MM. */
  period: string;
  evaluatedAt: string;
  /** Every agreement's period has ended. */
  closed: boolean;
  /** Closed, and no incident still pending: the figures will not change. */
  final: boolean;
  status: SlaStatus;
  /** Compliance score 0–100, null when nothing could be scored. */
  score: number | null;
  agreements: AgreementReport[];
  /** Open incidents past 50 % of a response or resolution threshold. */
  atRiskIncidents: AtRiskIncident[];
  /**
   * The share of the error budget (0 to 1) below which an open objective was
   * counted at risk (`itsm.atRiskBudgetRemaining`).
   */
  atRiskBudgetRemaining: number;
  /**
   * Underpinning OLAs and UCs less strict than the SLAs they support, with
   * the service that carries the OLA or UC.
   */
  warnings: Array<{ message: string; service?: string }>;
  /**
   * Availability the service can promise from its whole dependsOn chain
   * (series: the product of its own and every ITService it depends on,
   * directly or not, each once).
   */
  composite: {
    availability: number | null;
    chain: Array<{ service: string; availability: number | null }>;
    /** Dependency cycles found, as lists of refs (reported, not followed twice). */
    cycles?: string[][];
  };
};

/**
 * Credits summed per currency: owed for closed periods, projected for open
 * ones; payable (SLA, OLA) and receivable (UC) never netted.
 *
 * @public
 */
export type CreditTotals = {
  owed: { payable: Money[]; receivable: Money[] };
  projected: { payable: Money[]; receivable: Money[] };
};

/** A month of a service's SLA history. @public */
export type SlaHistoryEntry = {
  month: string;
  final: boolean;
  status: SlaStatus;
  score: number | null;
  agreements: Array<{
    name: string;
    status: SlaStatus;
    creditPercent: number;
    creditBasis: 'owed' | 'projected';
    creditDirection: 'payable' | 'receivable';
    objectives: Array<{
      name: string;
      attainment: number | null;
      status: SlaStatus;
    }>;
  }>;
};

/** One row of the service portfolio. @public */
export type PortfolioRow = {
  service: string;
  title?: string;
  type: string;
  lifecycle: string;
  owner: string;
  customers: string[];
  suppliers: string[];
  status: SlaStatus;
  score: number | null;
  worstObjective?: {
    agreement: string;
    objective: string;
    target: number;
    attainment: number | null;
    status: SlaStatus;
  };
  /** The highest credit percent of the service's SLAs and OLAs (payable). */
  creditPercent: number;
  credits: CreditTotals;
};

/** What was agreed with one stakeholder or supplier, across services. @public */
export type PartySlaReport = {
  party: string;
  period: string;
  /** Compliance score 0–100 over the objectives agreed with the party. */
  score: number | null;
  services: Array<{
    service: string;
    title?: string;
    status: SlaStatus;
    agreements: AgreementReport[];
  }>;
  credits: CreditTotals;
};
