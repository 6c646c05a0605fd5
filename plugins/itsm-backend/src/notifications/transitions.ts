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

/*
 * When a state change is worth a notification (docs/sla-semantics.md,
 * rule 14). Pure: the stored state and now in, the next state out.
 */

/** What a notification is about; the kinds of rule 14. */
export type WatchKind =
  | 'status'
  | 'burn-alert'
  | 'incident-milestone'
  | 'credit'
  | 'contract-notice';

/** Identifies one watched state. Empty strings where a part does not apply. */
export type WatchKey = {
  /** The service (or supplier, for contract notices) the state belongs to. */
  entityRef: string;
  agreement: string;
  objective: string;
  kind: WatchKind;
  subject: string;
};

/** A state as an evaluation sees it now. */
export type Observation = WatchKey & {
  state: string;
  /** The period the state belongs to; a new period starts from the best state. */
  period: string;
};

/** The last notified state, as stored. */
export type StoredWatch = WatchKey & {
  state: string;
  period: string;
  /** Since when a better state than `state` has been seen (damping). */
  betterSince?: number;
  /** Optimistic-concurrency counter of the row. */
  version: number;
};

export type Transition = {
  state: string;
  period: string;
  betterSince?: number;
  /** worse: notify now; recovery: a status is met again after the delay. */
  notify?: 'worse' | 'recovery';
};

// Rank of each kind's states; states not listed (no-data) change nothing.
const RANKS: Record<WatchKind, Record<string, number>> = {
  status: { met: 0, 'at-risk': 1, breached: 2 },
  'burn-alert': { quiet: 0, firing: 1 },
  'incident-milestone': { ok: 0, '50%': 0, '75%': 1, breached: 2 },
  credit: { none: 0, owed: 1 },
  'contract-notice': { outside: 0, inside: 1 },
};

/** The state a kind starts from: nothing to tell. */
export const BEST_STATE: Record<WatchKind, string> = {
  status: 'met',
  'burn-alert': 'quiet',
  'incident-milestone': 'ok',
  credit: 'none',
  'contract-notice': 'outside',
};

/** Whether an observed state is one the kind knows (no-data is not). */
export function isWatchedState(kind: WatchKind, state: string): boolean {
  return RANKS[kind][state] !== undefined;
}

/**
 * The next stored state for an observation, or undefined when nothing is to
 * be written. Worse states are taken at once and notified; better ones only
 * once they have been seen for `recoveryDelayMs`, and only a status back at
 * met is notified then.
 */
export function nextWatchState(
  observed: Observation,
  stored: StoredWatch | undefined,
  now: number,
  recoveryDelayMs: number,
): Transition | undefined {
  const ranks = RANKS[observed.kind];
  const rank = ranks[observed.state];
  if (rank === undefined) return undefined;
  // Labels of one window sort in time (2026-11, 2026-W48, 2026-Q4): an
  // earlier period than the stored one (a clock set back) changes nothing.
  if (stored && observed.period < stored.period) return undefined;
  const samePeriod = stored !== undefined && stored.period === observed.period;
  const last = samePeriod ? stored.state : BEST_STATE[observed.kind];
  const lastRank = ranks[last] ?? 0;
  const betterSince = samePeriod ? stored.betterSince : undefined;
  const { period } = observed;

  if (rank > lastRank) {
    return { state: observed.state, period, notify: 'worse' };
  }
  if (rank === lastRank) {
    // Worse again within the delay: forget the better spell, tell no one.
    if (betterSince !== undefined || !samePeriod) {
      return { state: last, period };
    }
    return undefined;
  }
  if (betterSince === undefined) {
    return { state: last, period, betterSince: now };
  }
  if (now - betterSince < recoveryDelayMs) return undefined;
  return {
    state: observed.state,
    period,
    ...(observed.kind === 'status' &&
      observed.state === BEST_STATE.status && { notify: 'recovery' as const }),
  };
}
