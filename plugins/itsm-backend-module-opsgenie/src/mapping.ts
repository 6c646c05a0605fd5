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
import type { OpsgenieAlertEvent } from './payload';

/** The source name of what this module stores. @public */
export const OPSGENIE_SOURCE = 'opsgenie';

/**
 * An alert's ITSM priority: its Opsgenie priority as configured (keys
 * matched ignoring case), else the same priority (Opsgenie's are P1 to P5),
 * else P3, Opsgenie's default priority. Pure.
 *
 * @public
 */
export function opsgeniePriority(
  priority: string | undefined,
  mapping?: Record<string, IncidentPriority>,
): IncidentPriority {
  const wanted = priority?.trim().toUpperCase();
  const configured =
    wanted === undefined
      ? undefined
      : Object.entries(mapping ?? {}).find(
          ([name]) => name.trim().toUpperCase() === wanted,
        )?.[1];
  return configured ?? (isIncidentPriority(wanted) ? wanted : 'P3');
}

/** How the module turns alert actions into changes. @public */
export type OpsgenieMappingOptions = {
  /** Opsgenie priorities to ITSM priorities; default one to one. */
  priorities?: Record<string, IncidentPriority>;
  /**
   * A link to an alert, with `{alertId}` where its id goes, e.g.
   * `https://acme.app.opsgenie.com/alert/detail/{alertId}/details`; the
   * payload has none.
   */
  alertUrl?: string;
};

const KINDS: Record<OpsgenieAlertEvent['action'], ItsmIncidentChange['kind']> =
  {
    Create: 'opened',
    Acknowledge: 'acknowledged',
    Close: 'resolved',
    UpdatePriority: 'priority',
  };

const TITLE_LIMIT = 1000;

/**
 * What an Opsgenie alert action changes, keyed by the alert's id: Create
 * opens it at `createdAt`, Acknowledge and Close acknowledge and resolve it
 * at `updatedAt`, UpdatePriority sets the priority; the message is the
 * title. A Create that happened after the stored resolution (the same
 * alert created again) reopens it. Pure.
 *
 * @public
 */
export function opsgenieIncidentChange(
  event: OpsgenieAlertEvent,
  options: OpsgenieMappingOptions = {},
): ItsmIncidentChange {
  const { alert } = event;
  const title = alert.message?.trim().slice(0, TITLE_LIMIT);
  const url = options.alertUrl?.replace(
    /\{alertId\}/g,
    encodeURIComponent(alert.alertId),
  );
  return {
    source: OPSGENIE_SOURCE,
    externalId: alert.alertId,
    kind: KINDS[event.action],
    at: alert.updatedAt ?? alert.createdAt,
    openedAt: alert.createdAt,
    priority: opsgeniePriority(alert.priority, options.priorities),
    ...(title && { title }),
    ...(url && { url }),
  };
}
