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
import { useApi } from '@backstage/frontend-plugin-api';
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
import { formatAttainmentPercent, isNumber } from '../../lib/format';

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
        .map(
          d =>
            `${d.month}: score ${d.score!.toFixed(
              0,
            )}, lowest attainment ${formatAttainmentPercent(
              d.worst,
              d.worstTarget,
            )}${d.final ? '' : ' (provisional)'}`,
        )
        .join('; ')
    : 'No month in this range has measurements yet.';
  return (
    <InfoCard title="Trend (last six closed months)">
      {measured.length === 0 ? (
        <Typography variant="body2">{summary}</Typography>
      ) : (
        <div role="img" aria-label={`SLA trend. ${summary}`}>
          <ResponsiveContainer width="100%" height={240}>
            <LineChart data={data}>
              <CartesianGrid {...style.grid} />
              <XAxis dataKey="month" {...style.axis} />
              <YAxis yAxisId="score" domain={[0, 100]} {...style.axis} />
              <YAxis
                yAxisId="attainment"
                orientation="right"
                domain={['auto', 100]}
                {...style.axis}
              />
              <Tooltip
                {...style.tooltip}
                formatter={(shown, name, item) => {
                  if (typeof shown !== 'number') return shown;
                  const row = item?.payload as
                    | (typeof data)[number]
                    | undefined;
                  return name === 'Compliance score'
                    ? shown.toFixed(0)
                    : formatAttainmentPercent(shown, row?.worstTarget);
                }}
                labelFormatter={(label, payload) =>
                  payload?.[0]?.payload?.final === false
                    ? `${label} (provisional)`
                    : label
                }
              />
              <Legend />
              <Line
                yAxisId="score"
                type="monotone"
                dataKey="score"
                name="Compliance score"
                stroke={style.colours[0]}
              />
              <Line
                yAxisId="attainment"
                type="monotone"
                dataKey="worst"
                name="Lowest attainment (%)"
                stroke={style.colours[1]}
              />
            </LineChart>
          </ResponsiveContainer>
        </div>
      )}
    </InfoCard>
  );
}
