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

import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { delimiter, join } from 'node:path';
import { tmpdir } from 'node:os';
import { createInterface } from 'node:readline';
import { eventually, freePort } from './processes';

/**
 * Debian's python3, which imports the python3-aiosmtpd package
 * (scripts/ensure-debian-tools.sh smtp installs it); not the first python3 on
 * PATH, which may be another installation without it.
 */
export const SMTP_SINK_PYTHON =
  process.env.SMTP_SINK_PYTHON ?? '/usr/bin/python3';

/** A message as the sink received it, its MIME decoded by Python's email package. */
export type ReceivedMail = {
  /** The envelope sender (MAIL FROM). */
  from: string;
  /** The envelope recipients (RCPT TO), Bcc included. */
  to: string[];
  /** The Subject header, RFC 2047 encoded words decoded. */
  subject: string;
  /** The text/plain body, transfer encoding and charset decoded, with \n line ends. */
  text?: string;
  /** The text/html body, decoded likewise, when the message has one. */
  html?: string;
  /** Every header, lower-cased name to decoded value (the last one wins). */
  headers: Record<string, string>;
  /** The message as received after DATA, CRLF line ends. */
  raw: string;
};

// The handler aiosmtpd loads with -c: one JSON line on stdout per message.
// Python's email package does the MIME decoding (quoted-printable, base64,
// multipart/alternative, encoded words), so the sink needs no npm parser.
const HANDLER = `import json
import sys
from email import message_from_bytes, policy


def body(message, subtype):
    part = message.get_body((subtype,))
    if part is None:
        return None
    return part.get_content().replace("\\r\\n", "\\n")


class Capture:
    async def handle_DATA(self, server, session, envelope):
        raw = envelope.original_content or envelope.content
        if isinstance(raw, str):
            raw = raw.encode("utf-8")
        message = message_from_bytes(raw, policy=policy.default)
        record = {
            "mailFrom": envelope.mail_from,
            "rcptTos": envelope.rcpt_tos,
            "subject": str(message.get("subject", "")),
            "text": body(message, "plain"),
            "html": body(message, "html"),
            "headers": {name.lower(): str(value) for name, value in message.items()},
            "data": raw.decode("utf-8", "replace"),
        }
        sys.stdout.write(json.dumps(record) + "\\n")
        sys.stdout.flush()
        return "250 Message accepted for delivery"
`;

/** Whether aiosmtpd greets on the port: not just anything listening there. */
async function greets(host: string, port: number): Promise<boolean> {
  return new Promise(resolve => {
    const socket = connect({ host, port });
    socket.setTimeout(2_000, () => socket.destroy());
    socket.once('data', d => {
      socket.destroy();
      resolve(/^220 .*Python SMTP/.test(String(d)));
    });
    socket.once('error', () => resolve(false));
    socket.once('close', () => resolve(false));
  });
}

/**
 * A real SMTP server (aiosmtpd, from Debian's python3-aiosmtpd) on a free
 * port or the given one, without TLS or authentication, keeping every message
 * it receives.
 */
export async function startSmtpSink(options: { port?: number } = {}) {
  const host = '127.0.0.1';
  const port = options.port ?? (await freePort());
  const dir = mkdtempSync(join(tmpdir(), 'itsm-smtp-sink-'));
  writeFileSync(join(dir, 'itsm_smtp_sink.py'), HANDLER);
  const child: ChildProcess = spawn(
    SMTP_SINK_PYTHON,
    [
      '-m',
      'aiosmtpd',
      // Stays the user it is: becoming nobody fails unless run as root.
      '-n',
      '-c',
      'itsm_smtp_sink.Capture',
      '-l',
      `${host}:${port}`,
    ],
    {
      // Its own process group, so stop() ends Python and anything it started.
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        PYTHONPATH: [dir, process.env.PYTHONPATH]
          .filter(Boolean)
          .join(delimiter),
        PYTHONDONTWRITEBYTECODE: '1',
      },
    },
  );
  const received: ReceivedMail[] = [];
  let output = '';
  let failure: Error | undefined;
  child.once('error', error => (failure = error));
  child.stderr?.on('data', d => (output += d));
  createInterface({ input: child.stdout! }).on('line', line => {
    let record;
    try {
      record = JSON.parse(line);
    } catch {
      // Not one of the handler's lines: keep it for the error messages.
      output += `${line}\n`;
      return;
    }
    received.push({
      from: record.mailFrom,
      to: record.rcptTos,
      subject: record.subject,
      ...(record.text !== null && { text: record.text }),
      ...(record.html !== null && { html: record.html }),
      headers: record.headers,
      raw: record.data,
    });
  });
  const exited = new Promise(resolve =>
    child.exitCode !== null || child.signalCode !== null
      ? resolve(undefined)
      : child.once('close', resolve),
  );

  async function stop() {
    if (child.exitCode === null && child.signalCode === null && child.pid) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // The group is already gone.
      }
      const killer = setTimeout(() => {
        try {
          process.kill(-child.pid!, 'SIGKILL');
        } catch {
          // Gone meanwhile.
        }
      }, 5_000);
      await exited;
      clearTimeout(killer);
    }
    rmSync(dir, { recursive: true, force: true });
  }

  const ended = () =>
    failure !== undefined ||
    child.exitCode !== null ||
    child.signalCode !== null;
  let ready: boolean;
  try {
    // false ends the wait at once: eventually retries what throws.
    ready = await eventually('the SMTP sink to greet', async () =>
      ended() ? false : (await greets(host, port)) || undefined,
    );
  } catch (error) {
    await stop();
    throw error;
  }
  if (!ready) {
    // Its last words, when it got as far as running.
    await Promise.race([
      exited,
      new Promise(r => setTimeout(r, 1_000).unref()),
    ]);
    await stop();
    throw new Error(
      `${SMTP_SINK_PYTHON} -m aiosmtpd ${
        failure ? `failed: ${failure.message}` : `exited: ${output}`
      } (it needs the Debian package python3-aiosmtpd: sh scripts/ensure-debian-tools.sh smtp)`,
    );
  }

  return {
    host,
    port,
    /** What aiosmtpd wrote besides the messages (its stderr). */
    log: () => output,
    /** The messages received so far, oldest first. */
    messages: (): ReceivedMail[] => [...received],
    /** The first message, received already or yet, that the predicate accepts. */
    waitForMail(
      predicate: (mail: ReceivedMail) => boolean = () => true,
      timeoutMs = 10_000,
    ): Promise<ReceivedMail> {
      return eventually(
        () =>
          `a matching mail (${received.length} received: ${received
            .map(m => JSON.stringify(m.subject))
            .join(', ')})`,
        async () => received.find(predicate),
        timeoutMs,
      );
    },
    stop,
  };
}
