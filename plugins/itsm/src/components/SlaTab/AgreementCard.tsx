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

import { InfoCard } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { AgreementReport } from '@backstage-itsm/plugin-itsm-common';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { creditLabel, directionText } from '../../lib/credits';
import { FiguresState } from '../FiguresState';
import { formatInstant, formatMoney, formatPercent } from '../../lib/format';
import { PeriodTrendChart } from '../PeriodTrendChart';
import { SlaStatus } from '../SlaStatus';
import { Explained } from './Explained';
import { ObjectivesTable } from './ObjectivesTable';

export function AgreementCard(props: { agreement: AgreementReport }) {
  const { agreement } = props;
  const credit = agreement.credit;
  return (
    <InfoCard
      title={`${agreement.name} (${agreement.type})`}
      subheader={
        <>
          with <EntityRefLink entityRef={agreement.with} /> · {agreement.window}{' '}
          · {agreement.period.label} ({formatInstant(agreement.period.start)} –{' '}
          {formatInstant(agreement.period.end)})
        </>
      }
    >
      <Box
        display="flex"
        alignItems="center"
        flexWrap="wrap"
        mb={1}
        style={{ gap: 24 }}
      >
        <SlaStatus status={agreement.status} />
        <FiguresState state={agreement} objectives={agreement.objectives} />
        <Typography component="span" variant="body2">
          <Explained
            title={`Credit tier for ${
              credit.objective ?? 'the deciding objective'
            }: the lowest "below" threshold its attainment${
              credit.basis === 'projected' ? ' so far' : ''
            } falls below, in percent of the fee for the period${
              credit.fee ? ` (${formatMoney(credit.fee)})` : ''
            }, capped.${
              credit.basis === 'projected'
                ? ' Projected: what would be owed if the period closed now.'
                : ''
            }`}
          >
            {creditLabel(credit.basis)}: {formatPercent(credit.percent, 0)}
            {credit.amount ? ` (${formatMoney(credit.amount)})` : ''}
          </Explained>{' '}
          {directionText(credit.direction)}{' '}
          <EntityRefLink entityRef={agreement.with} />
        </Typography>
      </Box>
      <ObjectivesTable agreement={agreement} />
      <PeriodTrendChart agreement={agreement} />
    </InfoCard>
  );
}
