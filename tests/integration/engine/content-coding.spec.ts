import { createHash } from 'node:crypto';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetch, ProxyAgent } from 'undici';
import type { HttpInteraction } from '../../../proxy/cassette/cassette.model';
import { MemoryCassetteStore } from '../../support/memory-cassette-store';
import {
  curl,
  makeTempDir,
  removeTempDir,
  startEngine,
  startHttpUpstream,
  type Upstream,
} from './helpers/servers';

const JSON_TEXT = JSON.stringify({
  items: Array.from({ length: 50 }, (_, i) => ({ id: i, name: `item ${i}` })),
});
const LARGE = Buffer.alloc(1024 * 1024, 'abcdefghijklmnopqrstuvwxyz0123456789');

let dataDir: string;
let upstream: Upstream;
let releaseSecondPart: () => void = () => undefined;

beforeAll(async () => {
  dataDir = await makeTempDir('coding');
  upstream = await startHttpUpstream((req, res) => {
    if (req.url === '/gzip' || req.url === '/br') {
      const coding = req.url === '/gzip' ? 'gzip' : 'br';
      const bytes =
        coding === 'gzip' ? zlib.gzipSync(JSON_TEXT) : zlib.brotliCompressSync(JSON_TEXT);
      res.writeHead(200, {
        'content-type': 'application/json',
        'content-encoding': coding,
        'content-length': bytes.length,
      });
      res.end(bytes);
    } else if (req.url === '/chunked') {
      res.writeHead(200, { 'content-type': 'text/plain' });
      let i = 0;
      const timer = setInterval(() => {
        res.write(`chunk ${i}\n`);
        if (++i === 5) {
          clearInterval(timer);
          res.end();
        }
      }, 5);
    } else if (req.url === '/large') {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      for (let at = 0; at < LARGE.length; at += 64 * 1024)
        res.write(LARGE.subarray(at, at + 64 * 1024));
      res.end();
    } else if (req.url === '/stream') {
      // The second part is sent only once the client has seen the first: a proxy that buffered
      // whole bodies would never deliver it.
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write('first part;');
      releaseSecondPart = () => res.end('second part');
    }
  });
});

afterAll(async () => {
  await upstream.close();
  await removeTempDir(dataDir);
});

function recorded(store: MemoryCassetteStore, name: string, index = 0): HttpInteraction {
  return store.get(name)?.interactions[index] as HttpInteraction;
}

describe('bodies and content codings', () => {
  it('stores gzip and br bodies decoded, and re-encodes them only for clients that accept the coding', async () => {
    const store = new MemoryCassetteStore();
    const recorder = await startEngine(dataDir, { store, cassette: 'coding' });
    const live = await curl(['-x', recorder.proxyUrl, '--compressed', `${upstream.origin}/gzip`]);
    await curl(['-x', recorder.proxyUrl, '-H', 'accept-encoding: br', `${upstream.origin}/br`]);
    await recorder.engine.stop();
    expect(live.body).toBe(JSON_TEXT);
    const gzip = recorded(store, 'coding', 0);
    expect(gzip.response.body).toMatchObject({
      kind: 'text',
      text: JSON_TEXT,
      contentEncoding: 'gzip',
    });
    expect(recorded(store, 'coding', 1).response.body).toMatchObject({
      text: JSON_TEXT,
      contentEncoding: 'br',
    });

    const replayer = await startEngine(dataDir, { store, mode: 'replay', cassette: 'coding' });
    const compressed = await curl([
      '-x',
      replayer.proxyUrl,
      '--compressed',
      `${upstream.origin}/gzip`,
    ]);
    const identity = await curl(['-x', replayer.proxyUrl, `${upstream.origin}/gzip`]);
    const refusedBr = await curl([
      '-x',
      replayer.proxyUrl,
      '-H',
      'accept-encoding: gzip, br;q=0',
      `${upstream.origin}/br`,
    ]);
    const acceptedBr = await curl([
      '-x',
      replayer.proxyUrl,
      '-H',
      'accept-encoding: br',
      `${upstream.origin}/br`,
    ]);
    await replayer.engine.stop();

    expect(compressed.headers['content-encoding']).toBe('gzip');
    expect(compressed.body).toBe(JSON_TEXT);
    expect(identity.headers['content-encoding']).toBeUndefined();
    expect(identity.headers['content-length']).toBe(String(Buffer.byteLength(JSON_TEXT)));
    expect(identity.body).toBe(JSON_TEXT);
    expect(refusedBr.headers['content-encoding']).toBeUndefined();
    expect(refusedBr.body).toBe(JSON_TEXT);
    expect(acceptedBr.headers['content-encoding']).toBe('br');
    expect(zlib.brotliDecompressSync(acceptedBr.bytes).toString()).toBe(JSON_TEXT);
  });

  it('relays a chunked upstream response and records it whole', async () => {
    const harness = await startEngine(dataDir, { cassette: 'chunked' });
    const dispatcher = new ProxyAgent(harness.proxyUrl);
    const response = await fetch(`${upstream.origin}/chunked`, { dispatcher });
    const text = await response.text();
    await dispatcher.close();
    await harness.engine.stop();
    const expected = 'chunk 0\nchunk 1\nchunk 2\nchunk 3\nchunk 4\n';
    expect(text).toBe(expected);
    expect(recorded(harness.store, 'chunked').response.body).toEqual({
      kind: 'text',
      text: expected,
    });
  });

  it('streams a body larger than the record limit in full, recording its start and size', async () => {
    const harness = await startEngine(dataDir, { cassette: 'large', recordBodyLimit: 1000 });
    const dispatcher = new ProxyAgent(harness.proxyUrl);
    const response = await fetch(`${upstream.origin}/large`, { dispatcher });
    const bytes = Buffer.from(await response.arrayBuffer());
    await dispatcher.close();
    await harness.engine.stop();
    const digest = (b: Buffer): string => createHash('sha256').update(b).digest('hex');
    expect(bytes.length).toBe(LARGE.length);
    expect(digest(bytes)).toBe(digest(LARGE));
    const body = recorded(harness.store, 'large').response.body;
    expect(body).toMatchObject({ kind: 'binary', truncated: true, originalSize: LARGE.length });
    expect(body?.kind === 'binary' && Buffer.from(body.base64, 'base64').length).toBe(1000);
    expect(harness.events[0]?.response?.bodySize).toBe(LARGE.length);
  });

  it('passes each part of a response on as it arrives', async () => {
    const harness = await startEngine(dataDir, { cassette: 'stream' });
    const dispatcher = new ProxyAgent(harness.proxyUrl);
    const response = await fetch(`${upstream.origin}/stream`, { dispatcher });
    const reader = response.body!.getReader();
    const first = await reader.read();
    expect(Buffer.from(first.value!).toString()).toBe('first part;');
    releaseSecondPart();
    let rest = '';
    for (let part = await reader.read(); !part.done; part = await reader.read()) {
      rest += Buffer.from(part.value).toString();
    }
    await dispatcher.close();
    await harness.engine.stop();
    expect(rest).toBe('second part');
    expect(recorded(harness.store, 'stream').response.body).toEqual({
      kind: 'text',
      text: 'first part;second part',
    });
  });
});
