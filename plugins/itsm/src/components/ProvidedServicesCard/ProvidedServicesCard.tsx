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
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { itsmApiRef } from '../../api';
import { itsmTranslationRef } from '../../translation';
import { ServiceRowsTable, serviceTitle } from '../ServiceRowsTable';

/**
 * A card for a Group: the IT services it owns (`spec.owner`), with their
 * status, compliance score and worst objective this period.
 *
 * @public
 */
export function ProvidedServicesCard() {
  const { entity } = useEntity();
  const api = useApi(itsmApiRef);
  const { t } = useTranslationRef(itsmTranslationRef);
  const ref = stringifyEntityRef(entity);
  const { value, loading, error } = useAsync(
    () => api.getPortfolio({ owner: ref }),
    [api, ref],
  );
  const rows = [...(value?.items ?? [])].sort((a, b) =>
    serviceTitle(a).localeCompare(serviceTitle(b)),
  );

  let body;
  if (loading) {
    body = <Progress />;
  } else if (error) {
    body = <ResponseErrorPanel error={error} />;
  } else if (rows.length === 0) {
    body = (
      <>
        <Typography variant="body2" paragraph>
          {t('providedServicesCard.empty')}{' '}
          {t('providedServicesCard.howToLink')}
        </Typography>
        <CodeSnippet language="yaml" text={`owner: ${ref}`} />
      </>
    );
  } else {
    body = (
      <ServiceRowsTable
        rows={rows}
        score
        customersTitle={t('serviceRows.customers')}
      />
    );
  }
  return (
    <InfoCard
      title={t('providedServicesCard.title')}
      subheader={t('providedServicesCard.subheader')}
    >
      {body}
    </InfoCard>
  );
}
