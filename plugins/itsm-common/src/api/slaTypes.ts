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

import type { components } from '../schema/openapi.generated';

/*
 * The report types are the OpenAPI document's schemas
 * (plugins/itsm-backend/src/schema/openapi.yaml), generated into
 * ../schema/openapi.generated.ts; their descriptions live there.
 */
type Schemas = components['schemas'];

/** Status of an objective or agreement. @public */
export type SlaStatus = Schemas['SlaStatus'];

/** A burn rate over one look-back window. @public */
export type BurnRateReport = Schemas['BurnRateReport'];

/** Money in one currency. @public */
export type Money = Schemas['Money'];

/** An error budget in an objective's own unit. @public */
export type ErrorBudgetReport = Schemas['ErrorBudgetReport'];

/** Scorer-specific figures shown with a score. @public */
export type ScoreDetails = Schemas['ScoreDetails'];

/** One objective's result in a period. Percentages are 0–100. @public */
export type ObjectiveReport = Schemas['ObjectiveReport'];

/** A running incident as a response or resolution objective tracks it (docs/sla-semantics.md, rule 12). @public */
export type OpenIncident = Schemas['OpenIncident'];

/** An open incident past a milestone, with the objective it counts against. @public */
export type AtRiskIncident = Schemas['AtRiskIncident'];

/** One agreement's result in a period. @public */
export type AgreementReport = Schemas['AgreementReport'];

/** The SLA report of an IT service for a period. @public */
export type ServiceSlaReport = Schemas['ServiceSlaReport'];

/** Credits summed per currency, owed and projected, payable and receivable. @public */
export type CreditTotals = Schemas['CreditTotals'];

/** A month of a service's SLA history. @public */
export type SlaHistoryEntry = Schemas['SlaHistoryEntry'];

/** One row of the service portfolio. @public */
export type PortfolioRow = Schemas['PortfolioRow'];

/** What was agreed with one stakeholder or supplier, across services. @public */
export type PartySlaReport = Schemas['PartySlaReport'];
