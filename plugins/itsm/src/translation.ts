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
  createTranslationRef,
  TranslationFunction,
} from '@backstage/frontend-plugin-api';

/**
 * Every text of the ITSM plugin, in English. Apps translate or reword them
 * with `createTranslationMessages` / `createTranslationResource` for this ref.
 *
 * Numbers come in already formatted for the user's language (see
 * lib/format.ts), so messages only place them: `{{percent}}` is "99.950 %"
 * in English and "99,950 %" in German. A count in a message is
 * `{{count, number}}`: i18next formats it for the language and picks the
 * `_one` / `_other` form by it.
 *
 * @alpha
 */
export const itsmTranslationRef = createTranslationRef({
  id: 'itsm',
  messages: {
    extensions: {
      slaTab: 'SLA',
      servicesTab: 'Services',
      portfolioPage: 'IT services',
    },
    format: {
      percent: '{{value}} %',
      burnRate: '{{value}}×',
      minutes: '{{minutes}} min',
      hours: '{{hours}} h',
      hoursMinutes: '{{hours}} h {{minutes}} min',
      days: '{{days}} d',
      daysHours: '{{days}} d {{hours}} h',
    },
    budget: {
      minutes: '{{allowed}} min allowed, {{spent}} min spent, {{left}}',
      minutesLeft: '{{minutes}} min left',
      minutesLeftShare: '{{minutes}} min left ({{percent}})',
      minutesOver: '{{minutes}} min over budget',
      minutesOverShare: '{{minutes}} min over budget ({{percent}})',
      events_one: '{{allowed}} bad event allowed, {{spent}} spent',
      events_other: '{{allowed}} bad events allowed, {{spent}} spent',
      eventsProjected_one:
        '{{allowed}} bad event allowed (projected), {{spent}} spent',
      eventsProjected_other:
        '{{allowed}} bad events allowed (projected), {{spent}} spent',
      incidents_one:
        '{{allowed}} late incident allowed so far, {{spent}} late; {{remaining}} more may be late this period',
      incidents_other:
        '{{allowed}} late incidents allowed so far, {{spent}} late; {{remaining}} more may be late this period',
      other: '{{allowed}} allowed, {{spent}} spent, {{remaining}} left',
    },
    credits: {
      owed: 'Credit owed',
      projected: 'Projected credit',
      payableTo: 'payable to {{party}}',
      receivableFrom: 'receivable from {{party}}',
      payableSums: 'payable {{sums}}',
      receivableSums: 'receivable {{sums}}',
      value: '{{label}}: {{percent}}',
      valueWithAmount: '{{label}}: {{percent}} ({{amount}})',
    },
    status: {
      met: {
        text: 'Met',
        explanation: 'On target, with enough error budget left.',
      },
      atRisk: {
        text: 'At risk',
        explanation:
          'Still on target, but little of the error budget is left, a fast-burn alert is firing, or the forecast breaches before the period ends.',
        explanationWithShare:
          'Still on target, but less than {{share}} of the error budget is left, a fast-burn alert is firing, or the forecast breaches before the period ends.',
      },
      breached: {
        text: 'Breached',
        explanation: 'Below target: the error budget is spent.',
      },
      noData: {
        text: 'No data',
        explanation:
          'No measurement source has reported for this service in the period.',
      },
    },
    figuresState: {
      open: 'Period open',
      openExplanation:
        'The period has not ended: figures are so far, and credits are projected (what would be owed if the period closed now).',
      provisional_one: 'Provisional: {{count, number}} incident still open',
      provisional_other: 'Provisional: {{count, number}} incidents still open',
      provisionalUncounted: 'Provisional: incidents still open',
      provisionalExplanation:
        'The period has ended, but incidents opened in it are still running within their threshold: the figures change when they stop or run late.',
      final: 'Final',
      finalExplanation:
        'The period has ended and no incident of it is pending: the figures will not change.',
    },
    common: {
      agreementName: '{{name}} ({{type}})',
      complianceScore: 'Compliance score: {{score}}',
      scoreExplanation:
        'Weighted share of objectives met ({{rules}}); objectives without data are left out.',
      none: 'none',
    },
    slaTab: {
      noAgreementsTitle: 'No agreements yet',
      noAgreementsDescription:
        "Add an SLA, OLA or UC to this service's catalog YAML to see its compliance here.",
      periodLabel: 'Period',
      currentPeriod: 'Current period',
      overall: 'Overall: {{status}}',
      noDataTitle: 'Some objectives have no data',
      noDataDescription:
        'No incidents, outages or SLI counts were reported for this service in the period, so those objectives show no number rather than 100 %. Send measurements from your incident and monitoring tools, for example:',
    },
    sources: {
      title: 'Measurement sources',
      subheader:
        'The tools that report on this service, and when each last did',
      none: 'No tool has reported on this service yet. See "Connecting your tools" in the Backstage ITSM README to send incidents, outages and SLI counts from Prometheus, Alertmanager, PagerDuty, Opsgenie or your own scripts.',
      source: 'Source',
      status: 'Status',
      ok: 'reporting',
      failing: 'failing',
      lastStored: 'Last stored',
      lastSuccess: 'Last successful read',
      problem: 'Problem',
      failedAt: '{{at}}: {{message}}',
      storedKind: '{{kind}}: {{at}}',
      kinds: {
        incidents: 'incidents',
        outages: 'outages',
        sliEvents: 'SLI counts',
      },
      failingTitle_one:
        'A measurement source is failing: its figures may be stale',
      failingTitle_other:
        '{{count, number}} measurement sources are failing: their figures may be stale',
    },
    alerts: {
      title: 'Alerts',
      subheader:
        'What the ITSM backend notified about this service, newest first',
      none: 'No notifications sent for this service yet. Owners are told when an objective becomes at risk or breached, a burn alert fires, an incident passes 75 % or 100 % of its threshold, or a closed month owes credits.',
      time: 'Time',
      severity: 'Severity',
      notification: 'Notification',
      recipients: 'Recipients',
      delivery: 'Delivery',
      severities: {
        critical: 'critical',
        high: 'high',
        normal: 'normal',
        low: 'low',
      },
      sent: 'sent',
      sentAt: 'sent {{at}}',
      pending: 'pending',
      pendingError: 'pending: {{message}}',
    },
    agreementCard: {
      subheader:
        'with {{party}} · {{window}} · {{period}} ({{start}} – {{end}})',
      decidingObjective: 'the deciding objective',
      creditTier:
        'Credit tier for {{objective}}: the lowest "below" threshold its attainment falls below, in percent of the fee for the period, capped.',
      creditTierWithFee:
        'Credit tier for {{objective}}: the lowest "below" threshold its attainment falls below, in percent of the fee for the period ({{fee}}), capped.',
      creditTierSoFar:
        'Credit tier for {{objective}}: the lowest "below" threshold its attainment so far falls below, in percent of the fee for the period, capped.',
      creditTierSoFarWithFee:
        'Credit tier for {{objective}}: the lowest "below" threshold its attainment so far falls below, in percent of the fee for the period ({{fee}}), capped.',
      projectedNote: 'Projected: what would be owed if the period closed now.',
    },
    objectivesTable: {
      objective: 'Objective',
      target: 'Target',
      attainment: 'Attainment',
      status: 'Status',
      errorBudget: 'Error budget',
      burnRates: 'Burn rates',
      alertsAndForecast: 'Alerts and forecast',
      within: 'within {{threshold}}',
      notApplicable: 'not applicable',
      notApplicableExplanation:
        'Burn rates and burn-rate alerts are defined for time- and event-based objectives (availability, SLI); response and resolution objectives count incidents instead.',
      burnRatesExplanation:
        'Error ratio over the look-back ÷ (1 − target); 1× spends exactly the budget over the period.',
      burnRate: '{{lookback}}: {{rate}}',
      alertExplanation:
        'Burn rate {{long}} (long) and {{short}} (short) above {{threshold}}',
      alert: '{{severity}}: {{name}}',
      severityPage: 'page',
      severityTicket: 'ticket',
    },
    explanations: {
      partialOutagesWeight: 'partial outages count {{weight}}',
      partialOutagesConfigured:
        'partial outages count with the configured weight',
      availability:
        '(agreed service time − unplanned downtime inside it) ÷ agreed service time; planned maintenance is not agreed time, {{partialOutages}}.',
      response:
        'Share of {{priority}} incidents opened in the period whose response took at most {{threshold}} of business time; open incidents count once past it.',
      resolution:
        'Share of {{priority}} incidents opened in the period whose resolution took at most {{threshold}} of business time; open incidents count once past it.',
      theThreshold: 'the threshold',
      sli: 'Good events ÷ total events in the period.',
      otherType: 'Computed by a scorer module for this objective type.',
      budgetMinutes:
        'Allowed = (1 − target) × the agreed minutes of the whole period; spent = downtime inside agreed time so far ({{partialOutages}}); left = allowed − spent.',
      budgetEvents:
        "Allowed = (1 − target) × the period's events, projected to the period's end while it is open; spent = bad events so far.",
      budgetIncidents:
        'Late incidents allowed among those counted so far, (1 − target) × counted, rounded down; "more may be late" = how many more may still breach this period if no other one is met in time.',
      budgetOther: 'Allowed = (1 − target) × the period; spent so far.',
      noMeasurements: 'No measurements yet.',
      budgetSpent: 'Budget already spent.',
      budgetRunsOut: 'At this pace the budget runs out {{at}}.',
      budgetLasts: 'At this pace the budget lasts the period.',
    },
    dependencies: {
      title: 'Dependencies',
      compositeExplanation:
        "Services in series: the product of this service's availability and those it depends on.",
      composite: 'Composite availability: {{availability}}',
      link: '{{service}}: {{availability}}',
    },
    atRiskIncidents: {
      title: 'Open incidents at risk',
      incident: 'Incident',
      incidentTitle: 'Title',
      priority: 'Priority',
      objective: 'Objective',
      thresholdUsed: 'Threshold used',
      milestone: 'Milestone',
      breachesAt: 'Breaches at',
    },
    historyChart: {
      title: 'Trend (last six closed months)',
      month: '{{month}}: score {{score}}, lowest attainment {{attainment}}',
      monthProvisional:
        '{{month}}: score {{score}}, lowest attainment {{attainment}} (provisional)',
      noMeasurements: 'No month in this range has measurements yet.',
      ariaLabel: 'SLA trend. {{summary}}',
      score: 'Compliance score',
      lowestAttainment: 'Lowest attainment (%)',
      provisionalMonth: '{{month}} (provisional)',
    },
    periodTrendChart: {
      title: 'Error budget left over the period (%)',
      ariaLabel: 'Error budget left over the period. {{summary}}',
      objective:
        '{{objective}}: budget left {{first}} on {{firstDay}}, {{last}} now (attainment {{attainment}})',
      atFloor: '{{value}} or less',
    },
    slaStatusCard: {
      title: 'Service levels',
      viewSla: 'View SLA',
      noAgreements: "No agreements; add them in the service's catalog YAML.",
      complianceScore: 'Compliance score {{score}}',
      worstObjective: '{{agreement}} — {{objective}} {{attainment}}',
    },
    partyTab: {
      contractTitle: 'Contract',
      contract:
        '{{category}} supplier · reference {{reference}} · {{start}} to {{end}} · renewal {{renewal}} · notice {{notice}}',
      unknownStart: '?',
      openEnded: 'open-ended',
      contractEnded_one: 'The contract ended {{count, number}} day ago.',
      contractEnded_other: 'The contract ended {{count, number}} days ago.',
      contractEndsSoon_one:
        'The contract ends in {{count, number}} day, inside its notice period: decide on renewal now.',
      contractEndsSoon_other:
        'The contract ends in {{count, number}} days, inside its notice period: decide on renewal now.',
      servicesTitle: 'Services and agreements',
      service: 'Service',
      agreement: 'Agreement',
      period: 'Period',
      status: 'Status',
      objectives: 'Objectives',
      credit: 'Credit',
      objectiveOfTarget: '{{name}}: {{attainment}} of {{target}}',
      creditsTitle: 'Credits this period',
      creditTotal: '{{label}}, {{direction}}: {{sums}}',
      downloadReport: 'Download {{month}} report (CSV)',
      noAgreementsTitle: 'No agreements with this party',
      noAgreementsDescription:
        'No IT service has an agreement whose counterparty ("with") is {{party}}.',
      reportTitle: 'Monthly customer report',
      reportDescription:
        'Every objective agreed with this stakeholder, its attainment and the credits owed, for last month.',
      print: 'Print this page',
    },
    portfolioPage: {
      title: 'IT service portfolio',
      subtitle: 'Service levels of every IT service, this period',
      tileLabel: '{{title}}: {{value}}',
      breached: 'Breached',
      breachedHint: 'services with an agreement below target',
      atRisk: 'At risk',
      atRiskHint: 'on target, little budget left',
      met: 'Met',
      metHint: 'every agreement on target',
      creditsOwed: 'Credits owed',
      creditsOwedHint:
        'closed periods: payable to customers and teams (SLA, OLA), receivable from suppliers (UC)',
      projectedCredits: 'Projected credits',
      projectedCreditsHint:
        'open periods: what would be owed if they closed now',
      exportCsv: 'Export CSV',
      figuresAsOf:
        'Figures as of {{at}} or later, with every measurement received before this page loaded',
      tableTitle: 'IT services ({{count, number}})',
      service: 'Service',
      status: 'Status',
      score: 'Score',
      scoreExplanation:
        'Weighted share of objectives met this period ({{rules}}); objectives without data are left out.',
      worstObjective: 'Worst objective',
      worstObjectiveValue: '{{agreement}} / {{objective}}: {{attainment}}',
      owner: 'Owner',
      customers: 'Customers',
      suppliers: 'Suppliers',
      type: 'Type',
      lifecycle: 'Lifecycle',
      creditsOwedColumn: 'Credits owed',
      projectedColumn: 'Projected',
      contractsExpiring: 'Contracts expiring',
      contractsExpiringLabel: 'Contracts expiring:',
      noContractsExpiring: 'none within their notice period',
      contractEnded: '{{supplier}} ends {{end}} (ended)',
      contractEnds_one: '{{supplier}} ends {{end}} (in {{count, number}} day)',
      contractEnds_other:
        '{{supplier}} ends {{end}} (in {{count, number}} days)',
    },
    serviceRows: {
      service: 'Service',
      status: 'Status',
      score: 'Score',
      worstObjective: 'Worst objective',
      worstObjectiveValue: '{{objective}}: {{attainment}} of {{target}}',
      worstObjectiveNoData: '{{objective}}: no measurements',
      customers: 'Customers',
      customersAffected: 'Customers affected',
      slaLink: 'SLA of {{service}}',
    },
    supportedServicesCard: {
      title: 'IT services',
      subheader:
        'The IT services this {{kind}} implements or supports, with their service levels this period',
      through: 'through {{service}}',
      throughExplanation:
        'This {{kind}} supports {{service}} directly, and {{supported}} depends on {{service}}, directly or through other services.',
      empty: 'No IT service lists this {{kind}} yet.',
      emptyWithSystem:
        'No IT service lists this {{kind}} or its system {{system}} yet.',
      howToLink: 'Add it to the spec of the ITService it implements:',
      howToLinkDependency: 'or, where the service only depends on it:',
      systemHint:
        'Listing the system {{system}} instead counts for every part of it.',
      kinds: {
        component: 'component',
        system: 'system',
        resource: 'resource',
        api: 'API',
        other: 'entity',
      },
    },
    providedServicesCard: {
      title: 'Services we provide',
      subheader:
        'The IT services this group owns, with their service levels this period',
      empty: 'This group owns no IT service.',
      howToLink:
        'Set it as the owner in the spec of each ITService it provides:',
    },
    searchResultItem: {
      kind: 'Kind: {{kind}}',
      type: 'Type: {{type}}',
      lifecycle: 'Lifecycle: {{lifecycle}}',
      liveStatus: 'SLA this period:',
      indexedStatus: 'SLA when indexed:',
      indexedStatusExplanation:
        'The status when the search index was last built: the current one is loading or could not be read.',
      customers: 'Customers: {{names}}',
      noCustomers: 'No customers recorded',
      suppliers: 'Suppliers: {{names}}',
      buys: 'Buys: {{names}}',
      buysNothing: 'Buys no IT service',
      contractEnds: 'Contract ends {{end}}',
      noContractEnd: 'No contract end recorded',
      supplies: 'Supplies: {{names}}',
    },
    factsCard: {
      title: '{{kind}} details',
      label: '{{label}}:',
      contacts: 'Contacts',
      type: 'Type',
      lifecycle: 'Lifecycle',
      serviceProvider: 'Service provider',
      customers: 'Customers',
      users: 'Users',
      suppliers: 'Suppliers',
      serviceHours: 'Service hours',
      serviceHoursValue: '{{intervals}} ({{timezone}})',
      // The English "1 holidays" is kept as the cards have always shown it.
      serviceHoursWithHolidays_one:
        '{{intervals}} ({{timezone}}), {{count, number}} holidays',
      serviceHoursWithHolidays_other:
        '{{intervals}} ({{timezone}}), {{count, number}} holidays',
      serviceHoursInterval: '{{days}} {{start}}–{{end}}',
      always: '24x7',
      plannedMaintenance: 'Planned maintenance',
      maintenanceWindow: '{{name}}: {{rrule}} for {{duration}}',
      costCentre: 'Cost centre',
      roles: 'Roles',
      organisation: 'Organisation',
      representedBy: 'Represented by',
      noGroup: 'no group',
      category: 'Category',
      supplierManager: 'Supplier manager',
      contract: 'Contract',
      contractValue:
        '{{reference}}, {{start}} to {{end}}, renewal {{renewal}}, notice {{notice}}',
      openEnded: 'open-ended',
      noContract: 'none recorded',
      website: 'Website',
    },
  },
});

/** The `t` of the ITSM messages, for helpers outside components. */
export type ItsmTranslation = TranslationFunction<typeof itsmTranslationRef.T>;
