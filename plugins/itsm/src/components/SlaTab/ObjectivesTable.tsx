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
import {
  AgreementReport,
  ObjectiveReport,
} from '@backstage-itsm/plugin-itsm-common';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import {
  formatAttainmentPercent,
  formatBudget,
  formatBurnRate,
  formatMinutes,
  formatTarget,
  isNumber,
} from '../../lib/format';
import { SlaStatus } from '../SlaStatus';
import { Explained } from './Explained';
import {
  attainmentExplanation,
  budgetExplanation,
  forecastText,
} from './explanations';

export function ObjectivesTable(props: { agreement: AgreementReport }) {
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
