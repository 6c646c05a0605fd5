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
  Interval,
  intersectIntervals,
  mergeIntervals,
  subtractIntervals,
  totalLength,
} from './intervals';

const iv = (start: number, end: number): Interval => ({ start, end });

// Small integer intervals keep the brute-force model below exact: every
// boundary is an integer, so each unit cell [p, p + 1) is either wholly in
// or wholly out of a set.
const arbInterval = fc
  .tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: -5, max: 15 }))
  .map(([start, length]) => iv(start, start + length));
const arbIntervals = fc.array(arbInterval, { maxLength: 8 });

const covers = (intervals: Interval[], point: number) =>
  intervals.some(i => i.start <= point && point < i.end);

const isCanonical = (intervals: Interval[]) =>
  intervals.every(
    (i, k) => i.start < i.end && (k === 0 || intervals[k - 1].end < i.start),
  );

/** The unit cells [p, p + 1) in the generators' span for which `inSet` holds. */
const cells = (inSet: (p: number) => boolean) =>
  Array.from({ length: 70 }, (_, k) => k - 10).filter(inSet);

describe('mergeIntervals', () => {
  it.each([
    { name: 'no intervals', input: [], output: [] },
    {
      name: 'drops empty and reversed',
      input: [iv(3, 3), iv(5, 2)],
      output: [],
    },
    {
      name: 'sorts',
      input: [iv(5, 6), iv(1, 2)],
      output: [iv(1, 2), iv(5, 6)],
    },
    {
      name: 'merges overlapping',
      input: [iv(1, 4), iv(3, 6)],
      output: [iv(1, 6)],
    },
    {
      name: 'merges touching',
      input: [iv(4, 6), iv(1, 4)],
      output: [iv(1, 6)],
    },
    {
      name: 'swallows contained',
      input: [iv(1, 10), iv(2, 3)],
      output: [iv(1, 10)],
    },
    {
      name: 'keeps gaps',
      input: [iv(7, 9), iv(1, 3), iv(2, 5)],
      output: [iv(1, 5), iv(7, 9)],
    },
  ])('$name', ({ input, output }) => {
    expect(mergeIntervals(input)).toEqual(output);
  });

  it('does not modify its input', () => {
    const input = [iv(3, 6), iv(1, 4)];
    mergeIntervals(input);
    expect(input).toEqual([iv(3, 6), iv(1, 4)]);
  });

  it('is idempotent and keeps the total length', () => {
    fc.assert(
      fc.property(arbIntervals, intervals => {
        const merged = mergeIntervals(intervals);
        expect(mergeIntervals(merged)).toEqual(merged);
        expect(totalLength(merged)).toBe(totalLength(intervals));
        expect(isCanonical(merged)).toBe(true);
        expect(cells(p => covers(merged, p))).toEqual(
          cells(p => covers(intervals, p)),
        );
      }),
      { numRuns: 200 },
    );
  });
});

describe('intersectIntervals', () => {
  it.each([
    { name: 'empty side', a: [iv(1, 5)], b: [], output: [] },
    { name: 'disjoint', a: [iv(1, 3)], b: [iv(3, 5)], output: [] },
    { name: 'overlap', a: [iv(1, 5)], b: [iv(3, 8)], output: [iv(3, 5)] },
    {
      name: 'one interval against many',
      a: [iv(0, 100)],
      b: [iv(50, 60), iv(10, 20)],
      output: [iv(10, 20), iv(50, 60)],
    },
    {
      name: 'unsorted, overlapping inputs',
      a: [iv(6, 12), iv(0, 4), iv(2, 8)],
      b: [iv(3, 7), iv(5, 10)],
      output: [iv(3, 10)],
    },
  ])('$name', ({ a, b, output }) => {
    expect(intersectIntervals(a, b)).toEqual(output);
  });

  it('covers exactly the points in both', () => {
    fc.assert(
      fc.property(arbIntervals, arbIntervals, (a, b) => {
        const result = intersectIntervals(a, b);
        expect(isCanonical(result)).toBe(true);
        expect(cells(p => covers(result, p))).toEqual(
          cells(p => covers(a, p) && covers(b, p)),
        );
      }),
      { numRuns: 200 },
    );
  });
});

describe('subtractIntervals', () => {
  it.each([
    { name: 'nothing removed', a: [iv(1, 5)], b: [], output: [iv(1, 5)] },
    { name: 'removed entirely', a: [iv(1, 5)], b: [iv(0, 9)], output: [] },
    {
      name: 'hole in the middle',
      a: [iv(0, 10)],
      b: [iv(3, 4)],
      output: [iv(0, 3), iv(4, 10)],
    },
    {
      name: 'trims both ends',
      a: [iv(2, 8)],
      b: [iv(0, 3), iv(7, 9)],
      output: [iv(3, 7)],
    },
    {
      name: 'one cut across several intervals',
      a: [iv(0, 2), iv(4, 6), iv(8, 10)],
      b: [iv(1, 9)],
      output: [iv(0, 1), iv(9, 10)],
    },
    {
      name: 'unsorted, overlapping cuts',
      a: [iv(0, 20)],
      b: [iv(12, 15), iv(2, 5), iv(4, 6), iv(14, 16)],
      output: [iv(0, 2), iv(6, 12), iv(16, 20)],
    },
  ])('$name', ({ a, b, output }) => {
    expect(subtractIntervals(a, b)).toEqual(output);
  });

  it('covers exactly the points in a but not in b', () => {
    fc.assert(
      fc.property(arbIntervals, arbIntervals, (a, b) => {
        const result = subtractIntervals(a, b);
        expect(isCanonical(result)).toBe(true);
        expect(cells(p => covers(result, p))).toEqual(
          cells(p => covers(a, p) && !covers(b, p)),
        );
      }),
      { numRuns: 200 },
    );
  });
});

describe('totalLength', () => {
  it.each([
    { name: 'no intervals', input: [], length: 0 },
    { name: 'empty intervals', input: [iv(4, 4), iv(6, 1)], length: 0 },
    { name: 'disjoint', input: [iv(0, 2), iv(5, 8)], length: 5 },
    {
      name: 'overlaps count once',
      input: [iv(0, 10), iv(5, 15), iv(2, 3)],
      length: 15,
    },
  ])('$name', ({ input, length }) => {
    expect(totalLength(input)).toBe(length);
  });

  it('splits over intersection and difference', () => {
    fc.assert(
      fc.property(arbIntervals, arbIntervals, (a, b) => {
        expect(
          totalLength(intersectIntervals(a, b)) +
            totalLength(subtractIntervals(a, b)),
        ).toBe(totalLength(a));
      }),
      { numRuns: 200 },
    );
  });
});

describe('inputs already merged', () => {
  // Merged lists are read as they are, not merged again: the results must
  // not depend on which form came in, nor change the lists passed.
  it('give what the raw lists give, and stay as they were', () => {
    fc.assert(
      fc.property(arbIntervals, arbIntervals, (a, b) => {
        const left = mergeIntervals(a);
        const right = mergeIntervals(b);
        const before = JSON.stringify([left, right]);
        expect(intersectIntervals(left, right)).toEqual(
          intersectIntervals(a, b),
        );
        expect(subtractIntervals(left, right)).toEqual(subtractIntervals(a, b));
        expect(totalLength(left)).toBe(totalLength(a));
        expect(JSON.stringify([left, right])).toBe(before);
      }),
      { numRuns: 500 },
    );
  });

  it('does not hand back a list passed in', () => {
    const merged = [iv(1, 3), iv(5, 8)];
    expect(subtractIntervals(merged, [])).not.toBe(merged);
    expect(subtractIntervals(merged, [])).toEqual(merged);
    expect(intersectIntervals(merged, [iv(0, 10)])).not.toBe(merged);
  });
});
