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

import type { IncidentPriority } from '@backstage-itsm/plugin-itsm-common';
import {
  isIncidentPriority,
  ItsmIncidentChange,
} from '@backstage-itsm/plugin-itsm-node';
import type { PagerDutyIncidentEvent } from './payload';

/** The source name of what this module stores. @public */
export const PAGERDUTY_SOURCE = 'pagerduty';

/**
 * How PagerDuty's priorities and urgencies become ITSM priorities. Keys are
 * matched ignoring case.
 *
 * @public
 */
export type PagerDutyPriorityMapping = {
  /** PagerDuty priority names (`priority.summary`) to ITSM priorities. */
  priorities?: Record<string, IncidentPriority>;
  /** Urgencies to ITSM priorities, for incidents whose priority maps to none. */
  urgencies?: Record<string, IncidentPriority>;
};

/** The urgencies' defaults. @public */
export const DEFAULT_PAGERDUTY_URGENCIES: Record<string, IncidentPriority> = {
  high: 'P2',
  low: 'P4',
};

function lookup(
  map: Record<string, IncidentPriority> | undefined,
  key: string | undefined,
): IncidentPriority | undefined {
  if (!map || key === undefined) return undefined;
  const wanted = key.trim().toLocaleLowerCase('en-US');
  return Object.entries(map).find(
    ([name]) => name.trim().toLocaleLowerCase('en-US') === wanted,
  )?.[1];
}

/**
 * An incident's ITSM priority: its PagerDuty priority as configured, else
 * that priority itself when it is named P1 to P5, else its urgency as
 * configured (default high P2, low P4), else P3. Pure.
 *
 * @public
 */
export function pagerDutyPriority(
  incident: Pick<PagerDutyIncidentEvent['incident'], 'priority' | 'urgency'>,
  mapping: PagerDutyPriorityMapping = {},
): IncidentPriority {
  const named = incident.priority?.trim().toUpperCase();
  return (
    lookup(mapping.priorities, incident.priority) ??
    (isIncidentPriority(named) ? named : undefined) ??
    lookup(mapping.urgencies, incident.urgency) ??
    lookup(DEFAULT_PAGERDUTY_URGENCIES, incident.urgency) ??
    'P3'
  );
}

const KINDS: Record<
  PagerDutyIncidentEvent['eventType'],
  ItsmIncidentChange['kind']
> = {
  'incident.triggered': 'opened',
  'incident.reopened': 'reopened',
  'incident.acknowledged': 'acknowledged',
  'incident.resolved': 'resolved',
  'incident.priority_updated': 'priority',
  'incident.service_updated': 'updated',
};

const TITLE_LIMIT = 1000;
const URL_LIMIT = 2000;

/**
 * What a PagerDuty incident event changes, keyed by the incident's id: its
 * event type becomes the kind of change, `occurred_at` its time,
 * `created_at` the opening, `html_url` the link (when it is http(s)). Pure.
 *
 * @public
 */
export function pagerDutyIncidentChange(
  event: PagerDutyIncidentEvent,
  mapping?: PagerDutyPriorityMapping,
): ItsmIncidentChange {
  const { incident } = event;
  const title = incident.title?.trim().slice(0, TITLE_LIMIT);
  const url =
    incident.htmlUrl &&
    /^https?:\/\//i.test(incident.htmlUrl) &&
    incident.htmlUrl.length <= URL_LIMIT
      ? incident.htmlUrl
      : undefined;
  return {
    source: PAGERDUTY_SOURCE,
    externalId: incident.id,
    kind: KINDS[event.eventType],
    at: event.occurredAt,
    openedAt: incident.createdAt,
    priority: pagerDutyPriority(incident, mapping),
    ...(title && { title }),
    ...(url && { url }),
  };
}
