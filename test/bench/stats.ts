/** Summaries and the printed table of `pnpm bench`. */

export interface Summary {
  n: number;
  min: number;
  median: number;
  p95: number;
  /** The slowest sample: printed beside the p95, so that a pause that hit one call is seen, not hidden in it. */
  max: number;
}

/** Nearest-rank percentiles: each figure is one of the samples, not an interpolation between two. */
export function summarise(samples: readonly number[]): Summary {
  if (samples.length === 0) throw new Error('no samples to summarise');
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
  return { n: sorted.length, min: sorted[0]!, median: rank(0.5), p95: rank(0.95), max: sorted[sorted.length - 1]! };
}

/** Fewer samples than this, and the p95 is the maximum. */
export const MIN_SAMPLES_FOR_P95 = 20;

export interface Row {
  section: string;
  what: string;
  unit: string;
  summary: Summary;
  /** Free text after the figures (a ratio, a count). */
  note?: string;
}

export interface Target {
  what: string;
  /** The figure held to the target, as printed. */
  actual: number;
  limit: number;
  unit: string;
  /** `max`: the figure must be under the limit; `min`: at least the limit. */
  kind: 'max' | 'min';
}

const fmt = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n >= 1 ? n.toFixed(2) : n.toFixed(3));

export function renderTable(rows: readonly Row[]): string {
  const header = ['section', 'measure', 'n', 'min', 'median', 'p95', 'unit', 'note'];
  // Under 20 samples the nearest-rank p95 is the largest sample: it is printed as what it is.
  const p95 = (s: Summary) => (s.n < MIN_SAMPLES_FOR_P95 ? `${fmt(s.p95)} (max)` : fmt(s.p95));
  const body = rows.map((r) => [r.section, r.what, String(r.summary.n), fmt(r.summary.min), fmt(r.summary.median), p95(r.summary), r.unit, r.note ?? '']);
  return align([header, ...body], [false, false, true, true, true, true, false, false]);
}

export function met(t: Target): boolean {
  return t.kind === 'max' ? t.actual < t.limit : t.actual >= t.limit;
}

export function renderTargets(targets: readonly Target[]): string {
  const body = targets.map((t) => [
    t.what,
    `${fmt(t.actual)} ${t.unit}`,
    `${t.kind === 'max' ? '<' : '≥'} ${fmt(t.limit)} ${t.unit}`,
    met(t) ? 'met' : 'MISSED',
  ]);
  return align([['target', 'actual', 'limit', ''], ...body], [false, true, true, false]);
}

function align(table: string[][], right: boolean[]): string {
  const widths = table[0]!.map((_, c) => Math.max(...table.map((row) => row[c]!.length)));
  const line = (row: string[]) =>
    row
      .map((cell, c) => (right[c] ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!)))
      .join('  ')
      .trimEnd();
  return [line(table[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...table.slice(1).map(line)].join('\n');
}
