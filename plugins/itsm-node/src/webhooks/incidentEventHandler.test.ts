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

import { mockServices } from '@backstage/backend-test-utils';
import { InputError } from '@backstage/errors';
import type { Incident } from '@backstage-itsm/plugin-itsm-common';
import type {
  ItsmMeasurementIntake,
  ItsmSourceHealthReport,
} from '../extensions';
import type { ItsmServiceMatch } from './catalogIndex';
import { createItsmIncidentEventHandler } from './incidentEventHandler';
import type { ItsmIncidentChange } from './mergeIncident';

/** A webhook body of these tests: an incident, what happened, and when. */
type TestEvent = {
  incident: string;
  kind: ItsmIncidentChange['kind'];
  at: string;
  key: string;
};

const at = (hhmm: string) => `2020-10-02T${hhmm}:00.000Z`;

function setup(
  options: {
    match?: (key: string) => ItsmServiceMatch;
    delayMs?: number;
  } = {},
) {
  const stored = new Map<string, Incident>();
  const health: ItsmSourceHealthReport[] = [];
  const wait = () => new Promise(r => setTimeout(r, options.delayMs ?? 0));
  const intake: jest.Mocked<ItsmMeasurementIntake> = {
    ingest: jest.fn(async batch => {
      await wait();
      for (const incident of batch.incidents ?? []) {
        stored.set(incident.externalId, {
          ...incident,
          updatedAt: at('23:00'),
        });
      }
      return { created: 1, updated: 0, unchanged: 0 };
    }),
    reportHealth: jest.fn(async report => {
      health.push(report);
    }),
    findIncidents: jest.fn(async keys => {
      await wait();
      return keys.flatMap(k => stored.get(k.externalId) ?? []);
    }),
    findOutages: jest.fn(),
    latestSliSliceEnd: jest.fn(),
  };
  const logger = mockServices.logger.mock();
  const handle = createItsmIncidentEventHandler<TestEvent>({
    source: 'example',
    intake,
    logger,
    eventName: 'an Example event',
    parse: body => {
      if (body === 'ping') return { kind: 'ignored', message: 'Ignored ping' };
      if (typeof body !== 'object' || body === null) {
        throw new InputError('Malformed Example webhook');
      }
      return { kind: 'event', event: body as TestEvent };
    },
    incidentKey: event => event.incident,
    change: event => ({
      source: 'example',
      externalId: event.incident,
      kind: event.kind,
      at: Date.parse(event.at),
      openedAt: Date.parse(at('10:00')),
      priority: 'P2',
    }),
    lookupService: async event =>
      options.match?.(event.key) ??
      (event.key === 'api'
        ? { kind: 'one', service: 'itservice:default/api' }
        : { kind: 'none' }),
    describe: event => `Example incident ${event.incident}`,
    unmatchedReason: (event, match) =>
      match.kind === 'many'
        ? `Example incident ${event.incident} maps to ${match.services.join(
            ' and ',
          )}`
        : `Example incident ${event.incident} maps to nothing`,
  });
  const event = (
    kind: TestEvent['kind'],
    hhmm: string,
    extra: Partial<TestEvent> = {},
  ): TestEvent => ({
    incident: 'I1',
    kind,
    at: at(hhmm),
    key: 'api',
    ...extra,
  });
  return { handle, intake, stored, health, logger, event };
}

describe('createItsmIncidentEventHandler', () => {
  it('stores the incident of a mapped event, merged into what is stored, and records the success', async () => {
    const { handle, stored, health, event } = setup();
    await handle(event('opened', '10:00'));
    await handle(event('resolved', '10:30'));
    await handle(event('acknowledged', '10:05'));
    expect(stored.get('I1')).toEqual<Incident>({
      source: 'example',
      externalId: 'I1',
      service: 'itservice:default/api',
      priority: 'P2',
      openedAt: at('10:00'),
      acknowledgedAt: at('10:05'),
      resolvedAt: at('10:30'),
      updatedAt: at('23:00'),
    });
    expect(health).toContainEqual({
      source: 'example',
      service: 'itservice:default/api',
      outcome: 'ok',
    });
  });

  it('counts an event that maps to no ITService, or to several, as unmatched with the reason, and stores nothing', async () => {
    const { handle, intake, health, logger, event } = setup({
      match: key =>
        key === 'shared'
          ? { kind: 'many', services: ['itservice:default/a', 'b'] }
          : { kind: 'none' },
    });
    await handle(event('opened', '10:00', { key: 'unknown' }));
    await handle(event('opened', '10:00', { key: 'shared' }));
    expect(intake.ingest).not.toHaveBeenCalled();
    expect(health).toEqual([
      {
        source: 'example',
        outcome: 'unmatched',
        message: 'Example incident I1 maps to nothing',
      },
      {
        source: 'example',
        outcome: 'unmatched',
        message: 'Example incident I1 maps to itservice:default/a and b',
      },
    ]);
    expect(logger.warn).toHaveBeenCalledWith(
      'Example incident I1 maps to nothing',
    );
  });

  it('keeps a stored incident in its ITService when a later event maps to none', async () => {
    const { handle, stored, event } = setup();
    await handle(event('opened', '10:00'));
    await handle(event('resolved', '10:30', { key: 'gone' }));
    expect(stored.get('I1')).toMatchObject({
      service: 'itservice:default/api',
      resolvedAt: at('10:30'),
    });
  });

  it('counts an incident the itsm backend refuses for its ITService as unmatched', async () => {
    const { handle, intake, health, event } = setup();
    intake.ingest.mockRejectedValueOnce(
      new InputError('items[0].service: unknown'),
    );
    await handle(event('opened', '10:00'));
    expect(health).toEqual([
      {
        source: 'example',
        outcome: 'unmatched',
        message:
          'Example incident I1 maps to itservice:default/api, which the itsm backend refused: items[0].service: unknown',
      },
    ]);
  });

  it('never throws: other failures, malformed bodies included, are logged and recorded as failed', async () => {
    const { handle, intake, health, logger, event } = setup();
    intake.ingest.mockRejectedValueOnce(new Error('database is down'));
    await expect(handle(event('opened', '10:00'))).resolves.toBeUndefined();
    await expect(handle('nonsense')).resolves.toBeUndefined();
    expect(health).toEqual([
      {
        source: 'example',
        outcome: 'failed',
        message: 'Could not store an Example event: database is down',
      },
      {
        source: 'example',
        outcome: 'failed',
        message: 'Could not store an Example event: Malformed Example webhook',
      },
    ]);
    expect(logger.error).toHaveBeenCalledTimes(2);
    intake.reportHealth.mockRejectedValueOnce(new Error('no health either'));
    intake.findIncidents.mockRejectedValueOnce(new Error('still down'));
    await expect(handle(event('opened', '10:00'))).resolves.toBeUndefined();
    expect(logger.error).toHaveBeenLastCalledWith(
      'Could not record the failure in the source-health view',
      new Error('no health either'),
    );
  });

  it('ignores what the parser ignores, with a debug message', async () => {
    const { handle, intake, health, logger } = setup();
    await handle('ping');
    expect(intake.findIncidents).not.toHaveBeenCalled();
    expect(health).toEqual([]);
    expect(logger.debug).toHaveBeenCalledWith('Ignored ping');
  });

  it('handles the events of one incident one at a time, so none is lost', async () => {
    const { handle, stored, event } = setup({ delayMs: 5 });
    await Promise.all([
      handle(event('opened', '10:00')),
      handle(event('acknowledged', '10:05')),
      handle(event('resolved', '10:30')),
      handle(event('opened', '11:00', { incident: 'I2' })),
    ]);
    expect(stored.get('I1')).toMatchObject({
      acknowledgedAt: at('10:05'),
      resolvedAt: at('10:30'),
    });
    expect(stored.get('I2')).toMatchObject({ openedAt: at('10:00') });
  });
});
