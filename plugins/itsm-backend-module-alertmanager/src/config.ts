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

import { Config } from '@backstage/config';
import type { RequestValidator } from '@backstage/plugin-events-node';
import {
  ItsmWebhookCredentials,
  verifyWebhookAuthorization,
} from '@backstage-itsm/plugin-itsm-node';
import { AlertLabels, DEFAULT_ALERT_LABELS } from './webhook';

/** The events topic the webhook is received on: POST /api/events/http/itsm.alertmanager. @public */
export const ALERTMANAGER_TOPIC = 'itsm.alertmanager';

/** `itsm.alertmanager`, read. */
export type AlertmanagerSettings = {
  /** The `source` of the outages it stores. */
  source: string;
  labels: AlertLabels;
  /** What the Authorization header must carry. */
  credentials: ItsmWebhookCredentials;
};

/**
 * Reads `itsm.alertmanager`; undefined when it is absent (the module stays
 * off). A webhook that anyone could call would let anyone declare outages,
 * so a bearer token or basic auth is required.
 */
export function readAlertmanagerSettings(
  config: Config,
): AlertmanagerSettings | undefined {
  const settings = config.getOptionalConfig('itsm.alertmanager');
  if (!settings) return undefined;
  const webhook = settings.getOptionalConfig('webhook');
  const credentials: ItsmWebhookCredentials = {
    token: webhook?.getOptionalString('token'),
    username: webhook?.getOptionalString('username'),
    password: webhook?.getOptionalString('username')
      ? webhook.getString('password')
      : undefined,
  };
  if (!credentials.token && !credentials.username) {
    throw new Error(
      'itsm.alertmanager.webhook: set token (Alertmanager sends it as a bearer token) or username and password (basic auth)',
    );
  }
  const labels = settings.getOptionalConfig('labels');
  return {
    source: settings.getOptionalString('source') ?? 'alertmanager',
    labels: {
      service:
        labels?.getOptionalString('service') ?? DEFAULT_ALERT_LABELS.service,
      impact:
        labels?.getOptionalString('impact') ?? DEFAULT_ALERT_LABELS.impact,
      planned:
        labels?.getOptionalString('planned') ?? DEFAULT_ALERT_LABELS.planned,
    },
    credentials,
  };
}

/**
 * Refuses requests without the configured credentials (401) and bodies that
 * are not an Alertmanager webhook (400), each with the reason; what is
 * refused is never published, so nothing is stored.
 */
export function createAlertmanagerValidator(
  settings: AlertmanagerSettings,
  parse: (body: unknown) => unknown,
): RequestValidator {
  return async (request, context) => {
    const authorization = verifyWebhookAuthorization({
      header: request.headers.authorization,
      credentials: settings.credentials,
      configKey: 'itsm.alertmanager.webhook',
    });
    if (!authorization.valid) {
      context.reject({
        status: 401,
        payload: {
          error: { name: 'AuthenticationError', message: authorization.reason },
        },
      });
      return;
    }
    try {
      parse(request.body);
    } catch (error) {
      context.reject({
        status: 400,
        payload: {
          error: { name: 'InputError', message: (error as Error).message },
        },
      });
    }
  };
}
