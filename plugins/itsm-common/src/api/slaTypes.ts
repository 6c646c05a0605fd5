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

/** One objective's result in a period. Percentages are 0–100. @public */
export type ObjectiveReport = {
  name: string;
  type: ObjectiveType | string;
  target: number;
  priority?: string;
  threshold?: string;
  attainment: number | null;
  status: SlaStatus;
  budget?: {
    /** (1 − target) × the period's length. */
    errorBudgetMinutes: number;
    remainingPercent: number;
    consumedPercent: number;
  };
  burnRates?: BurnRateReport[];
  alerts?: Array<{
    name: string;
    severity: 'page' | 'ticket';
    threshold: number;
    longBurnRate: number;
    shortBurnRate: number;
  }>;
  forecast?: {
    alreadyExhausted: boolean;
    breachesBeforeEnd: boolean;
    exhaustedAt?: string;
    projectedAttainment: number;
  };
  details?: JsonObject;
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

/** One agreement's result in a period. @public */
export type AgreementReport = {
  name: string;
  type: AgreementType;
  with: string;
  window: AgreementWindow;
  period: { start: string; end: string; label: string };
  status: SlaStatus;
  credit: {
    percent: number;
    objective?: string;
    amount?: { amount: number; currency: string };
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
  status: SlaStatus;
  /** Compliance score 0–100, null when nothing could be scored. */
  score: number | null;
  agreements: AgreementReport[];
  /** Open incidents past 50 % of a response or resolution threshold. */
  atRiskIncidents: JsonObject[];
  /** Underpinning OLAs and UCs less strict than the SLAs they support. */
  warnings: Array<{ message: string }>;
  /** Availability the service can promise from its dependsOn chain (series). */
  composite: {
    availability: number | null;
    chain: Array<{ service: string; availability: number | null }>;
  };
};

/** A month of a service's SLA history. @public */
export type SlaHistoryEntry = {
  month: string;
  status: SlaStatus;
  score: number | null;
  agreements: Array<{
    name: string;
    status: SlaStatus;
    creditPercent: number;
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
    attainment: number | null;
    status: SlaStatus;
  };
  creditPercent: number;
  credits: Array<{ amount: number; currency: string }>;
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
  credits: Array<{ amount: number; currency: string }>;
};
