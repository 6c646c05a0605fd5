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

import type {
  SearchDocument,
  SearchResult,
} from '@backstage/plugin-search-common';

/** The catalog kinds the ITSM search result item shows, lower case. */
export const ITSM_SEARCH_KINDS = ['itservice', 'stakeholder', 'supplier'];

/**
 * A catalog search document of an ITSM kind, with the fields the search
 * module `@backstage-itsm/plugin-search-backend-module-itsm` adds.
 *
 * @public
 */
export type ItsmSearchDocument = SearchDocument & {
  kind?: string;
  namespace?: string;
  type?: string;
  lifecycle?: string;
  owner?: string;
  /** ITService: its SLA status when the index was built. */
  status?: string;
  /** ITService: its customers, by title. */
  customers?: string[];
  /** ITService: its suppliers, by title. */
  suppliers?: string[];
  /** Stakeholder: the services it buys; Supplier: those it supplies. */
  services?: string[];
  costCenter?: string;
  /** Supplier: the contract's last day, YYYY-MM-DD. */
  contractEnd?: string;
};

/** The document's kind in lower case, or undefined. */
export function documentKind(document: SearchDocument | undefined) {
  const kind = (document as ItsmSearchDocument | undefined)?.kind;
  return typeof kind === 'string' ? kind.toLocaleLowerCase('en-US') : undefined;
}

/**
 * Whether a search result is a catalog document of an ITSM kind
 * (ITService, Stakeholder, Supplier): the predicate of the ITSM search
 * result item.
 *
 * @public
 */
export function isItsmSearchResult(result: SearchResult): boolean {
  const kind = documentKind(result.document);
  return (
    result.type === 'software-catalog' &&
    kind !== undefined &&
    ITSM_SEARCH_KINDS.includes(kind)
  );
}

/**
 * The entity ref of a catalog document from its location, which the catalog
 * collator writes as `/catalog/:namespace/:kind/:name` (its default
 * `locationTemplate`); undefined for any other shape.
 */
export function entityRefOfLocation(location: string): string | undefined {
  const path = location.replace(/^[a-z]+:\/\/[^/]+/i, '').split(/[?#]/)[0];
  const match = /\/catalog\/([^/]+)\/([^/]+)\/([^/]+)\/?$/.exec(path);
  if (!match) return undefined;
  try {
    const [namespace, kind, name] = match.slice(1).map(decodeURIComponent);
    return `${kind.toLocaleLowerCase('en-US')}:${namespace}/${name}`;
  } catch {
    return undefined;
  }
}
