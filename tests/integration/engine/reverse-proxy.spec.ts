import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpInteraction } from '../../../proxy/cassette/cassette.model';
import { MemoryCassetteStore } from '../../support/memory-cassette-store';
import {
  afterBody,
  makeTempDir,
  removeTempDir,
  startEngine,
  startHttpUpstream,
  type Upstream,
} from './helpers/servers';

let dataDir: string;
let upstream: Upstream;

beforeAll(async () => {
  dataDir = await makeTempDir('reverse');
  upstream = await startHttpUpstream(
    afterBody((req, res, body) => {
      res.writeHead(201, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ url: req.url, host: req.headers.host, body }));
    }),
  );
});

afterAll(async () => {
  await upstream.close();
  await removeTempDir(dataDir);
});

describe('reverse proxy', () => {
  it('sends origin-form requests to the target (base path kept), records and replays them', async () => {
    const store = new MemoryCassetteStore();
    const target = `${upstream.origin}/api/`;
    const recorder = await startEngine(dataDir, { store, cassette: 'rev', target });
    const live = await fetch(`${recorder.proxyUrl}/users?id=1`, { method: 'POST', body: 'hello' });
    const liveJson = await live.json();
    await recorder.engine.stop();
    expect(live.status).toBe(201);
    expect(liveJson).toEqual({
      url: '/api/users?id=1',
      host: `127.0.0.1:${upstream.port}`,
      body: 'hello',
    });
    const interaction = store.get('rev')?.interactions[0] as HttpInteraction;
    expect(interaction.request).toMatchObject({
      method: 'POST',
      url: `${upstream.origin}/api/users?id=1`,
      body: { kind: 'text', text: 'hello' },
    });
    expect(interaction.request.headers.host).toBe(`127.0.0.1:${upstream.port}`);

    const replayer = await startEngine(dataDir, { store, mode: 'replay', cassette: 'rev', target });
    const hits = upstream.hits;
    const replayed = await fetch(`${replayer.proxyUrl}/users?id=1`, {
      method: 'POST',
      body: 'hello',
    });
    expect(replayed.status).toBe(201);
    expect(await replayed.json()).toEqual(liveJson);
    await replayer.engine.stop();
    expect(upstream.hits).toBe(hits);
  });

  it('answers 400 to an origin-form request when there is no target', async () => {
    const harness = await startEngine(dataDir, { mode: 'passthrough' });
    const response = await fetch(`${harness.proxyUrl}/nowhere`);
    const text = await response.text();
    await harness.engine.stop();
    expect(response.status).toBe(400);
    expect(text).toContain('absolute form');
    expect(harness.events[0]).toMatchObject({ outcome: 'error', response: { status: 400 } });
  });

  it('rejects a target that is not an http(s) URL', async () => {
    await expect(startEngine(dataDir, { target: 'ftp://example.com' })).rejects.toThrow(/target/);
    await expect(startEngine(dataDir, { target: 'https://example.com/?q=1' })).rejects.toThrow(
      /target/,
    );
  });
});
