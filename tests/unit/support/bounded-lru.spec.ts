import { describe, expect, it } from 'vitest';
import { BoundedLru } from '../../../proxy/support/bounded-lru';

function keys(lru: BoundedLru<string, number>, candidates: readonly string[]): string[] {
  return candidates.filter((key) => lru.get(key) !== undefined);
}

describe('BoundedLru', () => {
  it('keeps at most maxEntries, dropping the least recently used', () => {
    const lru = new BoundedLru<string, number>(4, Number.POSITIVE_INFINITY);
    for (const [i, key] of ['a', 'b', 'c', 'd'].entries()) lru.set(key, i, 1);
    // a is the oldest, in the older half: looking it up makes it the most recent.
    expect(lru.get('a')).toBe(0);
    lru.set('e', 4, 1);
    expect(lru.size).toBe(4);
    expect(keys(lru, ['a', 'b', 'c', 'd', 'e'])).toEqual(['a', 'c', 'd', 'e']);
  });

  it('keeps the total size within maxSize, and never keeps a value larger than it', () => {
    const lru = new BoundedLru<string, number>(100, 10);
    lru.set('a', 1, 4);
    lru.set('b', 2, 4);
    lru.set('c', 3, 4);
    expect(keys(lru, ['a', 'b', 'c'])).toEqual(['b', 'c']);
    expect(lru.totalSize).toBe(8);
    lru.set('huge', 4, 11);
    expect(lru.get('huge')).toBeUndefined();
    expect(lru.totalSize).toBe(8);
    // Setting a key again replaces its size.
    lru.set('b', 2, 1);
    expect(lru.totalSize).toBe(5);
    lru.delete('c');
    expect(lru.totalSize).toBe(1);
    lru.clear();
    expect([lru.size, lru.totalSize]).toEqual([0, 0]);
  });

  it('keeps an entry looked up lately through as many insertions as half its entries', () => {
    const lru = new BoundedLru<number, number>(100, Number.POSITIVE_INFINITY);
    for (let i = 0; i < 100; i++) lru.set(i, i, 1);
    // 0 is the oldest; used now and after every 50 insertions, it is never evicted.
    for (let round = 0; round < 10; round++) {
      expect(lru.get(0)).toBe(0);
      for (let i = 0; i < 50; i++) lru.set(1000 + round * 50 + i, i, 1);
    }
    expect(lru.get(0)).toBe(0);
    expect(lru.size).toBe(100);
    // 1 was never used again: long gone.
    expect(lru.get(1)).toBeUndefined();
  });

  it('evicts the least recently used entry (no size bound)', () => {
    const cache = new BoundedLru<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.get('a');
    cache.set('c', 3);
    expect([cache.get('a'), cache.get('b'), cache.get('c'), cache.size]).toEqual([
      1,
      undefined,
      3,
      2,
    ]);
  });
});
