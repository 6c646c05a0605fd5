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

// Generated from plugins/itsm-backend/src/schema/openapi.yaml by
// `yarn openapi:generate`; do not edit.
/* eslint-disable */
/** @public */
export interface paths {
  '/v1/incidents': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A service's incidents opened in [from, to), newest first */
    get: operations['ListIncidents'];
    put?: never;
    /** Create or update a batch of incidents, keyed by (source, externalId) */
    post: operations['PushIncidents'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/incidents/{source}/{externalId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Delete one incident */
    delete: operations['DeleteIncident'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/outages': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A service's outages that started in [from, to), newest first */
    get: operations['ListOutages'];
    put?: never;
    /** Create or update a batch of outages, keyed by (source, externalId) */
    post: operations['PushOutages'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/outages/{source}/{externalId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Delete one outage */
    delete: operations['DeleteOutage'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/sli-events': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A service's SLI slices that start in [from, to), newest first */
    get: operations['ListSliEvents'];
    put?: never;
    /** Create or update good/total counts, keyed by (source, service, objective, sliceStart) */
    post: operations['PushSliEvents'];
    /** Delete one SLI slice */
    delete: operations['DeleteSliEvent'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/sources': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every measurement source, as a whole (the source-health view) */
    get: operations['ListSources'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/services/{namespace}/{name}/sources': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The sources that report for an IT service, and when each last did */
    get: operations['GetServiceSources'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/services/{namespace}/{name}/notifications': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** What the itsm backend notified about an IT service, newest first */
    get: operations['GetServiceNotifications'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/services/{namespace}/{name}/sla': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The SLA report of an IT service for a period */
    get: operations['GetServiceSla'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/services/{namespace}/{name}/sla/history': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Monthly SLA results of an IT service, from snapshots of closed months */
    get: operations['GetServiceSlaHistory'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/stakeholders/{namespace}/{name}/sla': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Everything agreed with a stakeholder, across services */
    get: operations['GetStakeholderSla'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/stakeholders/{namespace}/{name}/sla/report.csv': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A stakeholder's monthly customer report as CSV, one row per objective */
    get: operations['GetStakeholderReportCsv'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/suppliers/{namespace}/{name}/sla': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every underpinning contract with a supplier, across services */
    get: operations['GetSupplierSla'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/portfolio': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One row per IT service the caller can see, in the current period or a month, a page of services at a time (by name without filters, by ref with them) */
    get: operations['GetPortfolio'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
/** @public */
export type webhooks = Record<string, never>;
/** @public */
export interface components {
  schemas: {
    Error: {
      error: {
        name: string;
        message: string;
      };
      response?: {
        statusCode?: number;
      };
    };
    /** @description The tool that reports the measurement, e.g. pagerduty */
    Source: string;
    /** @description The measurement's id in the source tool */
    ExternalId: string;
    /** @description Entity ref of an ITService; kind and namespace default to itservice and default */
    ServiceRef: string;
    /** Format: date-time */
    Timestamp: string;
    /** @enum {string} */
    Priority: 'P1' | 'P2' | 'P3' | 'P4' | 'P5';
    Pause: {
      from: components['schemas']['Timestamp'];
      to?: components['schemas']['Timestamp'];
    };
    IncidentInput: {
      source: components['schemas']['Source'];
      externalId: components['schemas']['ExternalId'];
      service: components['schemas']['ServiceRef'];
      priority: components['schemas']['Priority'];
      openedAt: components['schemas']['Timestamp'];
      acknowledgedAt?: components['schemas']['Timestamp'];
      resolvedAt?: components['schemas']['Timestamp'];
      /** @description Periods the clock stops, e.g. waiting on the customer */
      pauses?: components['schemas']['Pause'][];
      title?: string;
      /**
       * Format: uri
       * @description A link to the incident in its tool; http or https only
       */
      url?: string;
    };
    Incident: {
      source: components['schemas']['Source'];
      externalId: components['schemas']['ExternalId'];
      service: components['schemas']['ServiceRef'];
      priority: components['schemas']['Priority'];
      openedAt: components['schemas']['Timestamp'];
      acknowledgedAt?: components['schemas']['Timestamp'];
      resolvedAt?: components['schemas']['Timestamp'];
      /** @description Periods the clock stops, e.g. waiting on the customer */
      pauses?: components['schemas']['Pause'][];
      title?: string;
      /**
       * Format: uri
       * @description A link to the incident in its tool; http or https only
       */
      url?: string;
      updatedAt: components['schemas']['Timestamp'];
    };
    OutageInput: {
      source: components['schemas']['Source'];
      externalId: components['schemas']['ExternalId'];
      service: components['schemas']['ServiceRef'];
      start: components['schemas']['Timestamp'];
      /** @description Absent while the outage is ongoing */
      end?: components['schemas']['Timestamp'];
      /**
       * @description A partial outage counts with the weight itsm.partialOutageWeight (default 0.5). none is a coverage heartbeat: the source watched the service over [start, end) and saw no outage; it is never downtime, but it tells the reports that an availability source reports on the service (docs/sla-semantics.md, rule 9).
       * @enum {string}
       */
      impact: 'full' | 'partial' | 'none';
      /** @description Planned maintenance, excluded from availability; default false */
      planned?: boolean;
      title?: string;
    };
    Outage: {
      source: components['schemas']['Source'];
      externalId: components['schemas']['ExternalId'];
      service: components['schemas']['ServiceRef'];
      start: components['schemas']['Timestamp'];
      /** @description Absent while the outage is ongoing */
      end?: components['schemas']['Timestamp'];
      /**
       * @description A partial outage counts with the weight itsm.partialOutageWeight (default 0.5). none is a coverage heartbeat: the source watched the service over [start, end) and saw no outage; it is never downtime, but it tells the reports that an availability source reports on the service (docs/sla-semantics.md, rule 9).
       * @enum {string}
       */
      impact: 'full' | 'partial' | 'none';
      /** @description Planned maintenance, excluded from availability; default false */
      planned: boolean;
      title?: string;
      updatedAt: components['schemas']['Timestamp'];
    };
    SliEventInput: {
      source: components['schemas']['Source'];
      service: components['schemas']['ServiceRef'];
      /** @description The objective's name in the service's agreement */
      objective: string;
      sliceStart: components['schemas']['Timestamp'];
      sliceSeconds: number;
      good: number;
      total: number;
    };
    SliEvent: {
      source: components['schemas']['Source'];
      service: components['schemas']['ServiceRef'];
      /** @description The objective's name in the service's agreement */
      objective: string;
      sliceStart: components['schemas']['Timestamp'];
      sliceSeconds: number;
      good: number;
      total: number;
      updatedAt: components['schemas']['Timestamp'];
    };
    /** @description How one measurement source fares for a service, or as a whole. failing: its latest attempt (a scheduled query, a run) failed after its latest success, so what it stored may be stale; ok otherwise. */
    SourceHealth: {
      source: components['schemas']['Source'];
      /** @enum {string} */
      status: 'ok' | 'failing';
      /** @description When the source last stored each kind of measurement */
      lastStored: {
        incidents?: components['schemas']['Timestamp'];
        outages?: components['schemas']['Timestamp'];
        sliEvents?: components['schemas']['Timestamp'];
      };
      lastSuccessAt?: components['schemas']['Timestamp'];
      lastFailureAt?: components['schemas']['Timestamp'];
      /** @description Why the latest failed attempt failed */
      lastFailure?: string;
    };
    SourceSummary: components['schemas']['SourceHealth'] & {
      /** @description Services the source stored measurements or health for */
      services: number;
      /** @description Of those, the ones whose latest attempt failed */
      failingServices: number;
      /** @description Items received that map to no ITService in the catalog: never stored, counted here */
      unmatched: {
        count: number;
        lastAt?: components['schemas']['Timestamp'];
        last?: string;
      };
    };
    /** @enum {string} */
    SlaStatus: 'met' | 'at-risk' | 'breached' | 'no-data';
    Money: {
      amount: number;
      currency: string;
    };
    /** @description The error budget of the whole period in the objective's own unit (docs/sla-semantics.md, rules 1 and 3) */
    ErrorBudgetReport: {
      /** @enum {string} */
      unit: 'minutes' | 'events' | 'incidents';
      /** @description minutes: (1 - target) x agreed minutes of the whole period; events: (1 - target) x the period's events (projected while open); incidents: late incidents allowed among those counted */
      allowed: number;
      /** @description Downtime minutes, bad events or late incidents so far */
      spent: number;
      /** @description allowed - spent; incidents: how many more may still be late this period if no other incident is met in time (never below 0) */
      remaining: number;
      /** @description 100 x (allowed - spent) / allowed; negative when overspent */
      remainingPercent: number;
      consumedPercent: number;
    };
    BurnRateReport: {
      window: string;
      lookbackMinutes: number;
      /** @description Null when nothing was measured in the look-back */
      burnRate: number | null;
    };
    BurnRateAlert: {
      name: string;
      /** @enum {string} */
      severity: 'page' | 'ticket';
      threshold: number;
      longBurnRate: number;
      shortBurnRate: number;
    };
    /** @description Open periods of availability and sli objectives: the spending so far extrapolated to the period's end, on the objective's own time base */
    BudgetForecast: {
      /** @description More than the whole period's budget is spent */
      alreadyExhausted: boolean;
      breachesBeforeEnd: boolean;
      /**
       * Format: date-time
       * @description When the budget runs out at the rate so far, if before the end
       */
      exhaustedAt?: string;
      projectedAttainment: number;
      /** @description Budget spent by the end at the rate so far, in the budget's unit */
      projectedSpent: number;
    };
    TrendPoint: {
      /** Format: date-time */
      at: string;
      attainment: number | null;
      budgetRemainingPercent: number | null;
    };
    /** @description Scorer-specific figures shown with the score */
    ScoreDetails: {
      [key: string]: number | string | boolean;
    };
    /** @description One objective's result in a period; percentages are 0-100 */
    ObjectiveReport: {
      name: string;
      type: string;
      /** @description Percent */
      target: number;
      priority?: string;
      threshold?: string;
      /** @description Percent; null without data */
      attainment: number | null;
      status: components['schemas']['SlaStatus'];
      budget?: components['schemas']['ErrorBudgetReport'];
      /** @description Whether burn rates are defined: true for availability and sli, false for response and resolution */
      burnRatesApply?: boolean;
      burnRates?: components['schemas']['BurnRateReport'][];
      alerts?: components['schemas']['BurnRateAlert'][];
      forecast?: components['schemas']['BudgetForecast'];
      details?: components['schemas']['ScoreDetails'];
      /** @description Response and resolution objectives, the running incidents they track */
      openIncidents?: components['schemas']['OpenIncident'][];
      /** @description How attainment and budget developed over the current period so far, at up to 31 evenly spaced points; only in a service's own report */
      trend?: components['schemas']['TrendPoint'][];
    };
    /** @description A running incident as a response or resolution objective tracks it (docs/sla-semantics.md, rule 12) */
    OpenIncident: {
      source: string;
      externalId: string;
      priority: string;
      /** Format: date-time */
      openedAt: string;
      title?: string;
      url?: string;
      /** @description Business time elapsed on the objective's calendar, pauses left out */
      elapsedMinutes: number;
      /** @description 100 x elapsed / threshold */
      percentOfThreshold: number;
      /** @enum {string} */
      milestone: 'ok' | '50%' | '75%' | 'breached';
      /**
       * Format: date-time
       * @description When elapsed time reaches the threshold
       */
      breachAt?: string;
      /** @description Opened before the period and still running; it counts in its own period */
      earlierPeriod?: boolean;
    };
    /** @description An open incident past a milestone, with the objective it counts against */
    AtRiskIncident: {
      source: string;
      externalId: string;
      priority: string;
      /** Format: date-time */
      openedAt: string;
      title?: string;
      url?: string;
      /** @description Business time elapsed on the objective's calendar, pauses left out */
      elapsedMinutes: number;
      /** @description 100 x elapsed / threshold */
      percentOfThreshold: number;
      /** @enum {string} */
      milestone: 'ok' | '50%' | '75%' | 'breached';
      /**
       * Format: date-time
       * @description When elapsed time reaches the threshold
       */
      breachAt?: string;
      /** @description Opened before the period and still running; it counts in its own period */
      earlierPeriod?: boolean;
      agreement: string;
      objective: string;
    };
    /** @description One agreement's result in a period */
    AgreementReport: {
      name: string;
      /** @enum {string} */
      type: 'SLA' | 'OLA' | 'UC';
      with: string;
      /** @enum {string} */
      window:
        | 'calendar-week'
        | 'calendar-month'
        | 'calendar-quarter'
        | 'rolling-7d'
        | 'rolling-28d'
        | 'rolling-30d';
      period: {
        /** Format: date-time */
        start: string;
        /** Format: date-time */
        end: string;
        label: string;
      };
      /** @description The period has ended in the service's time zone */
      closed: boolean;
      /** @description Closed, and no incident of the period still pending */
      final: boolean;
      status: components['schemas']['SlaStatus'];
      credit: {
        percent: number;
        objective?: string;
        /** @description percent x the fee of the agreement's window */
        amount?: components['schemas']['Money'];
        /** @description The fee of the agreement's window (quarter = 3 x the monthly fee) */
        fee?: components['schemas']['Money'];
        /**
         * @description owed for a closed period; projected: what would be owed if the period closed now
         * @enum {string}
         */
        basis: 'owed' | 'projected';
        /**
         * @description payable (SLA, OLA) we pay; receivable (UC) the supplier pays us
         * @enum {string}
         */
        direction: 'payable' | 'receivable';
      };
      objectives: components['schemas']['ObjectiveReport'][];
    };
    /** @description The SLA report of an IT service for a period */
    ServiceSlaReport: {
      service: string;
      title?: string;
      /** @description current or YYYY-MM */
      period: string;
      /** Format: date-time */
      evaluatedAt: string;
      /** @description Every agreement's period has ended */
      closed: boolean;
      /** @description Closed, and no incident still pending; the figures will not change */
      final: boolean;
      status: components['schemas']['SlaStatus'];
      /** @description Compliance score 0-100, null when nothing could be scored */
      score: number | null;
      agreements: components['schemas']['AgreementReport'][];
      /** @description Open incidents past 50 % of a response or resolution threshold */
      atRiskIncidents: components['schemas']['AtRiskIncident'][];
      /** @description The share of the error budget (0 to 1) below which an open objective is counted at risk (itsm.atRiskBudgetRemaining) */
      atRiskBudgetRemaining: number;
      /** @description Underpinning OLAs and UCs less strict than the SLAs they support, with the service that carries the OLA or UC */
      warnings: {
        message: string;
        /** @description The service that carries the weaker OLA or UC */
        service?: string;
      }[];
      /** @description Availability the service can promise from its whole dependsOn chain (series: the product of its own and every ITService it depends on, directly or not, each once) */
      composite: {
        availability: number | null;
        chain: {
          service: string;
          availability: number | null;
        }[];
        /** @description Dependency cycles found, as lists of refs */
        cycles?: string[][];
      };
    };
    MoneyByDirection: {
      payable: components['schemas']['Money'][];
      receivable: components['schemas']['Money'][];
    };
    /** @description Credits summed per currency: owed for closed periods, projected for open ones; payable (SLA, OLA) and receivable (UC) never netted */
    CreditTotals: {
      owed: components['schemas']['MoneyByDirection'];
      projected: components['schemas']['MoneyByDirection'];
    };
    /** @description A month of a service's SLA history */
    SlaHistoryEntry: {
      month: string;
      final: boolean;
      status: components['schemas']['SlaStatus'];
      score: number | null;
      agreements: {
        name: string;
        status: components['schemas']['SlaStatus'];
        creditPercent: number;
        /** @enum {string} */
        creditBasis: 'owed' | 'projected';
        /** @enum {string} */
        creditDirection: 'payable' | 'receivable';
        objectives: {
          name: string;
          attainment: number | null;
          status: components['schemas']['SlaStatus'];
        }[];
      }[];
    };
    /** @description One row of the service portfolio */
    PortfolioRow: {
      service: string;
      title?: string;
      type: string;
      lifecycle: string;
      owner: string;
      customers: string[];
      suppliers: string[];
      status: components['schemas']['SlaStatus'];
      score: number | null;
      worstObjective?: {
        agreement: string;
        objective: string;
        target: number;
        attainment: number | null;
        status: components['schemas']['SlaStatus'];
      };
      /** @description The highest credit percent of the service's SLAs and OLAs (payable) */
      creditPercent: number;
      credits: components['schemas']['CreditTotals'];
      /**
       * Format: date-time
       * @description The instant the row's figures are as of: for the current period at most itsm.portfolio.maxAge before the request, and after every measurement written before it (docs/sla-semantics.md, rule 16)
       */
      evaluatedAt: string;
      /** @description With the supports filter: the service the entity supports directly, through which it supports this one (absent when it supports this one directly) */
      supportedThrough?: string;
    };
    /** @description What was agreed with one stakeholder or supplier, across services */
    PartySlaReport: {
      party: string;
      period: string;
      /** @description Compliance score 0-100 over the objectives agreed with the party */
      score: number | null;
      services: {
        service: string;
        title?: string;
        status: components['schemas']['SlaStatus'];
        agreements: components['schemas']['AgreementReport'][];
      }[];
      credits: components['schemas']['CreditTotals'];
    };
    /** @description The party report of one page of services; score and credits are those of the page (a client sums all pages with partyTotals), nextCursor leads to the next page */
    PartySlaPage: {
      party: string;
      period: string;
      /** @description Compliance score 0-100 over the objectives agreed with the party */
      score: number | null;
      services: {
        service: string;
        title?: string;
        status: components['schemas']['SlaStatus'];
        agreements: components['schemas']['AgreementReport'][];
      }[];
      credits: components['schemas']['CreditTotals'];
      nextCursor?: string;
    };
    /** @description A notification the itsm backend sent (or is sending) about an IT service or supplier, because a stored state changed (docs/sla-semantics.md, rule 14) */
    ServiceNotification: {
      id: string;
      /**
       * @description status: an objective became at risk or breached; recovery: it got better and stayed so for the recovery delay; burn-alert: a burn rate alert started firing; incident-milestone: an open incident reached 75 % or 100 % of its threshold; credit: a closed period ended with a credit; contract-notice: a supplier contract entered its notice period
       * @enum {string}
       */
      kind:
        | 'status'
        | 'recovery'
        | 'burn-alert'
        | 'incident-milestone'
        | 'credit'
        | 'contract-notice';
      agreement?: string;
      objective?: string;
      /** @description What the change is about within the objective: the alert's name, the incident (source/externalId), the period of a credit, the contract reference */
      subject?: string;
      /** @description The state notified, e.g. breached, 75%, firing, owed */
      state?: string;
      /** @enum {string} */
      severity: 'critical' | 'high' | 'normal' | 'low';
      title: string;
      description: string;
      /** @description The portal path of the exact view (SLA tab and period, supplier page) */
      link: string;
      /** @description Entity refs of the users and groups notified */
      recipients: string[];
      /**
       * Format: date-time
       * @description When the change was seen, on the clock the reports use
       */
      createdAt: string;
      /**
       * Format: date-time
       * @description When the notifications backend accepted it
       */
      sentAt?: string;
      /**
       * @description pending until the notifications backend accepted it
       * @enum {string}
       */
      delivery: 'pending' | 'sent';
      /** @description Why the latest delivery attempt failed, while pending */
      lastError?: string;
    };
    IngestResult: {
      created: number;
      updated: number;
      unchanged: number;
    };
  };
  responses: {
    /** @description An error, in Backstage's error format */
    ErrorResponse: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Error'];
      };
    };
  };
  parameters: {
    /** @description Entity ref of an ITService, e.g. itservice:default/online-banking */
    service: string;
    /** @description Earliest time (inclusive), ISO 8601 */
    from: string;
    /** @description Latest time (exclusive), ISO 8601 */
    to: string;
    /** @description Page size, default 100 */
    limit: number;
    /** @description The nextCursor of the previous page */
    cursor: string;
    /** @description Services scored per page, in ref order; default and at most 200 */
    reportLimit: number;
    source: string;
    externalId: string;
    namespace: string;
    name: string;
    /** @description current (each agreement's own window, the default) or a month YYYY-MM */
    period: string;
  };
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
/** @public */
export interface operations {
  ListIncidents: {
    parameters: {
      query: {
        /** @description Entity ref of an ITService, e.g. itservice:default/online-banking */
        service: components['parameters']['service'];
        /** @description Earliest time (inclusive), ISO 8601 */
        from?: components['parameters']['from'];
        /** @description Latest time (exclusive), ISO 8601 */
        to?: components['parameters']['to'];
        /** @description Page size, default 100 */
        limit?: components['parameters']['limit'];
        /** @description The nextCursor of the previous page */
        cursor?: components['parameters']['cursor'];
        /** @description When true, only incidents not resolved yet */
        open?: boolean;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description One page of incidents */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['Incident'][];
            nextCursor?: string;
          };
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  PushIncidents: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          items: components['schemas']['IncidentInput'][];
        };
      };
    };
    responses: {
      /** @description How many items were created, updated and unchanged */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['IngestResult'];
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  DeleteIncident: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        source: components['parameters']['source'];
        externalId: components['parameters']['externalId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deleted */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  ListOutages: {
    parameters: {
      query: {
        /** @description Entity ref of an ITService, e.g. itservice:default/online-banking */
        service: components['parameters']['service'];
        /** @description Earliest time (inclusive), ISO 8601 */
        from?: components['parameters']['from'];
        /** @description Latest time (exclusive), ISO 8601 */
        to?: components['parameters']['to'];
        /** @description Page size, default 100 */
        limit?: components['parameters']['limit'];
        /** @description The nextCursor of the previous page */
        cursor?: components['parameters']['cursor'];
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description One page of outages */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['Outage'][];
            nextCursor?: string;
          };
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  PushOutages: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          items: components['schemas']['OutageInput'][];
        };
      };
    };
    responses: {
      /** @description How many items were created, updated and unchanged */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['IngestResult'];
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  DeleteOutage: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        source: components['parameters']['source'];
        externalId: components['parameters']['externalId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deleted */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  ListSliEvents: {
    parameters: {
      query: {
        /** @description Entity ref of an ITService, e.g. itservice:default/online-banking */
        service: components['parameters']['service'];
        /** @description Earliest time (inclusive), ISO 8601 */
        from?: components['parameters']['from'];
        /** @description Latest time (exclusive), ISO 8601 */
        to?: components['parameters']['to'];
        /** @description Page size, default 100 */
        limit?: components['parameters']['limit'];
        /** @description The nextCursor of the previous page */
        cursor?: components['parameters']['cursor'];
        objective?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description One page of SLI slices */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['SliEvent'][];
            nextCursor?: string;
          };
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  PushSliEvents: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          items: components['schemas']['SliEventInput'][];
        };
      };
    };
    responses: {
      /** @description How many items were created, updated and unchanged */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['IngestResult'];
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  DeleteSliEvent: {
    parameters: {
      query: {
        source: string;
        /** @description Entity ref of an ITService, e.g. itservice:default/online-banking */
        service: components['parameters']['service'];
        objective: string;
        sliceStart: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deleted */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  ListSources: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description One entry per source, in name order */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['SourceSummary'][];
          };
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  GetServiceSources: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        namespace: components['parameters']['namespace'];
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description One entry per source, in name order */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['SourceHealth'][];
          };
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  GetServiceNotifications: {
    parameters: {
      query?: {
        /** @description Page size, default 100 */
        limit?: components['parameters']['limit'];
      };
      header?: never;
      path: {
        namespace: components['parameters']['namespace'];
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The newest notifications first */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['ServiceNotification'][];
          };
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  GetServiceSla: {
    parameters: {
      query?: {
        /** @description current (each agreement's own window, the default) or a month YYYY-MM */
        period?: components['parameters']['period'];
      };
      header?: never;
      path: {
        namespace: components['parameters']['namespace'];
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The report */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ServiceSlaReport'];
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  GetServiceSlaHistory: {
    parameters: {
      query: {
        from: string;
        to: string;
      };
      header?: never;
      path: {
        namespace: components['parameters']['namespace'];
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description One entry per month */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['SlaHistoryEntry'][];
          };
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  GetStakeholderSla: {
    parameters: {
      query?: {
        /** @description current (each agreement's own window, the default) or a month YYYY-MM */
        period?: components['parameters']['period'];
        /** @description Services scored per page, in ref order; default and at most 200 */
        limit?: components['parameters']['reportLimit'];
        /** @description The nextCursor of the previous page */
        cursor?: components['parameters']['cursor'];
      };
      header?: never;
      path: {
        namespace: components['parameters']['namespace'];
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The agreements with the stakeholder and their results, for one page of services; score and credits are those of the page (a client sums all pages with partyTotals), nextCursor leads to the next page */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PartySlaPage'];
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  GetStakeholderReportCsv: {
    parameters: {
      query: {
        month: string;
      };
      header?: never;
      path: {
        namespace: components['parameters']['namespace'];
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description CSV */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/csv': string;
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  GetSupplierSla: {
    parameters: {
      query?: {
        /** @description current (each agreement's own window, the default) or a month YYYY-MM */
        period?: components['parameters']['period'];
        /** @description Services scored per page, in ref order; default and at most 200 */
        limit?: components['parameters']['reportLimit'];
        /** @description The nextCursor of the previous page */
        cursor?: components['parameters']['cursor'];
      };
      header?: never;
      path: {
        namespace: components['parameters']['namespace'];
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The underpinning contracts with the supplier and their results, for one page of services; score and credits are those of the page, nextCursor leads to the next page */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PartySlaPage'];
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  GetPortfolio: {
    parameters: {
      query?: {
        /** @description current (each agreement's own window, the default) or a month YYYY-MM */
        period?: components['parameters']['period'];
        /** @description Services scored per page, in ref order; default and at most 200 */
        limit?: components['parameters']['reportLimit'];
        /** @description The nextCursor of the previous page */
        cursor?: components['parameters']['cursor'];
        owner?: string;
        customer?: string;
        supplier?: string;
        lifecycle?: 'pipeline' | 'live' | 'retired';
        /** @description An entity ref (a Component, System, Resource or API): only the services it supports, listed in their implementedBy or dependsOn (it, or its System), and the services that depend on those, directly or not */
        supports?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The rows */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['PortfolioRow'][];
            nextCursor?: string;
          };
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
}
