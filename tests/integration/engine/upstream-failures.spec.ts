import http from 'node:http';
import type { AddressInfo, LookupFunction } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetch, ProxyAgent } from 'undici';
import type { HttpErrorInteraction } from '../../../proxy/cassette/cassette.model';
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
let closedPort: number;

/** Resolves `*.test` names as a resolver that knows none of them would, without any DNS query. */
const lookup: LookupFunction = (hostname, options, callback) => {
  const error = Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), {
    code: 'ENOTFOUND',
    hostname,
  });
  process.nextTick(() => callback(error, '', 4));
};

beforeAll(async () => {
  dataDir = await makeTempDir('failures');
  upstream = await startHttpUpstream((req, res) => {
    if (req.url === '/hang') return; // never answers
    if (req.url === '/reset') {
      req.socket.destroy();
      return;
    }
    if (req.url === '/half') {
      res.writeHead(200, { 'content-type': 'text/plain', 'content-length': '100' });
      res.write('only part of it');
      setTimeout(() => req.socket.destroy(), 20);
    }
  });
  const probe = http.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  closedPort = (probe.address() as AddressInfo).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
});

afterAll(async () => {
  await upstream.close();
  await removeTempDir(dataDir);
});

interface Outcome {
  status?: number;
  text?: string;
  failed?: boolean;
  ms: number;
}

async function attempt(proxyUrl: string, url: string): Promise<Outcome> {
  const dispatcher = new ProxyAgent(proxyUrl);
  const started = performance.now();
  try {
    const response = await fetch(url, { dispatcher });
    const text = await response.text();
    return { status: response.status, text, ms: performance.now() - started };
  } catch {
    return { failed: true, ms: performance.now() - started };
  } finally {
    await dispatcher.close();
  }
}

describe('upstream failures', () => {
  it('records each failure kind and replays the same failure', async () => {
    const store = new MemoryCassetteStore();
    const urls = {
      ConnectionRefused: `http://127.0.0.1:${closedPort}/refused`,
      DnsResolutionFailed: 'http://no-such-host.test/dns',
      Timeout: `${upstream.origin}/hang`,
      ConnectionReset: `${upstream.origin}/reset`,
    };
    const options = { store, cassette: 'failures', upstreamTimeoutMs: 300, upstreamLookup: lookup };
    const recorder = await startEngine(dataDir, options);
    const live = {
      ConnectionRefused: await attempt(recorder.proxyUrl, urls.ConnectionRefused),
      DnsResolutionFailed: await attempt(recorder.proxyUrl, urls.DnsResolutionFailed),
      Timeout: await attempt(recorder.proxyUrl, urls.Timeout),
      ConnectionReset: await attempt(recorder.proxyUrl, urls.ConnectionReset),
    };
    await recorder.engine.stop();

    expect(live.ConnectionRefused).toMatchObject({ status: 502 });
    expect(live.ConnectionRefused.text).toContain('ConnectionRefused');
    expect(live.DnsResolutionFailed).toMatchObject({ status: 502 });
    expect(live.DnsResolutionFailed.text).toContain('could not be resolved');
    expect(live.Timeout).toMatchObject({ status: 504 });
    expect(live.Timeout.ms).toBeGreaterThanOrEqual(290);
    expect(live.ConnectionReset.failed).toBe(true);

    const recorded = (store.get('failures')?.interactions ?? []) as HttpErrorInteraction[];
    expect(recorded.map((i) => [i.type, i.error.errorType, i.request.url])).toEqual(
      Object.entries(urls).map(([type, url]) => ['HttpError', type, url]),
    );
    expect(recorded[2]?.error.timeoutMs).toBe(300);
    expect(recorder.events.map((e) => e.outcome)).toEqual([
      'recorded',
      'recorded',
      'recorded',
      'recorded',
    ]);
    expect(recorder.events[0]?.error).toContain('ConnectionRefused');

    const replayer = await startEngine(dataDir, {
      store,
      mode: 'replay',
      cassette: 'failures',
      upstreamTimeoutMs: 300,
    });
    const hits = upstream.hits;
    const replayed = {
      ConnectionRefused: await attempt(replayer.proxyUrl, urls.ConnectionRefused),
      DnsResolutionFailed: await attempt(replayer.proxyUrl, urls.DnsResolutionFailed),
      Timeout: await attempt(replayer.proxyUrl, urls.Timeout),
      ConnectionReset: await attempt(replayer.proxyUrl, urls.ConnectionReset),
    };
    await replayer.engine.stop();
    expect(upstream.hits).toBe(hits);
    expect(replayed.ConnectionRefused).toMatchObject({ status: 502 });
    expect(replayed.ConnectionRefused.text).toContain(
      'replayed a recorded upstream failure (ConnectionRefused)',
    );
    expect(replayed.DnsResolutionFailed).toMatchObject({ status: 502 });
    expect(replayed.DnsResolutionFailed.text).toContain('ENOTFOUND');
    expect(replayed.Timeout).toMatchObject({ status: 504 });
    expect(replayed.Timeout.ms).toBeGreaterThanOrEqual(290);
    expect(replayed.ConnectionReset.failed).toBe(true);
    expect(replayer.events.map((e) => e.outcome)).toEqual([
      'replayed',
      'replayed',
      'replayed',
      'replayed',
    ]);
  });

  it('caps the wait of a replayed timeout at the upstream time limit', async () => {
    const store = new MemoryCassetteStore();
    const recorder = await startEngine(dataDir, {
      store,
      cassette: 'slow',
      upstreamTimeoutMs: 400,
    });
    await attempt(recorder.proxyUrl, `${upstream.origin}/hang`);
    await recorder.engine.stop();
    const replayer = await startEngine(dataDir, {
      store,
      mode: 'replay',
      cassette: 'slow',
      upstreamTimeoutMs: 100,
    });
    const replayed = await attempt(replayer.proxyUrl, `${upstream.origin}/hang`);
    await replayer.engine.stop();
    expect(replayed.status).toBe(504);
    expect(replayed.ms).toBeLessThan(390);
  });

  it('breaks the client connection when the upstream dies mid-body, recording a reset', async () => {
    const harness = await startEngine(dataDir, { cassette: 'half' });
    const result = await attempt(harness.proxyUrl, `${upstream.origin}/half`);
    await harness.engine.stop();
    expect(result.failed).toBe(true);
    const interaction = harness.store.get('half')?.interactions[0] as HttpErrorInteraction;
    expect(interaction.error.errorType).toBe('ConnectionReset');
  });

  it('answers a passthrough failure without recording it', async () => {
    const harness = await startEngine(dataDir, { mode: 'passthrough', cassette: 'none' });
    const result = await attempt(harness.proxyUrl, `http://127.0.0.1:${closedPort}/x`);
    await harness.engine.stop();
    expect(result.status).toBe(502);
    expect(harness.events[0]?.outcome).toBe('error');
    expect(harness.store.get('none')).toBeUndefined();
  });
});
