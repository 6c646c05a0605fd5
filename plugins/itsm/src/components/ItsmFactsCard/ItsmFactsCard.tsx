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
import { useEntity } from '@backstage/plugin-catalog-react';
import {
  Contact,
  isITServiceEntity,
  isStakeholderEntity,
  isSupplierEntity,
  ITServiceEntity,
  StakeholderEntity,
  SupplierEntity,
} from '@backstage-itsm/plugin-itsm-common';
import Typography from '@material-ui/core/Typography';
import { httpHref } from '../../lib/format';
import { itsmTranslationRef, ItsmTranslation } from '../../translation';
import { RefLink, RefLinks } from '../RefLinks';

function Fact(props: { label: string; children: React.ReactNode }) {
  const { t } = useTranslationRef(itsmTranslationRef);
  return (
    <Typography variant="body2" gutterBottom>
      <strong>{t('factsCard.label', { label: props.label })}</strong>{' '}
      {props.children}
    </Typography>
  );
}

function Contacts(props: { contacts?: Contact[] }) {
  const { t } = useTranslationRef(itsmTranslationRef);
  if (!props.contacts?.length) return null;
  return (
    <Fact label={t('factsCard.contacts')}>
      {props.contacts.map((c, i) => (
        <span key={`${c.name}-${i}`}>
          {i > 0 && '; '}
          {c.name}
          {c.role && ` (${c.role})`}
          {c.email && (
            <>
              {' '}
              <a href={`mailto:${c.email}`}>{c.email}</a>
            </>
          )}
        </span>
      ))}
    </Fact>
  );
}

/** "mon, fri 08:00–17:00 (Europe/Berlin), 1 holidays", or "24x7" without hours. */
function serviceHoursText(
  t: ItsmTranslation,
  hours: ITServiceEntity['spec']['serviceHours'],
): string {
  if (!hours) return t('factsCard.always');
  const intervals = hours.intervals
    .map(i =>
      t('factsCard.serviceHoursInterval', {
        days: i.days.join(', '),
        start: i.start,
        end: i.end,
      }),
    )
    .join('; ');
  return hours.holidays?.length
    ? t('factsCard.serviceHoursWithHolidays', {
        intervals,
        timezone: hours.timezone,
        count: hours.holidays.length,
      })
    : t('factsCard.serviceHoursValue', {
        intervals,
        timezone: hours.timezone,
      });
}

function ServiceFacts({ entity }: { entity: ITServiceEntity }) {
  const { t } = useTranslationRef(itsmTranslationRef);
  const { spec } = entity;
  return (
    <>
      <Fact label={t('factsCard.type')}>{spec.type}</Fact>
      <Fact label={t('factsCard.lifecycle')}>{spec.lifecycle}</Fact>
      <Fact label={t('factsCard.serviceProvider')}>
        <RefLink
          entityRef={spec.owner}
          defaultKind="group"
          namespace={entity.metadata.namespace}
        />
      </Fact>
      <Fact label={t('factsCard.customers')}>
        <RefLinks
          refs={spec.customers}
          defaultKind="stakeholder"
          namespace={entity.metadata.namespace}
        />
      </Fact>
      <Fact label={t('factsCard.users')}>
        <RefLinks
          refs={spec.users}
          defaultKind="stakeholder"
          namespace={entity.metadata.namespace}
        />
      </Fact>
      <Fact label={t('factsCard.suppliers')}>
        <RefLinks
          refs={spec.suppliers}
          defaultKind="supplier"
          namespace={entity.metadata.namespace}
        />
      </Fact>
      <Fact label={t('factsCard.serviceHours')}>
        {serviceHoursText(t, spec.serviceHours)}
      </Fact>
      <Fact label={t('factsCard.plannedMaintenance')}>
        {spec.maintenance?.length
          ? spec.maintenance
              .map(m =>
                t('factsCard.maintenanceWindow', {
                  name: m.name,
                  rrule: m.rrule,
                  duration: m.duration,
                }),
              )
              .join('; ')
          : t('common.none')}
      </Fact>
      {spec.costCenter && (
        <Fact label={t('factsCard.costCentre')}>{spec.costCenter}</Fact>
      )}
    </>
  );
}

function StakeholderFacts({ entity }: { entity: StakeholderEntity }) {
  const { t } = useTranslationRef(itsmTranslationRef);
  const { spec } = entity;
  return (
    <>
      <Fact label={t('factsCard.type')}>{spec.type}</Fact>
      <Fact label={t('factsCard.roles')}>{spec.roles.join(', ')}</Fact>
      <Fact label={t('factsCard.organisation')}>{spec.organization}</Fact>
      <Fact label={t('factsCard.representedBy')}>
        {spec.group ? (
          <RefLink
            entityRef={spec.group}
            defaultKind="group"
            namespace={entity.metadata.namespace}
          />
        ) : (
          t('factsCard.noGroup')
        )}
      </Fact>
      <Contacts contacts={spec.contacts} />
    </>
  );
}

function SupplierFacts({ entity }: { entity: SupplierEntity }) {
  const { t } = useTranslationRef(itsmTranslationRef);
  const { spec } = entity;
  const contract = spec.contract;
  return (
    <>
      <Fact label={t('factsCard.category')}>{spec.category}</Fact>
      <Fact label={t('factsCard.supplierManager')}>
        <RefLink
          entityRef={spec.owner}
          defaultKind="group"
          namespace={entity.metadata.namespace}
        />
      </Fact>
      <Fact label={t('factsCard.contract')}>
        {contract
          ? t('factsCard.contractValue', {
              reference: contract.reference,
              start: contract.start,
              end: contract.end ?? t('factsCard.openEnded'),
              renewal: contract.renewal ?? '—',
              notice: contract.noticePeriod ?? '—',
            })
          : t('factsCard.noContract')}
      </Fact>
      {spec.website && (
        <Fact label={t('factsCard.website')}>
          {httpHref(spec.website) ? (
            <a href={httpHref(spec.website)}>{spec.website}</a>
          ) : (
            spec.website
          )}
        </Fact>
      )}
      <Contacts contacts={spec.contacts} />
    </>
  );
}

/** The ITSM facts of an ITService, Stakeholder or Supplier, for its overview. @public */
export function ItsmFactsCard() {
  const { entity } = useEntity();
  const { t } = useTranslationRef(itsmTranslationRef);
  let body = null;
  if (isITServiceEntity(entity)) body = <ServiceFacts entity={entity} />;
  else if (isStakeholderEntity(entity))
    body = <StakeholderFacts entity={entity} />;
  else if (isSupplierEntity(entity)) body = <SupplierFacts entity={entity} />;
  return (
    <InfoCard title={t('factsCard.title', { kind: entity.kind })}>
      {body}
    </InfoCard>
  );
}
