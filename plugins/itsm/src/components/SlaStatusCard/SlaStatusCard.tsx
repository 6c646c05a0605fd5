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
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import { isITServiceEntity } from '@backstage-itsm/plugin-itsm-common';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { itsmApiRef } from '../../api';
import { useFormat } from '../../lib/locale';
import { itsmTranslationRef } from '../../translation';
import { SlaStatus } from '../SlaStatus';

/** A compact SLA card for an ITService's overview: each agreement's status. @public */
export function SlaStatusCard() {
  const { entity } = useEntity();
  const api = useApi(itsmApiRef);
  const { t } = useTranslationRef(itsmTranslationRef);
  const { formatAttainmentPercent, formatNumber } = useFormat();
  const ref = stringifyEntityRef(entity);
  const agreements = isITServiceEntity(entity)
    ? entity.spec.agreements ?? []
    : [];
  const { value, loading, error } = useAsync(
    async () => (agreements.length ? api.getServiceSla(ref) : undefined),
    [api, ref, agreements.length],
  );
  let body;
  if (agreements.length === 0) {
    body = (
      <Typography variant="body2">{t('slaStatusCard.noAgreements')}</Typography>
    );
  } else if (loading) {
    body = <Progress />;
  } else if (error) {
    body = <ResponseErrorPanel error={error} />;
  } else {
    body = (
      <>
        <Typography variant="body2" gutterBottom>
          {t('slaStatusCard.complianceScore', {
            score: formatNumber(value?.score),
          })}
        </Typography>
        {value?.agreements.map(a => {
          const worst = a.objectives.find(o => o.status === a.status);
          const name = t('common.agreementName', {
            name: a.name,
            type: a.type,
          });
          return (
            <Typography key={a.name} variant="body2">
              <SlaStatus status={a.status} />{' '}
              {worst && worst.status !== 'met'
                ? t('slaStatusCard.worstObjective', {
                    agreement: name,
                    objective: worst.name,
                    attainment: formatAttainmentPercent(
                      worst.attainment,
                      worst.target,
                    ),
                  })
                : name}
            </Typography>
          );
        })}
      </>
    );
  }
  return (
    <InfoCard
      title={t('slaStatusCard.title')}
      deepLink={{ title: t('slaStatusCard.viewSla'), link: 'sla' }}
    >
      {body}
    </InfoCard>
  );
}
