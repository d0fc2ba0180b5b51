/**
 * Push-based events as an async iterator for subscriptions: a bounded queue (the oldest event is
 * dropped when a slow consumer falls behind), and the source is released when the consumer stops.
 */
import { asError } from '../../proxy/support/as-error';

export interface EventStreamOptions {
  /** Events kept for a slow consumer; older ones are dropped. Default 1,000. */
  maxQueue?: number;
}

/** Something a stream can be fed from: called with `push`, returns the function that unsubscribes. */
export type EventSource<T> = (push: (value: T) => void) => () => void;

export function eventStream<T>(
  source: EventSource<T>,
  options: EventStreamOptions = {},
): AsyncIterableIterator<T> {
  const maxQueue = options.maxQueue ?? 1000;
  const queue: T[] = [];
  let waiting: ((result: IteratorResult<T>) => void) | undefined;
  let done = false;
  const unsubscribe = source((value) => {
    if (done) return;
    if (waiting !== undefined) {
      const resolve = waiting;
      waiting = undefined;
      resolve({ value, done: false });
      return;
    }
    queue.push(value);
    if (queue.length > maxQueue) queue.shift();
  });
  const finish = (): Promise<IteratorResult<T>> => {
    if (!done) {
      done = true;
      queue.length = 0;
      unsubscribe();
      waiting?.({ value: undefined, done: true });
      waiting = undefined;
    }
    return Promise.resolve({ value: undefined, done: true });
  };
  return {
    next(): Promise<IteratorResult<T>> {
      if (queue.length > 0) return Promise.resolve({ value: queue.shift() as T, done: false });
      if (done) return Promise.resolve({ value: undefined, done: true });
      return new Promise((resolve) => (waiting = resolve));
    },
    return: finish,
    throw(error?: unknown): Promise<IteratorResult<T>> {
      void finish();
      return Promise.reject(asError(error));
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
