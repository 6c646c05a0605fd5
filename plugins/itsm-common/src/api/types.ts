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

import type { IncidentPriority } from '../entities';

/** A period the incident clock stops, e.g. waiting on the customer. @public */
export type IncidentPause = { from: string; to?: string };

/** An incident as an incident tool reports it; timestamps are ISO 8601. @public */
export type IncidentInput = {
  source: string;
  externalId: string;
  /** Entity ref of an ITService. */
  service: string;
  priority: IncidentPriority;
  openedAt: string;
  acknowledgedAt?: string;
  resolvedAt?: string;
  pauses?: IncidentPause[];
  title?: string;
  url?: string;
};

/** A stored incident. @public */
export type Incident = IncidentInput & { updatedAt: string };

/** An outage or planned maintenance; no end while ongoing. @public */
export type OutageInput = {
  source: string;
  externalId: string;
  service: string;
  start: string;
  end?: string;
  /** none: a coverage heartbeat, the source watched the service and saw no outage. */
  impact: 'full' | 'partial' | 'none';
  /** Planned maintenance, excluded from availability; default false. */
  planned?: boolean;
  title?: string;
};

/** A stored outage. @public */
export type Outage = OutageInput & { planned: boolean; updatedAt: string };

/** Good and total event counts of an SLI objective in one time slice. @public */
export type SliEventInput = {
  source: string;
  service: string;
  /** The objective's name in the service's agreement. */
  objective: string;
  sliceStart: string;
  sliceSeconds: number;
  good: number;
  total: number;
};

/** A stored SLI slice. @public */
export type SliEvent = SliEventInput & { updatedAt: string };

/** What an idempotent batch write did. @public */
export type IngestResult = {
  created: number;
  updated: number;
  unchanged: number;
};

/** One page of a list; pass nextCursor back as cursor for the next. @public */
export type Page<T> = { items: T[]; nextCursor?: string };

/** Which measurements of a service to list: [from, to), newest first. @public */
export type ListMeasurementsQuery = {
  service: string;
  from?: string;
  to?: string;
  limit?: number;
  cursor?: string;
};

/** The key of an incident or outage. @public */
export type MeasurementKey = { source: string; externalId: string };

/** The key of an SLI slice. @public */
export type SliEventKey = {
  source: string;
  service: string;
  objective: string;
  sliceStart: string;
};
