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

import { InfoCard, Table } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  AtRiskIncident,
  ServiceSlaReport,
} from '@backstage-itsm/plugin-itsm-common';
import { httpHref } from '../../lib/format';
import { useFormat } from '../../lib/locale';
import { itsmTranslationRef } from '../../translation';

export function AtRiskIncidents(props: { report: ServiceSlaReport }) {
  const { t } = useTranslationRef(itsmTranslationRef);
  const { formatInstant, formatPercent } = useFormat();
  const rows = props.report.atRiskIncidents;
  if (rows.length === 0) return null;
  return (
    <InfoCard title={t('atRiskIncidents.title')}>
      <Table
        options={{
          paging: false,
          search: false,
          toolbar: false,
          padding: 'dense',
        }}
        columns={[
          {
            title: t('atRiskIncidents.incident'),
            render: (r: AtRiskIncident) =>
              httpHref(r.url) ? (
                <a href={httpHref(r.url)}>{r.externalId}</a>
              ) : (
                r.externalId
              ),
          },
          { title: t('atRiskIncidents.incidentTitle'), field: 'title' },
          { title: t('atRiskIncidents.priority'), field: 'priority' },
          {
            title: t('atRiskIncidents.objective'),
            render: (r: AtRiskIncident) => `${r.agreement} / ${r.objective}`,
          },
          {
            title: t('atRiskIncidents.thresholdUsed'),
            render: (r: AtRiskIncident) =>
              formatPercent(r.percentOfThreshold, 0),
          },
          { title: t('atRiskIncidents.milestone'), field: 'milestone' },
          {
            title: t('atRiskIncidents.breachesAt'),
            render: (r: AtRiskIncident) => formatInstant(r.breachAt),
          },
        ]}
        data={rows}
      />
    </InfoCard>
  );
}
