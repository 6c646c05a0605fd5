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
  nextWatchState,
  Observation,
  StoredWatch,
  WatchKind,
} from './transitions';

const MIN = 60_000;
const key = {
  entityRef: 'itservice:default/shop',
  agreement: 'shop-sla',
  objective: 'availability',
  subject: '',
};

/** Feeds observations in order, storing what nextWatchState returns. */
function replay(
  kind: WatchKind,
  steps: Array<[minute: number, state: string, period?: string]>,
  delayMinutes = 30,
) {
  let stored: StoredWatch | undefined;
  const notified: string[] = [];
  for (const [minute, state, period = '2026-11'] of steps) {
    const observed: Observation = { ...key, kind, state, period };
    const next = nextWatchState(
      observed,
      stored,
      minute * MIN,
      delayMinutes * MIN,
    );
    if (!next) continue;
    if (next.notify) notified.push(`${minute} ${next.notify} ${next.state}`);
    stored = {
      ...key,
      kind,
      state: next.state,
      period: next.period,
      betterSince: next.betterSince,
      version: (stored?.version ?? 0) + 1,
    };
  }
  return { notified, stored };
}

describe('nextWatchState (rule 14)', () => {
  it("follows the rule's example: two worse notices and one damped recovery", () => {
    // 10:00 is minute 600.
    const { notified } = replay('status', [
      [600, 'met'],
      [605, 'at-risk'],
      [610, 'met'],
      [620, 'met'],
      [625, 'breached'],
      [630, 'met'],
      [650, 'met'],
      [659, 'met'],
      [660, 'met'],
      [665, 'met'],
      [670, 'met'],
    ]);
    expect(notified).toEqual([
      '605 worse at-risk',
      '625 worse breached',
      '660 recovery met',
    ]);
  });

  it('sends nothing when nothing changed, however often it is evaluated', () => {
    const steps = Array.from(
      { length: 50 },
      (_, i) => [i, 'at-risk'] as [number, string],
    );
    expect(replay('status', steps).notified).toEqual(['0 worse at-risk']);
  });

  it('escalates from at risk to breached at once', () => {
    expect(
      replay('status', [
        [0, 'at-risk'],
        [1, 'breached'],
      ]).notified,
    ).toEqual(['0 worse at-risk', '1 worse breached']);
  });

  it('records breached to at-risk after the delay without a recovery notice', () => {
    const { notified, stored } = replay('status', [
      [0, 'breached'],
      [1, 'at-risk'],
      [40, 'at-risk'],
    ]);
    expect(notified).toEqual(['0 worse breached']);
    expect(stored?.state).toBe('at-risk');
  });

  it('ignores no-data', () => {
    const { notified, stored } = replay('status', [
      [0, 'breached'],
      [1, 'no-data'],
      [100, 'no-data'],
    ]);
    expect(notified).toEqual(['0 worse breached']);
    expect(stored?.state).toBe('breached');
  });

  it('starts a new period from met without a recovery, and notifies a new period that starts at risk', () => {
    expect(
      replay('status', [
        [0, 'breached', '2026-10'],
        [10, 'met', '2026-11'],
        [100, 'met', '2026-11'],
      ]).notified,
    ).toEqual(['0 worse breached']);
    expect(
      replay('status', [
        [0, 'breached', '2026-10'],
        [10, 'at-risk', '2026-11'],
      ]).notified,
    ).toEqual(['0 worse breached', '10 worse at-risk']);
  });

  it('ignores an earlier period than the stored one (a clock set back)', () => {
    expect(
      replay('status', [
        [0, 'met', '2026-12'],
        [1, 'breached', '2026-11'],
        [2, 'breached', '2026-12'],
      ]).notified,
    ).toEqual(['2 worse breached']);
  });

  it('notifies incidents at 75 % and at the threshold, not at 50 %', () => {
    expect(
      replay('incident-milestone', [
        [0, 'ok'],
        [5, '50%'],
        [8, '75%'],
        [9, '75%'],
        [10, 'breached'],
        [11, 'breached'],
      ]).notified,
    ).toEqual(['8 worse 75%', '10 worse breached']);
  });

  it('notifies a burn alert when it starts firing, and again only after it was quiet for the delay', () => {
    expect(
      replay('burn-alert', [
        [0, 'firing'],
        [5, 'quiet'],
        [10, 'firing'],
        [20, 'quiet'],
        [55, 'quiet'],
        [60, 'firing'],
      ]).notified,
    ).toEqual(['0 worse firing', '60 worse firing']);
  });

  it('notifies an owed credit once', () => {
    expect(
      replay('credit', [
        [0, 'owed'],
        [60, 'owed'],
        [120, 'owed'],
      ]).notified,
    ).toEqual(['0 worse owed']);
  });
});
