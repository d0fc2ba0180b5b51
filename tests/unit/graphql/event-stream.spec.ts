import { describe, expect, it } from 'vitest';
import { eventStream } from '../../../src-main/services/event-stream';

describe('event stream', () => {
  it('delivers pushed values in order, drops the oldest past the cap, and unsubscribes on return', async () => {
    let push: (value: number) => void = () => undefined;
    let unsubscribed = 0;
    const stream = eventStream<number>(
      (next) => {
        push = next;
        return () => (unsubscribed += 1);
      },
      { maxQueue: 2 },
    );
    push(1);
    push(2);
    push(3);
    expect(await stream.next()).toEqual({ value: 2, done: false });
    expect(await stream.next()).toEqual({ value: 3, done: false });
    const waiting = stream.next();
    push(4);
    expect(await waiting).toEqual({ value: 4, done: false });
    const pending = stream.next();
    await stream.return?.();
    expect(await pending).toEqual({ value: undefined, done: true });
    push(5);
    expect(await stream.next()).toEqual({ value: undefined, done: true });
    await stream.return?.();
    expect(unsubscribed).toBe(1);
  });
});
