import { describe, expect, it } from 'vitest';
import type { Cassette, HttpInteraction } from '../../../proxy/cassette/cassette.model';
import { CassetteSession, type SessionSettings } from '../../../proxy/engine/cassette-session';
import { decide } from '../../../proxy/engine/request-handler';
import { syntheticCassette } from '../../support/synthetic-cassettes';
import { MemoryCassetteStore } from '../../support/memory-cassette-store';

function draft(url: string): Omit<HttpInteraction, 'id'> {
  return {
    type: 'Http',
    recordedAt: '2025-06-02T12:00:00.000Z',
    request: { method: 'GET', url, headers: { authorization: 'Bearer abc' }, body: null },
    response: { status: 200, headers: {}, body: { kind: 'text', text: 'ok' } },
  };
}

function settings(
  store: MemoryCassetteStore,
  overrides: Partial<SessionSettings>,
): SessionSettings {
  return {
    store,
    name: 'c',
    mode: 'auto',
    flushIntervalMs: 60_000,
    onSaveError: () => undefined,
    ...overrides,
  };
}

const request = (url: string) => ({ method: 'GET', url, headers: {}, body: null });

describe('CassetteSession', () => {
  it('resolves auto, and passes through without a cassette', async () => {
    const store = new MemoryCassetteStore([syntheticCassette('c', { interactions: 2 })]);
    expect((await CassetteSession.open(settings(store, {}))).mode).toBe('replay');
    expect((await CassetteSession.open(settings(store, { name: 'other' }))).mode).toBe('record');
    const none = await CassetteSession.open(settings(store, { name: null, mode: 'record' }));
    expect(none.mode).toBe('passthrough');
    expect(none.record(draft('http://x.test/'))).toBeUndefined();
  });

  it('redacts what it records, gives fresh ids after the loaded ones, and saves on close', async () => {
    const loaded = syntheticCassette('c', { interactions: 2 });
    const store = new MemoryCassetteStore([loaded]);
    const session = await CassetteSession.open(settings(store, { mode: 'new-episodes' }));
    const kept = session.record(draft('http://x.test/a?token=abc')) as HttpInteraction;
    expect(kept.id).toBe('i2');
    expect(kept.request.url).toBe('http://x.test/a?token=[REDACTED]');
    expect(kept.request.headers.authorization).toBe('Bearer [REDACTED]');
    expect(store.saves).toBe(0);
    await session.close();
    expect(store.get('c')?.interactions.map((i) => i.id)).toEqual(['i0', 'i1', 'i2']);
    expect(session.record(draft('http://x.test/late'))).toBeUndefined();
  });

  it('matches an incoming request carrying the secret the recording hides', async () => {
    const store = new MemoryCassetteStore();
    const recorder = await CassetteSession.open(settings(store, { mode: 'record' }));
    recorder.record(draft('http://x.test/a?token=abc&page=1'));
    await recorder.close();
    const replayer = await CassetteSession.open(settings(store, { mode: 'replay' }));
    expect(decide(replayer, request('http://x.test/a?token=xyz&page=1')).kind).toBe('replay');
    const miss = decide(replayer, request('http://x.test/a?token=xyz&page=2'));
    expect(miss.kind === 'miss' && miss.nearMisses[0]?.differences[0]?.name).toBe('page');
  });

  it('takes matching settings from the cassette, overridden by the engine', async () => {
    const cassette: Cassette = syntheticCassette('c', { interactions: 1 });
    cassette.metadata.settings = { matching: { ignoreQueryParams: ['page'], method: false } };
    const store = new MemoryCassetteStore([cassette]);
    const session = await CassetteSession.open(settings(store, { matching: { method: true } }));
    expect(session.matching.ignoreQueryParams).toEqual(['page']);
    expect(session.matching.method).toBe(true);
    await expect(
      CassetteSession.open(settings(store, { matching: { body: 'fuzzy' as never } })),
    ).rejects.toThrow(/metadata\.settings\.matching\.body/);
  });

  it('decides: replay hits, forward misses in new-episodes, stream bodies when not matching', async () => {
    const store = new MemoryCassetteStore([syntheticCassette('c', { interactions: 1 })]);
    const url = 'https://api.example.com/api/items/0?page=0';
    const episodes = await CassetteSession.open(settings(store, { mode: 'new-episodes' }));
    expect(decide(episodes, request(url))).toMatchObject({
      kind: 'replay',
      repeat: false,
      settled: true,
    });
    expect(decide(episodes, request(`${url}1`))).toEqual({ kind: 'forward', record: true });
    const recording = await CassetteSession.open(settings(store, { mode: 'record' }));
    expect(recording.matchesRequests).toBe(false);
    expect(decide(recording, undefined)).toEqual({ kind: 'forward', record: true });
    const passing = await CassetteSession.open(settings(store, { mode: 'passthrough' }));
    expect(decide(passing, undefined)).toEqual({ kind: 'forward', record: false });
  });

  it('keeps recordings pending when the store fails, and saves them on the next flush', async () => {
    const store = new MemoryCassetteStore();
    const session = await CassetteSession.open(settings(store, { mode: 'record' }));
    session.record(draft('http://x.test/1'));
    store.failure = new Error('read-only');
    await expect(session.flush()).rejects.toThrow('read-only');
    store.failure = undefined;
    await session.flush();
    expect(store.get('c')?.interactions).toHaveLength(1);
    expect(store.get('c')?.version).toBe('2.0');
  });
});
