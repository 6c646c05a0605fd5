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
 * The alert actions this module turns into ITSM incidents. Any other action
 * (AddNote, UnAcknowledge, AddTags, Delete, a custom action, …) is accepted
 * and ignored.
 *
 * @public
 */
export const OPSGENIE_HANDLED_ACTIONS = [
  'Create',
  'Acknowledge',
  'Close',
  'UpdatePriority',
] as const;

/** @public */
export type OpsgenieHandledAction = (typeof OPSGENIE_HANDLED_ACTIONS)[number];

/**
 * An alert action of Opsgenie's webhook integration, as far as this module
 * reads it. Instants are epoch milliseconds.
 *
 * @public
 */
export type OpsgenieAlertEvent = {
  action: OpsgenieHandledAction;
  alert: {
    alertId: string;
    /** `alert.createdAt` */
    createdAt: number;
    /** `alert.updatedAt`: when the action happened. */
    updatedAt?: number;
    /** `alert.message` */
    message?: string;
    tinyId?: string;
    tags: string[];
    /**
     * The alert's teams as the payload names them: `alert.team`, the names
     * of `alert.responders` of type team, and `alert.teams` (ids in
     * Opsgenie's examples).
     */
    teams: string[];
    /** `alert.priority`, P1 to P5 in Opsgenie. */
    priority?: string;
  };
};

/**
 * A parsed Opsgenie webhook payload: an alert action this module handles,
 * or another action that it accepts and ignores.
 *
 * @public
 */
export type OpsgenieWebhook =
  | { kind: 'alert'; event: OpsgenieAlertEvent }
  | { kind: 'ignored'; action: string };

/**
 * An epoch time of an Opsgenie payload in milliseconds, whatever its unit.
 * Opsgenie's documented examples give `createdAt` in milliseconds and
 * `updatedAt` in nanoseconds (1420452224764002246 is
 * 2015-01-05T10:03:44.764Z); the unit is told by the magnitude, which is
 * unambiguous for any instant after 1973: below 1e11 seconds, below 1e14
 * milliseconds, below 1e17 microseconds, else nanoseconds. Pure.
 *
 * @public
 */
export function opsgenieEpochToMs(value: number): number {
  if (value >= 1e17) return Math.floor(value / 1e6);
  if (value >= 1e14) return Math.floor(value / 1e3);
  if (value >= 1e11) return Math.floor(value);
  return Math.floor(value * 1000);
}

const reader = createItsmPayloadReader('Opsgenie webhook');
const { isObject, object, string } = reader;
// Annotated, so that a call narrows what follows it.
const malformed: ItsmPayloadReader['malformed'] = reader.malformed;

function optionalString(value: unknown, path: string): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') malformed(path, 'a string', value);
  return value;
}

function strings(value: unknown, path: string): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.some(item => typeof item !== 'string')) {
    malformed(path, 'an array of strings', value);
  }
  return (value as string[]).map(item => item.trim()).filter(Boolean);
}

/** An epoch time (a number, or digits in a string) in milliseconds. */
function epoch(value: unknown, path: string): number {
  const number =
    typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isFinite(number) || number <= 0) {
    malformed(path, 'an epoch time', value);
  }
  return opsgenieEpochToMs(number);
}

function teamsOf(alert: Record<string, unknown>): string[] {
  const team = optionalString(alert.team, 'alert.team');
  const responders = alert.responders ?? [];
  if (!Array.isArray(responders)) {
    malformed('alert.responders', 'an array', responders);
  }
  const responderTeams = responders.flatMap((responder, i) => {
    if (!isObject(responder)) return [];
    if (responder.type !== 'team') return [];
    const name = optionalString(responder.name, `alert.responders[${i}].name`);
    return name ? [name] : [];
  });
  const names = [
    ...(team ? [team] : []),
    ...responderTeams,
    ...strings(alert.teams, 'alert.teams'),
  ];
  return [...new Set(names.map(name => name.trim()).filter(Boolean))];
}

const handledAction = (action: string) =>
  OPSGENIE_HANDLED_ACTIONS.find(
    known => known.toLowerCase() === action.replace(/\s+/g, '').toLowerCase(),
  );

/**
 * Reads the body of an Opsgenie webhook integration's request: `{ action,
 * alert: { alertId, createdAt, updatedAt, message, tags, priority, … },
 * source, integrationName, … }`. Handled actions must carry the alert's id
 * and creation time; Acknowledge, Close and UpdatePriority also the time
 * they happened (`updatedAt`), UpdatePriority the new priority. Other
 * actions are only checked for their name. Throws an InputError naming the
 * first field that is wrong. Pure.
 *
 * @public
 */
export function parseOpsgenieWebhook(body: unknown): OpsgenieWebhook {
  const root = object(body, 'the body');
  const actionName = string(root.action, 'action');
  const action = handledAction(actionName);
  if (!action) return { kind: 'ignored', action: actionName };
  const alert = object(root.alert, 'alert');
  const alertId = string(alert.alertId, 'alert.alertId');
  const createdAt = epoch(alert.createdAt, 'alert.createdAt');
  const updatedAt =
    alert.updatedAt === undefined && action === 'Create'
      ? undefined
      : epoch(alert.updatedAt, 'alert.updatedAt');
  const priority =
    action === 'UpdatePriority'
      ? string(alert.priority, 'alert.priority')
      : optionalString(alert.priority, 'alert.priority');
  const message = optionalString(alert.message, 'alert.message');
  const tinyId = optionalString(alert.tinyId, 'alert.tinyId');
  return {
    kind: 'alert',
    event: {
      action,
      alert: {
        alertId,
        createdAt,
        ...(updatedAt !== undefined && { updatedAt }),
        ...(message !== undefined && { message }),
        ...(tinyId !== undefined && { tinyId }),
        tags: strings(alert.tags, 'alert.tags'),
        teams: teamsOf(alert),
        ...(priority !== undefined && { priority }),
      },
    },
  };
}
