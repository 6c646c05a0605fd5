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
import { ServiceSlaReport } from '@backstage-itsm/plugin-itsm-common';
import Typography from '@material-ui/core/Typography';
import { useFormat } from '../../lib/locale';
import { itsmTranslationRef } from '../../translation';
import { Explained } from './Explained';

export function Dependencies(props: { report: ServiceSlaReport }) {
  const { t } = useTranslationRef(itsmTranslationRef);
  const { formatPercent } = useFormat();
  const { composite, warnings } = props.report;
  if (composite.chain.length === 0 && warnings.length === 0) return null;
  return (
    <InfoCard title={t('dependencies.title')}>
      <Typography variant="body2" gutterBottom>
        <Explained title={t('dependencies.compositeExplanation')}>
          {t('dependencies.composite', {
            availability: formatPercent(composite.availability),
          })}
        </Explained>
      </Typography>
      {composite.chain.map(link => (
        <Typography key={link.service} variant="body2">
          {t('dependencies.link', {
            service: <EntityRefLink entityRef={link.service} />,
            availability: formatPercent(link.availability),
          })}
        </Typography>
      ))}
      {/* The backend's own words about the data, shown as it sends them. */}
      {warnings.map(w => (
        <Typography key={w.message} variant="body2" color="error">
          {w.message}
        </Typography>
      ))}
    </InfoCard>
  );
}
