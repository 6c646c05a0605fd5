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
import {
  ItsmWebhookCredentials,
  verifyWebhookAuthorization,
} from '@backstage-itsm/plugin-itsm-node';
import { parseOpsgenieWebhook } from './payload';

/** The events topic Opsgenie webhooks are published to. @public */
export const OPSGENIE_TOPIC = 'itsm.opsgenie';

/**
 * The events backend's check of each request to
 * `POST /api/events/http/itsm.opsgenie` (which is not authenticated
 * otherwise): 401 without the configured Authorization, 400 for a body that
 * is not an Opsgenie webhook. The answer's body is
 * `{ error: { name, message } }`. Actions it does not handle pass (and are
 * ignored later).
 *
 * @public
 */
export function createOpsgenieRequestValidator(options: {
  credentials: ItsmWebhookCredentials;
}): RequestValidator {
  const { credentials } = options;
  return async (request, context) => {
    const reject = (status: number, name: string, message: string) =>
      context.reject({ status, payload: { error: { name, message } } });
    const authorization = verifyWebhookAuthorization({
      header: request.headers.authorization,
      credentials,
      configKey: 'itsm.opsgenie.webhook',
    });
    if (!authorization.valid) {
      reject(401, 'AuthenticationError', authorization.reason);
      return;
    }
    try {
      parseOpsgenieWebhook(request.body);
    } catch (error) {
      reject(400, 'InputError', isError(error) ? error.message : String(error));
    }
  };
}
