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

/**
 * Checks of the fields of a webhook's JSON body, each throwing an
 * InputError that names the field, what it must be, and what it is, e.g.
 * `Malformed PagerDuty webhook: event must be an object, got nothing`.
 *
 * @public
 */
export type ItsmPayloadReader = {
  /** Throws the InputError: `path` must be `expected`, got `value`. */
  malformed(path: string, expected: string, value: unknown): never;
  /** Whether a value is a JSON object (not null, not an array). */
  isObject(value: unknown): value is Record<string, unknown>;
  /** The value, which must be a JSON object. */
  object(value: unknown, path: string): Record<string, unknown>;
  /** The value, which must be a string that is not blank. */
  string(value: unknown, path: string): string;
};

/** A value as a reason names it: its type, or a string's first 40 characters. */
function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') {
    const text = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    return JSON.stringify(text);
  }
  if (typeof value === 'object') return 'an object';
  return value === undefined ? 'nothing' : String(value);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The field checks of a webhook parser, whose errors begin with
 * `Malformed <what>:`, e.g. `Malformed Opsgenie webhook:`. Pure.
 *
 * @public
 */
export function createItsmPayloadReader(what: string): ItsmPayloadReader {
  function malformed(path: string, expected: string, value: unknown): never {
    throw new InputError(
      `Malformed ${what}: ${path} must be ${expected}, got ${describe(value)}`,
    );
  }
  return {
    malformed,
    isObject,
    object(value, path) {
      if (!isObject(value)) malformed(path, 'an object', value);
      return value;
    },
    string(value, path) {
      if (typeof value !== 'string' || value.trim() === '') {
        malformed(path, 'a non-empty string', value);
      }
      return value;
    },
  };
}
