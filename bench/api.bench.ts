/**
 * The API over 1,000 cassettes: `cassettes(limit: 50)` and `globalStats` latency with 50 HTTP
 * clients (each one request per 50 ms; the baseline gives the same clients back to back), and the
 * cold start of library, services and server to a healthy /health.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { encodeForStorage } from '../proxy/cassette/formats/registry';
import { resolveStudioConfig } from '../src-main/config/studio-config';
import { CassetteLibrary } from '../src-main/library/library';
import { startApiServer } from '../src-main/server/api-server';
import { createStudioServices } from '../src-main/services/studio-services';
import { syntheticCassette } from '../tests/support/synthetic-cassettes';
import { median, percentile, type BenchResult } from './bench-harness';

const CASSETTES = 1000;
const CLIENTS = 50;
const REQUESTS_PER_CLIENT = 40;
/** Each client's pace: 50 clients at one request per 50 ms make 1,000 requests a second. */
const PACE_MS = 50;

/** What the load generator (api-load-worker.mjs) is asked to do. */
interface LoadJob {
  url: string;
  query: string;
  clients: number;
  requests: number;
  /** Each client's shortest time between two requests; 0: back to back. */
  intervalMs: number;
}

const LIST_QUERY =
  '{ cassettes(limit: 50, sort: [{ sortBy: Modified, order: Desc }]) { totalCount nextCursor items { name interactionCount metadata { sizeBytes modifiedAt tags description } } } }';
const STATS_QUERY =
  '{ globalStats { totalCassettes totalInteractions totalSizeBytes topHosts { value count } topStatusCodes { status count } } }';

async function writeLibrary(dir: string): Promise<void> {
  await fs.mkdir(dir, { recursive: true });
  for (let i = 0; i < CASSETTES; i++) {
    const cassette = syntheticCassette(`api-${String(i).padStart(4, '0')}`, {
      interactions: 5 + (i % 20),
      bodySize: 300,
      tags: [i % 2 === 0 ? 'even' : 'odd'],
      recordedAt: new Date(Date.UTC(2025, 0, 1) + i * 3_600_000).toISOString(),
    });
    await fs.writeFile(path.join(dir, `${cassette.name}.json`), encodeForStorage(cassette, 'json'));
  }
}

async function openStudio(cassetteDir: string, dataDir: string) {
  const library = await CassetteLibrary.open({ cassetteDir, dataDir });
  const config = { ...resolveStudioConfig({ cassetteDir, dataDir }), apiPort: 0 };
  const services = await createStudioServices({ config, library });
  const server = await startApiServer({ services, port: 0, rateLimit: false });
  return { library, server };
}

/** Latencies (ms, sorted) measured by the load generator in a worker thread. */
function load(job: LoadJob): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./api-load-worker.mjs', import.meta.url), {
      workerData: job,
    });
    worker.once('message', (latencies: number[]) => resolve(latencies.sort((a, b) => a - b)));
    worker.once('error', reject);
  });
}

/** Paced clients (each one request per `PACE_MS`), then the same clients back to back. */
async function measure(
  url: string,
  query: string,
): Promise<{ paced: number[]; saturated: number[]; perSecond: number }> {
  const paced = await load({
    url,
    query,
    clients: CLIENTS,
    requests: REQUESTS_PER_CLIENT,
    intervalMs: PACE_MS,
  });
  const start = performance.now();
  const saturated = await load({
    url,
    query,
    clients: CLIENTS,
    requests: REQUESTS_PER_CLIENT,
    intervalMs: 0,
  });
  return { paced, saturated, perSecond: saturated.length / ((performance.now() - start) / 1000) };
}

function loadResult(
  name: string,
  target: number,
  figures: Awaited<ReturnType<typeof measure>>,
): BenchResult {
  const { paced, saturated, perSecond } = figures;
  return {
    name,
    value: percentile(paced, 95),
    unit: 'ms',
    target: { op: '<=', value: target },
    baseline: `median ${median(paced).toFixed(2)} ms; back to back: p95 ${percentile(saturated, 95).toFixed(1)} ms at ${Math.round(perSecond)} req/s`,
  };
}

async function coldStartMs(cassetteDir: string, dataDir: string): Promise<number> {
  const start = performance.now();
  const { library, server } = await openStudio(cassetteDir, dataDir);
  try {
    const response = await fetch(`${server.url}/health`);
    if (response.status !== 200) throw new Error(`unhealthy: ${await response.text()}`);
    return performance.now() - start;
  } finally {
    await server.close();
    await library.close();
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
    const { library, server } = await openStudio(cassetteDir, dataDir);
    try {
      const lists = await measure(server.url, LIST_QUERY);
      const stats = await measure(server.url, STATS_QUERY);
      return [
        loadResult(`API cassettes(limit: 50) of 1,000, ${CLIENTS} HTTP clients (p95)`, 5, lists),
        loadResult(`API globalStats of 1,000 cassettes, ${CLIENTS} HTTP clients (p95)`, 2, stats),
        {
          name: 'API cold start to healthy /health, 1,000 cassettes indexed (median of 3)',
          value: median(starts.sort((a, b) => a - b)),
          unit: 'ms',
          target: { op: '<=', value: 1000 },
        },
      ];
    } finally {
      await server.close();
      await library.close();
    }
  } finally {
    await fs.rm(root, { recursive: true, force: true });
  }
}
