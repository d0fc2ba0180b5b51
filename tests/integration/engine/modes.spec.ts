import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetch, ProxyAgent } from 'undici';
import type { HttpInteraction } from '../../../proxy/cassette/cassette.model';
import { MemoryCassetteStore } from '../../support/memory-cassette-store';
import {
  makeTempDir,
  removeTempDir,
  startEngine,
  startHttpUpstream,
  type Upstream,
} from './helpers/servers';

let dataDir: string;
let upstream: Upstream;

beforeAll(async () => {
  dataDir = await makeTempDir('modes');
  upstream = await startHttpUpstream((req, res) => {
    const answer = (): void => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end(`answer for ${req.url} #${upstream.hits}`);
    };
    if (req.url === '/slow') setTimeout(answer, 200);
    else answer();
  });
});

afterAll(async () => {
  await upstream.close();
  await removeTempDir(dataDir);
});

async function get(
  proxyUrl: string,
  path: string,
): Promise<{ status: number; text: string; miss: string | null }> {
  const dispatcher = new ProxyAgent(proxyUrl);
  try {
    const response = await fetch(`${upstream.origin}${path}`, { dispatcher });
    return {
      status: response.status,
      text: await response.text(),
      miss: response.headers.get('x-magneto-miss'),
    };
  } finally {
    await dispatcher.close();
  }
}

function urls(store: MemoryCassetteStore, name: string): string[] {
  return (store.get(name)?.interactions ?? []).map((i) => (i as HttpInteraction).request.url);
}

describe('record modes', () => {
  it('new-episodes replays hits and appends misses to the same cassette', async () => {
    const store = new MemoryCassetteStore();
    const first = await startEngine(dataDir, { store, mode: 'record', cassette: 'episodes' });
    const recorded = await get(first.proxyUrl, '/a');
    await first.engine.stop();

    const second = await startEngine(dataDir, {
      store,
      mode: 'new-episodes',
      cassette: 'episodes',
    });
    const replayed = await get(second.proxyUrl, '/a');
    const added = await get(second.proxyUrl, '/b');
    const addedAgain = await get(second.proxyUrl, '/b');
    await second.engine.stop();

    expect(replayed.text).toBe(recorded.text);
    expect(addedAgain.text).toBe(added.text);
    expect(second.events.map((e) => e.outcome)).toEqual(['replayed', 'recorded', 'replayed']);
    expect(urls(store, 'episodes')).toEqual([`${upstream.origin}/a`, `${upstream.origin}/b`]);
    expect(store.get('episodes')?.interactions.map((i) => i.id)).toEqual(['i0', 'i1']);
  });

  it('strict replay answers a miss with 404 and a near-miss report naming the query parameter', async () => {
    const store = new MemoryCassetteStore();
    const recorder = await startEngine(dataDir, { store, mode: 'record', cassette: 'strict' });
    await get(recorder.proxyUrl, '/search?q=cats&page=1');
    await recorder.engine.stop();

    const replayer = await startEngine(dataDir, { store, mode: 'replay', cassette: 'strict' });
    const hits = upstream.hits;
    const miss = await get(replayer.proxyUrl, '/search?q=dogs&page=1');
    await replayer.engine.stop();

    expect(upstream.hits).toBe(hits);
    expect(miss.status).toBe(404);
    expect(miss.miss).toBe('1');
    expect(miss.text).toContain(
      `No recorded interaction matches GET ${upstream.origin}/search?q=dogs&page=1`,
    );
    expect(miss.text).toContain('query parameter "q": expected "cats", got "dogs"');
    const event = replayer.events[0];
    expect(event?.outcome).toBe('missed');
    expect(event?.nearMisses?.[0]?.differences).toEqual([
      { field: 'query', name: 'q', expected: 'cats', actual: 'dogs' },
    ]);
  });

  it('replay of a cassette that does not exist says so', async () => {
    const harness = await startEngine(dataDir, { mode: 'replay', cassette: 'nowhere' });
    const miss = await get(harness.proxyUrl, '/x');
    await harness.engine.stop();
    expect(miss.status).toBe(404);
    expect(miss.text).toContain('Cassette "nowhere" does not exist yet.');
  });

  it('passthrough forwards and records nothing', async () => {
    const harness = await startEngine(dataDir, { mode: 'passthrough', cassette: 'untouched' });
    const hits = upstream.hits;
    const result = await get(harness.proxyUrl, '/p');
    await harness.engine.stop();
    expect(result.status).toBe(200);
    expect(upstream.hits).toBe(hits + 1);
    expect(harness.store.get('untouched')).toBeUndefined();
    expect(harness.store.saves).toBe(0);
    expect(harness.events[0]?.outcome).toBe('passthrough');
  });

  it('auto records a cassette that does not exist, then replays it', async () => {
    const store = new MemoryCassetteStore();
    const first = await startEngine(dataDir, { store, mode: 'auto', cassette: 'auto' });
    expect(first.engine.status()).toMatchObject({ mode: 'auto', effectiveMode: 'record' });
    const live = await get(first.proxyUrl, '/auto');
    await first.engine.stop();

    const second = await startEngine(dataDir, { store, mode: 'auto', cassette: 'auto' });
    expect(second.engine.status().effectiveMode).toBe('replay');
    const hits = upstream.hits;
    const replayed = await get(second.proxyUrl, '/auto');
    const missed = await get(second.proxyUrl, '/other');
    await second.engine.stop();
    expect(replayed.text).toBe(live.text);
    expect(missed.status).toBe(404);
    expect(upstream.hits).toBe(hits);
  });

  it('record overwrites: a new session starts the cassette afresh, keeping its metadata', async () => {
    const store = new MemoryCassetteStore();
    const first = await startEngine(dataDir, { store, mode: 'record', cassette: 'fresh' });
    await get(first.proxyUrl, '/one');
    await first.engine.stop();
    const createdAt = store.get('fresh')?.metadata.createdAt;

    const second = await startEngine(dataDir, { store, mode: 'record', cassette: 'fresh' });
    await get(second.proxyUrl, '/two');
    await second.engine.stop();
    expect(urls(store, 'fresh')).toEqual([`${upstream.origin}/two`]);
    expect(store.get('fresh')?.metadata.createdAt).toBe(createdAt);
  });

  it('reconfigure switches mode and cassette without a restart', async () => {
    const store = new MemoryCassetteStore();
    const harness = await startEngine(dataDir, {
      store,
      mode: 'record',
      cassette: 'first',
      flushIntervalMs: 60_000,
    });
    const port = harness.port;
    await get(harness.proxyUrl, '/r1');
    const statuses: string[] = [];
    harness.engine.on('status', (status) =>
      statuses.push(`${status.effectiveMode}:${status.cassette}`),
    );

    // Switching cassette saves the first one even though its flush timer has not fired.
    await harness.engine.reconfigure({ cassette: 'second' });
    expect(urls(store, 'first')).toEqual([`${upstream.origin}/r1`]);
    await get(harness.proxyUrl, '/r2');

    await harness.engine.reconfigure({ mode: 'replay', cassette: 'first' });
    const hits = upstream.hits;
    const replayed = await get(harness.proxyUrl, '/r1');
    const missed = await get(harness.proxyUrl, '/r2');
    expect(upstream.hits).toBe(hits);
    expect(replayed.status).toBe(200);
    expect(missed.status).toBe(404);

    await harness.engine.reconfigure({ latency: { mode: 'fixed', ms: 150 } });
    const started = performance.now();
    await get(harness.proxyUrl, '/r1');
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);

    await expect(harness.engine.reconfigure({ mode: 'sideways' as never })).rejects.toThrow(/mode/);
    await expect(harness.engine.reconfigure({ port: 1 } as never)).rejects.toThrow(
      /Cannot change port/,
    );
    expect(harness.engine.status()).toMatchObject({
      port,
      mode: 'replay',
      cassette: 'first',
      running: true,
    });
    await harness.engine.stop();
    expect(statuses).toEqual(['record:second', 'replay:first', 'replay:first', 'passthrough:null']);
    expect(urls(store, 'second')).toEqual([`${upstream.origin}/r2`]);
    expect(harness.engine.status().counts).toEqual({
      replayed: 2,
      recorded: 2,
      missed: 1,
      passthrough: 0,
      error: 0,
    });
  });

  it('replays at once, or with the recorded latency', async () => {
    const store = new MemoryCassetteStore();
    const recorder = await startEngine(dataDir, { store, mode: 'record', cassette: 'latency' });
    await get(recorder.proxyUrl, '/slow');
    await recorder.engine.stop();
    const recordedMs = store.get('latency')?.interactions[0]?.responseTimeMs ?? 0;
    expect(recordedMs).toBeGreaterThanOrEqual(190);

    const replayer = await startEngine(dataDir, { store, mode: 'replay', cassette: 'latency' });
    const timed = async (): Promise<number> => {
      const started = performance.now();
      await get(replayer.proxyUrl, '/slow');
      return performance.now() - started;
    };
    expect(await timed()).toBeLessThan(150);
    await replayer.engine.reconfigure({ latency: { mode: 'recorded' } });
    expect(await timed()).toBeGreaterThanOrEqual(recordedMs - 10);
    await replayer.engine.stop();
    expect(replayer.events[1]?.latencyMs).toBeGreaterThanOrEqual(recordedMs - 10);
  });

  it('stop flushes pending recordings', async () => {
    const store = new MemoryCassetteStore();
    const harness = await startEngine(dataDir, {
      store,
      mode: 'record',
      cassette: 'flush',
      flushIntervalMs: 60_000,
    });
    await get(harness.proxyUrl, '/f1');
    await get(harness.proxyUrl, '/f2');
    expect(store.saves).toBe(0);
    await harness.engine.stop();
    expect(store.saves).toBe(1);
    expect(urls(store, 'flush')).toEqual([`${upstream.origin}/f1`, `${upstream.origin}/f2`]);
  });

  it('keeps recordings the store refused: a switch is refused, and stop can be retried', async () => {
    const store = new MemoryCassetteStore();
    const harness = await startEngine(dataDir, {
      store,
      mode: 'record',
      cassette: 'kept',
      flushIntervalMs: 60_000,
    });
    await get(harness.proxyUrl, '/k1');
    store.failure = new Error('disk full');
    await expect(harness.engine.reconfigure({ cassette: 'elsewhere' })).rejects.toThrow(
      'disk full',
    );
    expect(harness.engine.status().cassette).toBe('kept');
    await get(harness.proxyUrl, '/k2');
    await expect(harness.engine.stop()).rejects.toThrow(/could not be saved: disk full/);
    expect(harness.engine.status().running).toBe(false);
    store.failure = undefined;
    await harness.engine.stop();
    expect(urls(store, 'kept')).toEqual([`${upstream.origin}/k1`, `${upstream.origin}/k2`]);
  });

  it('saves in the background at the flush interval and reports save failures as error events', async () => {
    const store = new MemoryCassetteStore();
    const harness = await startEngine(dataDir, {
      store,
      mode: 'record',
      cassette: 'bg',
      flushIntervalMs: 10,
    });
    const errors: Error[] = [];
    harness.engine.on('error', (error) => errors.push(error));
    await get(harness.proxyUrl, '/bg1');
    await expect.poll(() => store.saves).toBe(1);
    store.failure = new Error('disk full');
    await get(harness.proxyUrl, '/bg2');
    await expect.poll(() => errors.length).toBe(1);
    expect(errors[0]?.message).toBe('disk full');
    store.failure = undefined;
    await harness.engine.stop();
    expect(urls(store, 'bg')).toEqual([`${upstream.origin}/bg1`, `${upstream.origin}/bg2`]);
  });
});
