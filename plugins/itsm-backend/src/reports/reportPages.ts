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
import {
  entityRefKey,
  ITServiceEntity,
} from '@backstage-itsm/plugin-itsm-common';

/**
 * Which services a report scores per request: at most `limit`, after the
 * service ref in `cursor`. Without a page, all of them (the CSV export).
 * @public
 */
export type ReportPage = { limit: number; cursor?: string };

function encodeReportCursor(ref: string) {
  return Buffer.from(JSON.stringify([ref])).toString('base64url');
}

function decodeCursor(cursor: string): unknown {
  try {
    return JSON.parse(Buffer.from(cursor, 'base64url').toString());
  } catch {
    return undefined;
  }
}

const badCursor = () =>
  new InputError(
    'cursor: must be the nextCursor of a previous page of this report',
  );

function decodeReportCursor(cursor: string): string {
  const value = decodeCursor(cursor);
  if (Array.isArray(value) && typeof value[0] === 'string') return value[0];
  throw badCursor();
}

/** A page cursor that carries the catalog's cursor of the next page. */
export function encodeCatalogCursor(catalogCursor: string): string {
  return Buffer.from(JSON.stringify({ catalog: catalogCursor })).toString(
    'base64url',
  );
}

/** The catalog's cursor in a page cursor; undefined for a first page. */
export function decodeCatalogCursor(cursor?: string): string | undefined {
  if (cursor === undefined) return undefined;
  const value = decodeCursor(cursor) as { catalog?: unknown } | undefined;
  if (
    typeof value === 'object' &&
    value !== null &&
    typeof value.catalog === 'string'
  ) {
    return value.catalog;
  }
  throw badCursor();
}

/** Items in the ref order of their services, one page of them. */
export function pageOf<T>(
  items: T[],
  serviceOf: (item: T) => ITServiceEntity,
  page: ReportPage | undefined,
): { items: T[]; next?: string } {
  const refOf = (item: T) => entityRefKey(serviceOf(item));
  const sorted = items
    .map(item => ({ item, ref: refOf(item) }))
    .sort((a, b) => (a.ref < b.ref ? -1 : Number(a.ref > b.ref)));
  if (!page) return { items: sorted.map(s => s.item) };
  const after = page.cursor ? decodeReportCursor(page.cursor) : undefined;
  const rest = after ? sorted.filter(s => s.ref > after) : sorted;
  const taken = rest.slice(0, page.limit);
  return {
    items: taken.map(s => s.item),
    next:
      rest.length > page.limit
        ? encodeReportCursor(taken[taken.length - 1].ref)
        : undefined,
  };
}
