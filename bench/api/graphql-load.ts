/**
 * GraphQL load on the studio: the load generator (bench/api-load-worker.mjs) in a process of its
 * own, warmed before each measured run, the studio's CPU time and event-loop delay measured in
 * this process over the same run.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { ChildScript } from '../proxy/child-script';

export const CLIENTS = 50;
export const REQUESTS_PER_CLIENT = 40;
/** Each client's pace: 50 clients at one request per 50 ms make 1,000 requests a second. */
export const PACE_MS = 50;
/**
 * Requests each client sends back to back before a measured run, unmeasured: a fresh load
 * generator's client code is not compiled yet, and would otherwise add its own warm-up to the
 * first measured requests.
 */
const WARM_UP_REQUESTS = 20;
/** How often the event-loop delay is sampled; each sample counts this interval in. */
const LOOP_SAMPLING_MS = 10;

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
  /** How late the studio's event loop ran its timers over the run (99th percentile), in ms. */
  loopDelayP99Ms: number;
}

async function run(job: LoadJob): Promise<GraphqlRun> {
  const worker = new ChildScript(WORKER, [], false);
  try {
    await worker.ask({ ...job, requests: WARM_UP_REQUESTS, intervalMs: 0 }, TIMEOUT_MS);
    const loopDelay = monitorEventLoopDelay({ resolution: LOOP_SAMPLING_MS });
    loopDelay.enable();
    const cpuBefore = process.cpuUsage();
    const { latencies, elapsedMs } = await worker.ask<{ latencies: number[]; elapsedMs: number }>(
      job,
      TIMEOUT_MS,
    );
    const cpu = process.cpuUsage(cpuBefore);
    loopDelay.disable();
    // The measured job's first round (one request per client, unmeasured) is in the CPU time too.
    const served = latencies.length + job.clients;
    return {
      latencies: latencies.sort((a, b) => a - b),
      requestsPerSecond: (latencies.length * 1000) / elapsedMs,
      cpuMsPerRequest: (cpu.user + cpu.system) / 1000 / served,
      loopDelayP99Ms: Math.max(0, loopDelay.percentile(99) / 1e6 - LOOP_SAMPLING_MS),
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
