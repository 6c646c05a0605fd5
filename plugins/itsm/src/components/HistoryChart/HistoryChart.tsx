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
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import type { ServiceSlaReport } from '@backstage-itsm/plugin-itsm-common';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { itsmApiRef } from '../../api';
import { useChartStyle } from '../../lib/chartStyle';
import { isNumber } from '../../lib/format';
import { useFormat } from '../../lib/locale';
import { itsmTranslationRef } from '../../translation';

/** Targets by agreement and objective name, for figures shown against them. */
export type ObjectiveTargets = Map<string, number>;

const targetKey = (agreement: string, objective: string) =>
  `${agreement}\u0000${objective}`;

/** The targets of a report's objectives (history entries carry none). */
export function objectiveTargets(report: ServiceSlaReport): ObjectiveTargets {
  return new Map(
    report.agreements.flatMap(a =>
      a.objectives.map(o => [targetKey(a.name, o.name), o.target] as const),
    ),
  );
}

/** Monthly compliance score and worst attainment, from the SLA history. */
export function HistoryChart(props: {
  service: string;
  months: string[];
  /** Targets of the objectives, so that an attainment never reads as met when it is not. */
  targets?: ObjectiveTargets;
}) {
  const api = useApi(itsmApiRef);
  const style = useChartStyle();
  const { t } = useTranslationRef(itsmTranslationRef);
  const { formatAttainmentPercent, formatDecimal, formatNumber } = useFormat();
  const { months, service, targets } = props;
  const { value, loading, error } = useAsync(
    () =>
      api.getServiceSlaHistory(service, {
        from: months[0],
        to: months[months.length - 1],
      }),
    [api, service, months.join()],
  );
  if (loading) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  const data = (value?.items ?? []).map(entry => {
    let worst: { attainment: number; target?: number } | undefined;
    for (const a of entry.agreements) {
      for (const o of a.objectives) {
        if (
          isNumber(o.attainment) &&
          o.attainment < (worst?.attainment ?? Infinity)
        ) {
          worst = {
            attainment: o.attainment,
            target: targets?.get(targetKey(a.name, o.name)),
          };
        }
      }
    }
    return {
      month: entry.month,
      final: entry.final,
      score: entry.score ?? undefined,
      worst: worst?.attainment,
      worstTarget: worst?.target,
    };
  });
  const measured = data.filter(d => d.score !== undefined);
  const summary = measured.length
    ? measured
        .map(d => {
          const figures = {
            month: d.month,
            score: formatNumber(d.score),
            attainment: formatAttainmentPercent(d.worst, d.worstTarget),
          };
          return d.final
            ? t('historyChart.month', figures)
            : t('historyChart.monthProvisional', figures);
        })
        .join('; ')
    : t('historyChart.noMeasurements');
  return (
    <InfoCard title={t('historyChart.title')}>
      {measured.length === 0 ? (
        <Typography variant="body2">{summary}</Typography>
      ) : (
        <div role="img" aria-label={t('historyChart.ariaLabel', { summary })}>
          <ResponsiveContainer width="100%" height={240}>
            <LineChart data={data}>
              <CartesianGrid {...style.grid} />
              <XAxis dataKey="month" {...style.axis} />
              <YAxis
                yAxisId="score"
                domain={[0, 100]}
                tickFormatter={formatDecimal}
                {...style.axis}
              />
              <YAxis
                yAxisId="attainment"
                orientation="right"
                domain={['auto', 100]}
                tickFormatter={formatDecimal}
                {...style.axis}
              />
              <Tooltip
                {...style.tooltip}
                formatter={(shown, _name, item) => {
                  if (typeof shown !== 'number') return shown;
                  const row = item?.payload as
                    | (typeof data)[number]
                    | undefined;
                  // By data key: the series names are translated.
                  return item?.dataKey === 'score'
                    ? formatNumber(shown)
                    : formatAttainmentPercent(shown, row?.worstTarget);
                }}
                labelFormatter={(label, payload) =>
                  payload?.[0]?.payload?.final === false
                    ? t('historyChart.provisionalMonth', {
                        month: String(label),
                      })
                    : label
                }
              />
              <Legend verticalAlign="top" />
              <Line
                yAxisId="score"
                type="monotone"
                dataKey="score"
                name={t('historyChart.score')}
                stroke={style.colours[0]}
              />
              <Line
                yAxisId="attainment"
                type="monotone"
                dataKey="worst"
                name={t('historyChart.lowestAttainment')}
                stroke={style.colours[1]}
              />
            </LineChart>
          </ResponsiveContainer>
        </div>
      )}
    </InfoCard>
  );
}
