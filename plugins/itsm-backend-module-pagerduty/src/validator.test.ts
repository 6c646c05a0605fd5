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

import type {
  RequestDetails,
  RequestRejectionDetails,
} from '@backstage/plugin-events-node';
import { itsmWebhookRequestDetails as request } from '@backstage-itsm/plugin-itsm-node';
import { fixtureText, pagerDutyEvent } from './__testUtils__/fixtures';
import { signPagerDutyPayload } from './signature';
import { createPagerDutyRequestValidator, staleEventReason } from './validator';

const secret = 'the-signing-secret';
const NOW = Date.parse('2020-10-02T18:50:00Z');

const signed = (text: string, key = secret) =>
  request(text, { 'x-pagerduty-signature': signPagerDutyPayload(text, key) });

async function validate(
  details: RequestDetails,
  options: { maxEventAgeMs?: number; secrets?: string[] } = {},
) {
  let rejection: Partial<RequestRejectionDetails> | undefined;
  let rejections = 0;
  await createPagerDutyRequestValidator({
    webhookSecrets: options.secrets ?? [secret],
    maxEventAgeMs: options.maxEventAgeMs,
    now: () => NOW,
  })(details, {
    reject: d => {
      rejection = d;
      rejections += 1;
    },
  });
  expect(rejections).toBeLessThanOrEqual(1);
  return rejection;
}

const documented = fixtureText('incident-priority-updated.json');

describe('createPagerDutyRequestValidator', () => {
  it('accepts the documented webhook, signed', async () => {
    await expect(validate(signed(documented))).resolves.toBeUndefined();
  });

  it('accepts a webhook signed with an older secret during a rotation', async () => {
    await expect(
      validate(signed(documented, 'old'), { secrets: [secret, 'old'] }),
    ).resolves.toBeUndefined();
  });

  it('refuses unsigned and badly signed requests with 401 and the reason', async () => {
    await expect(validate(request(documented))).resolves.toEqual({
      status: 401,
      payload: {
        error: {
          name: 'AuthenticationError',
          message: 'The request has no X-PagerDuty-Signature header',
        },
      },
    });
    await expect(validate(signed(documented, 'wrong'))).resolves.toEqual({
      status: 401,
      payload: {
        error: {
          name: 'AuthenticationError',
          message:
            'X-PagerDuty-Signature matches none of the 1 configured webhook secret (itsm.pagerduty.webhookSecrets)',
        },
      },
    });
  });

  it('checks the signature before the body', async () => {
    await expect(validate(request('{"event":'))).resolves.toMatchObject({
      status: 401,
    });
  });

  it('refuses a signed body that is not a V3 webhook with 400 and the reason', async () => {
    await expect(validate(signed('{"event":'))).resolves.toEqual({
      status: 400,
      payload: {
        error: {
          name: 'InputError',
          message:
            'Malformed PagerDuty webhook: the body must be an object, got "{\\"event\\":"',
        },
      },
    });
    await expect(
      validate(signed(JSON.stringify({ messages: [] }))),
    ).resolves.toEqual({
      status: 400,
      payload: {
        error: {
          name: 'InputError',
          message:
            'Malformed PagerDuty webhook: event must be an object, got nothing',
        },
      },
    });
  });

  it('accepts unknown event types', async () => {
    await expect(
      validate(signed(fixtureText('service-updated.json'))),
    ).resolves.toBeUndefined();
  });

  it('refuses events older than maxEventAge with 401, and only with it set', async () => {
    const old = JSON.stringify(
      pagerDutyEvent('incident.resolved', '2020-10-02T18:39:59.999Z'),
    );
    await expect(
      validate(signed(old), { maxEventAgeMs: 600_000 }),
    ).resolves.toEqual({
      status: 401,
      payload: {
        error: {
          name: 'AuthenticationError',
          message:
            'The event occurred at 2020-10-02T18:39:59.999Z, more than 10 minutes ago (itsm.pagerduty.maxEventAge); refused as a possible replay',
        },
      },
    });
    await expect(validate(signed(old))).resolves.toBeUndefined();
    const recent = JSON.stringify(
      pagerDutyEvent('incident.resolved', '2020-10-02T18:40:00Z'),
    );
    await expect(
      validate(signed(recent), { maxEventAgeMs: 600_000 }),
    ).resolves.toBeUndefined();
  });
});

describe('staleEventReason', () => {
  it('is undefined without a maximum age or within it', () => {
    expect(staleEventReason({ occurredAt: 0, now: NOW })).toBeUndefined();
    expect(
      staleEventReason({
        occurredAt: NOW - 60_000,
        now: NOW,
        maxEventAgeMs: 60_000,
      }),
    ).toBeUndefined();
    // Clocks differ: an event from the near future is not stale.
    expect(
      staleEventReason({
        occurredAt: NOW + 5_000,
        now: NOW,
        maxEventAgeMs: 60_000,
      }),
    ).toBeUndefined();
  });

  it('says when the event occurred and the limit', () => {
    expect(
      staleEventReason({
        occurredAt: NOW - 90_001,
        now: NOW,
        maxEventAgeMs: 90_000,
      }),
    ).toBe(
      'The event occurred at 2020-10-02T18:48:29.999Z, more than 1.5 minutes ago (itsm.pagerduty.maxEventAge); refused as a possible replay',
    );
  });
});
