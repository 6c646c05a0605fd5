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

import { createHmac, timingSafeEqual } from 'node:crypto';

/** The header PagerDuty V3 webhooks carry their signatures in. @public */
export const PAGERDUTY_SIGNATURE_HEADER = 'x-pagerduty-signature';

/** The outcome of checking a webhook's signature. @public */
export type PagerDutySignatureCheck =
  | { valid: true }
  | { valid: false; reason: string };

function digest(rawBody: Buffer | string, secret: string): Buffer {
  return createHmac('sha256', secret).update(rawBody).digest();
}

/**
 * The `X-PagerDuty-Signature` value PagerDuty sends for a body and a
 * signing secret: `v1=` and the hex HMAC-SHA256 of the raw body. For tests
 * and tools that replay webhooks.
 *
 * @public
 */
export function signPagerDutyPayload(
  rawBody: Buffer | string,
  secret: string,
): string {
  return `v1=${digest(rawBody, secret).toString('hex')}`;
}

const HEX_SHA256 = /^[0-9a-f]{64}$/i;

/**
 * Checks a V3 webhook's signature as PagerDuty's "Verifying Signatures"
 * describes it: the header holds one or more comma-separated signatures;
 * of those, the `v1=` ones are hex HMAC-SHA256 digests of the unaltered raw
 * body; the request is authentic when any of them matches the digest with
 * any of the configured secrets (several during a rotation). Digests are
 * compared in constant time. Pure: no I/O, no clock.
 *
 * @public
 */
export function verifyPagerDutySignature(options: {
  rawBody: Buffer;
  /** The header's value(s) as the request has them. */
  header: string | string[] | undefined;
  secrets: readonly string[];
}): PagerDutySignatureCheck {
  const { rawBody, header, secrets } = options;
  const text = Array.isArray(header) ? header.join(',') : header;
  if (!text || text.trim() === '') {
    return {
      valid: false,
      reason: 'The request has no X-PagerDuty-Signature header',
    };
  }
  const signatures = text
    .split(',')
    .map(part => part.trim())
    .filter(part => part.startsWith('v1='))
    .map(part => part.slice(3))
    .filter(hex => HEX_SHA256.test(hex))
    .map(hex => Buffer.from(hex, 'hex'));
  if (signatures.length === 0) {
    return {
      valid: false,
      reason: 'X-PagerDuty-Signature holds no v1 signature',
    };
  }
  const expected = secrets.map(secret => digest(rawBody, secret));
  for (const signature of signatures) {
    for (const candidate of expected) {
      if (timingSafeEqual(signature, candidate)) {
        return { valid: true };
      }
    }
  }
  return {
    valid: false,
    reason: `X-PagerDuty-Signature matches none of the ${
      secrets.length
    } configured webhook secret${
      secrets.length === 1 ? '' : 's'
    } (itsm.pagerduty.webhookSecrets)`,
  };
}
