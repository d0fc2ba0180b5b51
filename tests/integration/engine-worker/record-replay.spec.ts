/**
 * The engine in a worker thread records into and replays from the studio's library, reports its
 * exchanges in order and its counts, and reconfigures at run time, as the engine in the studio's
 * thread does.
 */
import http from 'node:http';
import { describe, expect, it, vi } from 'vitest';
import { EngineOptionsError } from '../../../proxy/engine/engine-options';
import { openWorkerHarness, watchedStore } from './worker-harness';

const PATHS = ['/a', '/b', '/c', '/d', '/e'];

describe('the engine in a worker thread', () => {
  it('records into the library, then replays what it reads back from it', async () => {
    const h = await openWorkerHarness();
    const started = await h.start({ mode: 'record', cassette: 'shop' });
    expect(started).toMatchObject({ running: true, effectiveMode: 'record', cassette: 'shop' });
    expect(h.engine.status()).toEqual(started);
    expect(h.engine.certificateAuthority?.certificatePem).toMatch(/BEGIN CERTIFICATE/);
    for (const target of PATHS) expect((await h.get(target)).status).toBe(200);
    await h.engine.stop();
    expect(h.engine.status()).toMatchObject({ running: false, port: null });
    expect(h.engine.certificateAuthority).toBeUndefined();

    const stored = await h.library.load('shop');
    expect(stored?.interactions.map((i) => i.type === 'Http' && i.request.url)).toEqual(
      PATHS.map((target) => `${h.upstream.origin}${target}`),
    );

    await h.start({ mode: 'replay', cassette: 'shop' });
    const replayed = await Promise.all(PATHS.map((target) => h.get(target)));
    expect(replayed.map((response) => response.text)).toEqual(
      PATHS.map((target, i) => `reply ${i + 1} to GET ${target}`),
    );
    expect(h.upstream.hits).toBe(PATHS.length);
    await vi.waitFor(() => expect(h.engine.status().counts.replayed).toBe(PATHS.length));
    expect(h.errors).toEqual([]);
  });

  it('delivers every exchange, in order, with the in-process event shape', async () => {
    const h = await openWorkerHarness();
    await h.start({ mode: 'record', cassette: 'feed' });
    for (let i = 0; i < 60; i++) await h.get(`/item/${i}`);
    await h.engine.stop();
    // stop() resolves once every event of the run was delivered.
    expect(h.events.map((event) => event.id)).toEqual(
      Array.from({ length: 60 }, (_, i) => String(i + 1)),
    );
    expect(h.events.map((event) => event.request.url)).toEqual(
      Array.from({ length: 60 }, (_, i) => `${h.upstream.origin}/item/${i}`),
    );
    expect(h.events[0]).toMatchObject({
      cassette: 'feed',
      protocol: 'http',
      outcome: 'recorded',
      request: { method: 'GET', bodySize: 0 },
      response: { status: 200, headers: { 'content-type': 'text/plain' } },
      interactionId: 'i0',
    });
    expect(typeof h.events[0]?.latencyMs).toBe('number');
    expect(h.statuses.map((status) => status.running)).toEqual([true, false]);
  });

  it('delivers a burst of replays in order, all of them before stop() resolves', async () => {
    const h = await openWorkerHarness();
    await h.start({ mode: 'record', cassette: 'burst' });
    await h.get('/same');
    await h.engine.reconfigure({ mode: 'replay' });
    h.events.length = 0;
    const agent = new http.Agent({ keepAlive: true, maxSockets: 50 });
    const port = h.engine.status().port ?? 0;
    const one = () =>
      new Promise<number>((resolve, reject) => {
        const url = `${h.upstream.origin}/same`;
        const req = http.get({ host: '127.0.0.1', port, path: url, agent }, (res) => {
          res.resume().once('end', () => resolve(res.statusCode ?? 0));
        });
        req.once('error', reject);
      });
    const statuses = await Promise.all(Array.from({ length: 600 }, one));
    agent.destroy();
    await h.engine.stop();
    expect(new Set(statuses)).toEqual(new Set([200]));
    expect(h.events.map((event) => Number(event.id))).toEqual(
      Array.from({ length: 600 }, (_, i) => i + 2),
    );
    expect(h.events.every((event) => event.outcome === 'replayed')).toBe(true);
    expect(h.engine.status().counts.replayed).toBe(600);
  });

  it('makes no events while nobody listens, but counts', async () => {
    const h = await openWorkerHarness();
    h.engine.removeAllListeners('exchange');
    await h.start({ mode: 'passthrough' });
    for (let i = 0; i < 3; i++) await h.get(`/quiet/${i}`);
    await vi.waitFor(() => expect(h.engine.status().counts.passthrough).toBe(3));
    const heard: string[] = [];
    h.engine.on('exchange', (event) => heard.push(`${event.id} ${event.request.url}`));
    await h.get('/heard');
    await vi.waitFor(() => expect(heard).toEqual([`1 ${h.upstream.origin}/heard`]));
    expect(h.engine.status().counts.passthrough).toBe(4);
  });

  it('saves only what is new: the store gets the same interaction objects at each save', async () => {
    const h = await openWorkerHarness();
    const store = watchedStore(h.library);
    await h.start({ mode: 'record', cassette: 'growing', store });
    await h.get('/one');
    await vi.waitFor(() => expect(store.recordings.length).toBe(1));
    await h.get('/two');
    await vi.waitFor(() => expect(store.recordings.length).toBe(2));
    await h.engine.stop();
    const [first, second] = store.recordings;
    expect(second?.interactions).toHaveLength(2);
    expect(second?.interactions[0]).toBe(first?.interactions[0]);
    expect((await h.library.load('growing'))?.interactions).toHaveLength(2);
  });

  it('reconfigures at run time, and refuses what it cannot take', async () => {
    const h = await openWorkerHarness();
    await h.start({ mode: 'record', cassette: 'first' });
    await h.get('/x');
    const changed = await h.engine.reconfigure({ mode: 'replay', cassette: 'first' });
    expect(changed).toMatchObject({ running: true, mode: 'replay', effectiveMode: 'replay' });
    expect(h.statuses.at(-1)).toEqual(changed);
    // The switch saved the recording first, so the replay finds it.
    expect((await h.get('/x')).text).toBe('reply 1 to GET /x');
    expect(h.upstream.hits).toBe(1);
    await expect(h.engine.reconfigure({ latency: { mode: 'fixed', ms: -1 } })).rejects.toThrow(
      EngineOptionsError,
    );
    await expect(h.engine.reconfigure({ port: 1 } as never)).rejects.toThrow(
      /Cannot change port while running/,
    );
    expect(h.engine.status().mode).toBe('replay');
    await expect(h.start()).rejects.toThrow(/already running/);
  });

  it('refuses options that cannot cross threads, before starting anything', async () => {
    const h = await openWorkerHarness();
    await expect(h.engine.reconfigure({ mode: 'replay' })).rejects.toThrow(/not running/);
    const refused = h.start({ upstreamLookup: () => undefined });
    await expect(refused).rejects.toBeInstanceOf(EngineOptionsError);
    await expect(refused).rejects.toThrow(/upstreamLookup: a function cannot reach/);
    await expect(h.start({ port: -1 })).rejects.toBeInstanceOf(EngineOptionsError);
    expect(h.engine.status().running).toBe(false);
    const status = await h.start({ webSocketHandler: null });
    expect(status.running).toBe(true);
  });
});
