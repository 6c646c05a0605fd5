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
import { isError } from '@backstage/errors';
import type { ItsmMeasurementIntake } from '@backstage-itsm/plugin-itsm-node';
import {
  OPSGENIE_SOURCE,
  opsgenieIncidentChange,
  OpsgenieMappingOptions,
} from './mapping';
import { mergeIncident } from './merge';
import { OpsgenieAlertEvent, parseOpsgenieWebhook } from './payload';
import {
  OPSGENIE_TAG_ANNOTATION,
  OPSGENIE_TEAM_ANNOTATION,
  ServiceMatch,
} from './serviceIndex';

/** Runs work one at a time per key, in the order it was queued. */
class KeyedQueue {
  readonly #tails = new Map<string, Promise<void>>();

  run(key: string, work: () => Promise<void>): Promise<void> {
    const previous = this.#tails.get(key) ?? Promise.resolve();
    const next = previous.then(work, work);
    const tail = next.catch(() => {});
    this.#tails.set(key, tail);
    tail.then(() => {
      if (this.#tails.get(key) === tail) this.#tails.delete(key);
    });
    return next;
  }
}

const list = (values: readonly string[]) =>
  values.length ? values.join(', ') : 'none';

function describeAlert(event: OpsgenieAlertEvent) {
  const { alert } = event;
  return `Opsgenie alert ${alert.alertId}${
    alert.tinyId ? ` (#${alert.tinyId})` : ''
  } with tags ${list(alert.tags)} and teams ${list(alert.teams)}`;
}

function unmatchedReason(event: OpsgenieAlertEvent, match: ServiceMatch) {
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
 * only). Events of one alert are handled one at a time.
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
  }) => Promise<ServiceMatch>;
  mapping?: OpsgenieMappingOptions;
}): (eventPayload: unknown) => Promise<void> {
  const { intake, logger, lookupService, mapping } = options;
  const queue = new KeyedQueue();

  const unmatched = async (message: string) => {
    logger.warn(message);
    await intake.reportHealth({
      source: OPSGENIE_SOURCE,
      outcome: 'unmatched',
      message,
    });
  };

  async function handle(event: OpsgenieAlertEvent) {
    const change = opsgenieIncidentChange(event, mapping);
    const [stored] = await intake.findIncidents([
      { source: OPSGENIE_SOURCE, externalId: change.externalId },
    ]);
    const match = await lookupService(event.alert);
    let service: string;
    if (match.kind === 'one') {
      service = match.service;
    } else if (stored) {
      service = stored.service;
    } else {
      await unmatched(unmatchedReason(event, match));
      return;
    }
    const incident = mergeIncident({ stored, change, service });
    try {
      await intake.ingest({ incidents: [incident] });
    } catch (error) {
      if (isError(error) && error.name === 'InputError') {
        await unmatched(
          `${describeAlert(
            event,
          )} maps to ${service}, which the itsm backend refused: ${
            error.message
          }`,
        );
        return;
      }
      throw error;
    }
    await intake.reportHealth({
      source: OPSGENIE_SOURCE,
      service,
      outcome: 'ok',
    });
  }

  return async eventPayload => {
    try {
      const webhook = parseOpsgenieWebhook(eventPayload);
      if (webhook.kind === 'ignored') {
        logger.debug(`Ignored Opsgenie alert action ${webhook.action}`);
        return;
      }
      await queue.run(webhook.event.alert.alertId, () => handle(webhook.event));
    } catch (error) {
      const message = `Could not store an Opsgenie event: ${
        isError(error) ? error.message : String(error)
      }`;
      logger.error(message, isError(error) ? error : undefined);
      try {
        await intake.reportHealth({
          source: OPSGENIE_SOURCE,
          outcome: 'failed',
          message,
        });
      } catch (reportError) {
        logger.error(
          'Could not record the failure in the source-health view',
          isError(reportError) ? reportError : undefined,
        );
      }
    }
  };
}
