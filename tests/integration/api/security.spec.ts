/** Every refusal of the local API, proven against the real server. */
import { Readable } from 'node:stream';
import { request } from 'undici';
import type { Client } from 'graphql-ws';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { ProxyEngine } from '../../../proxy/engine/proxy-engine';
import { startApiServer } from '../../../src-main/server/api-server';
import { ApiServerOptionsError } from '../../../src-main/server/server-policy';
import { type Data, gql, startStudio, wsClient } from './api-harness';

const QUERY = JSON.stringify({ query: '{ globalStats { totalCassettes } }' });

async function post(
  url: string,
  headers: Record<string, string> = {},
  body: string = QUERY,
): Promise<{ status: number; headers: Record<string, unknown>; body: Data }> {
  const response = await request(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body,
  });
  const text = await response.body.text();
  return {
    status: response.statusCode,
    headers: response.headers,
    body: text === '' ? undefined : JSON.parse(text),
  };
}

/** The HTTP status of a refused WebSocket upgrade. */
function upgradeStatus(url: string, options: WebSocket.ClientOptions = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(
      `${url.replace('http', 'ws')}/graphql`,
      'graphql-transport-ws',
      options,
    );
    socket.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      socket.terminate();
    });
    socket.on('open', () => {
      socket.close();
      resolve(101);
    });
    socket.on('error', reject);
  });
}

function noStack(value: unknown): void {
  expect(JSON.stringify(value)).not.toMatch(/stack|\.ts:\d+|node_modules|\n\s+at /);
}

describe('API security', () => {
  it('binds 127.0.0.1 by default and refuses other addresses without a token', async () => {
    const studio = await startStudio();
    expect(studio.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    await expect(
      startApiServer({ services: studio.services, host: '0.0.0.0', port: 0 }),
    ).rejects.toThrow(ApiServerOptionsError);
    await expect(
      startApiServer({ services: studio.services, host: '0.0.0.0', port: 0, token: 'short' }),
    ).rejects.toThrow(/at least 16 characters/);
  });

  it('requires the token beyond loopback, and accepts any Host there', async () => {
    const token = 'a-token-for-the-wide-bind-0123';
    const studio = await startStudio({ host: '0.0.0.0', token });
    const url = `http://127.0.0.1:${studio.server.port}`;
    expect((await post(url)).status).toBe(401);
    expect(
      (
        await post(url, {
          authorization: `Bearer ${token}`,
          host: `studio.lan:${studio.server.port}`,
        })
      ).status,
    ).toBe(200);
  });

  it('refuses a Host header that does not name the server (DNS rebinding) with 403', async () => {
    const studio = await startStudio();
    const port = studio.server.port;
    for (const host of [
      'evil.example.com',
      `evil.example.com:${port}`,
      `127.0.0.1:${port + 1}`,
      '',
    ]) {
      const response = await post(studio.url, { host });
      expect(response.status, host).toBe(403);
      expect(response.body.error.code).toBe('FORBIDDEN_HOST');
    }
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`]) {
      expect((await post(studio.url, { host })).status, host).toBe(200);
    }
    expect(await upgradeStatus(studio.url, { headers: { host: `attacker.test:${port}` } })).toBe(
      403,
    );
  });

  it('allows listed and same origins with CORS headers, refuses others with 403 (HTTP and WebSocket)', async () => {
    const studio = await startStudio({ allowedOrigins: ['http://localhost:5173'] });
    const allowed = await post(studio.url, { origin: 'http://localhost:5173' });
    expect(allowed.status).toBe(200);
    expect(allowed.headers['access-control-allow-origin']).toBe('http://localhost:5173');
    const same = await post(studio.url, { origin: studio.url });
    expect(same.status).toBe(200);
    const refused = await post(studio.url, { origin: 'https://evil.example.com' });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('FORBIDDEN_ORIGIN');
    const preflight = await request(`${studio.url}/graphql`, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'POST' },
    });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['access-control-allow-headers']).toContain('authorization');
    await preflight.body.dump();
    expect(await upgradeStatus(studio.url, { origin: 'https://evil.example.com' })).toBe(403);
    expect(await upgradeStatus(studio.url, { origin: 'http://localhost:5173' })).toBe(101);
  });

  it('requires the bearer token on HTTP when one is configured (401), but not for /health', async () => {
    const token = 'per-launch-token-0123456789';
    const studio = await startStudio({ token });
    const missing = await post(studio.url);
    expect(missing.status).toBe(401);
    expect(missing.headers['www-authenticate']).toBe('Bearer');
    expect(missing.body.error.code).toBe('UNAUTHENTICATED');
    expect(
      (await post(studio.url, { authorization: 'Bearer wrong-token-0123456789' })).status,
    ).toBe(401);
    expect((await post(studio.url, { authorization: `Bearer ${token}` })).status).toBe(200);
    for (const path of ['/metrics', '/cassettes']) {
      expect((await fetch(`${studio.url}${path}`)).status, path).toBe(401);
      expect(
        (await fetch(`${studio.url}${path}`, { headers: { authorization: `Bearer ${token}` } }))
          .status,
      ).toBe(200);
    }
    expect((await fetch(`${studio.url}/health`)).status).toBe(200);
  });

  it('requires the token on WebSocket connections: connectionParams or a bearer header', async () => {
    const token = 'per-launch-token-0123456789';
    const studio = await startStudio({ token });
    const query = '{ globalStats { totalCassettes } }';
    const run = (client: Client) =>
      new Promise((resolve, reject) => {
        client.subscribe({ query }, { next: resolve, error: reject, complete: () => undefined });
      });
    await expect(run(wsClient(studio.url))).rejects.toMatchObject({ code: 4403 });
    await expect(
      run(wsClient(studio.url, { connectionParams: { token: 'nope' } })),
    ).rejects.toMatchObject({ code: 4403 });
    expect(await run(wsClient(studio.url, { connectionParams: { token } }))).toEqual({
      data: { globalStats: { totalCassettes: 0 } },
    });
    expect(
      await run(wsClient(studio.url, { headers: { authorization: `Bearer ${token}` } })),
    ).toEqual({
      data: { globalStats: { totalCassettes: 0 } },
    });
  });

  it('refuses documents past the depth, alias, cost and token limits with their codes', async () => {
    const studio = await startStudio({ limits: { maxDepth: 3, maxCost: 20 } });
    const deep = await gql(studio.url, '{ cassettes { items { stats { hosts { value } } } } }');
    expect(deep.status).toBe(400);
    expect(deep.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_DEEP');
    const aliases = Array.from(
      { length: 16 },
      (_, i) => `a${i}: globalStats { totalCassettes }`,
    ).join(' ');
    const aliased = await gql(studio.url, `{ ${aliases} }`);
    expect(aliased.errors?.map((error) => error.extensions?.code)).toContain('TOO_MANY_ALIASES');
    const costly = await gql(
      studio.url,
      '{ globalStats { totalCassettes brokenCassettes totalInteractions httpCount httpErrorCount websocketCount totalSizeBytes bodyBytes topHosts { value count } topMethods { value count } topStatusCodes { status count } largest { name sizeBytes } } }',
    );
    expect(costly.errors?.map((error) => error.extensions?.code)).toContain('QUERY_TOO_COSTLY');
    const tokens = `{ ${'globalStats { totalCassettes } '.repeat(500)} }`;
    const long = await gql(studio.url, tokens);
    expect(long.status).toBe(400);
    expect(long.errors?.[0]?.extensions?.code).toBe('TOO_MANY_TOKENS');
    noStack([deep, aliased, costly, long]);
  });

  it('refuses batched requests and bodies past the size limit', async () => {
    const studio = await startStudio({ maxBodyBytes: 1024 });
    const batch = await post(
      studio.url,
      {},
      JSON.stringify([JSON.parse(QUERY), JSON.parse(QUERY)]),
    );
    expect(batch.status).toBe(400);
    expect(batch.body.errors[0].extensions.code).toBe('BATCH_NOT_SUPPORTED');
    const big = JSON.stringify({
      query: `{ globalStats { totalCassettes } } # ${'x'.repeat(2000)}`,
    });
    const tooLarge = await post(studio.url, {}, big);
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.error.code).toBe('PAYLOAD_TOO_LARGE');
    const chunked = await request(`${studio.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: Readable.from([Buffer.from(big.slice(0, 800)), Buffer.from(big.slice(800))]),
    });
    expect(chunked.statusCode).toBe(413);
    await chunked.body.dump();
  });

  it('limits each client rate with 429 and Retry-After (HTTP and WebSocket upgrades)', async () => {
    const studio = await startStudio({ rateLimit: { perSecond: 0.5, burst: 3 } });
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await post(studio.url)).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    const limited = await post(studio.url);
    expect(limited.headers['retry-after']).toBe('2');
    expect(limited.body.error.code).toBe('RATE_LIMITED');
    expect(await upgradeStatus(studio.url)).toBe(429);
  });

  it('never shows an unexpected error or its stack to clients', async () => {
    const engine = {
      status: () => {
        throw new Error('secret detail at /home/user/.ssh/id_rsa');
      },
      stop: async () => undefined,
      on: () => engine,
      off: () => engine,
    } as unknown as ProxyEngine;
    const studio = await startStudio({ engine });
    const result = await gql(studio.url, '{ proxyStatus { running } }');
    expect(result.errors?.[0]).toMatchObject({
      message: 'Internal server error.',
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(JSON.stringify(result)).not.toContain('secret');
    noStack(result);
    const health = await fetch(`${studio.url}/health`);
    expect(health.status).toBe(500);
    const body = await health.text();
    expect(body).not.toContain('secret');
    noStack(body);
  });
});
