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
import { createItsmPayloadReader } from './payloadReader';

describe('createItsmPayloadReader', () => {
  const reader = createItsmPayloadReader('Example webhook');

  it('throws an InputError naming the sender, the field, what it must be and what it is', () => {
    const error = (() => {
      try {
        return reader.malformed('event.kind', 'a kind', 42);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(InputError);
    expect(error).toMatchObject({
      message: 'Malformed Example webhook: event.kind must be a kind, got 42',
    });
  });

  it.each([
    [undefined, 'nothing'],
    [null, 'null'],
    [[1], 'an array'],
    [{ a: 1 }, 'an object'],
    [true, 'true'],
    ['short', '"short"'],
    ['x'.repeat(50), `"${'x'.repeat(40)}…"`],
  ])('describes %p as %s', (value, description) => {
    expect(() => reader.malformed('f', 'something else', value)).toThrow(
      `Malformed Example webhook: f must be something else, got ${description}`,
    );
  });

  it('reads objects', () => {
    const value = { a: 1 };
    expect(reader.object(value, 'event')).toBe(value);
    expect(reader.isObject(value)).toBe(true);
    for (const other of [null, [], 'text', undefined]) {
      expect(reader.isObject(other)).toBe(false);
    }
    expect(() => reader.object([], 'event')).toThrow(
      'Malformed Example webhook: event must be an object, got an array',
    );
  });

  it('reads strings that are not blank', () => {
    expect(reader.string(' id ', 'event.id')).toBe(' id ');
    expect(() => reader.string('  ', 'event.id')).toThrow(
      'Malformed Example webhook: event.id must be a non-empty string, got "  "',
    );
    expect(() => reader.string(42, 'event.id')).toThrow(
      'Malformed Example webhook: event.id must be a non-empty string, got 42',
    );
  });
});
