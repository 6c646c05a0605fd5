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

import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * The credentials a webhook sender (Alertmanager, Opsgenie) is configured to
 * send in its Authorization header: a bearer token, a user name and password
 * (basic authentication), or either.
 *
 * @public
 */
export type ItsmWebhookCredentials = {
  token?: string;
  username?: string;
  password?: string;
};

/** The outcome of checking a request's Authorization header. @public */
export type ItsmWebhookAuthorizationCheck =
  | { valid: true }
  | { valid: false; reason: string };

/** Equal texts, compared in constant time whatever their lengths. */
function same(a: string, b: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(a), digest(b));
}

/**
 * Checks the Authorization header of a request against the configured
 * credentials: `Bearer <token>` or `Basic <base64 of user:password>`.
 * Secrets are compared in constant time. Pure: no I/O, no clock.
 *
 * @public
 */
export function verifyWebhookAuthorization(options: {
  header: string | string[] | undefined;
  credentials: ItsmWebhookCredentials;
  /** Where the credentials are configured, for the reasons, e.g. itsm.opsgenie.webhook. */
  configKey: string;
}): ItsmWebhookAuthorizationCheck {
  const { header, credentials, configKey } = options;
  const value = Array.isArray(header) ? header[0] : header;
  if (!value || value.trim() === '') {
    return {
      valid: false,
      reason: `The request has no Authorization header; the sender must send the one configured at ${configKey}`,
    };
  }
  const [scheme, ...rest] = value.trim().split(/\s+/);
  const param = rest.join(' ');
  switch (scheme.toLowerCase()) {
    case 'bearer':
      if (credentials.token === undefined) {
        return {
          valid: false,
          reason: `Bearer tokens are not accepted: ${configKey} has no token`,
        };
      }
      return same(param, credentials.token)
        ? { valid: true }
        : {
            valid: false,
            reason: `The bearer token does not match ${configKey}.token`,
          };
    case 'basic': {
      if (
        credentials.username === undefined ||
        credentials.password === undefined
      ) {
        return {
          valid: false,
          reason: `Basic authentication is not accepted: ${configKey} has no username and password`,
        };
      }
      const decoded = Buffer.from(param, 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      const username = colon < 0 ? decoded : decoded.slice(0, colon);
      const password = colon < 0 ? '' : decoded.slice(colon + 1);
      // Both compared, always: no early exit on the user name.
      const userOk = same(username, credentials.username);
      const passwordOk = same(password, credentials.password);
      return userOk && passwordOk
        ? { valid: true }
        : {
            valid: false,
            reason: `The user name or password does not match ${configKey}`,
          };
    }
    default:
      return {
        valid: false,
        reason: `Unsupported Authorization scheme "${scheme}": use Bearer or Basic`,
      };
  }
}
