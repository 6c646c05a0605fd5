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
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import { isITServiceEntity } from '@backstage-itsm/plugin-itsm-common';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { itsmApiRef } from '../../api';
import { formatAttainmentPercent, isNumber } from '../../lib/format';
import { SlaStatus } from '../SlaStatus';

/** A compact SLA card for an ITService's overview: each agreement's status. */
export function SlaStatusCard() {
  const { entity } = useEntity();
  const api = useApi(itsmApiRef);
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
      <Typography variant="body2">
        No agreements; add them in the service's catalog YAML.
      </Typography>
    );
  } else if (loading) {
    body = <Progress />;
  } else if (error) {
    body = <ResponseErrorPanel error={error} />;
  } else {
    body = (
      <>
        <Typography variant="body2" gutterBottom>
          Compliance score{' '}
          {isNumber(value?.score) ? value!.score.toFixed(0) : '—'}
        </Typography>
        {value?.agreements.map(a => {
          const worst = a.objectives.find(o => o.status === a.status);
          return (
            <Typography key={a.name} variant="body2">
              <SlaStatus status={a.status} /> {a.name} ({a.type})
              {worst && worst.status !== 'met'
                ? ` — ${worst.name} ${formatAttainmentPercent(
                    worst.attainment,
                    worst.target,
                  )}`
                : ''}
            </Typography>
          );
        })}
      </>
    );
  }
  return (
    <InfoCard
      title="Service levels"
      deepLink={{ title: 'View SLA', link: 'sla' }}
    >
      {body}
    </InfoCard>
  );
}
