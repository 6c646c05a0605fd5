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
import type { HttpBodyParser } from '@backstage/plugin-events-node';

/** Topics whose malformed JSON bodies are answered with 400. @public */
export const ITSM_TOPIC_PREFIX = 'itsm.';

class UnsupportedCharsetError extends Error {
  readonly statusCode = 415;
  constructor(charset: string) {
    super(`Unsupported charset: ${charset}`);
    this.name = 'UnsupportedCharsetError';
  }
}

/**
 * The events backend's parser of `application/json` bodies, except that a
 * body of an ITSM topic (`itsm.…`) that is not JSON is refused with 400 and
 * a reason, where the default parser's JSON.parse error would answer 500
 * (and make the sender retry). The events backend keeps one parser per
 * content type; this one parses every other topic exactly as the default
 * does, and all ITSM webhook modules register the same behaviour.
 *
 * @public
 */
export const itsmJsonBodyParser: HttpBodyParser = async (
  request,
  parsedMediaType,
  topic,
) => {
  const bodyBuffer: unknown = request.body;
  if (!Buffer.isBuffer(bodyBuffer)) {
    throw new Error(
      `Failed to retrieve raw body from incoming event for topic ${topic}; not a buffer: ${typeof bodyBuffer}`,
    );
  }
  const encoding = parsedMediaType.parameters.charset ?? 'utf-8';
  if (!Buffer.isEncoding(encoding)) {
    throw new UnsupportedCharsetError(encoding);
  }
  const text = bodyBuffer.toString(encoding);
  if (parsedMediaType.type !== 'application/json') {
    return { bodyParsed: text, bodyBuffer, encoding };
  }
  try {
    return { bodyParsed: JSON.parse(text), bodyBuffer, encoding };
  } catch (error) {
    if (!topic.startsWith(ITSM_TOPIC_PREFIX)) throw error;
    throw new InputError(
      `Malformed ${topic} webhook: the body is not JSON (${
        (error as Error).message
      })`,
    );
  }
};
