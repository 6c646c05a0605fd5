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

import type { RequestDetails } from '@backstage/plugin-events-node';

/**
 * The request details the events backend hands an ingress's validator for
 * a body sent as `text`: the body parsed when it is JSON (else the text
 * itself), the raw bytes in UTF-8, no query. Header names must be lower
 * case, as the events backend gives them. For tests of validators.
 *
 * @public
 */
export function itsmWebhookRequestDetails(
  text: string,
  headers: Record<string, string> = {},
): RequestDetails {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = text;
  }
  return {
    body,
    headers,
    query: {},
    raw: { body: Buffer.from(text), encoding: 'utf-8' },
  };
}
