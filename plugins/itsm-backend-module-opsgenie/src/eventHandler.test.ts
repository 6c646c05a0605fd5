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
  ItsmServiceMatch,
  ItsmSourceHealthReport,
} from '@backstage-itsm/plugin-itsm-node';
import { fixture, opsgenieAction } from './__testUtils__/fixtures';
import { createOpsgenieEventHandler } from './eventHandler';

function setup(
  options: {
    match?: (alert: {
      tags: readonly string[];
      teams: readonly string[];
    }) => ItsmServiceMatch;
  } = {},
) {
  const stored = new Map<string, Incident>();
  const health: ItsmSourceHealthReport[] = [];
  const intake: jest.Mocked<ItsmMeasurementIntake> = {
    ingest: jest.fn(async batch => {
      for (const incident of batch.incidents ?? []) {
        stored.set(incident.externalId, {
          ...incident,
          updatedAt: '2015-01-05T11:00:00.000Z',
        });
      }
      return { created: 1, updated: 0, unchanged: 0 };
    }),
    reportHealth: jest.fn(async report => {
      health.push(report);
    }),
    findIncidents: jest.fn(async keys =>
      keys.flatMap(k => {
        const incident = stored.get(k.externalId);
        return incident ? [incident] : [];
      }),
    ),
    findOutages: jest.fn(),
    latestSliSliceEnd: jest.fn(),
  };
  const logger = mockServices.logger.mock();
  const handle = createOpsgenieEventHandler({
    intake,
    logger,
    lookupService: async alert =>
      options.match?.(alert) ??
      (alert.tags.includes('tag1')
        ? { kind: 'one', service: 'itservice:default/web-shop' }
        : { kind: 'none' }),
  });
  return { handle, intake, stored, health, logger };
}

const ALERT = '052652ac-5d1c-464a-812a-7dd18bbfba8c';

describe('createOpsgenieEventHandler', () => {
  it('stores the documented Create and Acknowledge as one incident', async () => {
    const { handle, stored, health } = setup();
    await handle(fixture('create.json'));
    await handle(fixture('acknowledge.json'));
    expect(stored.get(ALERT)).toEqual({
      source: 'opsgenie',
      externalId: ALERT,
      service: 'itservice:default/web-shop',
      priority: 'P3',
      openedAt: '2015-01-05T10:03:11.104Z',
      acknowledgedAt: '2015-01-05T10:03:44.764Z',
      title: 'test alert',
      updatedAt: '2015-01-05T11:00:00.000Z',
    });
    expect(health).toEqual([
      {
        source: 'opsgenie',
        service: 'itservice:default/web-shop',
        outcome: 'ok',
      },
      {
        source: 'opsgenie',
        service: 'itservice:default/web-shop',
        outcome: 'ok',
      },
    ]);
  });

  it('keeps a stored alert in its service when a later action maps to none', async () => {
    let mapped = true;
    const { handle, stored } = setup({
      match: () =>
        mapped
          ? { kind: 'one', service: 'itservice:default/by-team' }
          : { kind: 'none' },
    });
    await handle(fixture('create.json'));
    mapped = false;
    await handle(JSON.parse(opsgenieAction('Close', '2015-01-05T10:30:00Z')));
    expect(stored.get(ALERT)).toMatchObject({
      service: 'itservice:default/by-team',
      resolvedAt: '2015-01-05T10:30:00.000Z',
    });
  });

  it('counts an alert that maps to no ITService as unmatched, naming its tags and teams', async () => {
    const { handle, intake, health, logger } = setup();
    await handle(
      JSON.parse(
        opsgenieAction('Close', '2015-01-05T10:30:00Z', {
          tags: ['db'],
          teams: ['team9'],
        }),
      ),
    );
    const message =
      'Opsgenie alert 052652ac-5d1c-464a-812a-7dd18bbfba8c (#23) with tags db and teams team9 maps to no ITService: none in the catalog has one of its tags as itsm.backstage.io/opsgenie-tag or one of its teams as opsgenie.com/team';
    expect(health).toEqual([
      { source: 'opsgenie', outcome: 'unmatched', message },
    ]);
    expect(intake.ingest).not.toHaveBeenCalled();
    expect(logger.warn).toHaveBeenCalledWith(message);
  });

  it('counts an alert that maps to several ITServices as unmatched', async () => {
    const { handle, health } = setup({
      match: () => ({
        kind: 'many',
        services: ['itservice:default/a', 'itservice:default/b'],
      }),
    });
    await handle(fixture('create.json'));
    expect(health).toEqual([
      {
        source: 'opsgenie',
        outcome: 'unmatched',
        message:
          'Opsgenie alert 052652ac-5d1c-464a-812a-7dd18bbfba8c (#23) with tags tag1, tag2 and teams team1, team2 maps to several ITServices (itservice:default/a, itservice:default/b); give its tag (itsm.backstage.io/opsgenie-tag) or team (opsgenie.com/team) to one of them',
      },
    ]);
  });

  it('counts an alert the itsm backend refuses for its service as unmatched', async () => {
    const { handle, intake, health } = setup();
    intake.ingest.mockRejectedValueOnce(
      new InputError(
        'items[0].service: "itservice:default/web-shop" is not in the catalog',
      ),
    );
    await handle(fixture('create.json'));
    expect(health).toEqual([
      {
        source: 'opsgenie',
        outcome: 'unmatched',
        message:
          'Opsgenie alert 052652ac-5d1c-464a-812a-7dd18bbfba8c (#23) with tags tag1, tag2 and teams team1, team2 maps to itservice:default/web-shop, which the itsm backend refused: items[0].service: "itservice:default/web-shop" is not in the catalog',
      },
    ]);
  });

  it('never throws: other failures are logged and recorded as failed', async () => {
    const { handle, intake, health, logger } = setup();
    intake.findIncidents.mockRejectedValueOnce(new Error('database is down'));
    await expect(handle(fixture('create.json'))).resolves.toBeUndefined();
    await expect(handle({ action: 'Create' })).resolves.toBeUndefined();
    expect(health).toEqual([
      {
        source: 'opsgenie',
        outcome: 'failed',
        message: 'Could not store an Opsgenie event: database is down',
      },
      {
        source: 'opsgenie',
        outcome: 'failed',
        message:
          'Could not store an Opsgenie event: Malformed Opsgenie webhook: alert must be an object, got nothing',
      },
    ]);
    expect(logger.error).toHaveBeenCalledTimes(2);
  });

  it('ignores actions it does not handle', async () => {
    const { handle, intake, health } = setup();
    await handle(JSON.parse(opsgenieAction('AddNote', '2015-01-05T10:30:00Z')));
    expect(intake.findIncidents).not.toHaveBeenCalled();
    expect(health).toEqual([]);
  });
});
