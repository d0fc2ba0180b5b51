/** REST compatibility, /health, /metrics, the version header and static UI serving. */
import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { gqlData, startStudio } from './api-harness';

describe('REST compatibility', () => {
  it('lists, creates, reads and deletes cassettes on the same services, with X-API-Version', async () => {
    const studio = await startStudio();
    const created = await fetch(`${studio.url}/cassettes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'rest',
        tags: ['api'],
        interactions: [
          {
            kind: 'Http',
            request: { method: 'GET', url: 'https://api.example.com/' },
            response: { status: 200, body: 'ok' },
          },
        ],
      }),
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('x-api-version')).toBe('graphql');
    expect(await created.json()).toMatchObject({
      name: 'rest',
      tags: ['api'],
      interactions: { total: 1 },
    });

    const list = await fetch(`${studio.url}/cassettes?tag=api&sort=name:desc&limit=10`);
    expect(list.status).toBe(200);
    expect(await list.json()).toMatchObject({
      totalCount: 1,
      nextCursor: null,
      items: [{ name: 'rest' }],
    });
    const one = await fetch(`${studio.url}/cassettes/rest`);
    const cassette = await one.json();
    expect(cassette).toMatchObject({
      name: 'rest',
      version: '2.0',
      interactions: [{ type: 'Http' }],
    });
    const viaGraphql = await gqlData(studio.url, '{ cassette(name: "rest") { interactionCount } }');
    expect(viaGraphql.cassette.interactionCount).toBe(1);

    const deleted = await fetch(`${studio.url}/cassettes/rest`, { method: 'DELETE' });
    expect(deleted.status).toBe(204);
    const gone = await fetch(`${studio.url}/cassettes/rest`);
    expect(gone.status).toBe(404);
    expect(await gone.json()).toEqual({
      error: {
        code: 'CASSETTE_NOT_FOUND',
        name: 'rest',
        message: 'No cassette named "rest" in the library.',
      },
    });
  });

  it('answers bad requests with 400, conflicts with 409 and wrong methods with 405', async () => {
    const studio = await startStudio();
    const post = (body: string) =>
      fetch(`${studio.url}/cassettes`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
    expect((await post('{not json')).status).toBe(400);
    expect((await post('{"tags": []}')).status).toBe(400);
    expect((await post('{"name": "dup"}')).status).toBe(201);
    expect((await post('{"name": "dup"}')).status).toBe(409);
    expect((await fetch(`${studio.url}/cassettes?limit=-3`)).status).toBe(400);
    expect((await fetch(`${studio.url}/cassettes?sort=colour:asc`)).status).toBe(400);
    expect((await fetch(`${studio.url}/cassettes/%E0%A4%A`)).status).toBe(400);
    const wrong = await fetch(`${studio.url}/cassettes`, { method: 'DELETE' });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('GET, POST');
  });
});

describe('health and metrics', () => {
  it('reports the library, the index and the proxy on /health', async () => {
    const studio = await startStudio();
    await gqlData(studio.url, 'mutation { createCassette(input: { name: "h" }) { name } }');
    const health = await fetch(`${studio.url}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({
      status: 'ok',
      library: { status: 'ok', cassetteDir: studio.cassetteDir },
      index: { status: 'ok', cassettes: 1, broken: 0 },
      proxy: { status: 'unavailable', port: null },
    });
    await studio.library.close();
    const failing = await fetch(`${studio.url}/health`);
    expect(failing.status).toBe(503);
    expect(await failing.json()).toMatchObject({ status: 'failing', index: { status: 'failing' } });
  });

  it('exposes GraphQL operations, latency and HTTP requests in Prometheus format', async () => {
    const studio = await startStudio();
    await gqlData(studio.url, '{ globalStats { totalCassettes } }');
    await gqlData(studio.url, 'mutation { createCassette(input: { name: "m" }) { name } }');
    await fetch(`${studio.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ cassette(name: "nope") { name } }' }),
    });
    const response = await fetch(`${studio.url}/metrics`);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await response.text();
    expect(text).toMatch(
      /magneto_graphql_operations_total\{type="query",transport="http",result="ok"\} 1/,
    );
    expect(text).toMatch(
      /magneto_graphql_operations_total\{type="query",transport="http",result="error"\} 1/,
    );
    expect(text).toMatch(
      /magneto_graphql_operations_total\{type="mutation",transport="http",result="ok"\} 1/,
    );
    expect(text).toMatch(
      /magneto_graphql_operation_duration_seconds_bucket\{le="0.005",type="query",transport="http"\} \d/,
    );
    expect(text).toMatch(/magneto_http_requests_total\{route="graphql",status="200"\} 3/);
    expect(text).toMatch(/magneto_library_cassettes 1/);
  });
});

describe('static files', () => {
  it('serves a built UI with a single-page fallback, never outside its folder', async () => {
    const studio = await startStudio();
    const ui = path.join(studio.root, 'ui');
    await mkdir(path.join(ui, 'assets'), { recursive: true });
    await writeFile(path.join(ui, 'index.html'), '<!doctype html><title>studio</title>');
    await writeFile(path.join(ui, 'assets', 'app.js'), 'console.log(1)');
    await writeFile(path.join(studio.root, 'secret.txt'), 'secret');
    const { startApiServer } = await import('../../../src-main/server/api-server');
    // No playground built in this folder: its route must answer 404, whatever out/ holds.
    const server = await startApiServer({
      services: studio.services,
      port: 0,
      staticDir: ui,
      playgroundDir: path.join(studio.root, 'no-playground'),
    });
    try {
      const index = await fetch(`${server.url}/`);
      expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(await index.text()).toContain('<title>studio</title>');
      const asset = await fetch(`${server.url}/assets/app.js`);
      expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
      const route = await fetch(`${server.url}/library/some-cassette`);
      expect(await route.text()).toContain('<title>studio</title>');
      expect((await fetch(`${server.url}/assets/missing.js`)).status).toBe(404);
      const traversal = await request(`${server.url}/..%2fsecret.txt`);
      expect(await traversal.body.text()).not.toBe('secret');
      const raw = await new Promise<string>((resolve, reject) => {
        http
          .get({ host: '127.0.0.1', port: server.port, path: '/../secret.txt' }, (res) => {
            let text = '';
            res.on('data', (chunk: Buffer) => (text += chunk.toString()));
            res.on('end', () => resolve(text));
          })
          .on('error', reject);
      });
      expect(raw).not.toBe('secret');
      expect((await fetch(`${server.url}/graphql/playground`)).status).toBe(404);
    } finally {
      await server.close();
    }
  });

  it('serves the playground page from its folder', async () => {
    const studio = await startStudio();
    const dir = path.join(studio.root, 'playground');
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'index.html'), '<!doctype html><div id="graphiql"></div>');
    const { startApiServer } = await import('../../../src-main/server/api-server');
    const server = await startApiServer({ services: studio.services, port: 0, playgroundDir: dir });
    try {
      const page = await fetch(`${server.url}/graphql/playground`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('graphiql');
    } finally {
      await server.close();
    }
  });
});

describe('bundled playground', () => {
  it('builds GraphiQL into one folder that loads nothing from a CDN, and serves it', async () => {
    const studio = await startStudio();
    const dir = path.join(studio.root, 'playground-build');
    const script = path.resolve(
      path.dirname(fileURLToPath(import.meta.url)),
      '../../../scripts/build-playground.mjs',
    );
    await promisify(execFile)(process.execPath, [script, dir], { timeout: 120_000 });
    const { startApiServer } = await import('../../../src-main/server/api-server');
    const server = await startApiServer({ services: studio.services, port: 0, playgroundDir: dir });
    try {
      const html = await (await fetch(`${server.url}/graphql/playground`)).text();
      expect(html).not.toMatch(/(src|href)="https?:/);
      const scripts = [...html.matchAll(/src="([^"]+\.js)"/g)].map((match) => match[1] ?? '');
      expect(scripts.length).toBeGreaterThan(0);
      for (const src of scripts) {
        expect(src.startsWith('/graphql/playground/')).toBe(true);
        const asset = await fetch(`${server.url}${src}`);
        expect(asset.status).toBe(200);
        expect(await asset.text()).toContain('graphiql');
      }
    } finally {
      await server.close();
    }
  }, 120_000);
});
