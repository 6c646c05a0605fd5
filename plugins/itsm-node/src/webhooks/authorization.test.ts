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

import {
  ItsmWebhookCredentials,
  verifyWebhookAuthorization,
} from './authorization';

const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

/** Checks a header as the Opsgenie module configures the check. */
const verify = (
  header: string | string[] | undefined,
  credentials: ItsmWebhookCredentials,
) =>
  verifyWebhookAuthorization({
    configKey: 'itsm.opsgenie.webhook',
    header,
    credentials,
  });

describe('verifyWebhookAuthorization', () => {
  const token = { token: 'the-token' };
  const login = { username: 'opsgenie', password: 's3cret:with:colons' };

  it('accepts the configured bearer token', () => {
    expect(verify('Bearer the-token', token)).toEqual({ valid: true });
    expect(verify('bearer  the-token ', token)).toEqual({ valid: true });
  });

  it('accepts the configured user name and password', () => {
    expect(verify(basic('opsgenie', 's3cret:with:colons'), login)).toEqual({
      valid: true,
    });
  });

  it('accepts either when both are configured', () => {
    const both = { ...token, ...login };
    expect(verify('Bearer the-token', both).valid).toBe(true);
    expect(verify(basic('opsgenie', 's3cret:with:colons'), both).valid).toBe(
      true,
    );
  });

  it('refuses a missing header, saying so', () => {
    for (const header of [undefined, '', ' ']) {
      expect(verify(header, token)).toEqual({
        valid: false,
        reason:
          'The request has no Authorization header; the sender must send the one configured at itsm.opsgenie.webhook',
      });
    }
  });

  it('refuses wrong tokens, including prefixes and longer ones', () => {
    for (const header of [
      'Bearer the-toke',
      'Bearer the-token2',
      'Bearer THE-TOKEN',
      'Bearer',
    ]) {
      expect(verify(header, token)).toEqual({
        valid: false,
        reason: 'The bearer token does not match itsm.opsgenie.webhook.token',
      });
    }
  });

  it('refuses a wrong user name or password', () => {
    for (const header of [
      basic('opsgenie', 'wrong'),
      basic('someone', 's3cret:with:colons'),
      'Basic not-base64!',
    ]) {
      expect(verify(header, login)).toEqual({
        valid: false,
        reason:
          'The user name or password does not match itsm.opsgenie.webhook',
      });
    }
  });

  it('refuses a scheme that is not configured, or unknown', () => {
    expect(verify(basic('a', 'b'), token)).toEqual({
      valid: false,
      reason:
        'Basic authentication is not accepted: itsm.opsgenie.webhook has no username and password',
    });
    expect(verify('Bearer x', login)).toEqual({
      valid: false,
      reason:
        'Bearer tokens are not accepted: itsm.opsgenie.webhook has no token',
    });
    expect(verify('GenieKey x', token)).toEqual({
      valid: false,
      reason:
        'Unsupported Authorization scheme "GenieKey": use Bearer or Basic',
    });
  });
});
