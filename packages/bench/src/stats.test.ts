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

import { formatTable, pairedRatio, row, summarize } from './stats';

describe('summarize', () => {
  it('gives the median and the nearest-rank 95th percentile', () => {
    expect(summarize([5, 1, 3])).toEqual({ median: 3, p95: 5 });
    expect(summarize([4, 1, 3, 2])).toEqual({ median: 2.5, p95: 4 });
  });

  it('gives the 99th percentile only from 100 samples on', () => {
    const hundred = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(summarize(hundred)).toEqual({ median: 50.5, p95: 95, p99: 99 });
    expect(summarize(hundred.slice(1))).not.toHaveProperty('p99');
  });

  it('refuses to summarize nothing', () => {
    expect(() => summarize([])).toThrow('No samples');
  });
});

describe('pairedRatio', () => {
  it('takes the median of the ratios round by round', () => {
    // A slow third round doubles both sides: its ratio is still 2.
    expect(pairedRatio([20, 22, 80, 18, 30], [10, 10, 40, 10, 10])).toBe(2);
    // The ratio of the medians, 22 / 10, would have blamed the report.
    expect(pairedRatio([20, 22, 80], [10, 10, 40])).toBe(2);
  });

  it('refuses samples that are not in pairs', () => {
    expect(() => pairedRatio([1, 2], [1])).toThrow('differ in number');
  });
});

describe('row', () => {
  const base = {
    benchmark: 'sla-report',
    engine: 'sqlite' as const,
    size: 'x',
    unit: 'ms' as const,
    median: 30,
    p95: 40,
  };

  it('passes a ratio within an upper target and fails one above it', () => {
    const target = { op: '<=' as const, limit: 2, of: 'ratio' as const };
    expect(row({ ...base, ratio: 2, target }).pass).toBe(true);
    expect(row({ ...base, ratio: 2.01, target }).pass).toBe(false);
  });

  it('compares the value itself when the target is absolute', () => {
    const target = { op: '<=' as const, limit: 150, of: 'value' as const };
    expect(row({ ...base, unit: 'MB', median: 151, target }).pass).toBe(false);
    expect(row({ ...base, unit: 'MB', median: 12, target }).pass).toBe(true);
  });

  it('handles lower bounds and rejects a row without its figure', () => {
    const target = { op: '>=' as const, limit: 0.5, of: 'ratio' as const };
    expect(row({ ...base, ratio: 0.4, target }).pass).toBe(false);
    expect(() => row({ ...base, target })).toThrow(
      'sla-report: no figure to compare with its target',
    );
  });
});

describe('formatTable', () => {
  it('prints one aligned line per row with its verdict', () => {
    const text = formatTable([
      row({
        benchmark: 'ingest',
        engine: 'postgres',
        size: '200k incidents',
        unit: 'ms',
        median: 310.4,
        p95: 400,
        baseline: { label: 'knex insert', median: 150 },
        ratio: 0.64,
        target: { op: '>=', limit: 0.5, of: 'ratio' },
      }),
    ]);
    const lines = text.split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^\| benchmark \| engine +\| size/);
    expect(lines[2]).toContain('| 310 ms ');
    expect(lines[2]).toContain('knex insert 150 ms');
    expect(lines[2]).toContain('0.640x');
    expect(lines[2]).toContain('ratio ≥ 0.5x');
    expect(lines[2]).toMatch(/\| pass +\|$/);
    expect(new Set(lines.map(l => l.length)).size).toBe(1);
  });

  it('prints the 99th percentile where a row has one', () => {
    const target = { op: '<=' as const, limit: 1000, of: 'value' as const };
    const base = {
      benchmark: 'sustained-load',
      engine: 'postgres' as const,
      size: '60 s',
      unit: 'ms' as const,
      median: 166,
      p95: 280,
      target,
    };
    const [, , withP99, without] = formatTable([
      row({ ...base, p99: 337 }),
      row(base),
    ]).split('\n');
    expect(withP99).toMatch(/\| 280 ms \| 337 ms +\| - /);
    expect(without).toMatch(/\| 280 ms \| - +\| - /);
  });
});
