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
} from '@backstage/frontend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { EntityRefLink, useEntity } from '@backstage/plugin-catalog-react';
import {
  AgreementReport,
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
import {
  creditLabel,
  creditTotalLines,
  directionText,
} from '../../lib/credits';
import { FiguresState } from '../FiguresState';
import {
  formatAttainmentPercent,
  formatMoney,
  formatMoneyList,
  formatPercent,
  formatTarget,
  isNumber,
} from '../../lib/format';
import { SlaStatus } from '../SlaStatus';

const DAY = 86_400_000;

/** Contract dates of a supplier, with a warning once inside the notice period. */
export function contractState(supplier: SupplierEntity, now: Date) {
  const contract = supplier.spec.contract;
  if (!contract?.end) return undefined;
  const end = Date.parse(contract.end);
  const days = Math.ceil((end - now.getTime()) / DAY);
  const notice = contract.noticePeriod
    ? Number(/^(\d+)d$/.exec(contract.noticePeriod)?.[1] ?? NaN)
    : NaN;
  return {
    end: contract.end,
    daysLeft: days,
    expired: days < 0,
    insideNotice:
      days >= 0 && (Number.isFinite(notice) ? days <= notice : days <= 60),
  };
}

function SupplierContract(props: { supplier: SupplierEntity }) {
  const { supplier } = props;
  const contract = supplier.spec.contract;
  const state = contractState(supplier, new Date());
  return (
    <InfoCard title="Contract">
      <Typography variant="body2">
        {supplier.spec.category} supplier · reference{' '}
        {contract?.reference ?? '—'} · {contract?.start ?? '?'} to{' '}
        {contract?.end ?? 'open-ended'} · renewal {contract?.renewal ?? '—'} ·
        notice {contract?.noticePeriod ?? '—'}
      </Typography>
      {state?.expired && (
        <Typography color="error">
          The contract ended {-state.daysLeft} days ago.
        </Typography>
      )}
      {state?.insideNotice && (
        <Typography color="error">
          The contract ends in {state.daysLeft} days, inside its notice period:
          decide on renewal now.
        </Typography>
      )}
    </InfoCard>
  );
}

type Row = { service: string; agreement: AgreementReport };

function ServicesTable(props: { report: PartySlaReport }) {
  const rows: Row[] = props.report.services.flatMap(s =>
    s.agreements.map(a => ({ service: s.service, agreement: a })),
  );
  return (
    <Table<Row>
      title="Services and agreements"
      options={{ paging: false, padding: 'dense' }}
      columns={[
        {
          title: 'Service',
          render: (r: Row) => <EntityRefLink entityRef={r.service} />,
        },
        {
          title: 'Agreement',
          render: (r: Row) => `${r.agreement.name} (${r.agreement.type})`,
        },
        {
          title: 'Period',
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
          title: 'Status',
          render: (r: Row) => <SlaStatus status={r.agreement.status} />,
        },
        {
          title: 'Objectives',
          render: (r: Row) =>
            r.agreement.objectives
              .map(
                (o: ObjectiveReport) =>
                  `${o.name}: ${formatAttainmentPercent(
                    o.attainment,
                    o.target,
                  )} of ${formatTarget(o.target)}`,
              )
              .join('; '),
        },
        {
          title: 'Credit',
          render: (r: Row) => {
            const credit = r.agreement.credit;
            return (
              <>
                <Typography variant="body2">
                  {`${creditLabel(credit.basis)}: ${formatPercent(
                    credit.percent,
                    0,
                  )}${
                    credit.amount && credit.percent > 0
                      ? ` (${formatMoney(credit.amount)})`
                      : ''
                  }`}
                </Typography>
                <Typography variant="caption" color="textSecondary">
                  {directionText(credit.direction)}{' '}
                  <EntityRefLink entityRef={r.agreement.with} />
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
  const lines = creditTotalLines(props.report.credits);
  return (
    <Box mb={2}>
      <Typography variant="h6">Credits this period</Typography>
      {lines.length === 0 ? (
        <Typography variant="body1">none</Typography>
      ) : (
        lines.map(line => (
          <Typography key={`${line.basis}-${line.direction}`} variant="body1">
            {`${creditLabel(line.basis)}, ${directionText(line.direction)} ${
              props.party
            }: ${formatMoneyList(line.sums)}`}
          </Typography>
        ))
      )}
    </Box>
  );
}

function CsvDownload(props: { stakeholder: string; month: string }) {
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
      Download {props.month} report (CSV)
    </Button>
  );
}

/** The "Services" tab of a Stakeholder or Supplier: what was agreed with it, across services. */
export function PartyServicesTab() {
  const { entity } = useEntity();
  const api = useApi(itsmApiRef);
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
              Compliance score:{' '}
              {isNumber(value.score) ? value.score.toFixed(0) : '—'}
            </Typography>
            <CreditTotalsSummary report={value} party={partyName} />
            <ServicesTable report={value} />
          </>
        ) : (
          <EmptyState
            missing="data"
            title="No agreements with this party"
            description={`No IT service has an agreement whose counterparty ("with") is ${ref}.`}
          />
        )}
      </Grid>
      {stakeholder && (
        <Grid item xs={12}>
          <InfoCard title="Monthly customer report">
            <Typography variant="body2" paragraph>
              Every objective agreed with this stakeholder, its attainment and
              the credits owed, for last month.
            </Typography>
            <CsvDownload stakeholder={ref} month={lastMonth} />{' '}
            <Button variant="outlined" onClick={() => window.print()}>
              Print this page
            </Button>
          </InfoCard>
        </Grid>
      )}
    </Grid>
  );
}
