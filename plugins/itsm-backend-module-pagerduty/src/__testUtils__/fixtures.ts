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

import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A fixture's bytes exactly as stored (copied from PagerDuty's docs). */
export function fixtureText(name: string): string {
  return readFileSync(join(__dirname, '..', '__fixtures__', name), 'utf8');
}

/** A fixture, parsed. */
export function fixture<T = any>(name: string): T {
  return JSON.parse(fixtureText(name));
}

/**
 * PagerDuty documents one incident webhook, an incident.priority_updated
 * event (see __fixtures__/README.md). The other event types carry the same
 * envelope and incident object; this derives them from the documented one,
 * changing only what the test states.
 */
export function pagerDutyEvent(
  eventType: string,
  occurredAt: string,
  changes: {
    id?: string;
    data?: Record<string, unknown>;
  } = {},
) {
  const documented = fixture('incident-priority-updated.json');
  return {
    event: {
      ...documented.event,
      id: changes.id ?? `${eventType}@${occurredAt}`,
      event_type: eventType,
      occurred_at: occurredAt,
      data: { ...documented.event.data, ...changes.data },
    },
  };
}
