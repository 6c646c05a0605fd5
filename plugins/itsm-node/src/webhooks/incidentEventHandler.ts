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
import type { ItsmMeasurementIntake } from '../extensions';
import type { ItsmServiceMatch } from './catalogIndex';
import { ItsmIncidentChange, mergeIncident } from './mergeIncident';

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

/**
 * A webhook body as a vendor module reads it: an event to store, or one it
 * accepts and ignores, with the debug message that says so.
 *
 * @public
 */
export type ItsmParsedIncidentWebhook<TEvent> =
  | { kind: 'event'; event: TEvent }
  | { kind: 'ignored'; message: string };

/**
 * What a vendor module tells {@link createItsmIncidentEventHandler} about
 * its events.
 *
 * @public
 */
export type ItsmIncidentEventHandlerOptions<TEvent> = {
  /** The source id: the `source` of the incidents and of the health reports. */
  source: string;
  intake: ItsmMeasurementIntake;
  logger: LoggerService;
  /** What the failure message says could not be stored, e.g. `a PagerDuty event`. */
  eventName: string;
  /** Reads a body; throws (an InputError) when it is malformed. */
  parse(eventPayload: unknown): ItsmParsedIncidentWebhook<TEvent>;
  /** The incident an event is about: events of one are handled one at a time. */
  incidentKey(event: TEvent): string;
  /** What the event changes, in ITSM's terms. */
  change(event: TEvent): ItsmIncidentChange;
  /** The ITService(s) the event maps to. */
  lookupService(event: TEvent): Promise<ItsmServiceMatch>;
  /** The event's incident, for messages, e.g. `Opsgenie alert … (#24) with tags …`. */
  describe(event: TEvent): string;
  /** Why an event that maps to no ITService, or to several, is not stored. */
  unmatchedReason(
    event: TEvent,
    match: Exclude<ItsmServiceMatch, { kind: 'one' }>,
  ): string;
};

/**
 * What a push source of incident webhooks does with each event of its
 * topic: parse it, find the ITService, merge it into what is stored (see
 * {@link mergeIncident}), ingest it, and record the outcome in the
 * source-health view. It never throws: an event that maps to no ITService
 * (or to one the itsm backend refuses as unknown) is counted as unmatched;
 * anything else that goes wrong is logged and recorded as a failure. An
 * incident already stored stays in its ITService when a later event maps to
 * none. Events of one incident are handled one at a time.
 *
 * @public
 */
export function createItsmIncidentEventHandler<TEvent>(
  options: ItsmIncidentEventHandlerOptions<TEvent>,
): (eventPayload: unknown) => Promise<void> {
  const { source, intake, logger, eventName } = options;
  const queue = new KeyedQueue();

  const unmatched = async (message: string) => {
    logger.warn(message);
    await intake.reportHealth({ source, outcome: 'unmatched', message });
  };

  async function handle(event: TEvent) {
    const change = options.change(event);
    const [stored] = await intake.findIncidents([
      { source, externalId: change.externalId },
    ]);
    const match = await options.lookupService(event);
    let service: string;
    if (match.kind === 'one') {
      service = match.service;
    } else if (stored) {
      // Known incidents stay where they are when their event maps to none.
      service = stored.service;
    } else {
      await unmatched(options.unmatchedReason(event, match));
      return;
    }
    const incident = mergeIncident({ stored, change, service });
    try {
      await intake.ingest({ incidents: [incident] });
    } catch (error) {
      if (isError(error) && error.name === 'InputError') {
        await unmatched(
          `${options.describe(
            event,
          )} maps to ${service}, which the itsm backend refused: ${
            error.message
          }`,
        );
        return;
      }
      throw error;
    }
    await intake.reportHealth({ source, service, outcome: 'ok' });
  }

  return async eventPayload => {
    try {
      const webhook = options.parse(eventPayload);
      if (webhook.kind === 'ignored') {
        logger.debug(webhook.message);
        return;
      }
      const { event } = webhook;
      await queue.run(options.incidentKey(event), () => handle(event));
    } catch (error) {
      const message = `Could not store ${eventName}: ${
        isError(error) ? error.message : String(error)
      }`;
      logger.error(message, isError(error) ? error : undefined);
      try {
        await intake.reportHealth({ source, outcome: 'failed', message });
      } catch (reportError) {
        logger.error(
          'Could not record the failure in the source-health view',
          isError(reportError) ? reportError : undefined,
        );
      }
    }
  };
}
