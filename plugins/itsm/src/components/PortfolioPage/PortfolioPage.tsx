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
  Content,
  Header,
  InfoCard,
  Page,
  Progress,
  ResponseErrorPanel,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { catalogApiRef, EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  complianceScoreRules,
  CreditTotals,
  formatAttainment,
  isSupplierEntity,
  Money,
  PortfolioRow,
  sumCreditTotals,
  toCsv,
} from '@backstage-itsm/plugin-itsm-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { itsmApiRef } from '../../api';
import { directionLines } from '../../lib/credits';
import { formatAttainmentPercent, isNumber } from '../../lib/format';
import { contractState } from '../PartyServicesTab';
import { RefLink, RefLinks } from '../RefLinks';
import { SlaStatus } from '../SlaStatus';

/** A count in large type, or lines of money in smaller type. */
function Tile(props: {
  title: string;
  value: string | string[];
  hint: string;
}) {
  const lines = Array.isArray(props.value) ? props.value : undefined;
  return (
    <InfoCard title={props.title}>
      {lines ? (
        <Box aria-label={`${props.title}: ${lines.join('; ')}`}>
          {lines.map(line => (
            <Typography key={line} variant="h6" component="p">
              {line}
            </Typography>
          ))}
        </Box>
      ) : (
        <Typography
          variant="h3"
          component="p"
          aria-label={`${props.title}: ${props.value}`}
        >
          {props.value}
        </Typography>
      )}
      <Typography variant="caption" color="textSecondary">
        {props.hint}
      </Typography>
    </InfoCard>
  );
}

/** "payable €2,400.00" and "receivable €300.00" of one basis, or `empty`. */
function CreditLines(props: { totals: CreditTotals['owed']; empty?: string }) {
  const lines = directionLines(props.totals);
  if (lines.length === 0) return <>{props.empty ?? '—'}</>;
  return (
    <Box display="flex" flexDirection="column">
      {lines.map(line => (
        <Box component="span" key={line} style={{ whiteSpace: 'nowrap' }}>
          {line}
        </Box>
      ))}
    </Box>
  );
}

/**
 * The worst objective's attainment against its target, where the row gives
 * one (docs/sla-semantics.md, rule 11); rows without it read as before.
 */
function worstTarget(r: PortfolioRow): number | undefined {
  const worst = r.worstObjective;
  return worst && 'target' in worst && isNumber(worst.target)
    ? worst.target
    : undefined;
}

const columns: TableColumn<PortfolioRow>[] = [
  {
    title: 'Service',
    field: 'title',
    render: r => <EntityRefLink entityRef={r.service} title={r.title} />,
  },
  {
    title: 'Status',
    field: 'status',
    render: r => <SlaStatus status={r.status} />,
  },
  {
    title: 'Score',
    field: 'score',
    type: 'numeric',
    render: r => (
      <Tooltip
        title={`Weighted share of objectives met this period (${complianceScoreRules()}); objectives without data are left out.`}
      >
        <span>{isNumber(r.score) ? r.score.toFixed(0) : '—'}</span>
      </Tooltip>
    ),
  },
  {
    title: 'Worst objective',
    render: r =>
      r.worstObjective
        ? `${r.worstObjective.agreement} / ${
            r.worstObjective.objective
          }: ${formatAttainmentPercent(
            r.worstObjective.attainment,
            worstTarget(r),
          )}`
        : '—',
  },
  {
    title: 'Owner',
    field: 'owner',
    render: r => <RefLink entityRef={r.owner} defaultKind="group" />,
  },
  {
    title: 'Customers',
    render: r => (
      <RefLinks refs={r.customers} defaultKind="stakeholder" empty="—" />
    ),
  },
  {
    title: 'Suppliers',
    render: r => (
      <RefLinks refs={r.suppliers} defaultKind="supplier" empty="—" />
    ),
  },
  { title: 'Type', field: 'type' },
  { title: 'Lifecycle', field: 'lifecycle' },
  {
    title: 'Credits owed',
    render: r => <CreditLines totals={r.credits.owed} />,
  },
  {
    title: 'Projected',
    render: r => <CreditLines totals={r.credits.projected} />,
  },
];

/** The portfolio as CSV, one row per service. */
export function portfolioCsv(rows: PortfolioRow[]): string {
  const header = [
    'service',
    'title',
    'status',
    'score',
    'worst_objective',
    'worst_attainment',
    'owner',
    'customers',
    'suppliers',
    'type',
    'lifecycle',
    'credits_owed_payable',
    'credits_owed_receivable',
    'credits_projected_payable',
    'credits_projected_receivable',
  ];
  const money = (list: Money[]) =>
    list.map(c => `${c.amount} ${c.currency}`).join(' ');
  const lines = rows.map(r => [
    r.service,
    r.title,
    r.status,
    isNumber(r.score) ? r.score.toFixed(1) : '',
    r.worstObjective
      ? `${r.worstObjective.agreement}/${r.worstObjective.objective}`
      : '',
    isNumber(r.worstObjective?.attainment)
      ? formatAttainment(r.worstObjective!.attainment!, worstTarget(r))
      : '',
    r.owner,
    r.customers.join(' '),
    r.suppliers.join(' '),
    r.type,
    r.lifecycle,
    money(r.credits.owed.payable),
    money(r.credits.owed.receivable),
    money(r.credits.projected.payable),
    money(r.credits.projected.receivable),
  ]);
  return toCsv([header, ...lines]);
}

function downloadCsv(rows: PortfolioRow[]) {
  const url = URL.createObjectURL(
    new Blob([portfolioCsv(rows)], { type: 'text/csv' }),
  );
  const link = document.createElement('a');
  link.href = url;
  link.download = 'it-service-portfolio.csv';
  link.click();
  URL.revokeObjectURL(url);
}

/** Supplier contracts that end within their notice period, or have ended. */
function ExpiringContracts() {
  const catalogApi = useApi(catalogApiRef);
  const { value } = useAsync(
    () => catalogApi.getEntities({ filter: { kind: 'supplier' } }),
    [catalogApi],
  );
  const now = new Date();
  const expiring = (value?.items ?? [])
    .filter(isSupplierEntity)
    .map(supplier => ({ supplier, state: contractState(supplier, now) }))
    .filter(({ state }) => state?.insideNotice || state?.expired);
  return (
    <Typography variant="body2" aria-label="Contracts expiring">
      <strong>Contracts expiring:</strong>{' '}
      {expiring.length === 0
        ? 'none within their notice period'
        : expiring.map(({ supplier, state }, i) => (
            <span key={supplier.metadata.name}>
              {i > 0 && ', '}
              <EntityRefLink entityRef={supplier} /> ends {state!.end}
              {state!.expired ? ' (ended)' : ` (in ${state!.daysLeft} days)`}
            </span>
          ))}
    </Typography>
  );
}

/** The service portfolio at /itsm: every IT service with its SLA status. */
export function PortfolioPage() {
  const api = useApi(itsmApiRef);
  const { value, loading, error } = useAsync(() => api.getPortfolio(), [api]);
  const rows = value?.items ?? [];
  const count = (status: string) =>
    String(rows.filter(r => r.status === status).length);
  const credits = sumCreditTotals(rows.map(r => r.credits));
  const creditTile = (totals: CreditTotals['owed']) => {
    const lines = directionLines(totals);
    return lines.length ? lines : ['none'];
  };
  return (
    <Page themeId="tool">
      <Header
        title="IT service portfolio"
        subtitle="Service levels of every IT service, this period"
      />
      <Content>
        {loading && <Progress />}
        {error && <ResponseErrorPanel error={error} />}
        {value && (
          <Grid container spacing={3}>
            {[
              {
                title: 'Breached',
                value: count('breached'),
                hint: 'services with an agreement below target',
              },
              {
                title: 'At risk',
                value: count('at-risk'),
                hint: 'on target, little budget left',
              },
              {
                title: 'Met',
                value: count('met'),
                hint: 'every agreement on target',
              },
            ].map(tile => (
              <Grid item xs={4} md={2} key={tile.title}>
                <Tile {...tile} />
              </Grid>
            ))}
            <Grid item xs={12} sm={6} md={3}>
              <Tile
                title="Credits owed"
                value={creditTile(credits.owed)}
                hint="closed periods: payable to customers and teams (SLA, OLA), receivable from suppliers (UC)"
              />
            </Grid>
            <Grid item xs={12} sm={6} md={3}>
              <Tile
                title="Projected credits"
                value={creditTile(credits.projected)}
                hint="open periods: what would be owed if they closed now"
              />
            </Grid>
            <Grid item xs={12}>
              <ExpiringContracts />
            </Grid>
            <Grid item xs={12}>
              <Button variant="outlined" onClick={() => downloadCsv(rows)}>
                Export CSV
              </Button>
            </Grid>
            <Grid item xs={12}>
              <Table<PortfolioRow>
                title={`IT services (${rows.length})`}
                options={{
                  paging: rows.length > 20,
                  pageSize: 20,
                  padding: 'dense',
                }}
                filters={[
                  { column: 'Status', type: 'select' },
                  { column: 'Lifecycle', type: 'select' },
                  { column: 'Type', type: 'select' },
                ]}
                columns={columns}
                data={rows}
              />
            </Grid>
          </Grid>
        )}
      </Content>
    </Page>
  );
}
