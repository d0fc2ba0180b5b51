/**
 * Measures setups against each other with the same generator settings, taking turns for a few
 * rounds, and turns the figures into results. The machine is shared, so figures drift from one
 * minute to the next: a comparison uses runs of the same round, and of the rounds, the one whose
 * ratio is the median.
 */
import type { BenchResult } from '../bench-harness';
import type { LoadReport, LoadSpec } from './load-spec';
import { runLoad } from './run-load';

export const LOAD_SETTINGS = { connections: 50, warmupMs: 1000, durationMs: 4000 } as const;
const ROUNDS = 3;

export interface Side {
  label: string;
  spec: Omit<LoadSpec, keyof typeof LOAD_SETTINGS>;
  /** Runs before each of this side's runs (e.g. to start a fresh cassette). */
  prepare?: () => Promise<unknown>;
  /** The CPU time so far (µs) of the process serving this side, when it is measured. */
  cpuMicros?: () => Promise<number>;
}

export interface Measured {
  label: string;
  report: LoadReport;
  /** CPU of the process serving the side per request (the warm-up's in both), when measured. */
  serverCpuMicrosPerRequest?: number;
}

/** The CPU time so far (µs) of this process: for the sides the engine, running here, serves. */
export async function inProcessCpuMicros(): Promise<number> {
  const { user, system } = process.cpuUsage();
  return user + system;
}

/** The load generator's CPU time per request measured, in µs. */
export function generatorCpuMicrosPerRequest(report: LoadReport): number {
  return (report.generatorCpuPercent * 1e4) / report.requestsPerSecond;
}

export function describe({ label, report, serverCpuMicrosPerRequest: server }: Measured): string {
  const errors = report.errors === 0 ? '' : `, ${report.errors} errors`;
  const cpu = server === undefined ? '' : `; server ${server.toFixed(1)} µs CPU/request`;
  return (
    `${label} ${report.requestsPerSecond.toFixed(0)} req/s p99 ${report.p99Ms.toFixed(2)} ms` +
    ` (generator ${report.generatorCpuPercent.toFixed(0)}% CPU${errors}${cpu})`
  );
}

/** Runs the load of `side` once; with the CPU its server took per request when it has one. */
async function measureSide({ label, spec: sideSpec, cpuMicros }: Side): Promise<Measured> {
  const spec = { ...LOAD_SETTINGS, ...sideSpec };
  if (cpuMicros === undefined) return { label, report: await runLoad(spec) };
  const before = await cpuMicros();
  const report = await runLoad(spec);
  const cpu = (await cpuMicros()) - before;
  const served = (report.requestsPerSecond * (spec.warmupMs + spec.durationMs)) / 1000;
  return { label, report, serverCpuMicrosPerRequest: cpu / served };
}

/** Runs every side in turn, `ROUNDS` times, logging each run to stderr: `[round][side]`. */
export async function measureInTurn(sides: readonly Side[]): Promise<Measured[][]> {
  const rounds: Measured[][] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const runs: Measured[] = [];
    for (const side of sides) {
      await side.prepare?.();
      const measured = await measureSide(side);
      process.stderr.write(`  ${describe(measured)}\n`);
      runs.push(measured);
    }
    rounds.push(runs);
  }
  return rounds;
}

/**
 * Runs each side once for `durationMs`, unmeasured: the rounds then compare code the JIT has
 * optimised on every side, as in a process that has been serving for a while.
 */
export async function warmUp(sides: readonly Side[], durationMs = 2000): Promise<void> {
  for (const side of sides) {
    await side.prepare?.();
    await runLoad({ ...LOAD_SETTINGS, ...side.spec, warmupMs: 0, durationMs });
  }
}

export interface Pair {
  baseline: Measured;
  proxied: Measured;
}

/** Of each round's `proxied` ÷ `baseline` (indices of sides), the round with the median ratio. */
export function medianRound(
  rounds: readonly Measured[][],
  baseline: number,
  proxied: number,
): readonly Measured[] {
  const ratio = (runs: readonly Measured[]): number =>
    (runs[proxied]?.report.requestsPerSecond ?? Number.NaN) /
    (runs[baseline]?.report.requestsPerSecond ?? Number.NaN);
  const sorted = [...rounds].sort((a, b) => ratio(a) - ratio(b));
  const median = sorted[Math.floor((sorted.length - 1) / 2)];
  if (median === undefined) throw new Error('no load run');
  return median;
}

/** Measures `proxied` against `baseline`: the figures of the median round. */
export async function measurePair(baseline: Side, proxied: Side): Promise<Pair> {
  const [first, second] = medianRound(await measureInTurn([baseline, proxied]), 0, 1);
  if (first === undefined || second === undefined) throw new Error('missing measurement');
  return { baseline: first, proxied: second };
}

/** `name`: throughput of `proxied` ÷ `baseline`, to be at least `minRatio`. */
export function throughputRatio(
  name: string,
  pair: Pair,
  minRatio: number,
  note = '',
): BenchResult {
  return {
    name,
    value: pair.proxied.report.requestsPerSecond / pair.baseline.report.requestsPerSecond,
    unit: '×',
    target: { op: '>=', value: minRatio },
    baseline: `${describe(pair.proxied)}; ${describe(pair.baseline)}${note} (median of ${ROUNDS} rounds)`,
  };
}

/** `name`: p99 of `proxied` ÷ p99 of `baseline`, to be at most `maxRatio`. */
export function p99Ratio(name: string, pair: Pair, maxRatio: number): BenchResult {
  const { baseline, proxied } = pair;
  return {
    name,
    value: proxied.report.p99Ms / baseline.report.p99Ms,
    unit: '×',
    target: { op: '<=', value: maxRatio },
    baseline: `p99 ${proxied.report.p99Ms.toFixed(2)} ms vs ${baseline.label} ${baseline.report.p99Ms.toFixed(2)} ms`,
  };
}
