import { copyFile, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetch, ProxyAgent, type Response } from 'undici';
import { decodeCassette } from '../../../proxy/cassette/formats/registry';
import { DirectoryCassetteStore } from '../../../proxy/engine/directory-cassette-store';
import { magnetoFixture } from '../../support/fixtures';
import {
  afterBody,
  curl,
  makeTempDir,
  removeTempDir,
  startEngine,
  startHttpUpstream,
  type Upstream,
} from './helpers/servers';

const SECRETS = [
  'Bearer-s3cret-token',
  'session-c00kie',
  'set-c00kie-value',
  'qu3ry-t0ken',
  'hunter2-passw0rd',
  'resp0nse-secret',
];

let dataDir: string;
let upstream: Upstream;

beforeAll(async () => {
  dataDir = await makeTempDir('directory');
  upstream = await startHttpUpstream(
    afterBody((_req, res, body) => {
      res.writeHead(200, {
        'content-type': 'application/json',
        'set-cookie': ['sid=set-c00kie-value; Path=/; HttpOnly', 'theme=dark'],
      });
      res.end(JSON.stringify({ ok: true, echo: body.length, access_token: 'resp0nse-secret' }));
    }),
  );
});

afterAll(async () => {
  await upstream.close();
  await removeTempDir(dataDir);
});

async function folderText(dir: string): Promise<string> {
  const names = await readdir(dir);
  const texts = await Promise.all(names.map((name) => readFile(path.join(dir, name), 'latin1')));
  return texts.join('\n');
}

describe('DirectoryCassetteStore with the engine', () => {
  it('keeps secrets of requests and responses out of the cassette folder, and still replays', async () => {
    const folder = await makeTempDir('cassettes');
    const store = new DirectoryCassetteStore(folder);
    const recorder = await startEngine(dataDir, { store, cassette: 'secrets' });
    const send = (proxyUrl: string): Promise<Response> => {
      const dispatcher = new ProxyAgent(proxyUrl);
      return fetch(`${upstream.origin}/login?token=qu3ry-t0ken&user=ada`, {
        dispatcher,
        method: 'POST',
        headers: {
          authorization: 'Bearer Bearer-s3cret-token',
          cookie: 'sid=session-c00kie',
          'content-type': 'application/json',
        },
        body: JSON.stringify({ user: 'ada', password: 'hunter2-passw0rd' }),
      });
    };
    const live = await send(recorder.proxyUrl);
    const liveJson = (await live.json()) as Record<string, unknown>;
    await recorder.engine.stop();
    expect(liveJson.access_token).toBe('resp0nse-secret');

    const stored = await folderText(folder);
    expect(await readdir(folder)).toEqual(['secrets.json']);
    for (const secret of SECRETS) expect(stored).not.toContain(secret);
    expect(stored).toContain('[REDACTED]');
    for (const event of recorder.events) {
      for (const secret of SECRETS) expect(JSON.stringify(event)).not.toContain(secret);
    }

    // A request carrying the real token matches the recording made with the token hidden.
    const replayer = await startEngine(dataDir, {
      store: new DirectoryCassetteStore(folder),
      mode: 'replay',
      cassette: 'secrets',
    });
    const replayed = await send(replayer.proxyUrl);
    await replayer.engine.stop();
    expect(replayed.status).toBe(200);
    expect(((await replayed.json()) as Record<string, unknown>).ok).toBe(true);
    expect(replayer.events[0]?.outcome).toBe('replayed');
    await removeTempDir(folder);
  });

  it('replays a Magneto-Serge cassette file over HTTPS without any network', async () => {
    const folder = await makeTempDir('fixture');
    await copyFile(magnetoFixture('http-basic.json'), path.join(folder, 'http-basic.json'));
    const harness = await startEngine(dataDir, {
      store: new DirectoryCassetteStore(folder),
      mode: 'replay',
      cassette: 'http-basic',
    });
    const user = await curl([
      '-x',
      harness.proxyUrl,
      '--cacert',
      harness.caPath,
      'https://api.example.com/v1/users/42',
    ]);
    const search = await curl([
      '-x',
      harness.proxyUrl,
      '--cacert',
      harness.caPath,
      'https://api.example.com/v1/search?a=1&b=2',
    ]);
    await harness.engine.stop();
    expect(user.status).toBe(200);
    expect(JSON.parse(user.body)).toMatchObject({ id: 42, name: 'Ada Lovelace' });
    expect(user.headers.etag).toBe('W/"62-kX2pQeA0"');
    expect(search.status).toBe(200);
    await removeTempDir(folder);
  });

  it('writes atomically: the file always decodes while recordings are saved again and again', async () => {
    const folder = await makeTempDir('atomic');
    const store = new DirectoryCassetteStore(folder);
    const harness = await startEngine(dataDir, { store, cassette: 'busy', flushIntervalMs: 0 });
    const file = store.fileOf('busy');
    let reads = 0;
    let writing = true;
    const reader = (async () => {
      while (writing) {
        const bytes = await readFile(file).catch(() => undefined);
        if (bytes !== undefined) {
          decodeCassette(bytes, { fileName: file });
          reads += 1;
        }
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
    })();
    const dispatcher = new ProxyAgent(harness.proxyUrl);
    for (let i = 0; i < 30; i++)
      await (await fetch(`${upstream.origin}/n/${i}`, { dispatcher })).text();
    await dispatcher.close();
    await harness.engine.stop();
    writing = false;
    await reader;
    expect(reads).toBeGreaterThan(0);
    const saved = await store.load('busy');
    expect(saved?.interactions).toHaveLength(30);
    expect(await readdir(folder)).toEqual(['busy.json']);
    await removeTempDir(folder);
  });

  it('refuses cassette names that would leave the folder', async () => {
    const store = new DirectoryCassetteStore(dataDir);
    await expect(store.load('../escape')).rejects.toThrow(/Invalid cassette name/);
    await expect(startEngine(dataDir, { store, cassette: 'a/b' })).rejects.toThrow(
      /Invalid cassette name/,
    );
  });
});
