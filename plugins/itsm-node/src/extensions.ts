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

import {
  createExtensionPoint,
  LoggerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import type {
  Agreement,
  Incident,
  IncidentInput,
  ITServiceEntity,
  Outage,
  Objective,
  OutageInput,
  ScoreDetails,
  SliEventInput,
} from '@backstage-itsm/plugin-itsm-common';
import type {
  IncidentRecord,
  ItsmOpenIncident,
  OutageRecord,
  SliEventRecord,
} from './measurements';

/** What a measurement source hands over on each run. @public */
export type ItsmMeasurementBatch = {
  incidents?: IncidentInput[];
  outages?: OutageInput[];
  sliEvents?: SliEventInput[];
};

/** What storing a batch did. @public */
export type ItsmIngestTotals = {
  created: number;
  updated: number;
  unchanged: number;
};

/**
 * One observation of how a source fares, for the source-health view
 * (`GET /v1/sources`, and per service on the SLA tab).
 *
 * @public
 */
export type ItsmSourceHealthReport = {
  /** The source's id: the `source` of the measurements it stores. */
  source: string;
  /**
   * ok: the source read its tool for the service (or, without a service, at
   * all); failed: it could not, and `message` says why; unmatched: it received
   * an item it could not map to an ITService in the catalog, which `message`
   * describes (never stored, but counted).
   */
  outcome: 'ok' | 'failed' | 'unmatched';
  /** The service concerned, as an entity ref; absent for the source as a whole. */
  service?: string;
  message?: string;
};

/**
 * What the itsm backend hands a measurement source: the one path into the
 * store, the health record, and what the source stored before.
 *
 * @public
 */
export type ItsmMeasurementIntake = {
  /**
   * Stores a batch as the REST API would: validated, upserted by its keys.
   * Throws an InputError naming each bad item (an unknown service included)
   * and then stores nothing of the batch.
   */
  ingest(batch: ItsmMeasurementBatch): Promise<ItsmIngestTotals>;
  reportHealth(report: ItsmSourceHealthReport): Promise<void>;
  /**
   * Where the latest SLI slice the source stored for a service's objective
   * ends, in epoch milliseconds; undefined when it stored none.
   */
  /**
   * What is stored under these keys, in every service: webhook sources merge
   * an event into it (a late "acknowledged" must not reopen a resolved
   * incident).
   */
  findIncidents(
    keys: Array<{ source: string; externalId: string }>,
  ): Promise<Incident[]>;
  findOutages(
    keys: Array<{ source: string; externalId: string }>,
  ): Promise<Outage[]>;
  latestSliSliceEnd(key: {
    source: string;
    service: string;
    objective: string;
  }): Promise<number | undefined>;
};

/**
 * A pull-based source of measurements (an incident tool's API, a monitoring
 * system), run by the itsm backend on the scheduler, once per tick across
 * replicas. What it returns is ingested like a REST batch: validated, and
 * upserted idempotently by its keys, so returning the same items again is
 * harmless. A run that throws is recorded as the source's failure.
 *
 * @public
 */
export type ItsmMeasurementSource = {
  /** Unique id; also the scheduled task's id suffix. */
  id: string;
  schedule: SchedulerServiceTaskScheduleDefinition;
  pull(options: {
    logger: LoggerService;
    signal?: AbortSignal;
    intake: ItsmMeasurementIntake;
  }): Promise<ItsmMeasurementBatch>;
};

/**
 * An event-driven source (webhooks through the events backend): the itsm
 * backend connects it once at start-up, and it ingests what it receives.
 *
 * @public
 */
export type ItsmPushMeasurementSource = {
  /** Unique among all sources, pull and push. */
  id: string;
  connect(options: {
    logger: LoggerService;
    intake: ItsmMeasurementIntake;
  }): Promise<void>;
};

/** Lets modules add measurement sources to the itsm backend. @public */
export interface ItsmMeasurementSourcesExtensionPoint {
  addSource(...sources: ItsmMeasurementSource[]): void;
  addPushSource(...sources: ItsmPushMeasurementSource[]): void;
}

/** @public */
export const itsmMeasurementSourcesExtensionPoint =
  createExtensionPoint<ItsmMeasurementSourcesExtensionPoint>({
    id: 'itsm.measurement-sources',
  });

/** The measurements and context a scorer sees for one objective and period. @public */
export type ItsmScoringContext = {
  service: ITServiceEntity;
  agreement: Agreement;
  objective: Objective;
  /** The period scored, [start, end). */
  period: { start: Date; end: Date };
  /**
   * Set when the period is a burn-rate look-back, [now − look-back, now):
   * measurements that straddle its start then count pro rata by overlap.
   */
  lookback?: boolean;
  /** The instant the report is made for; never read the clock. */
  now: Date;
  /** Instants in epoch milliseconds, services as normalised refs. */
  measurements: {
    /**
     * Incidents opened in the period, and those opened before it that were
     * still running at its start (they count in their own period).
     */
    incidents: IncidentRecord[];
    outages: OutageRecord[];
    /** In ascending order of `sliceStart`. */
    sliEvents: SliEventRecord[];
    /**
     * When an availability source first reported on the service (the start
     * of its earliest outage record, coverage heartbeats included); absent
     * when none ever did. Availability needs one.
     */
    availabilityReportedSince?: number;
  };
};

/**
 * The error budget of the whole period, in the objective's own unit (see
 * docs/sla-semantics.md, rule 1).
 *
 * @public
 */
export type ItsmScoreBudget = {
  unit: 'minutes' | 'events' | 'incidents';
  /** What the whole period allows (events: projected to the period's end while it is open). */
  allowed: number;
  /** Spent so far. */
  spent: number;
  /** incidents: how many more may still be late this period; others: allowed − spent. */
  remaining?: number;
  /**
   * The share (0–1) of the period passed on the objective's own time base
   * (agreed time for availability); the forecast extrapolates from it.
   * Absent where spending is not a rate over time (incidents).
   */
  elapsedShare?: number;
  /**
   * When the budget runs out if spending goes on at the rate so far, in
   * epoch milliseconds; only when that lies after now and before the
   * period's end.
   */
  exhaustsAt?: number;
};

/** A scorer's verdict on one objective in one period. @public */
export type ItsmObjectiveScore = {
  /** Percent achieved, or null when there was nothing to measure. */
  attainment: number | null;
  /** Whether the target was met, or null when there was nothing to measure. */
  met: boolean | null;
  /**
   * The period's error budget; without it the report falls back to the
   * attainment: a budget of (100 − target) % of whatever was measured.
   */
  budget?: ItsmScoreBudget;
  /**
   * Whether burn rates (the SRE workbook's alerting on time- or
   * event-based budgets) are defined for the objective; default true.
   */
  burnRatesApply?: boolean;
  /** Scorer-specific figures (numbers, text, flags) shown with the score. */
  details?: ScoreDetails;
  /**
   * Running incidents the objective tracks (response, resolution): the
   * report lists those past a milestone as at risk.
   */
  openIncidents?: ItsmOpenIncident[];
};

/** One point of a trend: the attainment and budget at one instant. @public */
export type ItsmTrendPoint = Pick<ItsmObjectiveScore, 'attainment' | 'budget'>;

/**
 * Scores objectives of one type (availability, response, resolution, sli, or
 * a company's own). Pure: no I/O, no clock.
 *
 * @public
 */
export type ItsmObjectiveScorer = {
  objectiveType: string;
  /**
   * The scorer's settings that change its scores (e.g. a weight), as text:
   * stored reports of closed months computed with other settings are
   * computed again.
   */
  fingerprint?: string;
  score(context: ItsmScoringContext): ItsmObjectiveScore;
  /**
   * Optional: the attainments `score` gives with `now` set to each of
   * `instants` (ascending), in one go. A report's trend asks for some thirty
   * instants of one period; without this it scores once per instant.
   */
  scoreTrend?(context: ItsmScoringContext, instants: Date[]): ItsmTrendPoint[];
};

/** Lets modules add objective scorers to the itsm backend. @public */
export interface ItsmScorersExtensionPoint {
  addScorer(...scorers: ItsmObjectiveScorer[]): void;
}

/** @public */
export const itsmScorersExtensionPoint =
  createExtensionPoint<ItsmScorersExtensionPoint>({
    id: 'itsm.scorers',
  });
