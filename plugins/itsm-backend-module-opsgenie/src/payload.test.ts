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

import { fixture, opsgenieAction } from './__testUtils__/fixtures';
import { opsgenieEpochToMs, parseOpsgenieWebhook } from './payload';

describe('opsgenieEpochToMs', () => {
  it("reads the documented examples' milliseconds and nanoseconds", () => {
    expect(new Date(opsgenieEpochToMs(1420452191104)).toISOString()).toBe(
      '2015-01-05T10:03:11.104Z',
    );
    expect(new Date(opsgenieEpochToMs(1420452224764002246)).toISOString()).toBe(
      '2015-01-05T10:03:44.764Z',
    );
  });

  it('reads seconds and microseconds too', () => {
    const ms = Date.parse('2026-10-01T12:00:00.123Z');
    expect(opsgenieEpochToMs(Math.floor(ms / 1000))).toBe(ms - 123);
    expect(opsgenieEpochToMs(ms * 1000 + 456)).toBe(ms);
    expect(opsgenieEpochToMs(ms)).toBe(ms);
  });
});

describe('parseOpsgenieWebhook', () => {
  it('reads the documented Create', () => {
    expect(parseOpsgenieWebhook(fixture('create.json'))).toEqual({
      kind: 'alert',
      event: {
        action: 'Create',
        alert: {
          alertId: '052652ac-5d1c-464a-812a-7dd18bbfba8c',
          createdAt: Date.parse('2015-01-05T10:03:11.104Z'),
          updatedAt: Date.parse('2015-01-05T10:03:13.166Z'),
          message: ' test alert',
          tinyId: '23',
          tags: ['tag1', 'tag2'],
          teams: ['team1', 'team2'],
        },
      },
    });
  });

  it('reads the documented Acknowledge', () => {
    expect(parseOpsgenieWebhook(fixture('acknowledge.json'))).toEqual({
      kind: 'alert',
      event: {
        action: 'Acknowledge',
        alert: {
          alertId: '052652ac-5d1c-464a-812a-7dd18bbfba8c',
          createdAt: Date.parse('2015-01-05T10:03:11.104Z'),
          updatedAt: Date.parse('2015-01-05T10:03:44.764Z'),
          message: 'test alert',
          tinyId: '23',
          tags: ['tag1', 'tag2'],
          teams: [],
        },
      },
    });
  });

  it('reads Close and UpdatePriority, and the team names of team and responders', () => {
    const close = parseOpsgenieWebhook(
      JSON.parse(opsgenieAction('Close', '2015-01-05T10:30:00Z')),
    );
    expect(close).toMatchObject({
      kind: 'alert',
      event: {
        action: 'Close',
        alert: { updatedAt: Date.parse('2015-01-05T10:30:00Z') },
      },
    });
    const update = parseOpsgenieWebhook(
      JSON.parse(
        opsgenieAction('UpdatePriority', '2015-01-05T10:10:00Z', {
          priority: 'P1',
          oldPriority: 'P3',
          team: 'operations',
          responders: [
            { id: 'r1', type: 'team', name: 'operations' },
            { id: 'r2', type: 'team', name: 'Payments' },
            { id: 'u1', type: 'user', name: 'fili@ifountain.com' },
          ],
          teams: ['6ee84e52-f33e-45d9-87ab-533fd69d5591'],
        }),
      ),
    );
    expect(update).toMatchObject({
      event: {
        action: 'UpdatePriority',
        alert: {
          priority: 'P1',
          teams: [
            'operations',
            'Payments',
            '6ee84e52-f33e-45d9-87ab-533fd69d5591',
          ],
        },
      },
    });
  });

  it('recognises actions written with spaces or in another case', () => {
    const body = JSON.parse(
      opsgenieAction('Update Priority', '2015-01-05T10:10:00Z', {
        priority: 'P2',
      }),
    );
    expect(parseOpsgenieWebhook(body)).toMatchObject({
      event: { action: 'UpdatePriority' },
    });
  });

  it('accepts and ignores the actions it does not handle', () => {
    for (const action of ['AddNote', 'UnAcknowledge', 'Delete', 'TestAction']) {
      expect(parseOpsgenieWebhook({ action, alert: 'whatever' })).toEqual({
        kind: 'ignored',
        action,
      });
    }
  });

  it.each([
    [null, 'the body must be an object, got null'],
    [[], 'the body must be an object, got an array'],
    [{}, 'action must be a non-empty string, got nothing'],
    [{ action: 'Create' }, 'alert must be an object, got nothing'],
    [
      { action: 'Create', alert: { createdAt: 1420452191104 } },
      'alert.alertId must be a non-empty string, got nothing',
    ],
    [
      { action: 'Create', alert: { alertId: 'a', createdAt: 'yesterday' } },
      'alert.createdAt must be an epoch time, got "yesterday"',
    ],
    [
      {
        action: 'Acknowledge',
        alert: { alertId: 'a', createdAt: 1420452191104 },
      },
      'alert.updatedAt must be an epoch time, got nothing',
    ],
    [
      {
        action: 'UpdatePriority',
        alert: { alertId: 'a', createdAt: 1, updatedAt: 2 },
      },
      'alert.priority must be a non-empty string, got nothing',
    ],
    [
      { action: 'Create', alert: { alertId: 'a', createdAt: 1, tags: 'tag1' } },
      'alert.tags must be an array of strings, got "tag1"',
    ],
    [
      {
        action: 'Create',
        alert: { alertId: 'a', createdAt: 1, responders: {} },
      },
      'alert.responders must be an array, got an object',
    ],
  ])('refuses %j: %s', (body, message) => {
    expect(() => parseOpsgenieWebhook(body)).toThrow(
      `Malformed Opsgenie webhook: ${message}`,
    );
  });

  it('reads a Create without updatedAt, and epoch times written as digits', () => {
    expect(
      parseOpsgenieWebhook({
        action: 'Create',
        alert: { alertId: 'a', createdAt: '1420452191104' },
      }),
    ).toEqual({
      kind: 'alert',
      event: {
        action: 'Create',
        alert: {
          alertId: 'a',
          createdAt: 1420452191104,
          tags: [],
          teams: [],
        },
      },
    });
  });
});
