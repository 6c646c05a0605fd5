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

import { useTranslationRef } from '@backstage/frontend-plugin-api';
import type { AgreementReport } from '@backstage-itsm/plugin-itsm-common';
import Typography from '@material-ui/core/Typography';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { useChartStyle } from '../../lib/chartStyle';
import { isNumber, ItsmFormat } from '../../lib/format';
import { useFormat } from '../../lib/locale';
import { itsmTranslationRef, ItsmTranslation } from '../../translation';

/** The lowest budget left the chart draws, in percent. */
const FLOOR = -100;

/** Tooltip text of a point: the floor stands for itself and anything below. */
export function budgetLeftText(
  value: number,
  t: ItsmTranslation,
  format: ItsmFormat,
): string {
  return value <= FLOOR
    ? t('periodTrendChart.atFloor', { value: format.formatPercent(FLOOR, 0) })
    : format.formatPercent(value, 0);
}

/**
 * How each objective's error budget developed over the current period, one
 * line per objective, with a sentence that says the same for screen readers.
 */
export function PeriodTrendChart(props: { agreement: AgreementReport }) {
  const style = useChartStyle();
  const { t } = useTranslationRef(itsmTranslationRef);
  const format = useFormat();
  const { formatAttainmentPercent, formatDay, formatDecimal, formatPercent } =
    format;
  const objectives = props.agreement.objectives.filter(o => o.trend?.length);
  if (objectives.length === 0) return null;
  const rows = new Map<string, Record<string, number | string>>();
  for (const objective of objectives) {
    for (const point of objective.trend!) {
      const row = rows.get(point.at) ?? { at: formatDay(point.at) };
      if (isNumber(point.budgetRemainingPercent)) {
        // Budgets overspent more than twice over would flatten the chart:
        // they run along the dashed floor, and the tooltip says so.
        row[objective.name] = Math.max(FLOOR, point.budgetRemainingPercent);
      }
      rows.set(point.at, row);
    }
  }
  const summary = objectives
    .map(o => {
      const first = o.trend![0];
      const last = o.trend![o.trend!.length - 1];
      return t('periodTrendChart.objective', {
        objective: o.name,
        first: formatPercent(first.budgetRemainingPercent, 0),
        firstDay: formatDay(first.at),
        last: formatPercent(last.budgetRemainingPercent, 0),
        attainment: formatAttainmentPercent(last.attainment, o.target),
      });
    })
    .join('; ');
  return (
    <div role="img" aria-label={t('periodTrendChart.ariaLabel', { summary })}>
      <Typography variant="subtitle2">{t('periodTrendChart.title')}</Typography>
      <ResponsiveContainer width="100%" height={200}>
        <LineChart data={[...rows.values()]}>
          <CartesianGrid {...style.grid} />
          <XAxis dataKey="at" {...style.axis} />
          <YAxis
            domain={[FLOOR - 10, 100]}
            ticks={[-100, -50, 0, 50, 100]}
            tickFormatter={formatDecimal}
            {...style.axis}
          />
          <ReferenceLine y={0} stroke={style.reference} />
          <ReferenceLine
            y={FLOOR}
            stroke={style.reference}
            strokeDasharray="4 4"
          />
          <Tooltip
            {...style.tooltip}
            formatter={value =>
              typeof value === 'number'
                ? budgetLeftText(value, t, format)
                : value
            }
          />
          <Legend verticalAlign="top" />
          {objectives.map((o, i) => (
            <Line
              key={o.name}
              type="monotone"
              dataKey={o.name}
              stroke={style.colours[i % style.colours.length]}
              dot={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
