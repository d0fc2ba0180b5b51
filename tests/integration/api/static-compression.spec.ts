/**
 * The UI's static files over real HTTP (undici, which does not decode, and curl, which does):
 * brotli and gzip as Accept-Encoding allows, decoding to the file's exact bytes with a correct
 * Content-Length, Vary, caching by kind of file, and ETag revalidation.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { startStudio, type Studio } from './api-harness';

const folders: string[] = [];
afterEach(async () => {
  await Promise.all(folders.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** Text that compresses as built JavaScript does: repeated, but not only repeats. */
function script(lines: number): Buffer {
  return Buffer.from(
    Array.from(
      { length: lines },
      (_, i) => `export function item${i}(value) { return value * ${i} + ${(i * 7919) % 1000}; }\n`,
    ).join(''),
  );
}

interface Ui {
  dir: string;
  files: Record<string, Buffer>;
}

async function builtUi(): Promise<Ui> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'magneto-ui-'));
  folders.push(dir);
  const files: Record<string, Buffer> = {
    'index.html': Buffer.from(
      `<!doctype html><html><head><title>studio</title></head><body>${'<div class="row"></div>'.repeat(100)}</body></html>`,
    ),
    'assets/app-3f9a1c.js': script(800),
    'assets/vendor-77b0e2.js': script(4000),
    'assets/logo-a1b2c3.png': randomBytes(4096),
    'robots.txt': Buffer.from('User-agent: *\n'),
  };
  await mkdir(path.join(dir, 'assets'));
  for (const [name, bytes] of Object.entries(files)) await writeFile(path.join(dir, name), bytes);
  return { dir, files };
}

async function studioServing(ui: Ui): Promise<Studio> {
  return startStudio({ staticDir: ui.dir, playgroundDir: path.join(ui.dir, 'no-playground') });
}

async function get(url: string, headers: Record<string, string> = {}, method = 'GET') {
  const response = await request(url, { method, headers });
  const body = Buffer.from(await response.body.arrayBuffer());
  const header = (name: string): string | undefined => {
    const value = response.headers[name];
    return Array.isArray(value) ? value.join(', ') : value;
  };
  return { status: response.statusCode, header, body };
}

function decoded(encoding: string | undefined, body: Buffer): Buffer {
  if (encoding === 'br') return zlib.brotliDecompressSync(body);
  if (encoding === 'gzip') return zlib.gunzipSync(body);
  expect(encoding).toBeUndefined();
  return body;
}

describe('static files, compressed', () => {
  it('sends brotli or gzip as accepted, decoding to the file, with its exact length', async () => {
    const ui = await builtUi();
    const studio = await studioServing(ui);
    for (const name of ['assets/app-3f9a1c.js', 'assets/vendor-77b0e2.js', 'index.html']) {
      const file = ui.files[name] as Buffer;
      for (const [accept, expected] of [
        ['gzip, deflate, br, zstd', 'br'],
        ['gzip, deflate', 'gzip'],
        ['br;q=0.5, gzip;q=0.9', 'gzip'],
        ['br;q=0, gzip', 'gzip'],
        ['br;q=0, gzip;q=0', undefined],
        ['identity', undefined],
      ] as const) {
        const answer = await get(`${studio.url}/${name}`, { 'accept-encoding': accept });
        expect(answer.status, `${name} ${accept}`).toBe(200);
        expect(answer.header('content-encoding'), `${name} ${accept}`).toBe(expected);
        expect(Number(answer.header('content-length'))).toBe(answer.body.length);
        expect(decoded(answer.header('content-encoding'), answer.body).equals(file)).toBe(true);
        expect(answer.header('vary')).toBe('Accept-Encoding');
        if (expected !== undefined) expect(answer.body.length).toBeLessThan(file.length / 2);
      }
      const plain = await get(`${studio.url}/${name}`);
      expect(plain.header('content-encoding')).toBeUndefined();
      expect(plain.body.equals(file)).toBe(true);
    }
  });

  it('refuses with 406 a client that accepts no coding at all', async () => {
    const ui = await builtUi();
    const studio = await studioServing(ui);
    for (const accept of ['identity;q=0', '*;q=0', 'gzip;q=0, br;q=0, identity;q=0']) {
      const answer = await get(`${studio.url}/assets/app-3f9a1c.js`, { 'accept-encoding': accept });
      expect(answer.status, accept).toBe(406);
      expect(JSON.parse(answer.body.toString()).error.code).toBe('NOT_ACCEPTABLE');
    }
    // Binary files have one form only; identity refused is refused for them too.
    const png = await get(`${studio.url}/assets/logo-a1b2c3.png`, { 'accept-encoding': '*;q=0' });
    expect(png.status).toBe(406);
  });

  it('leaves binary and tiny files uncompressed, without Vary', async () => {
    const ui = await builtUi();
    const studio = await studioServing(ui);
    for (const name of ['assets/logo-a1b2c3.png', 'robots.txt']) {
      const answer = await get(`${studio.url}/${name}`, { 'accept-encoding': 'br, gzip' });
      expect(answer.header('content-encoding')).toBeUndefined();
      expect(answer.header('vary')).toBeUndefined();
      expect(answer.body.equals(ui.files[name] as Buffer)).toBe(true);
    }
  });

  it('caches hashed assets for good, revalidates HTML, and answers ETag matches with 304', async () => {
    const ui = await builtUi();
    const studio = await studioServing(ui);
    const asset = `${studio.url}/assets/app-3f9a1c.js`;
    const br = await get(asset, { 'accept-encoding': 'br' });
    expect(br.header('cache-control')).toBe('public, max-age=31536000, immutable');
    const etag = br.header('etag') ?? '';
    expect(etag).toMatch(/^"[\w-]+-br"$/);
    const gzip = await get(asset, { 'accept-encoding': 'gzip' });
    expect(gzip.header('etag')).not.toBe(etag);
    const identity = await get(asset);
    expect(new Set([etag, gzip.header('etag'), identity.header('etag')]).size).toBe(3);

    for (const match of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
      const again = await get(asset, { 'accept-encoding': 'br', 'if-none-match': match });
      expect(again.status, match).toBe(304);
      expect(again.body.length).toBe(0);
      expect(again.header('etag')).toBe(etag);
      expect(again.header('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(again.header('vary')).toBe('Accept-Encoding');
    }
    // The tag of another representation does not match this one.
    const other = await get(asset, { 'accept-encoding': 'gzip', 'if-none-match': etag });
    expect(other.status).toBe(200);
    expect(zlib.gunzipSync(other.body).equals(ui.files['assets/app-3f9a1c.js'] as Buffer)).toBe(
      true,
    );

    for (const page of ['/', '/index.html', '/library/some-cassette']) {
      const html = await get(`${studio.url}${page}`, { 'accept-encoding': 'br' });
      expect(html.header('cache-control'), page).toBe('no-cache');
      expect(html.header('content-type')).toBe('text/html; charset=utf-8');
      expect(decoded('br', html.body).equals(ui.files['index.html'] as Buffer)).toBe(true);
    }
    expect((await get(`${studio.url}/robots.txt`)).header('cache-control')).toBe(
      'public, max-age=300',
    );
  });

  it('answers HEAD with the headers of GET and no body', async () => {
    const ui = await builtUi();
    const studio = await studioServing(ui);
    const url = `${studio.url}/assets/vendor-77b0e2.js`;
    const headers = { 'accept-encoding': 'gzip, br' };
    const full = await get(url, headers);
    const head = await get(url, headers, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    for (const name of ['content-encoding', 'content-length', 'etag', 'vary', 'content-type']) {
      expect(head.header(name), name).toBe(full.header(name));
    }
  });

  it('serves a file changed on disk, with a new ETag', async () => {
    const ui = await builtUi();
    const studio = await studioServing(ui);
    const url = `${studio.url}/index.html`;
    const before = await get(url, { 'accept-encoding': 'gzip' });
    const changed = Buffer.from('<!doctype html><title>rebuilt</title>'.repeat(20));
    await writeFile(path.join(ui.dir, 'index.html'), changed);
    const after = await get(url, {
      'accept-encoding': 'gzip',
      'if-none-match': before.header('etag') ?? '',
    });
    expect(after.status).toBe(200);
    expect(after.header('etag')).not.toBe(before.header('etag'));
    expect(zlib.gunzipSync(after.body).equals(changed)).toBe(true);
  });

  it('adds Accept-Encoding to the Vary of a cross-origin answer', async () => {
    const ui = await builtUi();
    const studio = await studioServing(ui);
    const answer = await get(`${studio.url}/assets/app-3f9a1c.js`, {
      origin: studio.url,
      'accept-encoding': 'br',
    });
    expect(answer.header('vary')).toBe('Origin, Accept-Encoding');
    expect(answer.header('access-control-allow-origin')).toBe(studio.url);
  });

  it('decodes in curl to the very file', async () => {
    const ui = await builtUi();
    const studio = await studioServing(ui);
    const output = path.join(ui.dir, 'downloaded.js');
    for (const coding of ['br', 'gzip']) {
      const { stdout } = await promisify(execFile)('curl', [
        '--silent',
        '--show-error',
        '--compressed',
        '--header',
        `Accept-Encoding: ${coding}`,
        '--output',
        output,
        '--write-out',
        '%{http_code} %{size_download}',
        `${studio.url}/assets/vendor-77b0e2.js`,
      ]);
      const [status, downloaded] = stdout.split(' ').map(Number);
      expect(status).toBe(200);
      const file = ui.files['assets/vendor-77b0e2.js'] as Buffer;
      expect(downloaded).toBeLessThan(file.length / 2);
      expect((await readFile(output)).equals(file)).toBe(true);
    }
  });
});
