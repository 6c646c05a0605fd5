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

import { createServer } from 'node:net';
import { createTransport } from 'nodemailer';
import { freePort } from './processes';
import { startSmtpSink } from './smtpSink';

jest.setTimeout(30_000);

describe('startSmtpSink', () => {
  let sink: Awaited<ReturnType<typeof startSmtpSink>> | undefined;

  afterEach(async () => {
    await sink?.stop();
    sink = undefined;
  });

  it('receives what nodemailer sends, its multipart body decoded', async () => {
    sink = await startSmtpSink();
    // Longer than 76 characters and not ASCII: nodemailer encodes it as
    // quoted-printable, with soft line breaks the sink has to undo.
    const text = [
      'Incident INC-42 opened on Open Banking API.',
      `Estimated penalty: 1 250 € per hour of outage, ${'beyond the agreed availability of 99.9 % '.repeat(
        3,
      )}.`,
      'Ünïcödé and "quotes" = signs survive too.',
    ].join('\n');
    const html = `<p>Incident <b>INC-42</b> opened: 1 250 € per hour.</p><p>${'x'.repeat(
      120,
    )}</p>`;
    const transport = createTransport({
      host: sink.host,
      port: sink.port,
      secure: false,
      ignoreTLS: true,
    });
    try {
      await transport.sendMail({
        from: '"ITSM" <itsm@example.com>',
        to: 'oncall@example.com, sre@example.com',
        bcc: 'audit@example.com',
        subject: 'INC-42 opened – penalty 1 250 €',
        text,
        html,
      });
    } finally {
      transport.close();
    }

    const mail = await sink.waitForMail(m => m.subject.includes('INC-42'));
    expect(mail.from).toBe('itsm@example.com');
    expect(mail.to).toEqual([
      'oncall@example.com',
      'sre@example.com',
      'audit@example.com',
    ]);
    expect(mail.headers.from).toBe('ITSM <itsm@example.com>');
    expect(mail.headers.to).toBe('oncall@example.com, sre@example.com');
    expect(mail.headers.bcc).toBeUndefined();
    expect(mail.subject).toBe('INC-42 opened – penalty 1 250 €');
    expect(mail.text).toBe(text);
    expect(mail.html).toBe(html);
    // What the decoding undid really was on the wire.
    expect(mail.raw).toMatch(/^Content-Type: multipart\/alternative;/m);
    expect(mail.raw).toMatch(/^Content-Transfer-Encoding: quoted-printable/m);
    expect(mail.raw).not.toContain('€');
    expect(sink.messages()).toEqual([mail]);
  });

  it('decodes a single-part base64 body, and waits for mail yet to come', async () => {
    sink = await startSmtpSink();
    const transport = createTransport({
      host: sink.host,
      port: sink.port,
      secure: false,
      ignoreTLS: true,
    });
    const text = 'Résolu : 0 € de pénalité.\nThe SLA holds.';
    // Asked for before the mail is sent: it resolves once the mail arrives.
    const arriving = sink.waitForMail(m => m.to.includes('oncall@example.com'));
    try {
      await transport.sendMail({
        from: 'itsm@example.com',
        to: 'oncall@example.com',
        subject: 'INC-42 resolved',
        text,
        textEncoding: 'base64',
      });
    } finally {
      transport.close();
    }

    const mail = await arriving;
    expect(mail.subject).toBe('INC-42 resolved');
    expect(mail.text).toBe(text);
    expect(mail.html).toBeUndefined();
    expect(mail.raw).toMatch(/^Content-Type: text\/plain; charset=utf-8/m);
    expect(mail.raw).toMatch(/^Content-Transfer-Encoding: base64/m);
    await expect(
      sink.waitForMail(m => m.subject === 'never', 500),
    ).rejects.toThrow(
      /Timed out waiting for a matching mail \(1 received: "INC-42 resolved"\)/,
    );
  });

  it('listens on the given port, and stop() frees it', async () => {
    const port = await freePort();
    sink = await startSmtpSink({ port });
    expect(sink.port).toBe(port);
    await sink.stop();
    sink = undefined;

    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', resolve);
    });
    await new Promise(resolve => server.close(resolve));
  });
});
