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

import { measurementTimes, presetMeasurementTimes } from './measurementTimes';

describe('measurementTimes', () => {
  const slices = [
    { sliceStart: '2026-11-01T00:00:00.000Z' },
    { sliceStart: '2026-11-01T00:01:00+01:00' },
  ];

  it('parses each ISO instant once per list', () => {
    const parse = jest.spyOn(Date, 'parse');
    const first = measurementTimes(slices, 'sliceStart');
    const second = measurementTimes(slices, 'sliceStart');
    expect(Array.from(first)).toEqual([
      Date.UTC(2026, 10, 1),
      Date.UTC(2026, 9, 31, 23, 1),
    ]);
    expect(second).toBe(first);
    expect(parse).toHaveBeenCalledTimes(2);
    parse.mockRestore();
  });

  it('keeps lists and fields apart', () => {
    const other = [
      { sliceStart: '2026-01-01T00:00:00Z', openedAt: '2026-02-01T00:00:00Z' },
    ];
    expect(Array.from(measurementTimes(other, 'sliceStart'))).toEqual([
      Date.UTC(2026, 0, 1),
    ]);
    expect(Array.from(measurementTimes(other, 'openedAt'))).toEqual([
      Date.UTC(2026, 1, 1),
    ]);
  });

  it('uses times handed over by the producer, and checks their count', () => {
    const list = [{ openedAt: 'not parsed' }];
    presetMeasurementTimes(list, 'openedAt', Float64Array.of(42));
    expect(Array.from(measurementTimes(list, 'openedAt'))).toEqual([42]);
    expect(() =>
      presetMeasurementTimes(list, 'openedAt', Float64Array.of(1, 2)),
    ).toThrow('openedAt: 2 times for 1 measurements');
  });
});
