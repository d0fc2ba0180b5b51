import { describe, expect, it } from 'vitest';
import { cassetteStats, libraryStats } from '../../../src-main/library/stats-queries';
import { openTestIndex, putRow } from './index-rows';

describe('library stats', () => {
  it('are zero for an empty library', async () => {
    const { db } = await openTestIndex();
    expect(libraryStats(db)).toEqual({
      cassettes: 0,
      broken: 0,
      interactions: { http: 0, httpError: 0, webSocket: 0, total: 0 },
      sizeBytes: 0,
      bodyBytes: 0,
      topHosts: [],
      topMethods: [],
      topStatusCodes: [],
      largest: [],
    });
  });

  it('sum interactions, sizes and breakdowns over every cassette', async () => {
    const { db, store } = await openTestIndex();
    putRow(store, { name: 'a', sizeBytes: 100, http: 4 });
    putRow(store, { name: 'b', sizeBytes: 300, http: 1, errors: 2, websockets: 1 });
    putRow(store, { name: 'c', sizeBytes: 50, broken: 'bad' });
    for (let i = 0; i < 5; i++) putRow(store, { name: `big-${i}`, sizeBytes: 1000 + i, http: 1 });

    const stats = libraryStats(db);
    expect(stats.cassettes).toBe(8);
    expect(stats.broken).toBe(1);
    expect(stats.interactions).toEqual({ http: 10, httpError: 2, webSocket: 1, total: 13 });
    expect(stats.sizeBytes).toBe(100 + 300 + 50 + 5 * 1000 + 10);
    expect(stats.largest).toEqual(
      [4, 3, 2, 1, 0].map((i) => ({ name: `big-${i}`, sizeBytes: 1000 + i })),
    );
    // Synthetic interaction i uses METHODS[i % 4], HOSTS[i % 4] and STATUSES[i % 5].
    expect(stats.topMethods).toEqual([
      { value: 'GET', count: 7 },
      { value: 'POST', count: 3 },
      { value: 'DELETE', count: 1 },
      { value: 'PUT', count: 1 },
    ]);
    expect(stats.topHosts[0]).toEqual({ value: 'api.example.com', count: 7 });
    expect(stats.topHosts).toContainEqual({ value: 'down.example.com', count: 2 });
    expect(stats.topHosts).toContainEqual({ value: 'live.example.com', count: 1 });
    expect(stats.topStatusCodes).toEqual([
      { status: 200, count: 7 },
      { status: 201, count: 1 },
      { status: 204, count: 1 },
      { status: 404, count: 1 },
    ]);
    expect(stats.bodyBytes).toBeGreaterThan(0);
  });
});

describe('cassette stats', () => {
  it('break one cassette down', async () => {
    const { db, store } = await openTestIndex();
    putRow(store, { name: 'mixed', sizeBytes: 777, http: 5, errors: 1, websockets: 2 });
    expect(cassetteStats(db, 'mixed')).toMatchObject({
      name: 'mixed',
      interactions: { http: 5, httpError: 1, webSocket: 2, total: 8 },
      sizeBytes: 777,
      methods: [
        { value: 'GET', count: 2 },
        { value: 'POST', count: 2 },
        { value: 'DELETE', count: 1 },
        { value: 'PUT', count: 1 },
      ],
      statusCodes: [
        { status: 200, count: 1 },
        { status: 201, count: 1 },
        { status: 204, count: 1 },
        { status: 404, count: 1 },
        { status: 500, count: 1 },
      ],
    });
    expect(cassetteStats(db, 'mixed')?.hosts.map((host) => host.value)).toContain(
      'live.example.com',
    );
  });

  it('are undefined for an unknown name', async () => {
    const { db } = await openTestIndex();
    expect(cassetteStats(db, 'nope')).toBeUndefined();
  });
});
