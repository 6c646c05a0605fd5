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

import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A fixture's text exactly as stored (copied from Opsgenie's docs). */
export function fixtureText(name: string): string {
  return readFileSync(join(__dirname, '..', '__fixtures__', name), 'utf8');
}

/** A fixture, parsed. */
export function fixture<T = any>(name: string): T {
  return JSON.parse(fixtureText(name));
}

/** Epoch nanoseconds, as Opsgenie sends `updatedAt`. */
export const nanos = (iso: string) => BigInt(Date.parse(iso)) * 1_000_000n;

/**
 * Opsgenie documents the alert action data of each action with the same
 * alert (see __fixtures__/README.md); the examples of Create and
 * Acknowledge are stored. This derives another action from the documented
 * Acknowledge, changing only what the test states; `updatedAt` is given as
 * an ISO instant and sent in nanoseconds, as Opsgenie does.
 */
export function opsgenieAction(
  action: string,
  updatedAt: string,
  alert: Record<string, unknown> = {},
): string {
  const documented = fixture('acknowledge.json');
  const body = {
    ...documented,
    action,
    alert: { ...documented.alert, ...alert, updatedAt: '__UPDATED_AT__' },
  };
  // Nanoseconds exceed a double's precision: written as digits, as Opsgenie does.
  return JSON.stringify(body).replace(
    '"__UPDATED_AT__"',
    nanos(updatedAt).toString(),
  );
}
