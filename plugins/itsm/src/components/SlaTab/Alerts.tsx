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
  Link,
  Progress,
  ResponseErrorPanel,
  StatusAborted,
  StatusError,
  StatusOK,
  StatusPending,
  StatusWarning,
  Table,
} from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { EntityRefLinks } from '@backstage/plugin-catalog-react';
import type { ServiceNotification } from '@backstage-itsm/plugin-itsm-common';
import Typography from '@material-ui/core/Typography';
import { httpHref } from '../../lib/format';
import { useFormat } from '../../lib/locale';
import { itsmTranslationRef } from '../../translation';

/** Rows per page once the list is longer than one page. */
const PAGE_SIZE = 10;

const SEVERITY_ICONS = {
  critical: StatusError,
  high: StatusWarning,
  normal: StatusOK,
  low: StatusAborted,
} as const;

/**
 * The target of a notification's link: a portal path ("/catalog/…") or an
 * http(s) URL, never a javascript: or protocol-relative one, whatever the
 * backend stored.
 */
function linkTarget(link: string): string | undefined {
  if (/^\/(?![/\\])/.test(link)) return link;
  return httpHref(link);
}

function Severity(props: { severity: ServiceNotification['severity'] }) {
  const { t } = useTranslationRef(itsmTranslationRef);
  const Icon = SEVERITY_ICONS[props.severity] ?? StatusAborted;
  const text = SEVERITY_ICONS[props.severity]
    ? t(`alerts.severities.${props.severity}`)
    : props.severity;
  return <Icon>{text}</Icon>;
}

function Delivery(props: { notification: ServiceNotification }) {
  const { t } = useTranslationRef(itsmTranslationRef);
  const { formatInstant } = useFormat();
  const n = props.notification;
  if (n.delivery === 'sent') {
    return (
      <StatusOK>
        {n.sentAt
          ? t('alerts.sentAt', { at: formatInstant(n.sentAt) })
          : t('alerts.sent')}
      </StatusOK>
    );
  }
  if (n.lastError) {
    return (
      <StatusWarning>
        {t('alerts.pendingError', { message: n.lastError })}
      </StatusWarning>
    );
  }
  return <StatusPending>{t('alerts.pending')}</StatusPending>;
}

/**
 * What the ITSM backend notified about the service, newest first: when,
 * how severe, why, to whom, and whether it was delivered.
 */
export function AlertsCard(props: {
  notifications?: ServiceNotification[];
  loading?: boolean;
  error?: Error;
}) {
  const { t } = useTranslationRef(itsmTranslationRef);
  const { formatInstant } = useFormat();
  if (props.error) {
    return <ResponseErrorPanel title={t('alerts.title')} error={props.error} />;
  }
  const rows = props.notifications ?? [];
  let body;
  if (props.loading) {
    body = <Progress />;
  } else if (rows.length === 0) {
    body = <Typography variant="body2">{t('alerts.none')}</Typography>;
  } else {
    body = (
      <Table
        options={{
          paging: rows.length > PAGE_SIZE,
          pageSize: PAGE_SIZE,
          search: false,
          toolbar: false,
          padding: 'dense',
        }}
        columns={[
          {
            title: t('alerts.time'),
            render: (n: ServiceNotification) => formatInstant(n.createdAt),
          },
          {
            title: t('alerts.severity'),
            render: (n: ServiceNotification) => (
              <Severity severity={n.severity} />
            ),
          },
          {
            title: t('alerts.notification'),
            render: (n: ServiceNotification) => {
              const to = linkTarget(n.link);
              return (
                <>
                  <Typography variant="body2">
                    <strong>
                      {to ? <Link to={to}>{n.title}</Link> : n.title}
                    </strong>
                  </Typography>
                  <Typography variant="body2" color="textSecondary">
                    {n.description}
                  </Typography>
                </>
              );
            },
          },
          {
            title: t('alerts.recipients'),
            render: (n: ServiceNotification) =>
              n.recipients.length ? (
                <EntityRefLinks entityRefs={n.recipients} />
              ) : (
                t('common.none')
              ),
          },
          {
            title: t('alerts.delivery'),
            render: (n: ServiceNotification) => <Delivery notification={n} />,
          },
        ]}
        data={rows}
      />
    );
  }
  return (
    <InfoCard title={t('alerts.title')} subheader={t('alerts.subheader')}>
      {body}
    </InfoCard>
  );
}
