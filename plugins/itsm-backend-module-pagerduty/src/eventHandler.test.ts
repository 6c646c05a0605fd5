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
import type {
  Incident,
  IncidentInput,
} from '@backstage-itsm/plugin-itsm-common';
import type {
  ItsmMeasurementIntake,
  ItsmServiceMatch,
  ItsmSourceHealthReport,
} from '@backstage-itsm/plugin-itsm-node';
import { fixture, pagerDutyEvent } from './__testUtils__/fixtures';
import { createPagerDutyEventHandler } from './eventHandler';

/** An intake over a map, as the itsm backend's would behave for these tests. */
function fakeIntake(options: { delayMs?: number } = {}) {
  const stored = new Map<string, Incident>();
  const health: ItsmSourceHealthReport[] = [];
  const wait = () => new Promise(r => setTimeout(r, options.delayMs ?? 0));
  const intake: jest.Mocked<ItsmMeasurementIntake> = {
    ingest: jest.fn(async batch => {
      await wait();
      for (const incident of batch.incidents ?? []) {
        stored.set(incident.externalId, {
          ...incident,
          updatedAt: '2020-10-02T19:00:00.000Z',
        });
      }
      return { created: 1, updated: 0, unchanged: 0 };
    }),
    reportHealth: jest.fn(async report => {
      health.push(report);
    }),
    findIncidents: jest.fn(async keys => {
      await wait();
      return keys.flatMap(k => {
        const incident = stored.get(k.externalId);
        return incident ? [incident] : [];
      });
    }),
    findOutages: jest.fn(),
    latestSliSliceEnd: jest.fn(),
  };
  return { intake, stored, health };
}

function setup(
  options: {
    match?: (serviceId: string) => ItsmServiceMatch;
    delayMs?: number;
  } = {},
) {
  const { intake, stored, health } = fakeIntake(options);
  const logger = mockServices.logger.mock();
  const handle = createPagerDutyEventHandler({
    intake,
    logger,
    lookupService: async serviceId =>
      options.match?.(serviceId) ??
      (serviceId === 'PF9KMXH'
        ? { kind: 'one', service: 'itservice:default/api' }
        : { kind: 'none' }),
  });
  return { handle, intake, stored, health, logger };
}

const documented = fixture('incident-priority-updated.json');

describe('createPagerDutyEventHandler', () => {
  it('stores the incident of a mapped event and records the success', async () => {
    const { handle, stored, health } = setup();
    await handle(documented);
    expect(stored.get('PGR0VU2')).toEqual<Incident>({
      source: 'pagerduty',
      externalId: 'PGR0VU2',
      service: 'itservice:default/api',
      priority: 'P1',
      openedAt: '2020-04-09T15:16:27.000Z',
      title: 'A little bump in the road',
      url: 'https://acme.pagerduty.com/incidents/PGR0VU2',
      updatedAt: '2020-10-02T19:00:00.000Z',
    });
    expect(health).toEqual([
      { source: 'pagerduty', service: 'itservice:default/api', outcome: 'ok' },
    ]);
  });

  it('merges later events into what is stored', async () => {
    const { handle, stored } = setup();
    await handle(documented);
    await handle(pagerDutyEvent('incident.resolved', '2020-10-02T19:10:00Z'));
    await handle(
      pagerDutyEvent('incident.acknowledged', '2020-10-02T19:00:00Z'),
    );
    expect(stored.get('PGR0VU2')).toMatchObject({
      acknowledgedAt: '2020-10-02T19:00:00.000Z',
      resolvedAt: '2020-10-02T19:10:00.000Z',
    });
  });

  it('counts an event of an unmapped service as unmatched, naming the service, and stores nothing', async () => {
    const { handle, intake, health, logger } = setup();
    await handle(
      pagerDutyEvent('incident.triggered', '2020-10-02T19:00:00Z', {
        data: {
          id: 'Q1NEW',
          service: {
            id: 'PUNKNWN',
            summary: 'Mail',
            type: 'service_reference',
          },
        },
      }),
    );
    const message =
      'PagerDuty service PUNKNWN ("Mail") of incident Q1NEW maps to no ITService: none in the catalog has the annotation pagerduty.com/service-id: PUNKNWN';
    expect(intake.ingest).not.toHaveBeenCalled();
    expect(health).toEqual([
      { source: 'pagerduty', outcome: 'unmatched', message },
    ]);
    expect(logger.warn).toHaveBeenCalledWith(message);
  });

  it('counts an event of a service several ITServices name as unmatched', async () => {
    const { handle, health } = setup({
      match: () => ({
        kind: 'many',
        services: ['itservice:default/a', 'itservice:default/b'],
      }),
    });
    await handle(documented);
    expect(health).toEqual([
      {
        source: 'pagerduty',
        outcome: 'unmatched',
        message:
          'PagerDuty service PF9KMXH ("API Service") of incident PGR0VU2 maps to several ITServices (itservice:default/a, itservice:default/b), which all have the annotation pagerduty.com/service-id: PF9KMXH; give it to one of them',
      },
    ]);
  });

  it('keeps a stored incident in its service when its service no longer maps', async () => {
    let mapped = true;
    const { handle, stored } = setup({
      match: () =>
        mapped
          ? { kind: 'one', service: 'itservice:default/api' }
          : { kind: 'none' },
    });
    await handle(documented);
    mapped = false;
    await handle(pagerDutyEvent('incident.resolved', '2020-10-02T19:10:00Z'));
    expect(stored.get('PGR0VU2')).toMatchObject({
      service: 'itservice:default/api',
      resolvedAt: '2020-10-02T19:10:00.000Z',
    });
  });

  it('counts an incident the itsm backend refuses for its service as unmatched', async () => {
    const { handle, intake, health } = setup();
    intake.ingest.mockRejectedValueOnce(
      new InputError(
        'items[0].service: "itservice:default/api" is not in the catalog',
      ),
    );
    await handle(documented);
    expect(health).toEqual([
      {
        source: 'pagerduty',
        outcome: 'unmatched',
        message:
          'PagerDuty service PF9KMXH ("API Service") of incident PGR0VU2 maps to itservice:default/api, which the itsm backend refused: items[0].service: "itservice:default/api" is not in the catalog',
      },
    ]);
  });

  it('never throws: other failures are logged and recorded as failed', async () => {
    const { handle, intake, health, logger } = setup();
    intake.ingest.mockRejectedValueOnce(new Error('database is down'));
    await expect(handle(documented)).resolves.toBeUndefined();
    intake.findIncidents.mockRejectedValueOnce(new Error('still down'));
    await expect(handle(documented)).resolves.toBeUndefined();
    await expect(handle({ event: 'nonsense' })).resolves.toBeUndefined();
    expect(health).toEqual([
      {
        source: 'pagerduty',
        outcome: 'failed',
        message: 'Could not store a PagerDuty event: database is down',
      },
      {
        source: 'pagerduty',
        outcome: 'failed',
        message: 'Could not store a PagerDuty event: still down',
      },
      {
        source: 'pagerduty',
        outcome: 'failed',
        message:
          'Could not store a PagerDuty event: Malformed PagerDuty webhook: event must be an object, got "nonsense"',
      },
    ]);
    expect(logger.error).toHaveBeenCalledTimes(3);
    intake.reportHealth.mockRejectedValueOnce(new Error('no health either'));
    intake.ingest.mockRejectedValueOnce(new Error('database is down'));
    await expect(handle(documented)).resolves.toBeUndefined();
  });

  it('ignores event types it does not handle', async () => {
    const { handle, intake, health } = setup();
    await handle(fixture('service-updated.json'));
    expect(intake.findIncidents).not.toHaveBeenCalled();
    expect(health).toEqual([]);
  });

  it('handles the events of one incident one at a time, so none is lost', async () => {
    const { handle, stored } = setup({ delayMs: 5 });
    await Promise.all([
      handle(pagerDutyEvent('incident.triggered', '2020-04-09T15:16:27Z')),
      handle(pagerDutyEvent('incident.acknowledged', '2020-10-02T19:00:00Z')),
      handle(pagerDutyEvent('incident.resolved', '2020-10-02T19:10:00Z')),
    ]);
    const incident: IncidentInput | undefined = stored.get('PGR0VU2');
    expect(incident).toMatchObject({
      acknowledgedAt: '2020-10-02T19:00:00.000Z',
      resolvedAt: '2020-10-02T19:10:00.000Z',
    });
  });
});
