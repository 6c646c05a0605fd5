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

import type {
  Incident,
  IncidentInput,
  IncidentPriority,
} from '@backstage-itsm/plugin-itsm-common';

/**
 * What one webhook event says about an incident, in the vendor's own terms
 * turned into ITSM's: what happened, when, and the incident as the event
 * describes it. Instants are epoch milliseconds.
 *
 * @public
 */
export type ItsmIncidentChange = {
  source: string;
  externalId: string;
  /**
   * opened: created (or created again, see mergeIncident); reopened: opened
   * again after it was resolved; acknowledged, resolved: its status changed;
   * priority: its priority changed; updated: anything else about it.
   */
  kind:
    | 'opened'
    | 'reopened'
    | 'acknowledged'
    | 'resolved'
    | 'priority'
    | 'updated';
  /** When the change happened. */
  at: number;
  /** When the incident was opened, as the event reports it. */
  openedAt: number;
  /** The incident's priority as the event reports it. */
  priority: IncidentPriority;
  title?: string;
  url?: string;
};

const instant = (iso: string | undefined) =>
  iso === undefined ? undefined : Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Merges one change into what is stored for the incident, so that events
 * may come twice and in any order:
 *
 * - openedAt is the earliest seen;
 * - acknowledgedAt is the earliest acknowledgement, never removed;
 * - resolvedAt, once set, is kept: a late acknowledgement or priority change
 *   does not reopen the incident, a second resolution does not move it;
 * - an opened or reopened change that happened after the stored resolution
 *   clears it (the incident runs again) and brings its priority; one that
 *   happened before it is a late duplicate and changes nothing;
 * - the priority changes with priority changes (and on first sight, and on
 *   reopening); other changes keep the stored one, since a late event
 *   carries an old priority;
 * - title and url follow the latest event that has them;
 * - times before openedAt count as openedAt (clocks differ by a little).
 *
 * The same change applied twice gives the same incident. Pure: no I/O, no
 * clock.
 *
 * @public
 */
export function mergeIncident(options: {
  stored?: Incident;
  change: ItsmIncidentChange;
  /** The ITService the incident belongs to, as an entity ref. */
  service: string;
}): IncidentInput {
  const { stored, change, service } = options;
  const openedAt = Math.min(
    change.openedAt,
    instant(stored?.openedAt) ?? Infinity,
  );
  const notBeforeOpened = (at: number) => Math.max(at, openedAt);
  let acknowledgedAt = instant(stored?.acknowledgedAt);
  let resolvedAt = instant(stored?.resolvedAt);
  let priority = stored?.priority ?? change.priority;

  switch (change.kind) {
    case 'opened':
    case 'reopened':
      if (resolvedAt !== undefined && change.at > resolvedAt) {
        resolvedAt = undefined;
        priority = change.priority;
      }
      break;
    case 'acknowledged':
      acknowledgedAt = Math.min(
        acknowledgedAt ?? Infinity,
        notBeforeOpened(change.at),
      );
      break;
    case 'resolved':
      resolvedAt ??= notBeforeOpened(change.at);
      break;
    case 'priority':
      priority = change.priority;
      break;
    default:
      break;
  }

  const title = change.title ?? stored?.title;
  const url = change.url ?? stored?.url;
  return {
    source: change.source,
    externalId: change.externalId,
    service,
    priority,
    openedAt: iso(openedAt),
    ...(acknowledgedAt !== undefined && {
      acknowledgedAt: iso(acknowledgedAt),
    }),
    ...(resolvedAt !== undefined && { resolvedAt: iso(resolvedAt) }),
    ...(stored?.pauses?.length && { pauses: stored.pauses }),
    ...(title !== undefined && { title }),
    ...(url !== undefined && { url }),
  };
}
