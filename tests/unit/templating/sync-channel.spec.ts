import { MessageChannel } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import {
  isReady,
  newSignal,
  signalReady,
  signalReply,
  signalStarted,
  waitForMessage,
  waitUntilReady,
  waitUntilStarted,
} from '../../../proxy/templating/custom/sync-channel';

const hasId =
  (id: number) =>
  (message: unknown): message is { id: number } =>
    (message as { id?: unknown }).id === id;

/** Runs `wait` and returns what it gave and how long it blocked. */
function timed<T>(wait: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = wait();
  return { value, ms: performance.now() - started };
}

describe('the synchronous channel to the sandbox worker', () => {
  it('takes the awaited reply at once and drops stale ones', () => {
    const { port1, port2 } = new MessageChannel();
    const signal = newSignal();
    port2.postMessage({ id: 1, stale: true });
    port2.postMessage({ id: 2 });
    signalReply(signal);
    const deadline = performance.now() + 5000;
    const { value, ms } = timed(() => waitForMessage(port1, signal, deadline, hasId(2)));
    expect(value).toEqual({ id: 2 });
    expect(ms).toBeLessThan(1000);
    port1.close();
  });

  it('gives up at its deadline when no reply comes', () => {
    const { port1, port2 } = new MessageChannel();
    const signal = newSignal();
    port2.postMessage({ id: 7 });
    signalReply(signal);
    const deadline = performance.now() + 50;
    const { value, ms } = timed(() => waitForMessage(port1, signal, deadline, hasId(8)));
    expect(value).toBeUndefined();
    expect(ms).toBeGreaterThanOrEqual(49);
    port1.close();
  });

  it('waits a bounded time for the worker to be ready', () => {
    const signal = newSignal();
    expect(isReady(signal)).toBe(false);
    const late = timed(() => waitUntilReady(signal, performance.now() + 30));
    expect(late).toMatchObject({ value: false });
    expect(late.ms).toBeGreaterThanOrEqual(29);
    expect(waitUntilReady(signal, 0)).toBe(false);
    signalReady(signal);
    expect(timed(() => waitUntilReady(signal, performance.now() + 5000)).ms).toBeLessThan(1000);
    expect(isReady(signal)).toBe(true);
  });

  it('waits a bounded time for the worker to start one request', () => {
    const signal = newSignal();
    signalStarted(signal, 3);
    const other = timed(() => waitUntilStarted(signal, 4, performance.now() + 30));
    expect(other).toMatchObject({ value: false });
    expect(other.ms).toBeGreaterThanOrEqual(29);
    expect(waitUntilStarted(signal, 3, 0)).toBe(true);
    signalStarted(signal, 4);
    expect(waitUntilStarted(signal, 4, performance.now() + 5000)).toBe(true);
  });
});
