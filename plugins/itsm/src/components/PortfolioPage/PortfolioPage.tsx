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
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import { catalogApiRef, EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  complianceScoreRules,
  contractNoticeState,
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
import { useMemo } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { itsmApiRef } from '../../api';
import { directionLines } from '../../lib/credits';
import { isNumber, ItsmFormat } from '../../lib/format';
import { useFormat } from '../../lib/locale';
import { itsmTranslationRef, ItsmTranslation } from '../../translation';
import { RefLink, RefLinks } from '../RefLinks';
import { SlaStatus } from '../SlaStatus';

/** A count in large type, or lines of money in smaller type. */
function Tile(props: {
  title: string;
  value: string | string[];
  hint: string;
}) {
  const { t } = useTranslationRef(itsmTranslationRef);
  const lines = Array.isArray(props.value) ? props.value : undefined;
  return (
    <InfoCard title={props.title}>
      {lines ? (
        <Box
          aria-label={t('portfolioPage.tileLabel', {
            title: props.title,
            value: lines.join('; '),
          })}
        >
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
          aria-label={t('portfolioPage.tileLabel', {
            title: props.title,
            value: String(props.value),
          })}
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
  const { t } = useTranslationRef(itsmTranslationRef);
  const format = useFormat();
  const lines = directionLines(props.totals, t, format);
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

/** The table's columns; the status, type and lifecycle ones are filters too. */
function portfolioColumns(
  t: ItsmTranslation,
  format: ItsmFormat,
): TableColumn<PortfolioRow>[] {
  const { formatAttainmentPercent, formatNumber } = format;
  // The rules come in English from the common package.
  const scoreExplanation = t('portfolioPage.scoreExplanation', {
    rules: complianceScoreRules(),
  });
  return [
    {
      title: t('portfolioPage.service'),
      field: 'title',
      render: r => <EntityRefLink entityRef={r.service} title={r.title} />,
    },
    {
      title: t('portfolioPage.status'),
      field: 'status',
      render: r => <SlaStatus status={r.status} />,
    },
    {
      title: t('portfolioPage.score'),
      field: 'score',
      type: 'numeric',
      render: r => (
        <Tooltip title={scoreExplanation}>
          <span>{formatNumber(r.score)}</span>
        </Tooltip>
      ),
    },
    {
      title: t('portfolioPage.worstObjective'),
      render: r =>
        r.worstObjective
          ? t('portfolioPage.worstObjectiveValue', {
              agreement: r.worstObjective.agreement,
              objective: r.worstObjective.objective,
              attainment: formatAttainmentPercent(
                r.worstObjective.attainment,
                worstTarget(r),
              ),
            })
          : '—',
    },
    {
      title: t('portfolioPage.owner'),
      field: 'owner',
      render: r => <RefLink entityRef={r.owner} defaultKind="group" />,
    },
    {
      title: t('portfolioPage.customers'),
      render: r => (
        <RefLinks refs={r.customers} defaultKind="stakeholder" empty="—" />
      ),
    },
    {
      title: t('portfolioPage.suppliers'),
      render: r => (
        <RefLinks refs={r.suppliers} defaultKind="supplier" empty="—" />
      ),
    },
    { title: t('portfolioPage.type'), field: 'type' },
    { title: t('portfolioPage.lifecycle'), field: 'lifecycle' },
    {
      title: t('portfolioPage.creditsOwedColumn'),
      render: r => <CreditLines totals={r.credits.owed} />,
    },
    {
      title: t('portfolioPage.projectedColumn'),
      render: r => <CreditLines totals={r.credits.projected} />,
    },
  ];
}

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
    'evaluated_at',
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
    r.evaluatedAt,
  ]);
  return toCsv([header, ...lines]);
}

/**
 * The oldest `evaluatedAt` of the rows as given, or undefined without a
 * row (or without one that parses): every row's figures are as of that
 * instant or later (docs/sla-semantics.md, rule 16).
 */
export function oldestEvaluatedAt(rows: PortfolioRow[]): string | undefined {
  let oldest: { iso: string; time: number } | undefined;
  for (const r of rows) {
    // Compared as instants: ISO strings of other offsets or precisions do
    // not sort as text.
    const time = Date.parse(r.evaluatedAt);
    if (isNumber(time) && (!oldest || time < oldest.time)) {
      oldest = { iso: r.evaluatedAt, time };
    }
  }
  return oldest?.iso;
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
  const { t } = useTranslationRef(itsmTranslationRef);
  const { value } = useAsync(
    () => catalogApi.getEntities({ filter: { kind: 'supplier' } }),
    [catalogApi],
  );
  const now = new Date();
  const expiring = (value?.items ?? [])
    .filter(isSupplierEntity)
    .flatMap(supplier => {
      const { end, noticePeriod } = supplier.spec.contract ?? {};
      const state = contractNoticeState({ end, noticePeriod }, now);
      return end && state && (state.insideNotice || state.expired)
        ? [{ supplier, end, state }]
        : [];
    });
  return (
    <Typography
      variant="body2"
      aria-label={t('portfolioPage.contractsExpiring')}
    >
      <strong>{t('portfolioPage.contractsExpiringLabel')}</strong>{' '}
      {expiring.length === 0
        ? t('portfolioPage.noContractsExpiring')
        : expiring.map(({ supplier, end, state }, i) => {
            const link = <EntityRefLink entityRef={supplier} />;
            return (
              <span key={supplier.metadata.name}>
                {i > 0 && ', '}
                {state.expired
                  ? t('portfolioPage.contractEnded', { supplier: link, end })
                  : t('portfolioPage.contractEnds', {
                      supplier: link,
                      end,
                      count: state.daysLeft,
                    })}
              </span>
            );
          })}
    </Typography>
  );
}

/** The service portfolio at /itsm: every IT service with its SLA status. @public */
export function PortfolioPage() {
  const api = useApi(itsmApiRef);
  const { t } = useTranslationRef(itsmTranslationRef);
  const format = useFormat();
  const columns = useMemo(() => portfolioColumns(t, format), [t, format]);
  const { value, loading, error } = useAsync(() => api.getPortfolio(), [api]);
  const rows = value?.items ?? [];
  const count = (status: string) =>
    format.formatQuantity(rows.filter(r => r.status === status).length);
  const credits = sumCreditTotals(rows.map(r => r.credits));
  const asOf = oldestEvaluatedAt(rows);
  const creditTile = (totals: CreditTotals['owed']) => {
    const lines = directionLines(totals, t, format);
    return lines.length ? lines : [t('common.none')];
  };
  return (
    <Page themeId="tool">
      <Header
        title={t('portfolioPage.title')}
        subtitle={t('portfolioPage.subtitle')}
      />
      <Content>
        {loading && <Progress />}
        {error && <ResponseErrorPanel error={error} />}
        {value && (
          <Grid container spacing={3}>
            {[
              {
                title: t('portfolioPage.breached'),
                value: count('breached'),
                hint: t('portfolioPage.breachedHint'),
              },
              {
                title: t('portfolioPage.atRisk'),
                value: count('at-risk'),
                hint: t('portfolioPage.atRiskHint'),
              },
              {
                title: t('portfolioPage.met'),
                value: count('met'),
                hint: t('portfolioPage.metHint'),
              },
            ].map(tile => (
              <Grid item xs={4} md={2} key={tile.title}>
                <Tile {...tile} />
              </Grid>
            ))}
            <Grid item xs={12} sm={6} md={3}>
              <Tile
                title={t('portfolioPage.creditsOwed')}
                value={creditTile(credits.owed)}
                hint={t('portfolioPage.creditsOwedHint')}
              />
            </Grid>
            <Grid item xs={12} sm={6} md={3}>
              <Tile
                title={t('portfolioPage.projectedCredits')}
                value={creditTile(credits.projected)}
                hint={t('portfolioPage.projectedCreditsHint')}
              />
            </Grid>
            <Grid item xs={12}>
              <ExpiringContracts />
            </Grid>
            <Grid item xs={12}>
              <Box display="flex" alignItems="center" flexWrap="wrap">
                <Box mr={2}>
                  <Button variant="outlined" onClick={() => downloadCsv(rows)}>
                    {t('portfolioPage.exportCsv')}
                  </Button>
                </Box>
                {asOf && (
                  <Typography variant="body2" color="textSecondary">
                    {t('portfolioPage.figuresAsOf', {
                      at: format.formatInstant(asOf),
                    })}
                  </Typography>
                )}
              </Box>
            </Grid>
            <Grid item xs={12}>
              <Table<PortfolioRow>
                title={t('portfolioPage.tableTitle', { count: rows.length })}
                options={{
                  paging: rows.length > 20,
                  pageSize: 20,
                  padding: 'dense',
                }}
                // Filters find their column by its (translated) title.
                filters={[
                  { column: t('portfolioPage.status'), type: 'select' },
                  { column: t('portfolioPage.lifecycle'), type: 'select' },
                  { column: t('portfolioPage.type'), type: 'select' },
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
