/**
 * What a user of a page feels, recorded inside the page: the interval between animation frames, the
 * long tasks (main-thread work over 50 ms), and for each key press the time from the event to the
 * frame that shows its effect (the keydown's time stamp to just after the next frame, as the INP
 * polyfills measure it), and whether the focused input's value had changed by then.
 */
import type { Page } from 'playwright-core';
import { median, percentile } from '../bench-harness';

interface ProbeRecord {
  frames: number[];
  longTasks: Array<{ start: number; duration: number }>;
  keys: Array<{ at: number; latency: number; changed: boolean }>;
}

type ProbeWindow = Window & { liveTrafficProbe?: ProbeRecord };

export interface ProbeWindowStats {
  seconds: number;
  frames: number;
  frameP50Ms: number;
  frameP95Ms: number;
  frameMaxMs: number;
  longTaskMsPerSecond: number;
  /** Sorted. */
  keyLatenciesMs: number[];
  /** Key presses whose frame showed the focused input's value changed. */
  keysReflected: number;
}

/** Starts the recorders in `page` (once per document). */
export async function installProbe(page: Page): Promise<void> {
  // tsx compiles with esbuild's keepNames: named functions in code sent to the page call __name.
  await page.evaluate('globalThis.__name ??= (target) => target');
  await page.evaluate(() => {
    const probeWindow = window as ProbeWindow;
    if (probeWindow.liveTrafficProbe !== undefined) return;
    const record: ProbeRecord = { frames: [], longTasks: [], keys: [] };
    probeWindow.liveTrafficProbe = record;
    const onFrame = (time: number): void => {
      record.frames.push(time);
      requestAnimationFrame(onFrame);
    };
    requestAnimationFrame(onFrame);
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        record.longTasks.push({ start: entry.startTime, duration: entry.duration });
      }
    }).observe({ type: 'longtask' });
    document.addEventListener(
      'keydown',
      (event) => {
        const target = event.target;
        const valueOf = (): string => (target instanceof HTMLInputElement ? target.value : '');
        const before = valueOf();
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () =>
            record.keys.push({
              at: event.timeStamp,
              latency: performance.now() - event.timeStamp,
              changed: valueOf() !== before,
            });
          channel.port2.postMessage(null);
        });
      },
      true,
    );
  });
}

/** The page's clock (`performance.now()`), to mark a window's ends. */
export function pageNow(page: Page): Promise<number> {
  return page.evaluate(() => performance.now());
}

/** The epoch time of the page clock's zero, to place other processes' times on it. */
export function pageTimeOrigin(page: Page): Promise<number> {
  return page.evaluate(() => performance.timeOrigin);
}

/** What the recorders saw between `from` and `to` (page clock), once the last key's frame is in. */
export async function readProbe(page: Page, from: number, to: number): Promise<ProbeWindowStats> {
  const record = await page.evaluate(async () => {
    for (let frame = 0; frame < 2; frame++) {
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
    return (window as ProbeWindow).liveTrafficProbe;
  });
  if (record === undefined) throw new Error('the page probe is not installed');
  const times = record.frames.filter((time) => time >= from && time <= to);
  const intervals = times.slice(1).map((time, index) => time - (times[index] ?? time));
  intervals.sort((a, b) => a - b);
  const longTaskMs = record.longTasks.reduce(
    (sum, task) =>
      sum + Math.max(0, Math.min(to, task.start + task.duration) - Math.max(from, task.start)),
    0,
  );
  const keys = record.keys.filter((key) => key.at >= from && key.at <= to);
  const seconds = (to - from) / 1000;
  return {
    seconds,
    frames: times.length,
    frameP50Ms: median(intervals),
    frameP95Ms: percentile(intervals, 95),
    frameMaxMs: intervals.at(-1) ?? Number.NaN,
    longTaskMsPerSecond: longTaskMs / seconds,
    keyLatenciesMs: keys.map((key) => key.latency).sort((a, b) => a - b),
    keysReflected: keys.filter((key) => key.changed).length,
  };
}
