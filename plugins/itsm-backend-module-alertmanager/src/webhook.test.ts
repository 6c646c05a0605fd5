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
  AlertmanagerAlert,
  alertToOutage,
  DEFAULT_ALERT_LABELS,
  outageIdOf,
  parseAlertmanagerWebhook,
  parseMatchers,
  serviceOfAlert,
} from './webhook';

// The example body of Alertmanager's documentation (webhook_config), with
// its placeholders filled in.
const documented = {
  version: '4',
  groupKey: '{}:{alertname="CheckoutDown"}',
  truncatedAlerts: 0,
  status: 'firing',
  receiver: 'backstage-itsm',
  groupLabels: { alertname: 'CheckoutDown' },
  commonLabels: { alertname: 'CheckoutDown', itsm_service: 'checkout' },
  commonAnnotations: {},
  externalURL: 'http://alertmanager:9093',
  alerts: [
    {
      status: 'firing',
      labels: { alertname: 'CheckoutDown', itsm_service: 'checkout' },
      annotations: { summary: 'Checkout answers 5xx' },
      startsAt: '2026-11-30T10:00:00.123456789Z',
      endsAt: '0001-01-01T00:00:00Z',
      generatorURL: 'http://prometheus:9090/graph',
      fingerprint: 'a1b2c3d4e5f60718',
    },
  ],
};

describe('parseAlertmanagerWebhook', () => {
  it('reads a version 4 webhook', () => {
    const webhook = parseAlertmanagerWebhook(documented);
    expect(webhook.alerts).toHaveLength(1);
    expect(webhook.alerts[0].fingerprint).toBe('a1b2c3d4e5f60718');
  });

  it.each([
    [null, 'body: must be a JSON object (an Alertmanager webhook)'],
    [
      { ...documented, version: '3' },
      'version: must be "4" (Alertmanager\'s webhook format), got "3"',
    ],
    [{ ...documented, alerts: {} }, 'alerts: must be an array'],
    [
      {
        ...documented,
        alerts: [{ ...documented.alerts[0], status: 'pending' }],
      },
      'alerts[0].status: must be "firing" or "resolved"',
    ],
    [
      {
        ...documented,
        alerts: [{ ...documented.alerts[0], labels: { a: 1 } }],
      },
      'alerts[0].labels: must map label names to strings',
    ],
    [
      { ...documented, alerts: [{ ...documented.alerts[0], endsAt: 'soon' }] },
      'alerts[0].endsAt: must be an RFC 3339 timestamp',
    ],
    [
      { ...documented, alerts: [{ ...documented.alerts[0], fingerprint: '' }] },
      'alerts[0].fingerprint: must be a non-empty string',
    ],
  ])('names what is wrong: %#', (body, message) => {
    expect(() => parseAlertmanagerWebhook(body)).toThrow(message);
  });
});

describe('parseMatchers', () => {
  it('reads quoted and bare name=value pairs', () => {
    expect(
      parseMatchers('job="checkout-api", env=prod,team="a, \\"b\\""'),
    ).toEqual([
      ['job', 'checkout-api'],
      ['env', 'prod'],
      ['team', 'a, "b"'],
    ]);
  });
  it.each(['', 'job', 'job=~"x"', '1job="x"'])('refuses %p', text => {
    expect(() => parseMatchers(text)).toThrow(/alertmanager matchers/);
  });
});

describe('serviceOfAlert', () => {
  const matchers = [
    {
      service: 'itservice:default/payments',
      matchers: parseMatchers('job="pay"'),
    },
    {
      service: 'itservice:default/payments-eu',
      matchers: parseMatchers('job="pay", region="eu"'),
    },
  ];
  const options = { labels: DEFAULT_ALERT_LABELS, matchers };
  it('takes the service label first', () => {
    expect(
      serviceOfAlert({ itsm_service: 'checkout', job: 'pay' }, options),
    ).toBe('checkout');
  });
  it('else the service whose matchers all hold, the most specific first', () => {
    expect(serviceOfAlert({ job: 'pay', region: 'eu' }, options)).toBe(
      'itservice:default/payments-eu',
    );
    expect(serviceOfAlert({ job: 'pay', region: 'us' }, options)).toBe(
      'itservice:default/payments',
    );
    expect(serviceOfAlert({ job: 'other' }, options)).toBeUndefined();
  });
});

describe('alertToOutage', () => {
  const alert = documented.alerts[0] as AlertmanagerAlert;
  const options = {
    source: 'alertmanager',
    service: 'itservice:default/checkout',
    labels: DEFAULT_ALERT_LABELS,
  };
  it('opens an ongoing full outage for a firing alert, keyed by fingerprint and start', () => {
    expect(alertToOutage(alert, options)).toEqual({
      source: 'alertmanager',
      externalId: 'a1b2c3d4e5f60718@2026-11-30T10:00:00.123Z',
      service: 'itservice:default/checkout',
      start: '2026-11-30T10:00:00.123Z',
      impact: 'full',
      planned: false,
      title: 'Checkout answers 5xx',
    });
    expect(outageIdOf(alert)).toBe('a1b2c3d4e5f60718@2026-11-30T10:00:00.123Z');
  });
  it('ends it at endsAt when resolved, with impact and planned from labels', () => {
    expect(
      alertToOutage(
        {
          ...alert,
          status: 'resolved',
          endsAt: '2026-11-30T10:20:00Z',
          labels: {
            ...alert.labels,
            itsm_impact: 'Partial',
            itsm_planned: 'true',
          },
          annotations: {},
        },
        options,
      ),
    ).toMatchObject({
      end: '2026-11-30T10:20:00.000Z',
      impact: 'partial',
      planned: true,
      title: 'CheckoutDown',
    });
  });
  it('keeps the stored end when a firing notice comes after the resolved one', () => {
    expect(
      alertToOutage(alert, {
        ...options,
        stored: { end: '2026-11-30T10:20:00.000Z' },
      }).end,
    ).toBe('2026-11-30T10:20:00.000Z');
  });
});
