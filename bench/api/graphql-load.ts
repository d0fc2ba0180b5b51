/**
 * GraphQL load on the studio: the load generator (bench/api-load-worker.mjs) in a process of its
 * own, the studio's CPU time measured in this process over the same run.
 */
import { fileURLToPath } from 'node:url';
import { ChildScript } from '../proxy/child-script';

export const CLIENTS = 50;
export const REQUESTS_PER_CLIENT = 40;
/** Each client's pace: 50 clients at one request per 50 ms make 1,000 requests a second. */
export const PACE_MS = 50;

const WORKER = fileURLToPath(new URL('../api-load-worker.mjs', import.meta.url));
const TIMEOUT_MS = 120_000;

/** What the load generator is asked to do. */
interface LoadJob {
  url: string;
  query: string;
  clients: number;
  requests: number;
  /** Each client's shortest time between two requests; 0: back to back. */
  intervalMs: number;
}

export interface GraphqlRun {
  /** Every request's latency in milliseconds, sorted. */
  latencies: number[];
  requestsPerSecond: number;
  /** The studio process's CPU time (user + system) per request, in milliseconds. */
  cpuMsPerRequest: number;
}

async function run(job: LoadJob): Promise<GraphqlRun> {
  const worker = new ChildScript(WORKER, [], false);
  try {
    const cpuBefore = process.cpuUsage();
    const { latencies, elapsedMs } = await worker.ask<{ latencies: number[]; elapsedMs: number }>(
      job,
      TIMEOUT_MS,
    );
    const cpu = process.cpuUsage(cpuBefore);
    // The connections' warm-up requests (one per client) are in the CPU time too.
    const served = latencies.length + job.clients;
    return {
      latencies: latencies.sort((a, b) => a - b),
      requestsPerSecond: (latencies.length * 1000) / elapsedMs,
      cpuMsPerRequest: (cpu.user + cpu.system) / 1000 / served,
    };
  } finally {
    await worker.stop();
  }
}

/** 50 clients, each one request per 50 ms: 1,000 requests a second in total. */
export function paced(url: string, query: string): Promise<GraphqlRun> {
  return run({ url, query, clients: CLIENTS, requests: REQUESTS_PER_CLIENT, intervalMs: PACE_MS });
}

/** The same clients back to back: the most the studio serves. */
export function saturated(url: string, query: string): Promise<GraphqlRun> {
  return run({ url, query, clients: CLIENTS, requests: REQUESTS_PER_CLIENT, intervalMs: 0 });
}
