/**
 * The CPU time of a page's main thread (the DevTools protocol's `ThreadTime`) beside the wall time
 * of its tasks (`TaskDuration`): on a busy machine a task's wall time also counts the time its
 * thread waited for a core, its CPU time only the page's own work.
 */
import type { Page } from 'playwright-core';

export interface MainThreadSample {
  /** Main-thread CPU time, ms. */
  cpuMs: number;
  /** Wall time of the main thread's tasks, ms. */
  tasksMs: number;
}

/** Returns a function that reads the page's main-thread counters. */
export async function mainThreadSampler(page: Page): Promise<() => Promise<MainThreadSample>> {
  const session = await page.context().newCDPSession(page);
  await session.send('Performance.enable');
  return async () => {
    const { metrics } = await session.send('Performance.getMetrics');
    const value = (name: string): number =>
      (metrics.find((metric) => metric.name === name)?.value ?? Number.NaN) * 1000;
    return { cpuMs: value('ThreadTime'), tasksMs: value('TaskDuration') };
  };
}

/** `to` minus `from`. */
export function sampleDelta(from: MainThreadSample, to: MainThreadSample): MainThreadSample {
  return { cpuMs: to.cpuMs - from.cpuMs, tasksMs: to.tasksMs - from.tasksMs };
}
