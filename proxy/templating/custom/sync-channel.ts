/**
 * The synchronous side of the sandbox worker: Handlebars helpers cannot wait for a promise, so the
 * engine posts a request and blocks on shared flags (`Atomics.wait`) for a bounded time. The worker
 * marks the request it starts (so a helper's limit counts from its start, not from a busy machine's
 * delay in scheduling the worker), then posts its reply and bumps the reply count.
 */
import { receiveMessageOnPort } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';

const READY = 0;
const STARTED = 1;
const REPLIES = 2;

export function newSignal(): Int32Array {
  return new Int32Array(new SharedArrayBuffer(3 * Int32Array.BYTES_PER_ELEMENT));
}

/** Worker side: requests can be sent. */
export function signalReady(signal: Int32Array): void {
  Atomics.store(signal, READY, 1);
  Atomics.notify(signal, READY);
}

/** Worker side: the request `id` (a positive 32-bit integer) starts now. */
export function signalStarted(signal: Int32Array, id: number): void {
  Atomics.store(signal, STARTED, id);
  Atomics.notify(signal, STARTED);
}

/** Worker side: a reply was just posted. */
export function signalReply(signal: Int32Array): void {
  Atomics.add(signal, REPLIES, 1);
  Atomics.notify(signal, REPLIES);
}

export function isReady(signal: Int32Array): boolean {
  return Atomics.load(signal, READY) === 1;
}

/** Blocks until the worker is ready, or until `deadline` (a `performance.now()` time); whether it is. */
export function waitUntilReady(signal: Int32Array, deadline: number): boolean {
  const left = deadline - performance.now();
  if (!isReady(signal) && left > 0) Atomics.wait(signal, READY, 0, left);
  return isReady(signal);
}

/** Blocks until the worker starts request `id`, or until `deadline`; whether it started. */
export function waitUntilStarted(signal: Int32Array, id: number, deadline: number): boolean {
  for (;;) {
    const started = Atomics.load(signal, STARTED);
    if (started === id) return true;
    const left = deadline - performance.now();
    if (left <= 0) return false;
    Atomics.wait(signal, STARTED, started, left);
  }
}

/**
 * Blocks until a message `accept` takes arrives on `port`, or until `deadline`; messages it does
 * not take are dropped. Undefined when time ran out.
 */
export function waitForMessage<T>(
  port: MessagePort,
  signal: Int32Array,
  deadline: number,
  accept: (message: unknown) => message is T,
): T | undefined {
  for (;;) {
    const seen = Atomics.load(signal, REPLIES);
    const received = receiveMessageOnPort(port);
    if (received !== undefined) {
      if (accept(received.message)) return received.message;
      continue;
    }
    const left = deadline - performance.now();
    if (left <= 0) return undefined;
    Atomics.wait(signal, REPLIES, seen, left);
  }
}
