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

import { entityRefKey, isKind } from '@backstage-itsm/plugin-itsm-common';
import { parseEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import type {
  Incident,
  IncidentInput,
  Outage,
  OutageInput,
  SliEvent,
  SliEventInput,
} from '@backstage-itsm/plugin-itsm-common';
import type { ItsmScoringContext } from '@backstage-itsm/plugin-itsm-node';
import {
  IncidentRecord,
  OutageRecord,
  SliEventRecord,
  Stored,
  StoredMeasurements,
} from '../database/MeasurementStore';

/*
 * Pure conversions between the API's items (ISO 8601, entity refs as
 * written) and the store's records (epoch ms, normalised refs), with the
 * checks a JSON Schema cannot make. No I/O.
 */

/** A problem with one item of a batch. */
export type ItemProblem = { index: number; field: string; message: string };

// The range a stored instant may take: 1970-01-01 to 9999-12-31.
const MAX_TIME = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/**
 * The lower-case ref of an ITService; kind and namespace default to
 * itservice and default. Throws a TypeError that says what is wrong.
 */
export function normalizeServiceRef(ref: string): string {
  const parsed = parseEntityRef(ref, {
    defaultKind: 'itservice',
    defaultNamespace: 'default',
  });
  if (!isKind(parsed.kind, 'itservice')) {
    throw new TypeError(
      `must be an ITService ref, got a ${parsed.kind} ("${ref}")`,
    );
  }
  return entityRefKey(parsed);
}

/**
 * A request parameter read with `parse`, whose TypeError becomes a 400
 * naming the parameter: a client's mistake is never a 500.
 */
export function readParam<T>(
  name: string,
  text: string,
  parse: (text: string) => T,
): T {
  try {
    return parse(text);
  } catch (error) {
    throw new InputError(`${name}: ${(error as Error).message}`);
  }
}

/** Parses an ISO 8601 instant, or throws a TypeError naming the range. */
export function parseInstant(text: string): number {
  const time = Date.parse(text);
  if (Number.isNaN(time) || time < 0 || time > MAX_TIME) {
    throw new TypeError(
      `must be an ISO 8601 date-time between 1970 and 9999 (got "${text}")`,
    );
  }
  return time;
}

const iso = (time: number | undefined) =>
  time === undefined ? undefined : new Date(time).toISOString();

/** Collects the problems of a batch while converting its items. */
class BatchReader {
  readonly problems: ItemProblem[] = [];
  private readonly keys = new Map<string, number>();
  private readonly services = new Map<
    string,
    { ref: string; problem?: string }
  >();

  constructor(private index = 0) {}

  at(index: number) {
    this.index = index;
  }

  problem(field: string, message: string) {
    this.problems.push({ index: this.index, field, message });
  }

  instant(field: string, text: string | undefined): number | undefined {
    if (text === undefined) return undefined;
    try {
      return parseInstant(text);
    } catch (error) {
      this.problem(field, (error as Error).message);
      return undefined;
    }
  }

  service(text: string): string {
    // A batch names few services: parse each once.
    let known = this.services.get(text);
    if (!known) {
      try {
        known = { ref: normalizeServiceRef(text) };
      } catch (error) {
        known = { ref: text, problem: (error as Error).message };
      }
      this.services.set(text, known);
    }
    if (known.problem) this.problem('service', known.problem);
    return known.ref;
  }

  notBefore(
    field: string,
    time: number | undefined,
    other: string,
    otherTime: number | undefined,
  ) {
    if (time !== undefined && otherTime !== undefined && time < otherTime) {
      this.problem(field, `must not be before ${other}`);
    }
  }

  /** Rejects a second item with the same key: which one should win is unclear. */
  uniqueKey(key: unknown[]) {
    const text = JSON.stringify(key);
    const first = this.keys.get(text);
    if (first !== undefined) {
      this.problem(
        'key',
        `duplicates the key of items[${first}]; send each key once per batch`,
      );
    } else {
      this.keys.set(text, this.index);
    }
  }
}

/*
 * A batch's records are made with `new`, not as object literals. V8 decides
 * per literal whether to allocate its objects straight in the old generation
 * (allocation-site pretenuring), and a batch's records are all alive when a
 * young collection runs during its write: the literal that made them was
 * pretenured, and from then on every batch filled the old generation
 * (ingesting a million incidents after other batches: 122 MB of peak RSS
 * growth with literals, 58 MB with classes).
 */
class BatchIncident implements IncidentRecord {
  constructor(
    readonly source: string,
    readonly externalId: string,
    readonly service: string,
    readonly priority: IncidentRecord['priority'],
    readonly openedAt: number,
    readonly acknowledgedAt: number | undefined,
    readonly resolvedAt: number | undefined,
    readonly pauses: IncidentRecord['pauses'],
    readonly title: string | undefined,
    readonly url: string | undefined,
  ) {}
}

class BatchOutage implements OutageRecord {
  constructor(
    readonly source: string,
    readonly externalId: string,
    readonly service: string,
    readonly start: number,
    readonly end: number | undefined,
    readonly impact: OutageRecord['impact'],
    readonly planned: boolean,
    readonly title: string | undefined,
  ) {}
}

class BatchSliEvent implements SliEventRecord {
  constructor(
    readonly source: string,
    readonly service: string,
    readonly objective: string,
    readonly sliceStart: number,
    readonly sliceSeconds: number,
    readonly good: number,
    readonly total: number,
  ) {}
}

/** Reads a batch of incidents; problems come back instead of records. */
export function readIncidents(items: IncidentInput[]) {
  const reader = new BatchReader();
  const records = items.map((item, index): IncidentRecord => {
    reader.at(index);
    reader.uniqueKey([item.source, item.externalId]);
    const openedAt = reader.instant('openedAt', item.openedAt);
    const acknowledgedAt = reader.instant(
      'acknowledgedAt',
      item.acknowledgedAt,
    );
    const resolvedAt = reader.instant('resolvedAt', item.resolvedAt);
    reader.notBefore('acknowledgedAt', acknowledgedAt, 'openedAt', openedAt);
    reader.notBefore('resolvedAt', resolvedAt, 'openedAt', openedAt);
    const pauses = item.pauses?.map((pause, p) => {
      const from = reader.instant(`pauses[${p}].from`, pause.from);
      const to = reader.instant(`pauses[${p}].to`, pause.to);
      reader.notBefore(`pauses[${p}].from`, from, 'openedAt', openedAt);
      reader.notBefore(`pauses[${p}].to`, to, `pauses[${p}].from`, from);
      return { from: from ?? 0, ...(to !== undefined && { to }) };
    });
    return new BatchIncident(
      item.source,
      item.externalId,
      reader.service(item.service),
      item.priority,
      openedAt ?? 0,
      acknowledgedAt,
      resolvedAt,
      pauses?.length ? pauses : undefined,
      item.title,
      item.url,
    );
  });
  return { records, problems: reader.problems };
}

/** Reads a batch of outages; problems come back instead of records. */
export function readOutages(items: OutageInput[]) {
  const reader = new BatchReader();
  const records = items.map((item, index): OutageRecord => {
    reader.at(index);
    reader.uniqueKey([item.source, item.externalId]);
    const start = reader.instant('start', item.start);
    const end = reader.instant('end', item.end);
    reader.notBefore('end', end, 'start', start);
    return new BatchOutage(
      item.source,
      item.externalId,
      reader.service(item.service),
      start ?? 0,
      end,
      item.impact,
      item.planned ?? false,
      item.title,
    );
  });
  return { records, problems: reader.problems };
}

/** Reads a batch of SLI slices; problems come back instead of records. */
export function readSliEvents(items: SliEventInput[]) {
  const reader = new BatchReader();
  const records = items.map((item, index): SliEventRecord => {
    reader.at(index);
    const service = reader.service(item.service);
    const sliceStart = reader.instant('sliceStart', item.sliceStart) ?? 0;
    reader.uniqueKey([item.source, service, item.objective, sliceStart]);
    if (item.good > item.total) {
      reader.problem(
        'good',
        `must not exceed total (${item.good} > ${item.total})`,
      );
    }
    return new BatchSliEvent(
      item.source,
      service,
      item.objective,
      sliceStart,
      item.sliceSeconds,
      item.good,
      item.total,
    );
  });
  return { records, problems: reader.problems };
}

/** Formats problems for a 400 response: each with its item index and field. */
export function describeProblems(problems: ItemProblem[]): string {
  const shown = problems
    .slice(0, 20)
    .map(p => `items[${p.index}].${p.field}: ${p.message}`);
  const more = problems.length - shown.length;
  return `${shown.join('; ')}${more > 0 ? `; and ${more} more` : ''}`;
}

export function toIncident(record: Stored<IncidentRecord>): Incident {
  return {
    source: record.source,
    externalId: record.externalId,
    service: record.service,
    priority: record.priority,
    openedAt: iso(record.openedAt)!,
    ...(record.acknowledgedAt !== undefined && {
      acknowledgedAt: iso(record.acknowledgedAt),
    }),
    ...(record.resolvedAt !== undefined && {
      resolvedAt: iso(record.resolvedAt),
    }),
    ...(record.pauses && {
      pauses: record.pauses.map(p => ({
        from: iso(p.from)!,
        ...(p.to !== undefined && { to: iso(p.to) }),
      })),
    }),
    ...(record.title !== undefined && { title: record.title }),
    ...(record.url !== undefined && { url: record.url }),
    updatedAt: iso(record.updatedAt)!,
  };
}

export function toOutage(record: Stored<OutageRecord>): Outage {
  return {
    source: record.source,
    externalId: record.externalId,
    service: record.service,
    start: iso(record.start)!,
    ...(record.end !== undefined && { end: iso(record.end) }),
    impact: record.impact,
    planned: record.planned,
    ...(record.title !== undefined && { title: record.title }),
    updatedAt: iso(record.updatedAt)!,
  };
}

/**
 * The measurements a report scores: the store's records as they are, SLI
 * slices in time order as scorers require (a store lists them so; sorted
 * here only if one did not).
 */
export function scoringMeasurements(
  loaded: StoredMeasurements,
): ItsmScoringContext['measurements'] {
  const slices = loaded.sliEvents;
  let ordered = true;
  for (let i = 1; i < slices.length && ordered; i++) {
    ordered = slices[i - 1].sliceStart <= slices[i].sliceStart;
  }
  return ordered
    ? loaded
    : {
        ...loaded,
        sliEvents: [...slices].sort((x, y) => x.sliceStart - y.sliceStart),
      };
}

export function toSliEvent(record: Stored<SliEventRecord>): SliEvent {
  return {
    source: record.source,
    service: record.service,
    objective: record.objective,
    sliceStart: iso(record.sliceStart)!,
    sliceSeconds: record.sliceSeconds,
    good: record.good,
    total: record.total,
    updatedAt: iso(record.updatedAt)!,
  };
}
