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
  OPSGENIE_SOURCE,
  opsgenieIncidentChange,
  OpsgenieMappingOptions,
} from './mapping';
import { OpsgenieAlertEvent, parseOpsgenieWebhook } from './payload';
import {
  OPSGENIE_TAG_ANNOTATION,
  OPSGENIE_TEAM_ANNOTATION,
} from './serviceIndex';

const list = (values: readonly string[]) =>
  values.length ? values.join(', ') : 'none';

function describeAlert(event: OpsgenieAlertEvent) {
  const { alert } = event;
  return `Opsgenie alert ${alert.alertId}${
    alert.tinyId ? ` (#${alert.tinyId})` : ''
  } with tags ${list(alert.tags)} and teams ${list(alert.teams)}`;
}

function unmatchedReason(event: OpsgenieAlertEvent, match: ItsmServiceMatch) {
  return match.kind === 'many'
    ? `${describeAlert(
        event,
      )} maps to several ITServices (${match.services.join(
        ', ',
      )}); give its tag (${OPSGENIE_TAG_ANNOTATION}) or team (${OPSGENIE_TEAM_ANNOTATION}) to one of them`
    : `${describeAlert(
        event,
      )} maps to no ITService: none in the catalog has one of its tags as ${OPSGENIE_TAG_ANNOTATION} or one of its teams as ${OPSGENIE_TEAM_ANNOTATION}`;
}

/**
 * What the Opsgenie push source does with each event of its topic: parse
 * it, find the ITService, merge it into what is stored, ingest it, and
 * record the outcome in the source-health view. It never throws: an alert
 * that maps to no ITService (or to one the itsm backend refuses as unknown)
 * is counted as unmatched; anything else that goes wrong is logged and
 * recorded as a failure. An alert already stored stays in its ITService
 * when a later action maps to none (Opsgenie sends the teams with Create
 * only). Events of one alert are handled one at a time. See
 * createItsmIncidentEventHandler of `@backstage-itsm/plugin-itsm-node`.
 *
 * @public
 */
export function createOpsgenieEventHandler(options: {
  intake: ItsmMeasurementIntake;
  logger: LoggerService;
  /** The ITService(s) an alert maps to. */
  lookupService: (alert: {
    tags: readonly string[];
    teams: readonly string[];
  }) => Promise<ItsmServiceMatch>;
  mapping?: OpsgenieMappingOptions;
}): (eventPayload: unknown) => Promise<void> {
  const { intake, logger, lookupService, mapping } = options;
  return createItsmIncidentEventHandler<OpsgenieAlertEvent>({
    source: OPSGENIE_SOURCE,
    intake,
    logger,
    eventName: 'an Opsgenie event',
    parse: eventPayload => {
      const webhook = parseOpsgenieWebhook(eventPayload);
      return webhook.kind === 'ignored'
        ? {
            kind: 'ignored',
            message: `Ignored Opsgenie alert action ${webhook.action}`,
          }
        : { kind: 'event', event: webhook.event };
    },
    incidentKey: event => event.alert.alertId,
    change: event => opsgenieIncidentChange(event, mapping),
    lookupService: event => lookupService(event.alert),
    describe: describeAlert,
    unmatchedReason,
  });
}
