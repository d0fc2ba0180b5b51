/**
 * The live traffic page under 1,000 exchanges a second: the headless studio's proxy replays a
 * cassette of 200 paths (cheap, so the proxy keeps up) to a paced load generator in a process of
 * its own, while Chromium shows the page. Inside the page: frame intervals, long tasks, the main
 * thread's CPU, and the time from a key press in the filter to the frame showing it; outside: how
 * many of the exchanges the page received. The baseline, measured in the same run, is the same page
 * with no traffic.
 */
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../tests/e2e/support/browser';
import { startE2eStudio } from '../tests/e2e/support/studio';
import type { BenchResult } from './bench-harness';
import { liveTrafficResults } from './live-traffic/live-traffic-results';
import { measureLiveTraffic, startReplay } from './live-traffic/live-traffic-run';

export async function benchLiveTraffic(): Promise<BenchResult[]> {
  const studio = await startE2eStudio();
  let browser: Browser | undefined;
  try {
    const port = await startReplay(studio);
    browser = await launchBrowser();
    return liveTrafficResults(await measureLiveTraffic(studio, browser, port));
  } finally {
    await browser?.close();
    await studio.close();
  }
}
