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

import { ServiceUnavailableError } from '@backstage/errors';
import { ErrorRequestHandler } from 'express';

// Seconds a client should wait before retrying after a database outage.
const RETRY_AFTER_SECONDS = 5;

// Error codes and names that mean "the database cannot be reached right now",
// as opposed to a bad query: network errors, PostgreSQL's admin shutdown and
// connection failures (SQLSTATE 57P*, 08*, 53300), a full pool, a busy SQLite.
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08006',
  '53300',
  'SQLITE_BUSY',
]);

/** Whether an error means the database is unreachable, not that the query is wrong. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const { code, name, message } = (error ?? {}) as {
    code?: unknown;
    name?: unknown;
    message?: unknown;
  };
  return (
    (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) ||
    name === 'KnexTimeoutError' ||
    (typeof message === 'string' &&
      /Connection terminated|connection is closed|Client has encountered a connection error/i.test(
        message,
      ))
  );
}

/** Turns database outages into 503 with Retry-After; passes other errors on. */
export function databaseErrorHandler(): ErrorRequestHandler {
  return (error, _req, res, next) => {
    if (!isDatabaseUnavailable(error)) {
      next(error);
      return;
    }
    res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
    next(
      new ServiceUnavailableError(
        'The ITSM database is unavailable; retry later',
        error,
      ),
    );
  };
}
