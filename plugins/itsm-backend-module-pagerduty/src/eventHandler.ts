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
import { PAGERDUTY_SOURCE, pagerDutyIncidentChange } from './mapping';
import { PagerDutyPriorityMapping } from './mapping';
import { mergeIncident } from './merge';
import { parsePagerDutyWebhook, PagerDutyIncidentEvent } from './payload';
import { PAGERDUTY_SERVICE_ID_ANNOTATION, ServiceMatch } from './serviceIndex';

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

function describeService(event: PagerDutyIncidentEvent) {
  const { service } = event.incident;
  return `PagerDuty service ${service.id}${
    service.summary ? ` ("${service.summary}")` : ''
  }`;
}

function unmatchedReason(event: PagerDutyIncidentEvent, match: ServiceMatch) {
  const what = `${describeService(event)} of incident ${event.incident.id}`;
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
 *
 * @public
 */
export function createPagerDutyEventHandler(options: {
  intake: ItsmMeasurementIntake;
  logger: LoggerService;
  /** The ITService(s) a PagerDuty service id maps to. */
  lookupService: (serviceId: string) => Promise<ServiceMatch>;
  priorities?: PagerDutyPriorityMapping;
}): (eventPayload: unknown) => Promise<void> {
  const { intake, logger, lookupService, priorities } = options;
  const queue = new KeyedQueue();

  const unmatched = async (message: string) => {
    logger.warn(message);
    await intake.reportHealth({
      source: PAGERDUTY_SOURCE,
      outcome: 'unmatched',
      message,
    });
  };

  async function handle(event: PagerDutyIncidentEvent) {
    const change = pagerDutyIncidentChange(event, priorities);
    const [stored] = await intake.findIncidents([
      { source: PAGERDUTY_SOURCE, externalId: change.externalId },
    ]);
    const match = await lookupService(event.incident.service.id);
    let service: string;
    if (match.kind === 'one') {
      service = match.service;
    } else if (stored) {
      // Known incidents stay where they are when their service maps to none.
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
          `${describeService(event)} of incident ${
            event.incident.id
          } maps to ${service}, which the itsm backend refused: ${
            error.message
          }`,
        );
        return;
      }
      throw error;
    }
    await intake.reportHealth({
      source: PAGERDUTY_SOURCE,
      service,
      outcome: 'ok',
    });
  }

  return async eventPayload => {
    try {
      const webhook = parsePagerDutyWebhook(eventPayload);
      if (webhook.kind === 'ignored') {
        logger.debug(`Ignored PagerDuty event of type ${webhook.eventType}`);
        return;
      }
      await queue.run(webhook.event.incident.id, () => handle(webhook.event));
    } catch (error) {
      const message = `Could not store a PagerDuty event: ${
        isError(error) ? error.message : String(error)
      }`;
      logger.error(message, isError(error) ? error : undefined);
      try {
        await intake.reportHealth({
          source: PAGERDUTY_SOURCE,
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
