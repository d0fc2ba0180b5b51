import { describe, expect, it } from 'vitest';
import { KeyedLock } from '../../../src-main/library/keyed-lock';

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = (): void => undefined;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('KeyedLock', () => {
  it('runs tasks on one key one at a time, in order', async () => {
    const lock = new KeyedLock();
    const log: string[] = [];
    const gate = deferred();
    const first = lock.run(['a'], async () => {
      log.push('first start');
      await gate.promise;
      log.push('first end');
    });
    const second = lock.run(['a'], async () => {
      log.push('second');
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(log).toEqual(['first start']);
    gate.resolve();
    await Promise.all([first, second]);
    expect(log).toEqual(['first start', 'first end', 'second']);
  });

  it('lets tasks on other keys run meanwhile', async () => {
    const lock = new KeyedLock();
    const gate = deferred();
    const blocked = lock.run(['a'], () => gate.promise);
    await expect(lock.run(['b'], async () => 'b done')).resolves.toBe('b done');
    gate.resolve();
    await blocked;
  });

  it('holds every key of a multi-key task', async () => {
    const lock = new KeyedLock();
    const gate = deferred();
    const log: string[] = [];
    const both = lock.run(['a', 'b'], async () => {
      await gate.promise;
      log.push('both');
    });
    const onB = lock.run(['b'], async () => {
      log.push('b');
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(log).toEqual([]);
    gate.resolve();
    await Promise.all([both, onB]);
    expect(log).toEqual(['both', 'b']);
  });

  it('releases the key when a task fails', async () => {
    const lock = new KeyedLock();
    await expect(
      lock.run(['a'], async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    await expect(lock.run(['a'], async () => 'next')).resolves.toBe('next');
  });

  it('tells when everything queued has finished', async () => {
    const lock = new KeyedLock();
    const gate = deferred();
    let finished = false;
    void lock.run(['a'], async () => {
      await gate.promise;
      finished = true;
    });
    const idle = lock.idle();
    gate.resolve();
    await idle;
    expect(finished).toBe(true);
  });
});
