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
  StatusError,
  StatusOK,
  Table,
  WarningPanel,
} from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import type { SourceHealth } from '@backstage-itsm/plugin-itsm-common';
import Typography from '@material-ui/core/Typography';
import { useFormat } from '../../lib/locale';
import { itsmTranslationRef } from '../../translation';

/**
 * Above the figures: the sources whose latest attempt failed, since what
 * they stored may be stale.
 */
export function FailingSourcesWarning(props: { sources: SourceHealth[] }) {
  const { t } = useTranslationRef(itsmTranslationRef);
  const failing = props.sources.filter(s => s.status === 'failing');
  if (failing.length === 0) return null;
  return (
    <WarningPanel
      severity="warning"
      defaultExpanded
      title={t('sources.failingTitle', { count: failing.length })}
    >
      {failing.map(s => (
        <Typography variant="body2" key={s.source}>
          <strong>{s.source}</strong>: {s.lastFailure}
        </Typography>
      ))}
    </WarningPanel>
  );
}

/** Which sources report for the service, and when each last did. */
export function SourcesCard(props: { sources: SourceHealth[] }) {
  const { t } = useTranslationRef(itsmTranslationRef);
  const { formatInstant } = useFormat();
  const kinds = (s: SourceHealth) =>
    (['incidents', 'outages', 'sliEvents'] as const)
      .filter(kind => s.lastStored[kind])
      .map(kind =>
        t('sources.storedKind', {
          kind: t(`sources.kinds.${kind}`),
          at: formatInstant(s.lastStored[kind]),
        }),
      );
  return (
    <InfoCard title={t('sources.title')} subheader={t('sources.subheader')}>
      {props.sources.length === 0 ? (
        <Typography variant="body2">{t('sources.none')}</Typography>
      ) : (
        <Table
          options={{
            paging: false,
            search: false,
            toolbar: false,
            padding: 'dense',
          }}
          columns={[
            { title: t('sources.source'), field: 'source' },
            {
              title: t('sources.status'),
              render: (s: SourceHealth) =>
                s.status === 'ok' ? (
                  <StatusOK>{t('sources.ok')}</StatusOK>
                ) : (
                  <StatusError>{t('sources.failing')}</StatusError>
                ),
            },
            {
              title: t('sources.lastStored'),
              render: (s: SourceHealth) =>
                kinds(s).map(line => <div key={line}>{line}</div>),
            },
            {
              title: t('sources.lastSuccess'),
              render: (s: SourceHealth) =>
                s.lastSuccessAt ? formatInstant(s.lastSuccessAt) : '—',
            },
            {
              title: t('sources.problem'),
              render: (s: SourceHealth) =>
                s.status === 'failing'
                  ? t('sources.failedAt', {
                      at: formatInstant(s.lastFailureAt),
                      message: s.lastFailure ?? '',
                    })
                  : '—',
            },
          ]}
          data={props.sources}
        />
      )}
    </InfoCard>
  );
}
