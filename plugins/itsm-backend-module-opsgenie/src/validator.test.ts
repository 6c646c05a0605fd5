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
import { fixtureText } from './__testUtils__/fixtures';
import { createOpsgenieRequestValidator } from './validator';

async function validate(details: RequestDetails) {
  let rejection: Partial<RequestRejectionDetails> | undefined;
  await createOpsgenieRequestValidator({
    credentials: { token: 'the-token' },
  })(details, { reject: d => (rejection = d) });
  return rejection;
}

const create = fixtureText('create.json');
const authorized = { authorization: 'Bearer the-token' };

describe('createOpsgenieRequestValidator', () => {
  it('accepts the documented Create with the configured Authorization', async () => {
    await expect(
      validate(request(create, authorized)),
    ).resolves.toBeUndefined();
  });

  it('refuses requests without it, or with another, with 401 and the reason', async () => {
    await expect(validate(request(create))).resolves.toEqual({
      status: 401,
      payload: {
        error: {
          name: 'AuthenticationError',
          message:
            'The request has no Authorization header; the sender must send the one configured at itsm.opsgenie.webhook',
        },
      },
    });
    await expect(
      validate(request(create, { authorization: 'Bearer guessed' })),
    ).resolves.toMatchObject({
      status: 401,
      payload: {
        error: {
          message:
            'The bearer token does not match itsm.opsgenie.webhook.token',
        },
      },
    });
  });

  it('refuses a malformed body with 400 and the reason, after authentication', async () => {
    await expect(
      validate(request('{"action":"Create"}', authorized)),
    ).resolves.toEqual({
      status: 400,
      payload: {
        error: {
          name: 'InputError',
          message:
            'Malformed Opsgenie webhook: alert must be an object, got nothing',
        },
      },
    });
    await expect(
      validate(request('{"action":"Create"}')),
    ).resolves.toMatchObject({
      status: 401,
    });
  });

  it('accepts actions it does not handle', async () => {
    await expect(
      validate(request('{"action":"AddNote","alert":{}}', authorized)),
    ).resolves.toBeUndefined();
  });
});
