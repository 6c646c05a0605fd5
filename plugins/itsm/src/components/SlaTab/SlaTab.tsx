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
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import {
  useApi,
  useAppSearchParams,
  useTranslationRef,
} from '@backstage/frontend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import {
  complianceScoreRules,
  isITServiceEntity,
  recentMonths,
} from '@backstage-itsm/plugin-itsm-common';
import Box from '@material-ui/core/Box';
import FormControl from '@material-ui/core/FormControl';
import Grid from '@material-ui/core/Grid';
import InputLabel from '@material-ui/core/InputLabel';
import MenuItem from '@material-ui/core/MenuItem';
import Select from '@material-ui/core/Select';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { itsmApiRef } from '../../api';
import { FiguresState } from '../FiguresState';
import { useFormat } from '../../lib/locale';
import { itsmTranslationRef } from '../../translation';
import { HistoryChart, objectiveTargets } from '../HistoryChart';
import { AtRiskShareContext, SlaStatus } from '../SlaStatus';
import { Explained } from './Explained';
import { noDataCommand } from './explanations';
import { AgreementCard } from './AgreementCard';
import { AlertsCard } from './Alerts';
import { AtRiskIncidents } from './AtRiskIncidents';
import { Dependencies } from './Dependencies';
import { FailingSourcesWarning, SourcesCard } from './Sources';

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

/** The SLA tab of an ITService. @public */
export function SlaTab() {
  const { entity } = useEntity();
  const api = useApi(itsmApiRef);
  const { t } = useTranslationRef(itsmTranslationRef);
  const { formatNumber } = useFormat();
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

  // Live, whatever the period: which tools report now. Only fetched when
  // the tab shows the figures (a service without agreements shows neither).
  const sources = useAsync(
    async () => (hasAgreements ? api.getServiceSources(ref) : undefined),
    [api, ref, hasAgreements],
  );
  // Live too: what was notified about the service, newest first.
  const notifications = useAsync(
    async () => (hasAgreements ? api.getServiceNotifications(ref) : undefined),
    [api, ref, hasAgreements],
  );

  if (!hasAgreements) {
    return (
      <EmptyState
        missing="content"
        title={t('slaTab.noAgreementsTitle')}
        description={t('slaTab.noAgreementsDescription')}
        action={<CodeSnippet language="yaml" text={AGREEMENT_SNIPPET} />}
      />
    );
  }
  const picker = (
    <FormControl variant="outlined" size="small" style={{ minWidth: 200 }}>
      <InputLabel id="itsm-period-label">{t('slaTab.periodLabel')}</InputLabel>
      <Select
        labelId="itsm-period-label"
        label={t('slaTab.periodLabel')}
        value={period}
        onChange={e => setSearchParams({ period: String(e.target.value) })}
      >
        <MenuItem value="current">{t('slaTab.currentPeriod')}</MenuItem>
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
              {t('slaTab.overall', {
                status: <SlaStatus status={report.status} />,
              })}
            </Typography>
            {/* The rules come in English from the common package. */}
            <Explained
              title={t('common.scoreExplanation', {
                rules: complianceScoreRules(),
              })}
            >
              {t('common.complianceScore', {
                score: formatNumber(report.score),
              })}
            </Explained>
            <FiguresState
              state={report}
              objectives={report.agreements.flatMap(a => a.objectives)}
            />
          </Box>
        </Grid>
        {sources.value && (
          <Grid item xs={12}>
            <FailingSourcesWarning sources={sources.value.items} />
          </Grid>
        )}
        {noData && (
          <Grid item xs={12}>
            <InfoCard title={t('slaTab.noDataTitle')}>
              <Typography variant="body2" paragraph>
                {t('slaTab.noDataDescription')}
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
        <Grid item xs={12}>
          <AlertsCard
            notifications={notifications.value?.items}
            loading={notifications.loading}
            error={notifications.error}
          />
        </Grid>
        <Grid item xs={12}>
          {sources.error ? (
            <ResponseErrorPanel
              title={t('sources.title')}
              error={sources.error}
            />
          ) : (
            sources.value && <SourcesCard sources={sources.value.items} />
          )}
        </Grid>
      </Grid>
    </AtRiskShareContext.Provider>
  );
}
