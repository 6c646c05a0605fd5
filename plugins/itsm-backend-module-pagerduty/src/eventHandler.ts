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

import type { LoggerService } from '@backstage/backend-plugin-api';
import {
  createItsmIncidentEventHandler,
  ItsmMeasurementIntake,
  ItsmServiceMatch,
} from '@backstage-itsm/plugin-itsm-node';
import {
  PAGERDUTY_SOURCE,
  pagerDutyIncidentChange,
  PagerDutyPriorityMapping,
} from './mapping';
import { parsePagerDutyWebhook, PagerDutyIncidentEvent } from './payload';
import { PAGERDUTY_SERVICE_ID_ANNOTATION } from './serviceIndex';

function describeIncident(event: PagerDutyIncidentEvent) {
  const { service } = event.incident;
  return `PagerDuty service ${service.id}${
    service.summary ? ` ("${service.summary}")` : ''
  } of incident ${event.incident.id}`;
}

function unmatchedReason(
  event: PagerDutyIncidentEvent,
  match: ItsmServiceMatch,
) {
  const what = describeIncident(event);
  return match.kind === 'many'
    ? `${what} maps to several ITServices (${match.services.join(
        ', ',
      )}), which all have the annotation ${PAGERDUTY_SERVICE_ID_ANNOTATION}: ${
        event.incident.service.id
      }; give it to one of them`
    : `${what} maps to no ITService: none in the catalog has the annotation ${PAGERDUTY_SERVICE_ID_ANNOTATION}: ${event.incident.service.id}`;
}

/**
 * What the PagerDuty push source does with each event of its topic: parse
 * it, find the ITService, merge it into what is stored, ingest it, and
 * record the outcome in the source-health view. It never throws: an event
 * that maps to no ITService (or one the itsm backend refuses as unknown) is
 * counted as unmatched; anything else that goes wrong is logged and
 * recorded as a failure. Events of one incident are handled one at a time.
 * See createItsmIncidentEventHandler of `@backstage-itsm/plugin-itsm-node`.
 *
 * @public
 */
export function createPagerDutyEventHandler(options: {
  intake: ItsmMeasurementIntake;
  logger: LoggerService;
  /** The ITService(s) a PagerDuty service id maps to. */
  lookupService: (serviceId: string) => Promise<ItsmServiceMatch>;
  priorities?: PagerDutyPriorityMapping;
}): (eventPayload: unknown) => Promise<void> {
  const { intake, logger, lookupService, priorities } = options;
  return createItsmIncidentEventHandler<PagerDutyIncidentEvent>({
    source: PAGERDUTY_SOURCE,
    intake,
    logger,
    eventName: 'a PagerDuty event',
    parse: eventPayload => {
      const webhook = parsePagerDutyWebhook(eventPayload);
      return webhook.kind === 'ignored'
        ? {
            kind: 'ignored',
            message: `Ignored PagerDuty event of type ${webhook.eventType}`,
          }
        : { kind: 'event', event: webhook.event };
    },
    incidentKey: event => event.incident.id,
    change: event => pagerDutyIncidentChange(event, priorities),
    lookupService: event => lookupService(event.incident.service.id),
    describe: describeIncident,
    unmatchedReason,
  });
}
