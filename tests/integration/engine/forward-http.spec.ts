import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetch, ProxyAgent } from 'undici';
import {
  afterBody,
  curl,
  makeTempDir,
  removeTempDir,
  startEngine,
  startHttpUpstream,
  type Upstream,
} from './helpers/servers';
import { MemoryCassetteStore } from '../../support/memory-cassette-store';

let dataDir: string;
let upstream: Upstream;

beforeAll(async () => {
  dataDir = await makeTempDir('forward');
  upstream = await startHttpUpstream(
    afterBody((req, res, body) => {
      res.writeHead(req.url?.startsWith('/missing') ? 404 : 200, {
        'content-type': 'application/json',
        'x-upstream': 'yes',
        date: 'Mon, 02 Jun 2025 12:00:00 GMT',
      });
      res.end(JSON.stringify({ method: req.method, url: req.url, body, host: req.headers.host }));
    }),
  );
});

afterAll(async () => {
  await upstream.close();
  await removeTempDir(dataDir);
});

describe('forward proxy over plain HTTP', () => {
  it('records with curl, then replays identically after the upstream is gone', async () => {
    const store = new MemoryCassetteStore();
    const recorder = await startEngine(dataDir, { store, mode: 'record', cassette: 'curl' });
    const target = `${upstream.origin}/items/7?page=2`;
    const live = await curl(['-x', recorder.proxyUrl, target]);
    const missing = await curl([
      '-x',
      recorder.proxyUrl,
      '-X',
      'POST',
      '-d',
      'a=1',
      `${upstream.origin}/missing`,
    ]);
    await recorder.engine.stop();

    expect(live.status).toBe(200);
    expect(JSON.parse(live.body)).toMatchObject({ method: 'GET', url: '/items/7?page=2' });
    expect(missing.status).toBe(404);
    expect(recorder.events.map((e) => e.outcome)).toEqual(['recorded', 'recorded']);
    const cassette = store.get('curl');
    expect(cassette?.interactions).toHaveLength(2);

    const replayer = await startEngine(dataDir, { store, mode: 'replay', cassette: 'curl' });
    const hitsBefore = upstream.hits;
    const replayed = await curl(['-x', replayer.proxyUrl, target]);
    const replayedMissing = await curl([
      '-x',
      replayer.proxyUrl,
      '-X',
      'POST',
      '-d',
      'a=1',
      `${upstream.origin}/missing`,
    ]);
    await replayer.engine.stop();

    expect(upstream.hits).toBe(hitsBefore);
    expect(replayed.status).toBe(live.status);
    expect(replayed.body).toBe(live.body);
    for (const name of ['content-type', 'x-upstream', 'date']) {
      expect(replayed.headers[name]).toBe(live.headers[name]);
    }
    expect(replayedMissing.status).toBe(404);
    expect(replayedMissing.body).toBe(missing.body);
    expect(replayer.events.map((e) => e.outcome)).toEqual(['replayed', 'replayed']);
  });

  it('streams chunked request bodies upstream, whatever the method, and records them', async () => {
    const harness = await startEngine(dataDir, { cassette: 'chunked-request' });
    const answers: string[] = [];
    for (const method of ['POST', 'GET']) {
      answers.push(
        await new Promise<string>((resolve) => {
          const socket = net.connect(harness.port, '127.0.0.1', () => {
            socket.write(
              `${method} ${upstream.origin}/upload HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n`,
            );
            socket.write('5\r\nhello\r\n');
            setTimeout(() => socket.write('6\r\n world\r\n0\r\n\r\n'), 20);
          });
          let received = '';
          socket.setEncoding('utf8');
          socket.on('data', (chunk: string) => (received += chunk));
          socket.once('close', () => resolve(received));
        }),
      );
    }
    await harness.engine.stop();
    for (const answer of answers) expect(answer).toContain('"body":"hello world"');
    const bodies = harness.store
      .get('chunked-request')
      ?.interactions.map((i) => (i.type === 'Http' ? i.request.body : null));
    expect(bodies).toEqual([
      { kind: 'text', text: 'hello world' },
      { kind: 'text', text: 'hello world' },
    ]);
  });

  it('replays HEAD with the recorded headers and no body', async () => {
    const store = new MemoryCassetteStore();
    const recorder = await startEngine(dataDir, { store, cassette: 'head' });
    const live = await curl(['-x', recorder.proxyUrl, '-I', `${upstream.origin}/h`]);
    await recorder.engine.stop();
    const replayer = await startEngine(dataDir, { store, mode: 'replay', cassette: 'head' });
    const replayed = await curl(['-x', replayer.proxyUrl, '-I', `${upstream.origin}/h`]);
    await replayer.engine.stop();
    expect(live.status).toBe(200);
    expect(replayed.status).toBe(200);
    expect(replayed.headers['x-upstream']).toBe('yes');
    expect(replayed.body).toBe('');
    expect(replayer.events[0]).toMatchObject({ outcome: 'replayed', response: { bodySize: 0 } });
  });

  it('works with undici ProxyAgent, keeping connections alive', async () => {
    const harness = await startEngine(dataDir, { mode: 'passthrough' });
    const dispatcher = new ProxyAgent(harness.proxyUrl);
    try {
      for (let i = 0; i < 5; i++) {
        const response = await fetch(`${upstream.origin}/n/${i}`, {
          dispatcher,
          method: 'POST',
          body: `payload-${i}`,
        });
        expect(response.status).toBe(200);
        const json = (await response.json()) as { body: string; host: string };
        expect(json.body).toBe(`payload-${i}`);
        expect(json.host).toBe(`127.0.0.1:${upstream.port}`);
      }
    } finally {
      await dispatcher.close();
      await harness.engine.stop();
    }
    expect(harness.events).toHaveLength(5);
    expect(harness.events.every((e) => e.outcome === 'passthrough')).toBe(true);
    expect(harness.store.get('test')).toBeUndefined();
  });
});
