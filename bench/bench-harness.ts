/** Small helpers shared by the benchmarks: timing, percentiles, and the result table. */

export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  /** The target, as a comparison with `value`: `<= 100` or `>= 0.8`. */
  target?: { op: '<=' | '>='; value: number };
  /** What the figure is compared with in the same run, e.g. "raw JSON.parse 41.2 ms (×2.4)". */
  baseline?: string;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

/** Runs `work` `runs` times after `warmup` runs; returns the sorted durations in milliseconds. */
export async function timeRuns(runs: number, work: () => unknown, warmup = 1): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await work();
  const durations: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    durations.push(performance.now() - start);
  }
  return durations.sort((a, b) => a - b);
}

export function median(sorted: readonly number[]): number {
  return percentile(sorted, 50);
}

export function meets(result: BenchResult): boolean | undefined {
  if (result.target === undefined) return undefined;
  return result.target.op === '<='
    ? result.value <= result.target.value
    : result.value >= result.target.value;
}

export function formatResults(results: readonly BenchResult[]): string {
  const rows = results.map((result) => {
    const ok = meets(result);
    return [
      result.name,
      `${result.value.toFixed(result.value < 10 ? 2 : 1)} ${result.unit}`,
      result.target === undefined
        ? ''
        : `${result.target.op} ${result.target.value} ${result.unit}`,
      ok === undefined ? '' : ok ? 'ok' : 'MISSED',
      result.baseline ?? '',
    ];
  });
  const header = ['benchmark', 'value', 'target', '', 'baseline (same run)'];
  const widths = header.map((h, i) =>
    Math.max(h.length, ...rows.map((row) => row[i]?.length ?? 0)),
  );
  return [header, ...rows]
    .map((row) =>
      row
        .map((cell, i) => cell.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
