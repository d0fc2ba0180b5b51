import http from 'node:http';
import net from 'node:net';
import type { LookupFunction } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetch, ProxyAgent } from 'undici';
import type { HttpInteraction } from '../../../proxy/cassette/cassette.model';
import { MemoryCassetteStore } from '../../support/memory-cassette-store';
import { syntheticCassette } from '../../support/synthetic-cassettes';
import {
  makeTempDir,
  removeTempDir,
  startEngine,
  startHttpUpstream,
  type Upstream,
} from './helpers/servers';

const FUZZ_COUNT = 3000;
const CONCURRENCY = 25;
/** The only name the proxy may resolve; it points at the local upstream. */
const UPSTREAM_NAME = 'fuzz-upstream.test';

let dataDir: string;
let upstream: Upstream;
let closedByClient = 0;

beforeAll(async () => {
  dataDir = await makeTempDir('robust');
  upstream = await startHttpUpstream((req, res) => {
    if (req.url === '/forever') {
      res.writeHead(200, { 'content-type': 'text/plain' });
      const timer = setInterval(() => res.write('tick\n'), 10);
      res.once('close', () => {
        clearInterval(timer);
        closedByClient += 1;
      });
      return;
    }
    req.resume();
    req.once('end', () => res.end('ok'));
  });
});

afterAll(async () => {
  await upstream.close();
  await removeTempDir(dataDir);
});

/** Resolves the upstream's name to 127.0.0.1 and every other name to nothing, without DNS. */
const lookup: LookupFunction = (hostname, options, callback) => {
  if (hostname !== UPSTREAM_NAME) {
    const error = Object.assign(new Error(`ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    process.nextTick(() => callback(error, '', 4));
  } else if (options.all) {
    process.nextTick(() =>
      (callback as unknown as (e: null, a: unknown[]) => void)(null, [
        { address: '127.0.0.1', family: 4 },
      ]),
    );
  } else process.nextTick(() => callback(null, '127.0.0.1', 4));
};

/** A small deterministic generator (mulberry32). */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function fuzzCases(port: number): Buffer[] {
  const next = random(20250602);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const host = `${UPSTREAM_NAME}:${port}`;
  const seeds = [
    `GET http://${host}/a?b=c HTTP/1.1\r\nHost: ${host}\r\n\r\n`,
    `POST /submit HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 13\r\n\r\n{"a":[1,2,3]}`,
    `POST http://${host}/chunk HTTP/1.1\r\nHost: ${host}\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n`,
    `CONNECT ${host} HTTP/1.1\r\nHost: ${host}\r\n\r\n`,
    `GET http://${host}/ws HTTP/1.1\r\nHost: ${host}\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\n`,
    `GET http://${host}/x HTTP/1.1\r\nHost: ${host}\r\nContent-Length: 5\r\nContent-Length: 7\r\n\r\nabcde`,
  ];
  const structured = [
    'GET\r\n\r\n',
    'BLAH / HTTP/9.9\r\n\r\n',
    'GET / HTTP/1.1\r\nNo colon here\r\n\r\n',
    'GET / HTTP/1.1\r\nBad Name: x\r\n\r\n',
    `GET http://${host}/ HTTP/1.1\r\nContent-Length: -5\r\n\r\n`,
    `POST http://${host}/ HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n`,
    `POST http://${host}/ HTTP/1.1\r\nContent-Length: 100\r\n\r\nshort`,
    'OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n',
    'GET http://[::1 HTTP/1.1\r\n\r\n',
    'CONNECT :0 HTTP/1.1\r\n\r\n',
    'CONNECT [zz]:443 HTTP/1.1\r\n\r\n',
    '\r\n\r\n\r\n',
    `GET http://${host}/%%%/\u0000 HTTP/1.1\r\n\r\n`,
  ];
  const cases: Buffer[] = [];
  for (let i = 0; i < FUZZ_COUNT; i++) {
    const kind = i % 3;
    if (kind === 0) {
      cases.push(
        Buffer.from(
          Array.from({ length: 1 + Math.floor(next() * 600) }, () => Math.floor(next() * 256)),
        ),
      );
    } else if (kind === 1) {
      const bytes = [...Buffer.from(pick(seeds), 'latin1')];
      const edits = 1 + Math.floor(next() * 4);
      for (let e = 0; e < edits; e++) {
        // A few edits cannot turn the host name into an IP address: every name goes through
        // `lookup`, which knows only the local upstream.
        const at = Math.floor(next() * bytes.length);
        const op = next();
        if (op < 0.4) bytes[at] = Math.floor(next() * 256);
        else if (op < 0.7) bytes.splice(at, 1);
        else bytes.splice(at, 0, Math.floor(next() * 256));
      }
      cases.push(Buffer.from(bytes));
    } else {
      cases.push(Buffer.from(pick(structured), 'latin1'));
    }
  }
  return cases;
}

/** Sends bytes, waits briefly for an answer, closes. Resolves with the status seen, or 0. */
function throwAt(port: number, bytes: Buffer): Promise<number> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let received = '';
    const finish = (): void => {
      clearTimeout(timer);
      socket.destroy();
      resolve(Number(/^HTTP\/1\.[01] (\d{3})/.exec(received)?.[1] ?? 0));
    };
    const timer = setTimeout(finish, 500);
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('latin1');
      if (received.includes('\r\n\r\n')) finish();
    });
    socket.once('error', finish);
    socket.once('close', finish);
    socket.once('connect', () => socket.end(bytes));
  });
}

describe('bad input', () => {
  it('survives thousands of malformed and random requests, then still serves a normal one', async () => {
    const failures: unknown[] = [];
    const onFailure = (error: unknown): void => void failures.push(error);
    process.on('uncaughtException', onFailure);
    process.on('unhandledRejection', onFailure);
    const harness = await startEngine(dataDir, {
      mode: 'new-episodes',
      cassette: 'fuzz',
      target: `http://${UPSTREAM_NAME}:${upstream.port}`,
      upstreamLookup: lookup,
      upstreamTimeoutMs: 2000,
    });
    const errors: Error[] = [];
    harness.engine.on('error', (error) => errors.push(error));
    try {
      const cases = fuzzCases(upstream.port);
      const statuses = new Map<number, number>();
      const started = performance.now();
      let next = 0;
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (next < cases.length && performance.now() - started < 45_000) {
            const status = await throwAt(harness.port, cases[next++] as Buffer);
            statuses.set(status, (statuses.get(status) ?? 0) + 1);
          }
        }),
      );
      expect(next).toBe(FUZZ_COUNT);
      // Most are refused by the parser; some mutations still make valid requests that go through.
      expect(statuses.get(400)).toBeGreaterThan(FUZZ_COUNT / 2);
      expect(statuses.get(200)).toBeGreaterThan(0);

      const dispatcher = new ProxyAgent(harness.proxyUrl);
      const response = await fetch(`http://${UPSTREAM_NAME}:${upstream.port}/after`, {
        dispatcher,
      });
      expect(response.status).toBe(200);
      expect(await response.text()).toBe('ok');
      await dispatcher.close();
    } finally {
      await harness.engine.stop();
      process.off('uncaughtException', onFailure);
      process.off('unhandledRejection', onFailure);
    }
    expect(failures).toEqual([]);
    expect(errors).toEqual([]);
  }, 60_000);

  it('answers 500 for a recording that cannot be put on the wire, and keeps serving', async () => {
    const cassette = syntheticCassette('broken', { interactions: 2 });
    const [first, second] = cassette.interactions as HttpInteraction[];
    first!.response.headers['x-bad'] = 'line\nbreak';
    second!.response.status = 1000;
    const store = new MemoryCassetteStore([cassette]);
    const harness = await startEngine(dataDir, { store, mode: 'replay', cassette: 'broken' });
    const dispatcher = new ProxyAgent({ uri: harness.proxyUrl, requestTls: { ca: harness.caPem } });
    try {
      for (const interaction of [first!, second!]) {
        const response = await fetch(interaction.request.url, {
          dispatcher,
          method: interaction.request.method,
        });
        expect(response.status).toBe(500);
        expect(await response.text()).toContain('internal error');
      }
    } finally {
      await dispatcher.close();
      await harness.engine.stop();
    }
    expect(harness.events.map((e) => e.outcome)).toEqual(['error', 'error']);
  });

  it('refuses absurdly large headers with 431', async () => {
    const harness = await startEngine(dataDir, { mode: 'replay', cassette: 'none' });
    const status = await throwAt(
      harness.port,
      Buffer.from(`GET http://example.test/ HTTP/1.1\r\nX-Huge: ${'a'.repeat(100_000)}\r\n\r\n`),
    );
    await harness.engine.stop();
    expect(status).toBe(431);
  });

  it('aborts the upstream request when the client goes away mid-stream', async () => {
    const harness = await startEngine(dataDir, { mode: 'record', cassette: 'vanish' });
    const before = closedByClient;
    await new Promise<void>((resolve, reject) => {
      const request = http.get(
        { host: '127.0.0.1', port: harness.port, path: `${upstream.origin}/forever` },
        (response) => {
          response.once('data', () => {
            request.destroy();
            resolve();
          });
        },
      );
      request.once('error', (error) => (request.destroyed ? undefined : reject(error)));
    });
    await expect.poll(() => closedByClient).toBe(before + 1);
    await expect.poll(() => harness.events.length).toBe(1);
    expect(harness.events[0]).toMatchObject({ outcome: 'error', response: { status: 200 } });
    await harness.engine.stop();
    expect(harness.store.get('vanish')).toBeUndefined();
  });
});
