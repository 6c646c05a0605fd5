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
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
  Table,
} from '@backstage/core-components';
import {
  discoveryApiRef,
  fetchApiRef,
  useApi,
  useTranslationRef,
} from '@backstage/frontend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { EntityRefLink, useEntity } from '@backstage/plugin-catalog-react';
import {
  AgreementReport,
  contractNoticeState,
  isStakeholderEntity,
  isSupplierEntity,
  ObjectiveReport,
  PartySlaReport,
  recentMonths,
  SupplierEntity,
} from '@backstage-itsm/plugin-itsm-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { itsmApiRef } from '../../api';
import { creditLabel, creditTotalLines, directionKey } from '../../lib/credits';
import { FiguresState } from '../FiguresState';
import { useFormat } from '../../lib/locale';
import { itsmTranslationRef } from '../../translation';
import { SlaStatus } from '../SlaStatus';

/**
 * Contract dates of a supplier, with a warning once inside the notice period:
 * {@link contractNoticeState} in UTC, with the end date as written.
 */
export function contractState(supplier: SupplierEntity, now: Date) {
  const contract = supplier.spec.contract;
  if (!contract?.end) return undefined;
  const state = contractNoticeState(contract, now);
  return state && { end: contract.end, ...state };
}

function SupplierContract(props: { supplier: SupplierEntity }) {
  const { supplier } = props;
  const contract = supplier.spec.contract;
  const { t } = useTranslationRef(itsmTranslationRef);
  const state = contractState(supplier, new Date());
  return (
    <InfoCard title={t('partyTab.contractTitle')}>
      <Typography variant="body2">
        {t('partyTab.contract', {
          category: supplier.spec.category,
          reference: contract?.reference ?? '—',
          start: contract?.start ?? t('partyTab.unknownStart'),
          end: contract?.end ?? t('partyTab.openEnded'),
          renewal: contract?.renewal ?? '—',
          notice: contract?.noticePeriod ?? '—',
        })}
      </Typography>
      {state?.expired && (
        <Typography color="error">
          {t('partyTab.contractEnded', { count: -state.daysLeft })}
        </Typography>
      )}
      {state?.insideNotice && (
        <Typography color="error">
          {t('partyTab.contractEndsSoon', { count: state.daysLeft })}
        </Typography>
      )}
    </InfoCard>
  );
}

type Row = { service: string; agreement: AgreementReport };

function ServicesTable(props: { report: PartySlaReport }) {
  const { t } = useTranslationRef(itsmTranslationRef);
  const { formatAttainmentPercent, formatMoney, formatPercent, formatTarget } =
    useFormat();
  const rows: Row[] = props.report.services.flatMap(s =>
    s.agreements.map(a => ({ service: s.service, agreement: a })),
  );
  return (
    <Table<Row>
      title={t('partyTab.servicesTitle')}
      options={{ paging: false, padding: 'dense' }}
      columns={[
        {
          title: t('partyTab.service'),
          render: (r: Row) => <EntityRefLink entityRef={r.service} />,
        },
        {
          title: t('partyTab.agreement'),
          render: (r: Row) =>
            t('common.agreementName', {
              name: r.agreement.name,
              type: r.agreement.type,
            }),
        },
        {
          title: t('partyTab.period'),
          render: (r: Row) => (
            <>
              <Typography variant="body2">
                {r.agreement.period.label}
              </Typography>
              <FiguresState
                state={r.agreement}
                objectives={r.agreement.objectives}
              />
            </>
          ),
        },
        {
          title: t('partyTab.status'),
          render: (r: Row) => <SlaStatus status={r.agreement.status} />,
        },
        {
          title: t('partyTab.objectives'),
          render: (r: Row) =>
            r.agreement.objectives
              .map((o: ObjectiveReport) =>
                t('partyTab.objectiveOfTarget', {
                  name: o.name,
                  attainment: formatAttainmentPercent(o.attainment, o.target),
                  target: formatTarget(o.target),
                }),
              )
              .join('; '),
        },
        {
          title: t('partyTab.credit'),
          render: (r: Row) => {
            const credit = r.agreement.credit;
            const label = creditLabel(t, credit.basis);
            const percent = formatPercent(credit.percent, 0);
            return (
              <>
                <Typography variant="body2">
                  {credit.amount && credit.percent > 0
                    ? t('credits.valueWithAmount', {
                        label,
                        percent,
                        amount: formatMoney(credit.amount),
                      })
                    : t('credits.value', { label, percent })}
                </Typography>
                <Typography variant="caption" color="textSecondary">
                  {t(directionKey(credit.direction), {
                    party: <EntityRefLink entityRef={r.agreement.with} />,
                  })}
                </Typography>
              </>
            );
          },
        },
      ]}
      data={rows}
    />
  );
}

/**
 * The party's credits this period: owed and projected apart, payable to and
 * receivable from the party apart; never added together.
 */
function CreditTotalsSummary(props: { report: PartySlaReport; party: string }) {
  const { t } = useTranslationRef(itsmTranslationRef);
  const { formatMoneyList } = useFormat();
  const lines = creditTotalLines(props.report.credits);
  return (
    <Box mb={2}>
      <Typography variant="h6">{t('partyTab.creditsTitle')}</Typography>
      {lines.length === 0 ? (
        <Typography variant="body1">{t('common.none')}</Typography>
      ) : (
        lines.map(line => (
          <Typography key={`${line.basis}-${line.direction}`} variant="body1">
            {t('partyTab.creditTotal', {
              label: creditLabel(t, line.basis),
              direction: t(directionKey(line.direction), {
                party: props.party,
              }),
              sums: formatMoneyList(line.sums),
            })}
          </Typography>
        ))
      )}
    </Box>
  );
}

function CsvDownload(props: { stakeholder: string; month: string }) {
  const { t } = useTranslationRef(itsmTranslationRef);
  const discovery = useApi(discoveryApiRef);
  const { fetch } = useApi(fetchApiRef);
  const download = async () => {
    const base = await discovery.getBaseUrl('itsm');
    const [, path] = props.stakeholder.split(':');
    const response = await fetch(
      `${base}/v1/stakeholders/${path}/sla/report.csv?month=${props.month}`,
    );
    const url = URL.createObjectURL(await response.blob());
    const link = document.createElement('a');
    link.href = url;
    link.download = `sla-${path.replace('/', '-')}-${props.month}.csv`;
    link.click();
    URL.revokeObjectURL(url);
  };
  return (
    <Button variant="outlined" onClick={download}>
      {t('partyTab.downloadReport', { month: props.month })}
    </Button>
  );
}

/** The "Services" tab of a Stakeholder or Supplier: what was agreed with it, across services. @public */
export function PartyServicesTab() {
  const { entity } = useEntity();
  const api = useApi(itsmApiRef);
  const { t } = useTranslationRef(itsmTranslationRef);
  const { formatNumber } = useFormat();
  const ref = stringifyEntityRef(entity);
  const stakeholder = isStakeholderEntity(entity);
  const { value, loading, error } = useAsync(
    () => (stakeholder ? api.getStakeholderSla(ref) : api.getSupplierSla(ref)),
    [api, ref, stakeholder],
  );
  if (loading) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  const [lastMonth] = recentMonths(new Date(), 1);
  const partyName = entity.metadata.title ?? entity.metadata.name;
  return (
    <Grid container spacing={3}>
      {isSupplierEntity(entity) && (
        <Grid item xs={12}>
          <SupplierContract supplier={entity} />
        </Grid>
      )}
      <Grid item xs={12}>
        {value && value.services.length > 0 ? (
          <>
            <Typography variant="h6" gutterBottom>
              {t('common.complianceScore', {
                score: formatNumber(value.score),
              })}
            </Typography>
            <CreditTotalsSummary report={value} party={partyName} />
            <ServicesTable report={value} />
          </>
        ) : (
          <EmptyState
            missing="data"
            title={t('partyTab.noAgreementsTitle')}
            description={t('partyTab.noAgreementsDescription', { party: ref })}
          />
        )}
      </Grid>
      {stakeholder && (
        <Grid item xs={12}>
          <InfoCard title={t('partyTab.reportTitle')}>
            <Typography variant="body2" paragraph>
              {t('partyTab.reportDescription')}
            </Typography>
            <CsvDownload stakeholder={ref} month={lastMonth} />{' '}
            <Button variant="outlined" onClick={() => window.print()}>
              {t('partyTab.print')}
            </Button>
          </InfoCard>
        </Grid>
      )}
    </Grid>
  );
}
