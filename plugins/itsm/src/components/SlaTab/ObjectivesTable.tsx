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

import { LinearGauge, Table, TableColumn } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  AgreementReport,
  ObjectiveReport,
} from '@backstage-itsm/plugin-itsm-common';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { isNumber } from '../../lib/format';
import { useFormat } from '../../lib/locale';
import { itsmTranslationRef } from '../../translation';
import { SlaStatus } from '../SlaStatus';
import { Explained } from './Explained';
import {
  attainmentExplanation,
  budgetExplanation,
  forecastText,
} from './explanations';

export function ObjectivesTable(props: { agreement: AgreementReport }) {
  const { agreement } = props;
  const { t } = useTranslationRef(itsmTranslationRef);
  const format = useFormat();
  const {
    formatAttainmentPercent,
    formatBudget,
    formatBurnRate,
    formatMinutes,
    formatQuantity,
    formatTarget,
  } = format;
  const columns: TableColumn<ObjectiveReport>[] = [
    {
      title: t('objectivesTable.objective'),
      render: o => (
        <>
          <Typography variant="body2">{o.name}</Typography>
          <Typography variant="caption" color="textSecondary">
            {[
              o.type,
              o.priority,
              o.threshold &&
                t('objectivesTable.within', { threshold: o.threshold }),
            ]
              .filter(Boolean)
              .join(' · ')}
          </Typography>
        </>
      ),
    },
    { title: t('objectivesTable.target'), render: o => formatTarget(o.target) },
    {
      title: t('objectivesTable.attainment'),
      render: o => (
        <Explained title={attainmentExplanation(o, t, format)}>
          {formatAttainmentPercent(o.attainment, o.target)}
        </Explained>
      ),
    },
    {
      title: t('objectivesTable.status'),
      render: o => (
        <Box style={{ whiteSpace: 'nowrap' }}>
          <SlaStatus status={o.status} />
        </Box>
      ),
    },
    {
      title: t('objectivesTable.errorBudget'),
      render: o =>
        o.budget ? (
          <Explained title={budgetExplanation(o, t, format)}>
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
      title: t('objectivesTable.burnRates'),
      render: o => {
        if (o.burnRatesApply === false) {
          return (
            <Explained title={t('objectivesTable.notApplicableExplanation')}>
              {t('objectivesTable.notApplicable')}
            </Explained>
          );
        }
        return o.burnRates?.length ? (
          <Explained title={t('objectivesTable.burnRatesExplanation')}>
            {/* One look-back per line: a window never breaks mid-way. */}
            <Box display="flex" flexDirection="column">
              {o.burnRates.map(b => (
                <Box
                  component="span"
                  key={b.window}
                  style={{ whiteSpace: 'nowrap' }}
                >
                  {t('objectivesTable.burnRate', {
                    lookback: formatMinutes(b.lookbackMinutes),
                    rate: formatBurnRate(b.burnRate),
                  })}
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
      title: t('objectivesTable.alertsAndForecast'),
      render: o => (
        <>
          {(o.alerts ?? []).map(a => (
            <Tooltip
              key={a.name}
              title={t('objectivesTable.alertExplanation', {
                long: formatBurnRate(a.longBurnRate),
                short: formatBurnRate(a.shortBurnRate),
                // The threshold with its decimals: 14.4×, not 14×.
                threshold: t('format.burnRate', {
                  value: formatQuantity(a.threshold),
                }),
              })}
            >
              <Chip
                size="small"
                color={a.severity === 'page' ? 'secondary' : 'default'}
                label={t('objectivesTable.alert', {
                  severity:
                    a.severity === 'page'
                      ? t('objectivesTable.severityPage')
                      : t('objectivesTable.severityTicket'),
                  name: a.name,
                })}
              />
            </Tooltip>
          ))}
          <Typography variant="caption" display="block">
            {forecastText(o, t, format)}
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
