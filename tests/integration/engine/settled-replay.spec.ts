/**
 * Replays answered from a settled match (the fast path): once identical requests can only get the
 * same interaction, the engine answers them without matching, and the client and the events see
 * exactly what the full path gives: sequences in order, content codings per client, redaction,
 * latency, exhaustion, target changes.
 */
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Cassette, HttpInteraction } from '../../../proxy/cassette/cassette.model';
import type { ExchangeEvent } from '../../../proxy/engine/engine.model';
import { ProxyEngine } from '../../../proxy/engine/proxy-engine';
import { syntheticCassette } from '../../support/synthetic-cassettes';
import { MemoryCassetteStore } from '../../support/memory-cassette-store';
import { proxyRequest } from './helpers/proxy-request';
import { makeTempDir, removeTempDir, startEngine } from './helpers/servers';

let dataDir: string;

beforeAll(async () => {
  dataDir = await makeTempDir('settled');
});

afterAll(async () => {
  await removeTempDir(dataDir);
});

function interaction(
  id: string,
  url: string,
  text: string,
  extra: Partial<HttpInteraction['response']> = {},
): HttpInteraction {
  return {
    type: 'Http',
    id,
    recordedAt: '2025-06-02T12:00:00.000Z',
    responseTimeMs: 5,
    request: { method: 'GET', url, headers: {}, body: null },
    response: {
      status: 200,
      headers: { 'content-type': 'text/plain' },
      body: { kind: 'text', text },
      ...extra,
    },
  };
}

function cassette(name: string, onExhausted?: 'miss'): Cassette {
  const base = syntheticCassette(name, { interactions: 0 });
  base.interactions = [
    interaction('s1', 'http://api.test/seq', 'first'),
    interaction('s2', 'http://api.test/seq', 'second'),
    interaction('s3', 'http://api.test/seq', 'third'),
    interaction('once', 'http://api.test/once', 'once', {
      headers: { 'content-type': 'text/plain', 'set-cookie': 'sid=abc123; Path=/' },
    }),
    interaction('gz', 'http://api.test/gz', '{"zipped":true}', {
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      body: { kind: 'text', text: '{"zipped":true}', contentEncoding: 'gzip' },
    }),
    interaction('a', 'http://a.test/where', 'on a'),
    interaction('b', 'http://b.test/where', 'on b'),
  ];
  if (onExhausted !== undefined) base.metadata.settings = { matching: { onExhausted } };
  return base;
}

/** An event without what differs from one exchange to the next: id, time and latency. */
function comparable(event: ExchangeEvent | undefined): Record<string, unknown> {
  const varying = new Set(['id', 'time', 'latencyMs']);
  return Object.fromEntries(Object.entries(event ?? {}).filter(([key]) => !varying.has(key)));
}

describe('settled replays', () => {
  it('answers identical requests as the full path does: order, codings, redaction, events', async () => {
    const store = new MemoryCassetteStore([cassette('settled')]);
    const harness = await startEngine(dataDir, { store, mode: 'replay', cassette: 'settled' });
    const get = (path: string, headers: Record<string, string> = {}) =>
      proxyRequest(harness.port, { url: `http://api.test${path}`, headers });
    try {
      const sequence: string[] = [];
      for (let i = 0; i < 5; i++) sequence.push((await get('/seq')).text);
      expect(sequence).toEqual(['first', 'second', 'third', 'third', 'third']);

      const credentials = { authorization: 'Bearer s3cret-token', 'x-trace': 'abc' };
      const onces = [await get('/once', credentials), await get('/once', credentials)];
      for (const once of onces) {
        expect(once.status).toBe(200);
        expect(once.text).toBe('once');
        expect(once.headers['content-length']).toBe('4');
        expect(once.headers['set-cookie']).toEqual(['sid=abc123; Path=/']);
      }
      // The first went the full way, the second was answered from the settled match.
      const [full, fast] = harness.events.slice(-2);
      expect(comparable(fast)).toEqual(comparable(full));
      expect(fast).toMatchObject({
        outcome: 'replayed',
        interactionId: 'once',
        protocol: 'http',
        request: {
          method: 'GET',
          url: 'http://api.test/once',
          headers: {
            host: 'api.test',
            authorization: 'Bearer [REDACTED]',
            'x-trace': 'abc',
          },
          bodySize: 0,
        },
        response: { status: 200, bodySize: 4 },
      });
      expect(fast?.response?.headers['set-cookie']).toBe('sid=[REDACTED]; Path=/');

      for (let i = 0; i < 2; i++) {
        const encoded = await get('/gz', { 'accept-encoding': 'gzip, br' });
        expect(encoded.headers['content-encoding']).toBe('gzip');
        expect(zlib.gunzipSync(encoded.bytes).toString()).toBe('{"zipped":true}');
        expect(encoded.headers['content-length']).toBe(String(encoded.bytes.length));
        const plain = await get('/gz');
        expect(plain.headers['content-encoding']).toBeUndefined();
        expect(plain.text).toBe('{"zipped":true}');
      }

      // Another proxy on the way (a Via that is not this engine's) changes nothing.
      expect((await get('/once', { via: '1.1 corporate-proxy' })).text).toBe('once');
      // A body sends the request the full way, which reads it, then replays as well.
      const withBody = await proxyRequest(harness.port, {
        method: 'GET',
        url: 'http://api.test/once',
        headers: { 'content-length': '7' },
        body: 'ignored',
      });
      expect(withBody.text).toBe('once');
    } finally {
      await harness.engine.stop();
    }
    expect(harness.events.every((event) => event.outcome === 'replayed')).toBe(true);
    expect(harness.engine.status().counts.replayed).toBe(harness.events.length);
  });

  it('waits the latency set at run time, and follows a new reverse-proxy target', async () => {
    const store = new MemoryCassetteStore([cassette('settled')]);
    const harness = await startEngine(dataDir, {
      store,
      mode: 'replay',
      cassette: 'settled',
      target: 'http://a.test',
    });
    const get = async (path: string) => {
      const response = await fetch(`${harness.proxyUrl}${path}`);
      return response.text();
    };
    try {
      expect([await get('/where'), await get('/where')]).toEqual(['on a', 'on a']);
      await harness.engine.reconfigure({ latency: { mode: 'fixed', ms: 150 } });
      const started = performance.now();
      expect(await get('/where')).toBe('on a');
      expect(performance.now() - started).toBeGreaterThanOrEqual(140);
      await harness.engine.reconfigure({ latency: { mode: 'none' }, target: 'http://b.test' });
      expect([await get('/where'), await get('/where')]).toEqual(['on b', 'on b']);
    } finally {
      await harness.engine.stop();
    }
  });

  it('misses once every copy was replayed when the cassette says so', async () => {
    const store = new MemoryCassetteStore([cassette('strict', 'miss')]);
    const harness = await startEngine(dataDir, { store, mode: 'replay', cassette: 'strict' });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) {
        statuses.push((await proxyRequest(harness.port, { url: 'http://api.test/once' })).status);
      }
      expect(statuses).toEqual([200, 404, 404]);
    } finally {
      await harness.engine.stop();
    }
    expect(harness.events.map((event) => event.outcome)).toEqual(['replayed', 'missed', 'missed']);
  });

  it('counts every exchange when no one listens to the events', async () => {
    const engine = new ProxyEngine();
    const status = await engine.start({
      port: 0,
      dataDir,
      store: new MemoryCassetteStore([cassette('quiet')]),
      mode: 'replay',
      cassette: 'quiet',
    });
    const port = status.port ?? 0;
    try {
      const statuses: number[] = [];
      for (const path of ['/once', '/once', '/once', '/missing']) {
        statuses.push((await proxyRequest(port, { url: `http://api.test${path}` })).status);
      }
      expect(statuses).toEqual([200, 200, 200, 404]);
      expect(engine.status().counts).toMatchObject({ replayed: 3, missed: 1, error: 0 });
    } finally {
      await engine.stop();
    }
  });
});
