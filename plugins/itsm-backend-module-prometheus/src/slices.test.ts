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

import fc from 'fast-check';
import {
  increasesPerSlice,
  sliceCounts,
  sliceWindow,
  sumSlices,
} from './slices';

const window = { from: 0, to: 30_000, width: 10_000 };

describe('increasesPerSlice', () => {
  it('counts each increase in the slice that holds the sample ending it', () => {
    expect(
      increasesPerSlice(
        {
          key: 'a',
          baseline: 100,
          samples: [
            [5_000, 103],
            [10_000, 110], // on the boundary: the slice it ends
            [15_000, 111],
            [25_000, 120],
          ],
        },
        window,
      ),
    ).toEqual([10, 1, 9]);
  });

  it('takes a drop as a counter reset, counting the new value as increase does', () => {
    expect(
      increasesPerSlice(
        {
          key: 'a',
          baseline: 50,
          samples: [
            [5_000, 60],
            [15_000, 4], // restarted: 4 events since
            [25_000, 10],
          ],
        },
        window,
      ),
    ).toEqual([10, 4, 6]);
  });

  it('skips NaN samples: the events of the gap count where the next real sample lands', () => {
    expect(
      increasesPerSlice(
        {
          key: 'a',
          baseline: 0,
          samples: [
            [5_000, 2],
            [15_000, NaN],
            [25_000, 9],
          ],
        },
        window,
      ),
    ).toEqual([2, 0, 7]);
  });

  it('starts counting at the first sample without a baseline, and ignores samples outside the window', () => {
    expect(
      increasesPerSlice(
        {
          key: 'a',
          samples: [
            [-1_000, 5], // before the window: becomes the baseline
            [5_000, 8],
            [35_000, 100], // after it
          ],
        },
        window,
      ),
    ).toEqual([3, 0, 0]);
    expect(
      increasesPerSlice(
        {
          key: 'a',
          samples: [
            [5_000, 8],
            [15_000, 9],
          ],
        },
        window,
      ),
    ).toEqual([0, 1, 0]);
  });

  it('sums to the counter increase over the window, whatever the sample times (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1000 }),
        fc.array(
          fc.record({
            at: fc.integer({ min: 1, max: 30_000 }),
            step: fc.integer({ min: 0, max: 50 }),
          }),
          { maxLength: 40 },
        ),
        (baseline, steps) => {
          const sorted = [...steps].sort((a, b) => a.at - b.at);
          let value = baseline;
          const samples = sorted.map(({ at, step }) => {
            value += step;
            return [at, value] as [number, number];
          });
          const counts = increasesPerSlice(
            { key: 'a', baseline, samples },
            window,
          );
          expect(counts.reduce((a, b) => a + b, 0)).toBe(value - baseline);
        },
      ),
    );
  });
});

describe('sliceCounts', () => {
  it('makes good from errors, rounds, clamps good to [0, total] and leaves out slices no sample covered', () => {
    expect(
      sliceCounts({
        from: 0,
        width: 10_000,
        total: [10, 20.4, 5, 7],
        errors: [1, 0, 6, 0],
        coveredUntil: 30_000,
      }),
    ).toEqual([
      { sliceStart: 0, good: 9, total: 10 },
      { sliceStart: 10_000, good: 20, total: 20 },
      { sliceStart: 20_000, good: 0, total: 5 },
    ]);
    expect(
      sliceCounts({
        from: 0,
        width: 10_000,
        total: [10, 10],
        good: [12, 3],
        coveredUntil: 15_000,
      }),
    ).toEqual([{ sliceStart: 0, good: 10, total: 10 }]);
  });

  it('sums series slice by slice', () => {
    expect(
      sumSlices(
        [
          [1, 2],
          [3, 4],
        ],
        2,
      ),
    ).toEqual([4, 6]);
  });
});

describe('sliceWindow', () => {
  const width = 300_000;
  it('asks from where the stored series ends up to the last whole slice that ended delay ago', () => {
    expect(
      sliceWindow({
        now: 3_000_000 + 90_000,
        width,
        delay: 60_000,
        horizon: 86_400_000,
        storedUntil: 2_400_000,
      }),
    ).toEqual({ from: 2_400_000, to: 3_000_000 });
  });
  it('back-fills no further than the horizon, aligned to the slice width', () => {
    expect(
      sliceWindow({ now: 10_000_000, width, delay: 0, horizon: 1_000_000 }),
    ).toEqual({ from: 9_000_000, to: 9_900_000 });
  });
  it('asks nothing when no new whole slice has ended', () => {
    expect(
      sliceWindow({
        now: 3_100_000,
        width,
        delay: 60_000,
        horizon: 86_400_000,
        storedUntil: 3_000_000,
      }),
    ).toBeUndefined();
  });
});
