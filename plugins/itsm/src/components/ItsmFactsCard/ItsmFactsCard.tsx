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
import { RefLink, RefLinks } from '../RefLinks';

function Fact(props: { label: string; children: React.ReactNode }) {
  return (
    <Typography variant="body2" gutterBottom>
      <strong>{props.label}:</strong> {props.children}
    </Typography>
  );
}

function Contacts(props: { contacts?: Contact[] }) {
  if (!props.contacts?.length) return null;
  return (
    <Fact label="Contacts">
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

function ServiceFacts({ entity }: { entity: ITServiceEntity }) {
  const { spec } = entity;
  const hours = spec.serviceHours;
  return (
    <>
      <Fact label="Type">{spec.type}</Fact>
      <Fact label="Lifecycle">{spec.lifecycle}</Fact>
      <Fact label="Service provider">
        <RefLink
          entityRef={spec.owner}
          defaultKind="group"
          namespace={entity.metadata.namespace}
        />
      </Fact>
      <Fact label="Customers">
        <RefLinks
          refs={spec.customers}
          defaultKind="stakeholder"
          namespace={entity.metadata.namespace}
        />
      </Fact>
      <Fact label="Users">
        <RefLinks
          refs={spec.users}
          defaultKind="stakeholder"
          namespace={entity.metadata.namespace}
        />
      </Fact>
      <Fact label="Suppliers">
        <RefLinks
          refs={spec.suppliers}
          defaultKind="supplier"
          namespace={entity.metadata.namespace}
        />
      </Fact>
      <Fact label="Service hours">
        {hours
          ? `${hours.intervals
              .map(i => `${i.days.join(', ')} ${i.start}–${i.end}`)
              .join('; ')} (${hours.timezone})${
              hours.holidays?.length
                ? `, ${hours.holidays.length} holidays`
                : ''
            }`
          : '24x7'}
      </Fact>
      <Fact label="Planned maintenance">
        {spec.maintenance?.length
          ? spec.maintenance
              .map(m => `${m.name}: ${m.rrule} for ${m.duration}`)
              .join('; ')
          : 'none'}
      </Fact>
      {spec.costCenter && <Fact label="Cost centre">{spec.costCenter}</Fact>}
    </>
  );
}

function StakeholderFacts({ entity }: { entity: StakeholderEntity }) {
  const { spec } = entity;
  return (
    <>
      <Fact label="Type">{spec.type}</Fact>
      <Fact label="Roles">{spec.roles.join(', ')}</Fact>
      <Fact label="Organisation">{spec.organization}</Fact>
      <Fact label="Represented by">
        {spec.group ? (
          <RefLink
            entityRef={spec.group}
            defaultKind="group"
            namespace={entity.metadata.namespace}
          />
        ) : (
          'no group'
        )}
      </Fact>
      <Contacts contacts={spec.contacts} />
    </>
  );
}

function SupplierFacts({ entity }: { entity: SupplierEntity }) {
  const { spec } = entity;
  const contract = spec.contract;
  return (
    <>
      <Fact label="Category">{spec.category}</Fact>
      <Fact label="Supplier manager">
        <RefLink
          entityRef={spec.owner}
          defaultKind="group"
          namespace={entity.metadata.namespace}
        />
      </Fact>
      <Fact label="Contract">
        {contract
          ? `${contract.reference}, ${contract.start} to ${
              contract.end ?? 'open-ended'
            }, renewal ${contract.renewal ?? '—'}, notice ${
              contract.noticePeriod ?? '—'
            }`
          : 'none recorded'}
      </Fact>
      {spec.website && (
        <Fact label="Website">
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

/** The ITSM facts of an ITService, Stakeholder or Supplier, for its overview. */
export function ItsmFactsCard() {
  const { entity } = useEntity();
  let body = null;
  if (isITServiceEntity(entity)) body = <ServiceFacts entity={entity} />;
  else if (isStakeholderEntity(entity))
    body = <StakeholderFacts entity={entity} />;
  else if (isSupplierEntity(entity)) body = <SupplierFacts entity={entity} />;
  return <InfoCard title={`${entity.kind} details`}>{body}</InfoCard>;
}
