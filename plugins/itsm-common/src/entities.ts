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

import type { Entity } from '@backstage/catalog-model';
import { isKind } from './refs';
import {
  ITSM_API_VERSION,
  ITSM_KIND_IT_SERVICE,
  ITSM_KIND_STAKEHOLDER,
  ITSM_KIND_SUPPLIER,
  ITSM_KINDS,
  ItsmKind,
} from './constants';

/** Weekday keys used by service hours. @public */
export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

/** Agreed service time: weekly intervals in an IANA zone, minus holidays. @public */
export type ServiceHours = {
  /** IANA time zone, e.g. Europe/Berlin. */
  timezone: string;
  /** Weekly intervals; times are local 'HH:mm', end may be '24:00'. */
  intervals: Array<{ days: Weekday[]; start: string; end: string }>;
  /** Whole days (local dates, YYYY-MM-DD) outside agreed service time. */
  holidays?: Array<{ date: string; name?: string }>;
};

/** A recurring planned maintenance window, excluded from availability. @public */
export type MaintenanceWindow = {
  name: string;
  /** RFC 5545 recurrence rule, e.g. FREQ=WEEKLY;BYDAY=SU;BYHOUR=2. */
  rrule: string;
  /** Start of the first window (ISO 8601 local date-time), the rule's DTSTART. */
  start: string;
  /** Length of each window, e.g. 2h. */
  duration: string;
  /** IANA zone of start and the rule; defaults to the service hours' zone, then UTC. */
  timezone?: string;
};

/** Agreement types. @public */
export type AgreementType = 'SLA' | 'OLA' | 'UC';

/** Measurement windows of an agreement. @public */
export type AgreementWindow =
  | 'calendar-week'
  | 'calendar-month'
  | 'calendar-quarter'
  | 'rolling-7d'
  | 'rolling-28d'
  | 'rolling-30d';

/** Incident priorities. @public */
export type IncidentPriority = 'P1' | 'P2' | 'P3' | 'P4' | 'P5';

/** Objective types. @public */
export type ObjectiveType =
  | 'availability'
  | 'response'
  | 'resolution'
  | 'sli'
  | `x-${string}`;

/** Where the prometheus module reads an sli objective's counts. @public */
export type PrometheusIndicator = {
  /** A server of itsm.prometheus.servers; default "default". */
  server?: string;
  /** Counters of good events; give good or errors. */
  good?: string;
  /** Counters of bad events: good = total − errors. */
  errors?: string;
  /** Counters of all events. */
  total: string;
};

/** One measurable promise inside an agreement. @public */
export type Objective = {
  name: string;
  type: ObjectiveType;
  /** Percent in (0, 100]. */
  target: number;
  /** response and resolution: the incident priority the objective covers. */
  priority?: IncidentPriority;
  /** response and resolution: the time allowed, e.g. 15m, 4h, 1d. */
  threshold?: string;
  /** Which clock a threshold runs on (default service-hours when the service has them). */
  calendar?: 'service-hours' | '24x7';
  /** sli: the name of the indicator whose good/total counts are reported. */
  indicator?: string;
  /**
   * sli: measured from Prometheus counters (the prometheus module): series
   * selectors of the good or the bad events, and of all events.
   */
  prometheus?: PrometheusIndicator;
  description?: string;
};

/** Service credit tiers, in percent of the monthly fee. @public */
export type Credits = {
  /** The objective whose attainment decides the tier; default the first availability objective. */
  objective?: string;
  tiers: Array<{ below: number; credit: number }>;
  /** Highest credit in percent of the fee. */
  cap?: number;
};

/** An agreement (SLA, OLA or UC) on an IT service. @public */
export type Agreement = {
  name: string;
  type: AgreementType;
  /** Counterparty: a customer Stakeholder (SLA), an internal party (OLA) or a Supplier (UC). */
  with: string;
  window: AgreementWindow;
  objectives: Objective[];
  fee?: { amount: number; currency: string };
  credits?: Credits;
  /**
   * Users and Groups (default kind Group) also told, besides the service
   * owner and the counterparty, when this agreement's service levels change.
   * See {@link agreementNotifyRefs}.
   */
  notify?: string[];
  description?: string;
};

/** ITService entity: an IT service the business buys or relies on. @public */
export interface ITServiceEntity extends Entity {
  apiVersion: typeof ITSM_API_VERSION;
  kind: typeof ITSM_KIND_IT_SERVICE;
  spec: {
    type: 'business' | 'technical';
    lifecycle: 'pipeline' | 'live' | 'retired';
    owner: string;
    customers?: string[];
    users?: string[];
    suppliers?: string[];
    dependsOn?: string[];
    implementedBy?: string[];
    costCenter?: string;
    serviceHours?: ServiceHours;
    maintenance?: MaintenanceWindow[];
    agreements?: Agreement[];
  };
}

/** A contact person of a stakeholder or supplier. @public */
export type Contact = {
  name: string;
  email?: string;
  role?: string;
  phone?: string;
};

/** Stakeholder entity: internal party, external customer and/or user. @public */
export interface StakeholderEntity extends Entity {
  apiVersion: typeof ITSM_API_VERSION;
  kind: typeof ITSM_KIND_STAKEHOLDER;
  spec: {
    type: 'internal' | 'external';
    roles: Array<'customer' | 'user' | 'sponsor'>;
    organization: string;
    group?: string;
    contacts?: Contact[];
  };
}

/** Supplier entity: a third party that supplies what services need. @public */
export interface SupplierEntity extends Entity {
  apiVersion: typeof ITSM_API_VERSION;
  kind: typeof ITSM_KIND_SUPPLIER;
  spec: {
    category: 'strategic' | 'tactical' | 'operational' | 'commodity';
    owner: string;
    contract?: {
      reference: string;
      start: string;
      end?: string;
      renewal?: 'auto' | 'manual';
      noticePeriod?: string;
    };
    contacts?: Contact[];
    website?: string;
  };
}

/** Any of the three ITSM entities. @public */
export type ItsmEntity = ITServiceEntity | StakeholderEntity | SupplierEntity;

function hasKind(entity: Entity | undefined, kind: string): boolean {
  return (
    entity?.apiVersion === ITSM_API_VERSION &&
    isKind(entity.kind, kind.toLocaleLowerCase('en-US'))
  );
}

/** Whether an entity is an ITService (checks apiVersion and kind only). @public */
export function isITServiceEntity(entity?: Entity): entity is ITServiceEntity {
  return hasKind(entity, ITSM_KIND_IT_SERVICE);
}

/** Whether an entity is a Stakeholder (checks apiVersion and kind only). @public */
export function isStakeholderEntity(
  entity?: Entity,
): entity is StakeholderEntity {
  return hasKind(entity, ITSM_KIND_STAKEHOLDER);
}

/** Whether an entity is a Supplier (checks apiVersion and kind only). @public */
export function isSupplierEntity(entity?: Entity): entity is SupplierEntity {
  return hasKind(entity, ITSM_KIND_SUPPLIER);
}

/** The ITSM kind of an entity, or undefined for any other entity. @public */
export function itsmKindOf(entity?: Entity): ItsmKind | undefined {
  return ITSM_KINDS.find(kind => hasKind(entity, kind));
}
