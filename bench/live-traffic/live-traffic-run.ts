/**
 * One run of the live traffic benchmark: the page idle (the baseline), then under RATE exchanges a
 * second for LOAD_MS, replayed by the studio's proxy from a cassette of PATHS paths.
 */
import type { Browser } from 'playwright-core';
import { openPage } from '../../tests/e2e/support/browser';
import type { E2eStudio } from '../../tests/e2e/support/studio';
import { itemsCassette, itemTargets } from '../proxy/bench-data';
import {
  installProbe,
  pageNow,
  pageTimeOrigin,
  readProbe,
  type ProbeWindowStats,
} from './page-probe';
import { runPacedLoad, type PacedLoadReport } from './paced-load';
import { mainThreadSampler, sampleDelta, type MainThreadSample } from './renderer-cpu';
import { openTrafficPage, pressKeysWhile, receivedCount, until } from './traffic-page';

const RATE = 1000;
const LOAD_MS = 8000;
const PATHS = 200;
const CONNECTIONS = 32;
const ORIGIN_HOST = 'live.test';
const CASSETTE = 'live-traffic-bench';
const IDLE_MS = 3000;
const IDLE_PRESSES = 4;
const KEY_GAP_MS = 700;
/** How long the page may take after the load to show the last exchanges. */
const DRAIN_MS = 3000;

export interface LiveTrafficRun {
  idle: ProbeWindowStats;
  load: ProbeWindowStats;
  idleThread: MainThreadSample;
  loadThread: MainThreadSample;
  report: PacedLoadReport;
  /**
   * CPU time of this process during the load, ms: the studio (proxy, API, subscriptions) and the
   * benchmark's own DevTools client.
   */
  studioCpuMs: number;
  /** Exchanges the engine reported to its listeners during the load. */
  published: number;
  /** Exchanges the page had received when the load ended, and after DRAIN_MS at most. */
  receivedByEnd: number;
  received: number;
  /** From the load's end to the page showing them all (or giving up). */
  drainMs: number;
}

/** Saves the cassette and starts the proxy replaying it; returns the proxy's port. */
export async function startReplay(studio: E2eStudio): Promise<number> {
  await studio.library.create(CASSETTE, itemsCassette(CASSETTE, [`http://${ORIGIN_HOST}`], PATHS));
  const status = await studio.services.proxy.start({
    port: 0,
    mode: 'replay',
    cassetteName: CASSETTE,
  });
  if (status.port === undefined || status.port === null) throw new Error('the proxy has no port');
  return status.port;
}

function load(port: number): Promise<PacedLoadReport> {
  return runPacedLoad({
    host: '127.0.0.1',
    port,
    hostHeader: ORIGIN_HOST,
    targets: itemTargets(PATHS, `http://${ORIGIN_HOST}`),
    connections: CONNECTIONS,
    ratePerSecond: RATE,
    maxRequests: (RATE * LOAD_MS) / 1000,
    durationMs: LOAD_MS,
    warmupMs: 0,
  });
}

export async function measureLiveTraffic(
  studio: E2eStudio,
  browser: Browser,
  port: number,
): Promise<LiveTrafficRun> {
  const page = await openPage(browser);
  let published = 0;
  const onExchange = (): number => (published += 1);
  try {
    await openTrafficPage(page, studio);
    await installProbe(page);
    const mainThread = await mainThreadSampler(page);

    const idleFrom = await pageNow(page);
    const idleStart = await mainThread();
    await pressKeysWhile(page, IDLE_MS / IDLE_PRESSES, IDLE_PRESSES);
    const idleThread = sampleDelta(idleStart, await mainThread());
    const idle = await readProbe(page, idleFrom, await pageNow(page));

    studio.engine.on('exchange', onExchange);
    process.stderr.write(` ${RATE} req/s for ${LOAD_MS / 1000} s\n`);
    const loadStart = await mainThread();
    const studioCpuStart = process.cpuUsage();
    let loading = true;
    const [report] = await Promise.all([
      load(port).finally(() => (loading = false)),
      pressKeysWhile(page, KEY_GAP_MS, 100, () => !loading),
    ]);
    const loadEnded = performance.now();
    const studioCpu = process.cpuUsage(studioCpuStart);
    const receivedByEnd = await receivedCount(page);
    const loadThread = sampleDelta(loadStart, await mainThread());
    const origin = await pageTimeOrigin(page);
    const loadStats = await readProbe(page, report.startedAt - origin, report.finishedAt - origin);

    await until(async () => (await receivedCount(page)) >= published, DRAIN_MS);
    const drainMs = performance.now() - loadEnded;
    const received = await receivedCount(page);
    return {
      idle,
      load: loadStats,
      idleThread,
      loadThread,
      report,
      studioCpuMs: (studioCpu.user + studioCpu.system) / 1000,
      published,
      receivedByEnd,
      received,
      drainMs,
    };
  } finally {
    studio.engine.off('exchange', onExchange);
    await page.context().close();
  }
}
