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

import { isError } from '@backstage/errors';
import type { RequestValidator } from '@backstage/plugin-events-node';
import { parsePagerDutyWebhook } from './payload';
import {
  PAGERDUTY_SIGNATURE_HEADER,
  verifyPagerDutySignature,
} from './signature';

/** The events topic PagerDuty webhooks are published to. @public */
export const PAGERDUTY_TOPIC = 'itsm.pagerduty';

function minutes(ms: number) {
  const m = ms / 60_000;
  return `${Number.isInteger(m) ? m : m.toFixed(1)} minute${
    m === 1 ? '' : 's'
  }`;
}

/**
 * Whether an event is too old to accept: it occurred longer than
 * `maxEventAgeMs` before `now`. Returns the reason when it is. Pure.
 *
 * @public
 */
export function staleEventReason(options: {
  occurredAt: number;
  now: number;
  maxEventAgeMs?: number;
}): string | undefined {
  const { occurredAt, now, maxEventAgeMs } = options;
  if (maxEventAgeMs === undefined || now - occurredAt <= maxEventAgeMs) {
    return undefined;
  }
  return `The event occurred at ${new Date(
    occurredAt,
  ).toISOString()}, more than ${minutes(
    maxEventAgeMs,
  )} ago (itsm.pagerduty.maxEventAge); refused as a possible replay`;
}

/**
 * The events backend's check of each request to
 * `POST /api/events/http/itsm.pagerduty` (which is not authenticated
 * otherwise): 401 without a valid signature or for a stale event, 400 for a
 * body that is not a V3 webhook. The answer's body is
 * `{ error: { name, message } }`. Unknown event types pass (and are ignored
 * later).
 *
 * @public
 */
export function createPagerDutyRequestValidator(options: {
  webhookSecrets: readonly string[];
  maxEventAgeMs?: number;
  /** The current time in epoch milliseconds. */
  now: () => number;
}): RequestValidator {
  const { webhookSecrets, maxEventAgeMs, now } = options;
  return async (request, context) => {
    const reject = (status: number, name: string, message: string) =>
      context.reject({
        status,
        payload: { error: { name, message } },
      });
    const signature = verifyPagerDutySignature({
      rawBody: request.raw.body,
      header: request.headers[PAGERDUTY_SIGNATURE_HEADER],
      secrets: webhookSecrets,
    });
    if (!signature.valid) {
      reject(401, 'AuthenticationError', signature.reason);
      return;
    }
    let webhook;
    try {
      webhook = parsePagerDutyWebhook(request.body);
    } catch (error) {
      reject(400, 'InputError', isError(error) ? error.message : String(error));
      return;
    }
    const occurredAt =
      webhook.kind === 'incident'
        ? webhook.event.occurredAt
        : webhook.occurredAt;
    const stale =
      occurredAt === undefined
        ? undefined
        : staleEventReason({ occurredAt, now: now(), maxEventAgeMs });
    if (stale) {
      reject(401, 'AuthenticationError', stale);
    }
  };
}
