import zlib from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Body, Headers, HttpInteraction } from '../../../proxy/cassette/cassette.model';
import { MemoryCassetteStore } from '../../support/memory-cassette-store';
import { syntheticCassette } from '../../support/synthetic-cassettes';
import { proxyRequest } from './helpers/proxy-request';
import { makeTempDir, removeTempDir, startEngine, type EngineHarness } from './helpers/servers';

const ORIGIN = 'http://api.templates.test';
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function interaction(
  id: string,
  method: string,
  path: string,
  headers: Headers,
  body: Body | null,
): HttpInteraction {
  return {
    type: 'Http',
    id,
    recordedAt: '2025-06-02T12:00:00.000Z',
    request: { method, url: `${ORIGIN}${path}`, headers: {}, body: null },
    response: { status: 200, headers: { 'content-type': 'application/json', ...headers }, body },
  };
}

const text = (value: string): Body => ({ kind: 'text', text: value });

const WHOAMI =
  '{"at":"{{ now }}","id":"{{ uuid }}","method":"{{ request.method }}","user":"{{ request.headers.x-user }}"}';
const GZIPPED = '{"path":"{{ request.path }}","items":[' + '"same item",'.repeat(200) + '"last"]}';

function templatesCassette() {
  const cassette = syntheticCassette('templates', { interactions: 0 });
  cassette.interactions = [
    interaction('whoami', 'GET', '/whoami', { 'x-request-id': '{{ uuid }}' }, text(WHOAMI)),
    interaction(
      'create',
      'POST',
      '/users',
      { location: '/users/{{ jsonPath request.body "$.name" }}' },
      text('{"greeting":"Hello {{ jsonPath request.body "$.name" }}"}'),
    ),
    interaction('order', 'GET', '/orders/next', {}, text('{"order":{{ sequence "orders" }}}')),
    interaction(
      'gzip',
      'GET',
      '/gzip',
      { 'content-encoding': 'gzip', 'content-length': '99' },
      { ...text(GZIPPED), contentEncoding: 'gzip' },
    ),
    interaction('broken', 'GET', '/broken', {}, text('{"a":\n  "{{#if request.method}}open"}')),
    interaction('plain', 'GET', '/plain', { 'x-note': 'no {{ here' }, text('{"plain":true}')),
  ];
  return cassette;
}

let dataDir: string;
let harness: EngineHarness;

beforeAll(async () => {
  dataDir = await makeTempDir('templates');
});

afterEach(async () => {
  await harness.engine.stop();
});

afterAll(async () => {
  await removeTempDir(dataDir);
});

async function replayEngine(): Promise<EngineHarness> {
  const store = new MemoryCassetteStore([templatesCassette()]);
  harness = await startEngine(dataDir, { store, mode: 'replay', cassette: 'templates' });
  return harness;
}

describe('response templates on replay', () => {
  it('renders now, uuid and the request method and headers, fresh for each request', async () => {
    const { port } = await replayEngine();
    const started = Date.now();
    const ask = (user: string) =>
      proxyRequest(port, { url: `${ORIGIN}/whoami`, headers: { 'x-user': user } });
    const first = await ask('ada');
    const second = await ask('grace');
    for (const [response, user] of [
      [first, 'ada'],
      [second, 'grace'],
    ] as const) {
      expect(response.status).toBe(200);
      expect(response.headers['content-length']).toBe(String(response.bytes.length));
      const json = JSON.parse(response.text) as Record<string, string>;
      expect(json).toMatchObject({ method: 'GET', user });
      expect(json['id']).toMatch(UUID_V4);
      expect(Date.parse(json['at'] ?? '')).toBeGreaterThanOrEqual(started - 1000);
      expect(response.headers['x-request-id']).toMatch(UUID_V4);
    }
    expect(first.text).not.toBe(second.text);
    expect(first.headers['x-request-id']).not.toBe(second.headers['x-request-id']);
  });

  it('reads the body of a POST with jsonPath, in the body and in a header', async () => {
    const { port } = await replayEngine();
    const response = await proxyRequest(port, {
      method: 'POST',
      url: `${ORIGIN}/users`,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Ada', role: 'admin' }),
    });
    expect(response.status).toBe(200);
    expect(JSON.parse(response.text)).toEqual({ greeting: 'Hello Ada' });
    expect(response.headers.location).toBe('/users/Ada');
  });

  it('counts a sequence across requests, per cassette session', async () => {
    const { port, engine } = await replayEngine();
    const next = async () =>
      (
        JSON.parse((await proxyRequest(port, { url: `${ORIGIN}/orders/next` })).text) as {
          order: number;
        }
      ).order;
    expect([await next(), await next(), await next()]).toEqual([1, 2, 3]);
    // Opening the cassette again starts the counters afresh.
    await engine.reconfigure({ mode: 'auto' });
    expect(await next()).toBe(1);
  });

  it('encodes a rendered gzip body for clients that accept gzip, and sends it decoded to others', async () => {
    const { port } = await replayEngine();
    const url = `${ORIGIN}/gzip`;
    const gzip = await proxyRequest(port, { url, headers: { 'accept-encoding': 'gzip, br' } });
    const identity = await proxyRequest(port, { url });
    const expected = GZIPPED.replace('{{ request.path }}', '/gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gzip.headers['content-length']).toBe(String(gzip.bytes.length));
    expect(gzip.bytes.length).toBeLessThan(Buffer.byteLength(expected));
    expect(zlib.gunzipSync(gzip.bytes).toString()).toBe(expected);
    expect(identity.headers['content-encoding']).toBeUndefined();
    expect(identity.headers['content-length']).toBe(String(Buffer.byteLength(expected)));
    expect(identity.text).toBe(expected);
  });

  it('answers a broken template with a 500 that explains it, reports it, and keeps serving', async () => {
    const { port, engine, events } = await replayEngine();
    const broken = await proxyRequest(port, { url: `${ORIGIN}/broken` });
    const after = await proxyRequest(port, { url: `${ORIGIN}/plain` });
    await engine.stop();

    expect(broken.status).toBe(500);
    expect(broken.headers['content-type']).toMatch(/^text\/plain/);
    expect(broken.headers['x-magneto-template-error']).toBe('syntax');
    expect(broken.text).toContain('interaction broken could not be rendered');
    expect(broken.text).toContain('Position: line 2, column 32');
    expect(broken.text).toContain('expected "{{else}}" or "{{/"');

    expect(after.status).toBe(200);
    expect(JSON.parse(after.text)).toEqual({ plain: true });
    expect(after.headers['x-note']).toBe('no {{ here');

    const [failed, served] = events;
    expect(failed).toMatchObject({
      outcome: 'error',
      interactionId: 'broken',
      response: { status: 500, headers: { 'x-magneto-template-error': 'syntax' } },
    });
    expect(failed?.error).toMatch(
      /^response template of interaction broken failed \(syntax\) at line 2, column 32: /,
    );
    expect(served).toMatchObject({ outcome: 'replayed', interactionId: 'plain' });
    expect(served?.error).toBeUndefined();
    expect(engine.status().counts).toMatchObject({ error: 1, replayed: 1 });
  });

  it('lets templates read only the allowed environment variables, reconfigurable', async () => {
    const store = new MemoryCassetteStore([
      {
        ...syntheticCassette('env', { interactions: 0 }),
        interactions: [
          interaction(
            'env',
            'GET',
            '/env',
            {},
            text(
              '{"magneto":"{{ env "MAGNETO_TEMPLATE_TEST" }}","other":"{{ env "OTHER_TEMPLATE_TEST" }}"}',
            ),
          ),
        ],
      },
    ]);
    process.env['MAGNETO_TEMPLATE_TEST'] = 'visible';
    process.env['OTHER_TEMPLATE_TEST'] = 'secret';
    try {
      harness = await startEngine(dataDir, { store, mode: 'replay', cassette: 'env' });
      const read = async () =>
        JSON.parse((await proxyRequest(harness.port, { url: `${ORIGIN}/env` })).text) as unknown;
      expect(await read()).toEqual({ magneto: 'visible', other: '' });
      await harness.engine.reconfigure({ templateEnvAllowList: ['OTHER_*'] });
      expect(await read()).toEqual({ magneto: '', other: 'secret' });
    } finally {
      delete process.env['MAGNETO_TEMPLATE_TEST'];
      delete process.env['OTHER_TEMPLATE_TEST'];
    }
  });
});
