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

/** One line of the benchmark table. */
export type BenchRow = {
  benchmark: string;
  engine: 'sqlite' | 'postgres' | 'any';
  size: string;
  unit: 'ms' | 'MB' | 'KB';
  median: number;
  p95: number;
  /** Only where there are enough samples for it to mean something. */
  p99?: number;
  /** What the row is compared with, and its median, in the row's unit. */
  baseline?: { label: string; median: number };
  /** The figure the target applies to: a ratio, or the value itself. */
  ratio?: number;
  target: { op: '<=' | '>='; limit: number; of: 'ratio' | 'value' };
  pass: boolean;
  note?: string;
};

/**
 * Median and 95th percentile (nearest rank) of some samples, and the 99th
 * from 100 samples on.
 */
export function summarize(samples: number[]): {
  median: number;
  p95: number;
  p99?: number;
} {
  if (samples.length === 0) throw new Error('No samples to summarize');
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (q: number) =>
    sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  const mid = sorted.length / 2;
  const median =
    sorted.length % 2 === 1
      ? sorted[Math.floor(mid)]
      : (sorted[mid - 1] + sorted[mid]) / 2;
  return {
    median,
    p95: rank(0.95),
    ...(sorted.length >= 100 && { p99: rank(0.99) }),
  };
}

/**
 * The median of the ratios of samples taken in turns with their baseline's,
 * round by round: a slow stretch of the machine then weighs on both sides
 * of a ratio instead of on one side's median.
 */
export function pairedRatio(samples: number[], baseline: number[]): number {
  if (samples.length !== baseline.length) {
    throw new Error(
      `Paired samples differ in number: ${samples.length} and ${baseline.length}`,
    );
  }
  return summarize(samples.map((sample, k) => sample / baseline[k])).median;
}

/** Builds a row and decides pass/fail from its target. */
export function row(
  fields: Omit<BenchRow, 'pass' | 'ratio'> & { ratio?: number },
): BenchRow {
  const figure = fields.target.of === 'ratio' ? fields.ratio : fields.median;
  if (figure === undefined || !Number.isFinite(figure)) {
    throw new Error(
      `${fields.benchmark}: no figure to compare with its target`,
    );
  }
  const pass =
    fields.target.op === '<='
      ? figure <= fields.target.limit
      : figure >= fields.target.limit;
  return { ...fields, pass };
}

const number = (value: number) =>
  value >= 100 ? value.toFixed(0) : value.toPrecision(3);

/** The table printed at the end of a run. */
export function formatTable(rows: BenchRow[]): string {
  const header = [
    'benchmark',
    'engine',
    'size',
    'median',
    'p95',
    'p99',
    'baseline',
    'ratio',
    'target',
    'result',
  ];
  const lines = rows.map(r => [
    r.benchmark,
    r.engine,
    r.size,
    `${number(r.median)} ${r.unit}`,
    `${number(r.p95)} ${r.unit}`,
    r.p99 === undefined ? '-' : `${number(r.p99)} ${r.unit}`,
    r.baseline
      ? `${r.baseline.label} ${number(r.baseline.median)} ${r.unit}`
      : '-',
    r.ratio === undefined ? '-' : `${number(r.ratio)}x`,
    `${r.target.of === 'ratio' ? 'ratio' : 'value'} ${
      r.target.op === '<=' ? '≤' : '≥'
    } ${r.target.limit}${r.target.of === 'ratio' ? 'x' : ` ${r.unit}`}`,
    r.pass ? 'pass' : 'FAIL',
  ]);
  const widths = header.map((h, i) =>
    Math.max(h.length, ...lines.map(l => l[i].length)),
  );
  const format = (cells: string[]) =>
    `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [
    format(header),
    `|${widths.map(w => '-'.repeat(w + 2)).join('|')}|`,
    ...lines.map(format),
  ].join('\n');
}
