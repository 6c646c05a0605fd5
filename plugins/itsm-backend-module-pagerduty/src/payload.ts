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
  createItsmPayloadReader,
  ItsmPayloadReader,
} from '@backstage-itsm/plugin-itsm-node';

/**
 * The V3 webhook event types this module turns into ITSM incidents. Any
 * other event type (incident.annotated, service.updated, pagey.ping, …) is
 * accepted and ignored.
 *
 * @public
 */
export const PAGERDUTY_INCIDENT_EVENT_TYPES = [
  'incident.triggered',
  'incident.acknowledged',
  'incident.resolved',
  'incident.reopened',
  'incident.priority_updated',
  'incident.service_updated',
] as const;

/** @public */
export type PagerDutyIncidentEventType =
  (typeof PAGERDUTY_INCIDENT_EVENT_TYPES)[number];

/**
 * An incident event of a V3 webhook, as far as this module reads it.
 * Instants are epoch milliseconds.
 *
 * @public
 */
export type PagerDutyIncidentEvent = {
  /** `event.id` */
  id: string;
  eventType: PagerDutyIncidentEventType;
  /** `event.occurred_at` */
  occurredAt: number;
  /** `event.data`, the incident as it is after the event. */
  incident: {
    id: string;
    /** `created_at` */
    createdAt: number;
    title?: string;
    /** `html_url` */
    htmlUrl?: string;
    service: { id: string; summary?: string };
    /** `priority.summary`, e.g. P1; absent when the incident has none. */
    priority?: string;
    /** high or low */
    urgency?: string;
  };
};

/**
 * A parsed V3 webhook payload: an incident event this module handles, or
 * another event that it accepts and ignores.
 *
 * @public
 */
export type PagerDutyWebhook =
  | { kind: 'incident'; event: PagerDutyIncidentEvent }
  | {
      kind: 'ignored';
      eventType: string;
      /** `event.occurred_at`, when the event has a valid one. */
      occurredAt?: number;
    };

const ISO_INSTANT =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

const reader = createItsmPayloadReader('PagerDuty webhook');
const { object, string } = reader;
// Annotated, so that a call narrows what follows it.
const malformed: ItsmPayloadReader['malformed'] = reader.malformed;

function optionalString(value: unknown, path: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') malformed(path, 'a string', value);
  return value;
}

/** An ISO 8601 instant with a time zone, in epoch milliseconds. */
function instant(value: unknown, path: string): number {
  const ms = typeof value === 'string' ? Date.parse(value) : NaN;
  if (
    typeof value !== 'string' ||
    !ISO_INSTANT.test(value) ||
    Number.isNaN(ms)
  ) {
    malformed(path, 'an ISO 8601 date-time with a time zone', value);
  }
  return ms;
}

const isIncidentEventType = (
  type: string,
): type is PagerDutyIncidentEventType =>
  (PAGERDUTY_INCIDENT_EVENT_TYPES as readonly string[]).includes(type);

/**
 * Reads the body of a PagerDuty V3 webhook: `{ event: { id, event_type,
 * occurred_at, data } }`. Incident events of the handled types must carry
 * the incident (`data.type` incident, with its id, created_at and service);
 * other event types are only checked for their envelope. Throws an
 * InputError naming the first field that is wrong. Pure.
 *
 * @public
 */
export function parsePagerDutyWebhook(body: unknown): PagerDutyWebhook {
  const root = object(body, 'the body');
  const event = object(root.event, 'event');
  const eventType = string(event.event_type, 'event.event_type');
  if (!isIncidentEventType(eventType)) {
    const occurredAt =
      typeof event.occurred_at === 'string'
        ? Date.parse(event.occurred_at)
        : NaN;
    return {
      kind: 'ignored',
      eventType,
      ...(!Number.isNaN(occurredAt) && { occurredAt }),
    };
  }
  const id = string(event.id, 'event.id');
  const occurredAt = instant(event.occurred_at, 'event.occurred_at');
  const data = object(event.data, 'event.data');
  if (data.type !== 'incident') {
    malformed('event.data.type', '"incident"', data.type);
  }
  const service = object(data.service, 'event.data.service');
  let priority: string | undefined;
  if (data.priority !== undefined && data.priority !== null) {
    priority = string(
      object(data.priority, 'event.data.priority').summary,
      'event.data.priority.summary',
    );
  }
  const title = optionalString(data.title, 'event.data.title');
  const htmlUrl = optionalString(data.html_url, 'event.data.html_url');
  const urgency = optionalString(data.urgency, 'event.data.urgency');
  const summary = optionalString(service.summary, 'event.data.service.summary');
  return {
    kind: 'incident',
    event: {
      id,
      eventType,
      occurredAt,
      incident: {
        id: string(data.id, 'event.data.id'),
        createdAt: instant(data.created_at, 'event.data.created_at'),
        ...(title !== undefined && { title }),
        ...(htmlUrl !== undefined && { htmlUrl }),
        service: {
          id: string(service.id, 'event.data.service.id'),
          ...(summary !== undefined && { summary }),
        },
        ...(priority !== undefined && { priority }),
        ...(urgency !== undefined && { urgency }),
      },
    },
  };
}
