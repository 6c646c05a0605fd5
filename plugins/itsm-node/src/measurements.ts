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
  IncidentPriority,
  OpenIncident,
} from '@backstage-itsm/plugin-itsm-common';

/*
 * Measurements as the store keeps them and scorers read them: instants as
 * UTC epoch milliseconds, services as normalised, lower-case ITService refs.
 * ISO 8601 text exists only at the HTTP edge, where the API converts.
 */

/** An incident. @public */
export type IncidentRecord = {
  source: string;
  externalId: string;
  service: string;
  priority: IncidentPriority;
  openedAt: number;
  acknowledgedAt?: number;
  resolvedAt?: number;
  /** Pauses of the response and resolution clocks; `to` absent while paused. */
  pauses?: Array<{ from: number; to?: number }>;
  title?: string;
  url?: string;
};

/** An outage, or a coverage heartbeat (impact none). @public */
export type OutageRecord = {
  source: string;
  externalId: string;
  service: string;
  start: number;
  /** Absent while the outage goes on. */
  end?: number;
  /** none: a coverage heartbeat, the source watched the service and saw no outage. */
  impact: 'full' | 'partial' | 'none';
  planned: boolean;
  title?: string;
};

/** Good and total events of one SLI in one time slice. @public */
export type SliEventRecord = {
  source: string;
  service: string;
  objective: string;
  sliceStart: number;
  sliceSeconds: number;
  good: number;
  total: number;
};

/** A record as stored, with the time it last changed. @public */
export type Stored<T> = T & { updatedAt: number };

/**
 * A running incident as a scorer reports it, its instants in epoch
 * milliseconds; the report formats them into the API's `OpenIncident`.
 *
 * @public
 */
export type ItsmOpenIncident = Omit<OpenIncident, 'openedAt' | 'breachAt'> & {
  openedAt: number;
  breachAt?: number;
};
