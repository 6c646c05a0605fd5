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

import { InputError } from '@backstage/errors';
import type { OutageInput } from '@backstage-itsm/plugin-itsm-common';

/**
 * One alert of an Alertmanager webhook (version 4 of its format), as
 * https://prometheus.io/docs/alerting/latest/configuration/#webhook_config
 * documents it.
 *
 * @public
 */
export type AlertmanagerAlert = {
  status: 'firing' | 'resolved';
  labels: Record<string, string>;
  annotations: Record<string, string>;
  /** RFC 3339 */
  startsAt: string;
  /** RFC 3339; Go's zero time while an alert fires without an end. */
  endsAt: string;
  generatorURL?: string;
  fingerprint: string;
};

/** An Alertmanager webhook body, version 4. @public */
export type AlertmanagerWebhook = {
  version: '4';
  groupKey: string;
  status: 'firing' | 'resolved';
  receiver: string;
  alerts: AlertmanagerAlert[];
  truncatedAlerts?: number;
};

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isStringMap = (value: unknown): value is Record<string, string> =>
  isObject(value) && Object.values(value).every(v => typeof v === 'string');

const isInstant = (value: unknown): value is string =>
  typeof value === 'string' && !Number.isNaN(Date.parse(value));

/**
 * Checks a webhook body and names the first thing wrong with it; throws an
 * InputError, so the ingress answers 400 and nothing is stored.
 *
 * @public
 */
export function parseAlertmanagerWebhook(body: unknown): AlertmanagerWebhook {
  if (!isObject(body)) {
    throw new InputError(
      'body: must be a JSON object (an Alertmanager webhook)',
    );
  }
  if (body.version !== '4') {
    throw new InputError(
      `version: must be "4" (Alertmanager's webhook format), got ${JSON.stringify(
        body.version,
      )}`,
    );
  }
  if (!Array.isArray(body.alerts)) {
    throw new InputError('alerts: must be an array');
  }
  body.alerts.forEach((alert: unknown, index: number) => {
    const at = `alerts[${index}]`;
    if (!isObject(alert)) throw new InputError(`${at}: must be an object`);
    if (alert.status !== 'firing' && alert.status !== 'resolved') {
      throw new InputError(`${at}.status: must be "firing" or "resolved"`);
    }
    if (!isStringMap(alert.labels)) {
      throw new InputError(`${at}.labels: must map label names to strings`);
    }
    if (alert.annotations !== undefined && !isStringMap(alert.annotations)) {
      throw new InputError(`${at}.annotations: must map names to strings`);
    }
    for (const field of ['startsAt', 'endsAt']) {
      if (!isInstant(alert[field])) {
        throw new InputError(`${at}.${field}: must be an RFC 3339 timestamp`);
      }
    }
    if (typeof alert.fingerprint !== 'string' || !alert.fingerprint) {
      throw new InputError(`${at}.fingerprint: must be a non-empty string`);
    }
  });
  return {
    version: '4',
    groupKey: String(body.groupKey ?? ''),
    status: body.status === 'resolved' ? 'resolved' : 'firing',
    receiver: String(body.receiver ?? ''),
    truncatedAlerts: Number(body.truncatedAlerts ?? 0),
    alerts: (body.alerts as AlertmanagerAlert[]).map(alert => ({
      ...alert,
      annotations: alert.annotations ?? {},
    })),
  };
}

/** Which labels say what about an alert. @public */
export type AlertLabels = {
  /** The ITService the alert is about (a name or an entity ref). Default itsm_service. */
  service: string;
  /** full or partial; default full. Default label itsm_impact. */
  impact: string;
  /** "true" marks planned maintenance. Default label itsm_planned. */
  planned: string;
};

/** @public */
export const DEFAULT_ALERT_LABELS: AlertLabels = {
  service: 'itsm_service',
  impact: 'itsm_impact',
  planned: 'itsm_planned',
};

/**
 * Label matchers declared on an ITService, in the annotation
 * `itsm.backstage.io/alertmanager-matchers`: comma-separated `name="value"`
 * (or `name=value`) pairs, all of which an alert's labels must equal.
 *
 * @public
 */
export function parseMatchers(text: string): Array<[string, string]> {
  const pattern =
    /\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^,"\s]*))\s*(?:,|$)/y;
  const source = text.trim();
  const matchers: Array<[string, string]> = [];
  while (pattern.lastIndex < source.length) {
    const start = pattern.lastIndex;
    const match = pattern.exec(source);
    if (!match || match[0].length === 0) {
      throw new InputError(
        `alertmanager matchers: cannot read "${source.slice(
          start,
        )}"; write name="value" pairs separated by commas`,
      );
    }
    matchers.push([
      match[1],
      match[2] !== undefined ? match[2].replace(/\\(.)/g, '$1') : match[3],
    ]);
  }
  if (matchers.length === 0) {
    throw new InputError('alertmanager matchers: none given');
  }
  return matchers;
}

/** A service and the matchers declared on it. @public */
export type ServiceMatchers = {
  service: string;
  matchers: Array<[string, string]>;
};

/**
 * The ITService an alert is about: its service label when it has one, else
 * the service whose declared matchers all equal its labels (the one with most
 * matchers when several do); undefined when none.
 *
 * @public
 */
export function serviceOfAlert(
  labels: Record<string, string>,
  options: { labels: AlertLabels; matchers: ServiceMatchers[] },
): string | undefined {
  const named = labels[options.labels.service];
  if (named) return named;
  const matching = options.matchers
    .filter(m => m.matchers.every(([name, value]) => labels[name] === value))
    .sort((a, b) => b.matchers.length - a.matchers.length);
  return matching[0]?.service;
}

/** The outage key of one firing of an alert: its fingerprint and start. @public */
export function outageIdOf(alert: AlertmanagerAlert): string {
  return `${alert.fingerprint}@${new Date(alert.startsAt).toISOString()}`;
}

/**
 * The outage an alert reports, merged with what is stored under its key: a
 * firing alert is ongoing; a resolved one ends at `endsAt`. A re-sent firing
 * notice that arrives after the resolved one does not reopen the outage.
 *
 * @public
 */
export function alertToOutage(
  alert: AlertmanagerAlert,
  options: {
    source: string;
    service: string;
    labels: AlertLabels;
    stored?: { end?: string };
  },
): OutageInput {
  const { labels } = alert;
  const impactLabel = labels[options.labels.impact]?.toLowerCase();
  const outage: OutageInput = {
    source: options.source,
    externalId: outageIdOf(alert),
    service: options.service,
    start: new Date(alert.startsAt).toISOString(),
    impact: impactLabel === 'partial' ? 'partial' : 'full',
    planned: labels[options.labels.planned]?.toLowerCase() === 'true',
    title: (
      alert.annotations.summary ??
      labels.alertname ??
      alert.fingerprint
    ).slice(0, 1000),
  };
  if (alert.status === 'resolved') {
    outage.end = new Date(alert.endsAt).toISOString();
  } else if (options.stored?.end) {
    outage.end = options.stored.end;
  }
  return outage;
}
