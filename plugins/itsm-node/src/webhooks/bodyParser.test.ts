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

import { itsmJsonBodyParser } from './bodyParser';

const parse = (body: unknown, topic: string, charset?: string) =>
  itsmJsonBodyParser(
    { body } as any,
    {
      type: 'application/json',
      parameters: charset ? { charset } : {},
    },
    topic,
  );

describe('itsmJsonBodyParser', () => {
  it('parses JSON as the default parser does', async () => {
    const bodyBuffer = Buffer.from('{"event":{"id":"x"}}');
    await expect(parse(bodyBuffer, 'itsm.pagerduty')).resolves.toEqual({
      bodyParsed: { event: { id: 'x' } },
      bodyBuffer,
      encoding: 'utf-8',
    });
  });

  it('refuses a body of an ITSM topic that is not JSON with an InputError (400)', async () => {
    await expect(
      parse(Buffer.from('{"event":'), 'itsm.pagerduty'),
    ).rejects.toMatchObject({
      name: 'InputError',
      message: expect.stringMatching(
        /^Malformed itsm\.pagerduty webhook: the body is not JSON \(.+\)$/,
      ),
    });
  });

  it('leaves other topics as the default parser has them', async () => {
    await expect(parse(Buffer.from('{"event":'), 'github')).rejects.toThrow(
      SyntaxError,
    );
  });

  it('refuses unknown charsets with 415', async () => {
    await expect(
      parse(Buffer.from('{}'), 'itsm.pagerduty', 'klingon'),
    ).rejects.toMatchObject({ statusCode: 415 });
  });
});
