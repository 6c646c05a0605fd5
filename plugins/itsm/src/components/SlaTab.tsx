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
  CodeSnippet,
  EmptyState,
  InfoCard,
  LinearGauge,
  Progress,
  ResponseErrorPanel,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi, useAppSearchParams } from '@backstage/frontend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { EntityRefLink, useEntity } from '@backstage/plugin-catalog-react';
import {
  AgreementReport,
  AtRiskIncident,
  complianceScoreRules,
  isITServiceEntity,
  ObjectiveReport,
  recentMonths,
  ServiceSlaReport,
} from '@backstage-itsm/plugin-itsm-common';
import Box from '@material-ui/core/Box';
import ButtonBase from '@material-ui/core/ButtonBase';
import Chip from '@material-ui/core/Chip';
import FormControl from '@material-ui/core/FormControl';
import Grid from '@material-ui/core/Grid';
import InputLabel from '@material-ui/core/InputLabel';
import MenuItem from '@material-ui/core/MenuItem';
import Select from '@material-ui/core/Select';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';

import useAsync from 'react-use/esm/useAsync';
import { itsmApiRef } from '../api';
import { creditLabel, directionText } from './credits';
import { FiguresState } from './FiguresState';
import {
  formatAttainmentPercent,
  formatBudget,
  formatBurnRate,
  formatInstant,
  formatMinutes,
  formatMoney,
  formatPercent,
  formatTarget,
  httpHref,
  isNumber,
} from './format';
import { HistoryChart, objectiveTargets } from './HistoryChart';
import { PeriodTrendChart } from './PeriodTrendChart';
import { AtRiskShareContext, SlaStatus } from './SlaStatus';

// Every computed number explains itself on hover and on keyboard focus.
function Explained(props: { title: string; children: React.ReactNode }) {
  return (
    <Tooltip title={props.title}>
      <ButtonBase
        component="span"
        disableRipple
        style={{
          borderBottom: '1px dotted',
          cursor: 'help',
          font: 'inherit',
          textAlign: 'left',
        }}
      >
        {props.children}
      </ButtonBase>
    </Tooltip>
  );
}

// The share of a partial outage that counted as downtime, as the scorer reports it.
function partialOutages(o: ObjectiveReport): string {
  const weight = o.details?.partialWeight;
  return typeof weight === 'number'
    ? `partial outages count ${formatPercent(weight * 100, 0)}`
    : 'partial outages count with the configured weight';
}

function attainmentExplanation(o: ObjectiveReport): string {
  switch (o.type) {
    case 'availability':
      return `(agreed service time − unplanned downtime inside it) ÷ agreed service time; planned maintenance is not agreed time, ${partialOutages(
        o,
      )}.`;
    case 'response':
    case 'resolution':
      return `Share of ${
        o.priority ?? ''
      } incidents opened in the period whose ${o.type} took at most ${
        o.threshold ?? 'the threshold'
      } of business time; open incidents count once past it.`;
    case 'sli':
      return 'Good events ÷ total events in the period.';
    default:
      return 'Computed by a scorer module for this objective type.';
  }
}

const noDataCommand = (
  service: string,
) => `curl -X POST http://localhost:7007/api/itsm/v1/outages \\
  -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \\
  -d '{"items":[{"source":"monitoring","externalId":"OUT-1","service":"${service}",
       "start":"2026-11-20T08:00:00Z","end":"2026-11-20T08:20:00Z","impact":"full"}]}'`;

function budgetExplanation(o: ObjectiveReport): string {
  switch (o.budget?.unit) {
    case 'minutes':
      return `Allowed = (1 − target) × the agreed minutes of the whole period; spent = downtime inside agreed time so far (${partialOutages(
        o,
      )}); left = allowed − spent.`;
    case 'events':
      return "Allowed = (1 − target) × the period's events, projected to the period's end while it is open; spent = bad events so far.";
    case 'incidents':
      return 'Late incidents allowed among those counted so far, (1 − target) × counted, rounded down; "more may be late" = how many more may still breach this period if no other one is met in time.';
    default:
      return 'Allowed = (1 − target) × the period; spent so far.';
  }
}

function ObjectivesTable(props: { agreement: AgreementReport }) {
  const { agreement } = props;
  const columns: TableColumn<ObjectiveReport>[] = [
    {
      title: 'Objective',
      render: o => (
        <>
          <Typography variant="body2">{o.name}</Typography>
          <Typography variant="caption" color="textSecondary">
            {[o.type, o.priority, o.threshold && `within ${o.threshold}`]
              .filter(Boolean)
              .join(' · ')}
          </Typography>
        </>
      ),
    },
    { title: 'Target', render: o => formatTarget(o.target) },
    {
      title: 'Attainment',
      render: o => (
        <Explained title={attainmentExplanation(o)}>
          {formatAttainmentPercent(o.attainment, o.target)}
        </Explained>
      ),
    },
    {
      title: 'Status',
      render: o => (
        <Box style={{ whiteSpace: 'nowrap' }}>
          <SlaStatus status={o.status} />
        </Box>
      ),
    },
    {
      title: 'Error budget',
      render: o =>
        o.budget ? (
          <Explained title={budgetExplanation(o)}>
            <Box minWidth={160}>
              <LinearGauge
                value={
                  isNumber(o.budget.remainingPercent)
                    ? Math.max(0, Math.min(1, o.budget.remainingPercent / 100))
                    : 0
                }
              />
              <Typography variant="caption">
                {formatBudget(o.budget, { projected: !agreement.closed })}
              </Typography>
            </Box>
          </Explained>
        ) : (
          '—'
        ),
    },
    {
      title: 'Burn rates',
      render: o => {
        if (o.burnRatesApply === false) {
          return (
            <Explained title="Burn rates and burn-rate alerts are defined for time- and event-based objectives (availability, SLI); response and resolution objectives count incidents instead.">
              not applicable
            </Explained>
          );
        }
        return o.burnRates?.length ? (
          <Explained title="Error ratio over the look-back ÷ (1 − target); 1× spends exactly the budget over the period.">
            {/* One look-back per line: a window never breaks mid-way. */}
            <Box display="flex" flexDirection="column">
              {o.burnRates.map(b => (
                <Box
                  component="span"
                  key={b.window}
                  style={{ whiteSpace: 'nowrap' }}
                >
                  {`${formatMinutes(b.lookbackMinutes)}: ${formatBurnRate(
                    b.burnRate,
                  )}`}
                </Box>
              ))}
            </Box>
          </Explained>
        ) : (
          '—'
        );
      },
    },
    {
      title: 'Alerts and forecast',
      render: o => (
        <>
          {(o.alerts ?? []).map(a => (
            <Tooltip
              key={a.name}
              title={`Burn rate ${formatBurnRate(
                a.longBurnRate,
              )} (long) and ${formatBurnRate(a.shortBurnRate)} (short) above ${
                a.threshold
              }×`}
            >
              <Chip
                size="small"
                color={a.severity === 'page' ? 'secondary' : 'default'}
                label={`${a.severity}: ${a.name}`}
              />
            </Tooltip>
          ))}
          <Typography variant="caption" display="block">
            {forecastText(o)}
          </Typography>
        </>
      ),
    },
  ];
  return (
    <Table<ObjectiveReport>
      options={{
        paging: false,
        search: false,
        toolbar: false,
        padding: 'dense',
      }}
      columns={columns}
      data={agreement.objectives}
    />
  );
}

function forecastText(o: ObjectiveReport): string {
  if (!o.forecast) return o.status === 'no-data' ? 'No measurements yet.' : '';
  if (o.forecast.alreadyExhausted) return 'Budget already spent.';
  if (o.forecast.breachesBeforeEnd && o.forecast.exhaustedAt) {
    return `At this pace the budget runs out ${formatInstant(
      o.forecast.exhaustedAt,
    )}.`;
  }
  return 'At this pace the budget lasts the period.';
}

function AgreementCard(props: { agreement: AgreementReport }) {
  const { agreement } = props;
  const credit = agreement.credit;
  return (
    <InfoCard
      title={`${agreement.name} (${agreement.type})`}
      subheader={
        <>
          with <EntityRefLink entityRef={agreement.with} /> · {agreement.window}{' '}
          · {agreement.period.label} ({formatInstant(agreement.period.start)} –{' '}
          {formatInstant(agreement.period.end)})
        </>
      }
    >
      <Box
        display="flex"
        alignItems="center"
        flexWrap="wrap"
        mb={1}
        style={{ gap: 24 }}
      >
        <SlaStatus status={agreement.status} />
        <FiguresState state={agreement} objectives={agreement.objectives} />
        <Typography component="span" variant="body2">
          <Explained
            title={`Credit tier for ${
              credit.objective ?? 'the deciding objective'
            }: the lowest "below" threshold its attainment${
              credit.basis === 'projected' ? ' so far' : ''
            } falls below, in percent of the fee for the period${
              credit.fee ? ` (${formatMoney(credit.fee)})` : ''
            }, capped.${
              credit.basis === 'projected'
                ? ' Projected: what would be owed if the period closed now.'
                : ''
            }`}
          >
            {creditLabel(credit.basis)}: {formatPercent(credit.percent, 0)}
            {credit.amount ? ` (${formatMoney(credit.amount)})` : ''}
          </Explained>{' '}
          {directionText(credit.direction)}{' '}
          <EntityRefLink entityRef={agreement.with} />
        </Typography>
      </Box>
      <ObjectivesTable agreement={agreement} />
      <PeriodTrendChart agreement={agreement} />
    </InfoCard>
  );
}

function AtRiskIncidents(props: { report: ServiceSlaReport }) {
  const rows = props.report.atRiskIncidents;
  if (rows.length === 0) return null;
  return (
    <InfoCard title="Open incidents at risk">
      <Table
        options={{
          paging: false,
          search: false,
          toolbar: false,
          padding: 'dense',
        }}
        columns={[
          {
            title: 'Incident',
            render: (r: AtRiskIncident) =>
              httpHref(r.url) ? (
                <a href={httpHref(r.url)}>{r.externalId}</a>
              ) : (
                r.externalId
              ),
          },
          { title: 'Title', field: 'title' },
          { title: 'Priority', field: 'priority' },
          {
            title: 'Objective',
            render: (r: AtRiskIncident) => `${r.agreement} / ${r.objective}`,
          },
          {
            title: 'Threshold used',
            render: (r: AtRiskIncident) =>
              formatPercent(r.percentOfThreshold, 0),
          },
          { title: 'Milestone', field: 'milestone' },
          {
            title: 'Breaches at',
            render: (r: AtRiskIncident) => formatInstant(r.breachAt),
          },
        ]}
        data={rows}
      />
    </InfoCard>
  );
}

function Dependencies(props: { report: ServiceSlaReport }) {
  const { composite, warnings } = props.report;
  if (composite.chain.length === 0 && warnings.length === 0) return null;
  return (
    <InfoCard title="Dependencies">
      <Typography variant="body2" gutterBottom>
        <Explained title="Services in series: the product of this service's availability and those it depends on.">
          Composite availability: {formatPercent(composite.availability)}
        </Explained>
      </Typography>
      {composite.chain.map(link => (
        <Typography key={link.service} variant="body2">
          <EntityRefLink entityRef={link.service} />:{' '}
          {formatPercent(link.availability)}
        </Typography>
      ))}
      {warnings.map(w => (
        <Typography key={w.message} variant="body2" color="error">
          {w.message}
        </Typography>
      ))}
    </InfoCard>
  );
}

const AGREEMENT_SNIPPET = `spec:
  agreements:
    - name: customer-sla
      type: SLA
      with: stakeholder:default/my-customers   # one of spec.customers
      window: calendar-month
      objectives:
        - name: availability
          type: availability
          target: 99.9`;

/** The SLA tab of an ITService. */
export function SlaTab() {
  const { entity } = useEntity();
  const api = useApi(itsmApiRef);
  const [searchParams, setSearchParams] = useAppSearchParams();
  const period = searchParams.get('period') ?? 'current';
  const ref = stringifyEntityRef(entity);
  const hasAgreements =
    isITServiceEntity(entity) && (entity.spec.agreements?.length ?? 0) > 0;
  const months = recentMonths(new Date(), 12);
  const {
    value: report,
    loading,
    error,
  } = useAsync(
    async () =>
      hasAgreements ? api.getServiceSla(ref, { period }) : undefined,
    [api, ref, period, hasAgreements],
  );

  if (!hasAgreements) {
    return (
      <EmptyState
        missing="content"
        title="No agreements yet"
        description="Add an SLA, OLA or UC to this service's catalog YAML to see its compliance here."
        action={<CodeSnippet language="yaml" text={AGREEMENT_SNIPPET} />}
      />
    );
  }
  const picker = (
    <FormControl variant="outlined" size="small" style={{ minWidth: 200 }}>
      <InputLabel id="itsm-period-label">Period</InputLabel>
      <Select
        labelId="itsm-period-label"
        label="Period"
        value={period}
        onChange={e => setSearchParams({ period: String(e.target.value) })}
      >
        <MenuItem value="current">Current period</MenuItem>
        {months.map(m => (
          <MenuItem key={m} value={m}>
            {m}
          </MenuItem>
        ))}
      </Select>
    </FormControl>
  );
  if (loading) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  if (!report) return null;
  const noData = report.agreements.some(a =>
    a.objectives.some(o => o.status === 'no-data'),
  );
  return (
    <AtRiskShareContext.Provider value={report.atRiskBudgetRemaining}>
      <Grid container spacing={3}>
        <Grid item xs={12}>
          <Box display="flex" alignItems="center" style={{ gap: 24 }}>
            {picker}
            <Typography variant="h6">
              Overall: <SlaStatus status={report.status} />
            </Typography>
            <Explained
              title={`Weighted share of objectives met (${complianceScoreRules()}); objectives without data are left out.`}
            >
              Compliance score:{' '}
              {isNumber(report.score) ? report.score.toFixed(0) : '—'}
            </Explained>
            <FiguresState
              state={report}
              objectives={report.agreements.flatMap(a => a.objectives)}
            />
          </Box>
        </Grid>
        {noData && (
          <Grid item xs={12}>
            <InfoCard title="Some objectives have no data">
              <Typography variant="body2" paragraph>
                No incidents, outages or SLI counts were reported for this
                service in the period, so those objectives show no number rather
                than 100 %. Send measurements from your incident and monitoring
                tools, for example:
              </Typography>
              <CodeSnippet language="bash" text={noDataCommand(ref)} />
            </InfoCard>
          </Grid>
        )}
        {report.agreements.map(a => (
          <Grid item xs={12} key={a.name}>
            <AgreementCard agreement={a} />
          </Grid>
        ))}
        <Grid item xs={12} md={6}>
          <HistoryChart
            service={ref}
            months={months.slice(0, 6).reverse()}
            targets={objectiveTargets(report)}
          />
        </Grid>
        <Grid item xs={12} md={6}>
          <Dependencies report={report} />
        </Grid>
        <Grid item xs={12}>
          <AtRiskIncidents report={report} />
        </Grid>
      </Grid>
    </AtRiskShareContext.Provider>
  );
}
