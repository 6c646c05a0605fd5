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
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { AgreementReport } from '@backstage-itsm/plugin-itsm-common';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { creditLabel, directionKey } from '../../lib/credits';
import { useFormat } from '../../lib/locale';
import { itsmTranslationRef, ItsmTranslation } from '../../translation';
import { FiguresState } from '../FiguresState';
import { PeriodTrendChart } from '../PeriodTrendChart';
import { SlaStatus } from '../SlaStatus';
import { Explained } from './Explained';
import { ObjectivesTable } from './ObjectivesTable';

/** How the credit tier is found, for the tooltip of the credit. */
function creditExplanation(
  t: ItsmTranslation,
  credit: AgreementReport['credit'],
  fee: string | undefined,
): string {
  const objective = credit.objective ?? t('agreementCard.decidingObjective');
  const projected = credit.basis === 'projected';
  let tier: string;
  if (projected) {
    tier = fee
      ? t('agreementCard.creditTierSoFarWithFee', { objective, fee })
      : t('agreementCard.creditTierSoFar', { objective });
  } else {
    tier = fee
      ? t('agreementCard.creditTierWithFee', { objective, fee })
      : t('agreementCard.creditTier', { objective });
  }
  return projected ? `${tier} ${t('agreementCard.projectedNote')}` : tier;
}

export function AgreementCard(props: { agreement: AgreementReport }) {
  const { agreement } = props;
  const { t } = useTranslationRef(itsmTranslationRef);
  const { formatInstant, formatMoney, formatPercent } = useFormat();
  const credit = agreement.credit;
  const label = creditLabel(t, credit.basis);
  const percent = formatPercent(credit.percent, 0);
  return (
    <InfoCard
      title={t('common.agreementName', {
        name: agreement.name,
        type: agreement.type,
      })}
      subheader={t('agreementCard.subheader', {
        party: <EntityRefLink entityRef={agreement.with} />,
        window: agreement.window,
        period: agreement.period.label,
        start: formatInstant(agreement.period.start),
        end: formatInstant(agreement.period.end),
      })}
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
            title={creditExplanation(
              t,
              credit,
              credit.fee ? formatMoney(credit.fee) : undefined,
            )}
          >
            {credit.amount
              ? t('credits.valueWithAmount', {
                  label,
                  percent,
                  amount: formatMoney(credit.amount),
                })
              : t('credits.value', { label, percent })}
          </Explained>{' '}
          {t(directionKey(credit.direction), {
            party: <EntityRefLink entityRef={agreement.with} />,
          })}
        </Typography>
      </Box>
      <ObjectivesTable agreement={agreement} />
      <PeriodTrendChart agreement={agreement} />
    </InfoCard>
  );
}
