/**
 * The API over 1,000 cassettes: `cassettes(limit: 50)` and `globalStats` latency with 50 HTTP
 * clients at 1,000 requests a second in total (each one request per 50 ms), on a quiet studio
 * (the same clients back to back as the reference) and while its proxy replays at full load for a
 * load generator in another process; and the cold start of the studio to a healthy /health.
 * Under load, each query is also asked of a bare HTTP server on the studio's thread answering the
 * same bytes (floor-server.ts): the least latency the machine allows there.
 * The machine may be shared: each figure comes with the machine's load average.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { CassetteLibrary } from '../src-main/library/library';
import { openStudio, writeLibrary, type BenchStudio } from './api/bench-studio';
import { answerOf, startFloorServer } from './api/floor-server';
import { CLIENTS, paced, saturated, type GraphqlRun } from './api/graphql-load';
import { whileReplaying, type ReplayWindow } from './api/replay-load';
import { median, percentile, type BenchResult } from './bench-harness';

const LIST_QUERY =
  '{ cassettes(limit: 50, sort: [{ sortBy: Modified, order: Desc }]) { totalCount nextCursor items { name interactionCount metadata { sizeBytes modifiedAt tags description } } } }';
const STATS_QUERY =
  '{ globalStats { totalCassettes totalInteractions totalSizeBytes topHosts { value count } topStatusCodes { status count } } }';
/**
 * The same query with a field the studio never keeps an answer for (it reads the proxy): executed
 * on every request, the reference for what keeping answers saves.
 */
function neverKept(query: string): string {
  return query.replace(/^\{/, '{ proxyStatus { running }');
}
/** Longer than the four paced runs under load take (two per query), on a busy machine too. */
const REPLAY_MS = 30_000;

interface QueryCase {
  label: string;
  query: string;
  targetMs: number;
}

const CASES: readonly QueryCase[] = [
  { label: 'cassettes(limit: 50) of 1,000', query: LIST_QUERY, targetMs: 5 },
  { label: 'globalStats of 1,000 cassettes', query: STATS_QUERY, targetMs: 2 },
];

const ms = (value: number): string => `${value.toFixed(2)} ms`;

/** The machine is shared: its load says how far the figures are from a quiet machine's. */
function machineLoad(): string {
  return `load average ${os.loadavg()[0]?.toFixed(1)} on ${os.cpus().length} CPUs`;
}

function quietResult(
  item: QueryCase,
  run: GraphqlRun,
  executed: GraphqlRun,
  reference: GraphqlRun,
): BenchResult {
  return {
    name: `API ${item.label}, ${CLIENTS} HTTP clients, quiet proxy (p95)`,
    value: percentile(run.latencies, 95),
    unit: 'ms',
    target: { op: '<=', value: item.targetMs },
    baseline:
      `median ${ms(median(run.latencies))}, studio CPU ${ms(run.cpuMsPerRequest)}/request, ` +
      `event-loop delay p99 ${ms(run.loopDelayP99Ms)}; ` +
      `executed each time (never kept): p95 ${ms(percentile(executed.latencies, 95))}, ` +
      `CPU ${ms(executed.cpuMsPerRequest)}/request; back to back: p95 ${ms(percentile(reference.latencies, 95))} at ` +
      `${Math.round(reference.requestsPerSecond)} req/s; ${machineLoad()}`,
  };
}

/** A query's paced run under load, and the floor server's with the same query right after. */
interface LoadedRuns {
  run: GraphqlRun;
  floor: GraphqlRun;
}

function loadedResult(
  item: QueryCase,
  { run, floor }: LoadedRuns,
  quiet: GraphqlRun,
  replay: ReplayWindow,
): BenchResult {
  return {
    name: `API ${item.label}, ${CLIENTS} HTTP clients, proxy replaying at full load (p95)`,
    value: percentile(run.latencies, 95),
    unit: 'ms',
    target: { op: '<=', value: item.targetMs },
    baseline:
      `median ${ms(median(run.latencies))}, studio event-loop delay p99 ${ms(run.loopDelayP99Ms)}; ` +
      `proxy meanwhile ` +
      `${Math.round(replay.replaysPerSecond)} replays/s (their p99 ${ms(replay.report.p99Ms)}); ` +
      `quiet p95 ${ms(percentile(quiet.latencies, 95))}; ` +
      `floor (a bare HTTP server on the studio's thread answering the same bytes, same clients, ` +
      `same load): p95 ${ms(percentile(floor.latencies, 95))}, median ${ms(median(floor.latencies))}; ` +
      machineLoad(),
  };
}

async function measure(studio: BenchStudio): Promise<BenchResult[]> {
  const url = studio.server.url;
  const quiet: GraphqlRun[] = [];
  const results: BenchResult[] = [];
  for (const item of CASES) {
    process.stderr.write(` ${item.label}, quiet\n`);
    // Back to back first: the reference, and the warm-up (JIT) of the paced run.
    const reference = await saturated(url, item.query);
    const run = await paced(url, item.query);
    quiet.push(run);
    await saturated(url, neverKept(item.query));
    const executed = await paced(url, neverKept(item.query));
    results.push(quietResult(item, run, executed, reference));
  }
  process.stderr.write(' the same while the proxy replays at full load, and the floor\n');
  const answers = new Map<string, Buffer>();
  for (const item of CASES) answers.set(item.query, await answerOf(url, item.query));
  const floor = await startFloorServer(answers);
  // Back to back first, as the studio was: the floor's code is compiled before it is measured.
  for (const item of CASES) await saturated(floor.url, item.query);
  const { result: loaded, replay } = await whileReplaying(
    studio.services,
    studio.engine,
    REPLAY_MS,
    async () => {
      const runs: LoadedRuns[] = [];
      for (const item of CASES) {
        const run = await paced(url, item.query);
        runs.push({ run, floor: await paced(floor.url, item.query) });
      }
      return runs;
    },
  ).finally(() => floor.close());
  CASES.forEach((item, i) => {
    const run = loaded[i];
    const reference = quiet[i];
    if (run !== undefined && reference !== undefined) {
      results.push(loadedResult(item, run, reference, replay));
    }
  });
  return results;
}

async function coldStartMs(cassetteDir: string, dataDir: string): Promise<number> {
  const start = performance.now();
  const studio = await openStudio(cassetteDir, dataDir);
  try {
    const response = await fetch(`${studio.server.url}/health`);
    if (response.status !== 200) throw new Error(`unhealthy: ${await response.text()}`);
    return performance.now() - start;
  } finally {
    await studio.close();
  }
}

export async function benchApi(): Promise<BenchResult[]> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'magneto-bench-api-'));
  const cassetteDir = path.join(root, 'cassettes');
  const dataDir = path.join(root, 'data');
  try {
    await writeLibrary(cassetteDir);
    await (await CassetteLibrary.open({ cassetteDir, dataDir })).close();
    const starts: number[] = [];
    for (let i = 0; i < 3; i++) starts.push(await coldStartMs(cassetteDir, dataDir));
    const startLoad = machineLoad();
    const studio = await openStudio(cassetteDir, dataDir);
    try {
      return [
        ...(await measure(studio)),
        {
          name: 'API cold start to healthy /health, 1,000 cassettes indexed (median of 3)',
          value: median(starts.sort((a, b) => a - b)),
          unit: 'ms',
          target: { op: '<=', value: 1000 },
          baseline: `runs: ${starts.map((start) => start.toFixed(0)).join(', ')} ms; ${startLoad}`,
        },
      ];
    } finally {
      await studio.close();
    }
  } finally {
    await fs.rm(root, { recursive: true, force: true });
  }
}
