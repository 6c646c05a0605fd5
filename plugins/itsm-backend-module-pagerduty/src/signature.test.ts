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

import { createHmac } from 'node:crypto';
import { fixtureText } from './__testUtils__/fixtures';
import { signPagerDutyPayload, verifyPagerDutySignature } from './signature';

const body = Buffer.from(fixtureText('incident-priority-updated.json'));
const secret = 'ChangeMe-webhook-secret';
const hex = (payload: Buffer, key: string) =>
  createHmac('sha256', key).update(payload).digest('hex');

describe('signPagerDutyPayload', () => {
  it('is v1= and the hex HMAC-SHA256 of the raw body', () => {
    expect(signPagerDutyPayload(body, secret)).toBe(`v1=${hex(body, secret)}`);
    expect(signPagerDutyPayload(body, secret)).toMatch(/^v1=[0-9a-f]{64}$/);
  });
});

describe('verifyPagerDutySignature', () => {
  const verify = (header: string | string[] | undefined, secrets = [secret]) =>
    verifyPagerDutySignature({ rawBody: body, header, secrets });

  it('accepts the signature made with the secret', () => {
    expect(verify(signPagerDutyPayload(body, secret))).toEqual({
      valid: true,
    });
  });

  it('refuses a missing or empty header, saying so', () => {
    for (const header of [undefined, '', '  ']) {
      expect(verify(header)).toEqual({
        valid: false,
        reason: 'The request has no X-PagerDuty-Signature header',
      });
    }
  });

  it('refuses a signature made with another secret, or of another body', () => {
    expect(verify(signPagerDutyPayload(body, 'another secret'))).toEqual({
      valid: false,
      reason:
        'X-PagerDuty-Signature matches none of the 1 configured webhook secret (itsm.pagerduty.webhookSecrets)',
    });
    const altered = Buffer.from(body.toString().replace('P1', 'P5'));
    expect(verify(signPagerDutyPayload(altered, secret)).valid).toBe(false);
    // The body as a JSON parser would re-serialize it is not the raw body.
    const reserialized = JSON.stringify(JSON.parse(body.toString()));
    expect(verify(signPagerDutyPayload(reserialized, secret)).valid).toBe(
      false,
    );
  });

  it('refuses headers without a v1 signature', () => {
    const expected = {
      valid: false,
      reason: 'X-PagerDuty-Signature holds no v1 signature',
    };
    expect(verify(`v2=${hex(body, secret)}`)).toEqual(expected);
    expect(verify(hex(body, secret))).toEqual(expected);
    expect(verify('v1=not-hex')).toEqual(expected);
    expect(verify(`v1=${hex(body, secret).slice(0, 40)}`)).toEqual(expected);
  });

  it('accepts several comma-separated signatures when one matches (rotation on their side)', () => {
    // The shape of the documented example: v1=…,v1=… in one header.
    const header = `v1=${hex(body, 'old secret')},v1=${hex(body, secret)}`;
    expect(verify(header)).toEqual({ valid: true });
    expect(verify(`${header.replace(',', ', ')}`)).toEqual({ valid: true });
    expect(
      verify([`v1=${hex(body, 'old')}`, `v1=${hex(body, secret)}`]),
    ).toEqual({ valid: true });
  });

  it('accepts a signature made with any configured secret (rotation on ours)', () => {
    const secrets = ['new secret', secret];
    expect(verify(signPagerDutyPayload(body, secret), secrets)).toEqual({
      valid: true,
    });
    expect(verify(signPagerDutyPayload(body, 'new secret'), secrets)).toEqual({
      valid: true,
    });
    expect(verify(signPagerDutyPayload(body, 'retired'), secrets)).toEqual({
      valid: false,
      reason:
        'X-PagerDuty-Signature matches none of the 2 configured webhook secrets (itsm.pagerduty.webhookSecrets)',
    });
  });

  it('compares hex digits ignoring case', () => {
    expect(verify(`v1=${hex(body, secret).toUpperCase()}`)).toEqual({
      valid: true,
    });
  });
});
