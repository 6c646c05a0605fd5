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
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { PortfolioRow } from '@backstage-itsm/plugin-itsm-common';
import Box from '@material-ui/core/Box';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { itsmApiRef } from '../../api';
import { itsmTranslationRef, ItsmTranslation } from '../../translation';
import {
  ServiceRowsTable,
  serviceTitle,
  ServiceSlaLink,
} from '../ServiceRowsTable';

const KINDS = ['component', 'system', 'resource', 'api'] as const;

/** The entity's kind in a sentence: "component", "API". */
function kindName(entity: Entity, t: ItsmTranslation): string {
  const kind = entity.kind.toLocaleLowerCase('en-US');
  const known = KINDS.find(k => k === kind);
  return t(`supportedServicesCard.kinds.${known ?? 'other'}`);
}

/** The System a Component, API or Resource is part of, as a full ref. */
function systemOf(entity: Entity): string | undefined {
  const system = (entity.spec as { system?: unknown } | undefined)?.system;
  if (typeof system !== 'string' || !system) return undefined;
  try {
    return stringifyEntityRef(
      parseEntityRef(system, {
        defaultKind: 'system',
        defaultNamespace: entity.metadata.namespace ?? 'default',
      }),
    );
  } catch {
    return undefined;
  }
}

/** What to write in an ITService's spec so that it lists the entity. */
function HowToLink(props: { entity: Entity }) {
  const { entity } = props;
  const { t } = useTranslationRef(itsmTranslationRef);
  const ref = stringifyEntityRef(entity);
  const kind = kindName(entity, t);
  const system = systemOf(entity);
  return (
    <>
      <Typography variant="body2" paragraph>
        {system
          ? t('supportedServicesCard.emptyWithSystem', { kind, system })
          : t('supportedServicesCard.empty', { kind })}{' '}
        {t('supportedServicesCard.howToLink')}
      </Typography>
      <CodeSnippet language="yaml" text={`implementedBy: [${ref}]`} />
      <Box mt={2}>
        <Typography variant="body2" paragraph>
          {t('supportedServicesCard.howToLinkDependency')}
        </Typography>
      </Box>
      <CodeSnippet language="yaml" text={`dependsOn: [${ref}]`} />
      {system && (
        <Box mt={2}>
          <Typography variant="body2">
            {t('supportedServicesCard.systemHint', { system })}
          </Typography>
        </Box>
      )}
    </>
  );
}

/**
 * A card for a Component, System, Resource or API: the IT services it
 * implements or supports (directly, through its System, or through a
 * service that depends on one it supports), with their status this period.
 *
 * @public
 */
export function SupportedServicesCard() {
  const { entity } = useEntity();
  const api = useApi(itsmApiRef);
  const { t } = useTranslationRef(itsmTranslationRef);
  const ref = stringifyEntityRef(entity);
  const kind = kindName(entity, t);
  const { value, loading, error } = useAsync(
    () => api.getPortfolio({ supports: ref }),
    [api, ref],
  );
  const rows = value?.items ?? [];
  const byRef = new Map(
    rows.map(r => [r.service.toLocaleLowerCase('en-US'), r]),
  );
  // Those it supports directly first, then those through them.
  const sorted = [...rows].sort(
    (a, b) =>
      Number(!!a.supportedThrough) - Number(!!b.supportedThrough) ||
      serviceTitle(a).localeCompare(serviceTitle(b)),
  );
  const through = (r: PortfolioRow) => {
    if (!r.supportedThrough) return null;
    const via = byRef.get(r.supportedThrough.toLocaleLowerCase('en-US'));
    const title = via
      ? serviceTitle(via)
      : serviceTitle({ service: r.supportedThrough });
    return (
      <Tooltip
        title={t('supportedServicesCard.throughExplanation', {
          kind,
          service: title,
          supported: serviceTitle(r),
        })}
      >
        <Typography variant="caption" color="textSecondary" component="div">
          {t('supportedServicesCard.through', {
            service: (
              <ServiceSlaLink service={r.supportedThrough} title={title} />
            ),
          })}
        </Typography>
      </Tooltip>
    );
  };

  let body;
  if (loading) {
    body = <Progress />;
  } else if (error) {
    body = <ResponseErrorPanel error={error} />;
  } else if (rows.length === 0) {
    body = <HowToLink entity={entity} />;
  } else {
    body = (
      <ServiceRowsTable
        rows={sorted}
        customersTitle={t('serviceRows.customersAffected')}
        serviceDetail={through}
      />
    );
  }
  return (
    <InfoCard
      title={t('supportedServicesCard.title')}
      subheader={t('supportedServicesCard.subheader', { kind })}
    >
      {body}
    </InfoCard>
  );
}
