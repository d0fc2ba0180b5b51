/** The live traffic list: bounded, newest first, held while paused, filtered; frame batching. */
import { beforeEach, describe, expect, it } from 'vitest';
import type { ExchangeOutcome } from '../../../src-renderer/src/api/generated/graphql';
import { frameBatcher } from '../../../src-renderer/src/features/traffic/frame-batcher';
import { OUTCOMES } from '../../../src-renderer/src/features/traffic/OutcomeBadge';
import {
  clockTime,
  latency,
  splitUrl,
} from '../../../src-renderer/src/features/traffic/traffic-format';
import {
  filterEntries,
  MAX_ENTRIES,
  useTraffic,
  type TrafficEvent,
} from '../../../src-renderer/src/features/traffic/traffic.store';

function event(path: string, outcome: ExchangeOutcome = 'REPLAYED', status = 200): TrafficEvent {
  return {
    id: path,
    timestamp: '2025-06-02T14:03:11.482Z',
    cassette: 'shop',
    protocol: 'HTTP',
    request: { method: 'GET', url: `http://shop.test${path}`, headers: {}, bodySize: 0 },
    response: { status, headers: {}, bodySize: 2 },
    latencyMs: 1.5,
    outcome,
    error: null,
    interactionId: null,
    nearMisses: [],
  };
}

const urls = (): string[] => useTraffic.getState().entries.map((entry) => entry.request.url);

beforeEach(() => {
  useTraffic.getState().setPaused(false);
  useTraffic.getState().clear();
});

describe('traffic list', () => {
  it('puts each batch on top, newest first, with sequence numbers unique in the list', () => {
    const { append } = useTraffic.getState();
    append([event('/1'), event('/2')]);
    append([event('/3')]);
    expect(urls()).toEqual(['http://shop.test/3', 'http://shop.test/2', 'http://shop.test/1']);
    const seqs = useTraffic.getState().entries.map((entry) => entry.seq);
    expect(new Set(seqs).size).toBe(3);
    expect(seqs[0]).toBeGreaterThan(seqs[1] ?? Infinity);
  });

  it(`keeps the last ${MAX_ENTRIES} exchanges and counts the ones dropped`, () => {
    const { append } = useTraffic.getState();
    append(Array.from({ length: MAX_ENTRIES - 10 }, (_, index) => event(`/a${index}`)));
    append(Array.from({ length: 25 }, (_, index) => event(`/b${index}`)));
    const state = useTraffic.getState();
    expect(state.entries).toHaveLength(MAX_ENTRIES);
    expect(state.dropped).toBe(15);
    expect(state.entries[0]?.request.url).toBe('http://shop.test/b24');
    expect(state.entries[MAX_ENTRIES - 1]?.request.url).toBe('http://shop.test/a15');
    append(Array.from({ length: MAX_ENTRIES + 3 }, (_, index) => event(`/c${index}`)));
    expect(useTraffic.getState().entries[MAX_ENTRIES - 1]?.request.url).toBe('http://shop.test/c3');
  });

  it('holds what arrives while paused and shows it, in order, on resume', () => {
    const { append, setPaused } = useTraffic.getState();
    append([event('/1')]);
    setPaused(true);
    append([event('/2'), event('/3')]);
    append([event('/4')]);
    expect(urls()).toEqual(['http://shop.test/1']);
    expect(useTraffic.getState().held).toHaveLength(3);
    setPaused(false);
    expect(urls()).toEqual([
      'http://shop.test/4',
      'http://shop.test/3',
      'http://shop.test/2',
      'http://shop.test/1',
    ]);
    expect(useTraffic.getState().held).toEqual([]);
  });

  it('filters by every word (method, URL, status, cassette) and by outcome', () => {
    useTraffic
      .getState()
      .append([
        event('/users/1'),
        event('/users/2', 'MISSED', 404),
        event('/orders/1', 'RECORDED'),
      ]);
    const { entries } = useTraffic.getState();
    const all = new Set(OUTCOMES);
    const paths = (text: string, outcomes = all) =>
      filterEntries(entries, text, outcomes).map((entry) => entry.request.url.slice(16));
    expect(paths('')).toEqual(['/orders/1', '/users/2', '/users/1']);
    expect(paths('USERS get')).toEqual(['/users/2', '/users/1']);
    expect(paths('404')).toEqual(['/users/2']);
    expect(paths('users orders')).toEqual([]);
    expect(paths('shop 404')).toEqual(['/users/2']);
    expect(paths('orders', new Set<ExchangeOutcome>(['REPLAYED']))).toEqual([]);
    expect(paths('', new Set<ExchangeOutcome>(['MISSED', 'RECORDED']))).toEqual([
      '/orders/1',
      '/users/2',
    ]);
  });
});

describe('frame batcher', () => {
  function manualFrames() {
    const callbacks = new Map<number, () => void>();
    let next = 1;
    return {
      schedule: (callback: () => void) => {
        callbacks.set(next, callback);
        return next++;
      },
      cancel: (handle: number) => callbacks.delete(handle),
      runFrame: () => {
        const due = [...callbacks.values()];
        callbacks.clear();
        for (const callback of due) callback();
      },
      scheduled: () => callbacks.size,
    };
  }

  it('hands everything pushed between two frames over at once, scheduling one frame', () => {
    const frames = manualFrames();
    const batches: number[][] = [];
    const batcher = frameBatcher<number>(
      (items) => batches.push(items),
      100,
      frames.schedule,
      frames.cancel,
    );
    for (let index = 0; index < 1000; index++) batcher.push(index);
    expect(frames.scheduled()).toBe(1);
    expect(batches).toEqual([]);
    frames.runFrame();
    expect(batches).toHaveLength(1);
    expect(batches[0]?.slice(-3)).toEqual([997, 998, 999]);
    batcher.push(1000);
    frames.runFrame();
    expect(batches[1]).toEqual([1000]);
  });

  it('keeps only the newest items while no frame runs, and drops everything on cancel', () => {
    const frames = manualFrames();
    const batches: number[][] = [];
    const batcher = frameBatcher<number>(
      (items) => batches.push(items),
      10,
      frames.schedule,
      frames.cancel,
    );
    for (let index = 0; index < 1000; index++) batcher.push(index);
    frames.runFrame();
    expect(batches[0]?.length).toBeLessThanOrEqual(20);
    expect(batches[0]?.at(-1)).toBe(999);
    batcher.push(1);
    batcher.cancel();
    expect(frames.scheduled()).toBe(0);
    frames.runFrame();
    expect(batches).toHaveLength(1);
  });
});

describe('traffic formats', () => {
  it('splits URLs into host and path, and reads latencies and clock times', () => {
    expect(splitUrl('http://127.0.0.1:8080/users/2?expand=true')).toEqual({
      host: '127.0.0.1:8080',
      path: '/users/2?expand=true',
    });
    expect(splitUrl('not a url')).toEqual({ host: '', path: 'not a url' });
    expect([0.42, 12.4, 1234].map(latency)).toEqual(['0.4 ms', '12 ms', '1.23 s']);
    expect(clockTime('2025-06-02T14:03:11.482Z')).toMatch(/^\d\d:03:11\.482$/);
  });
});
