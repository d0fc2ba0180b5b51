import { copyFile, mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DirectoryCassetteStore } from '../../../proxy/engine/directory-cassette-store';
import { magnetoFixture } from '../../support/fixtures';
import { proxyRequest } from './helpers/proxy-request';
import { makeTempDir, removeTempDir, startEngine, type EngineHarness } from './helpers/servers';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const EXAMPLES = magnetoFixture('v0.4-template-examples');

let dataDir: string;
let harness: EngineHarness;
let started: number;

beforeAll(async () => {
  dataDir = await makeTempDir('v04-templates');
  const cassettes = path.join(dataDir, 'cassettes');
  const files = (await readdir(EXAMPLES)).filter((file) => file.endsWith('.json'));
  expect(files).toHaveLength(3);
  await mkdir(cassettes, { recursive: true });
  for (const file of files) await copyFile(path.join(EXAMPLES, file), path.join(cassettes, file));
  harness = await startEngine(dataDir, {
    store: new DirectoryCassetteStore(cassettes),
    mode: 'replay',
    cassette: 'dynamic-timestamps',
  });
  started = Date.now();
});

afterAll(async () => {
  await harness.engine.stop();
  await removeTempDir(dataDir);
});

/** Replays a request from `cassette` through the proxy: the recorded status, and JSON. */
async function replayJson(
  cassette: string,
  request: Parameters<typeof proxyRequest>[1],
  status = 200,
): Promise<Record<string, unknown>> {
  await harness.engine.reconfigure({ cassette });
  const response = await proxyRequest(harness.port, request);
  expect(response.status).toBe(status);
  expect(response.headers['x-magneto-miss']).toBeUndefined();
  return JSON.parse(response.text) as Record<string, unknown>;
}

function expectFresh(time: unknown): void {
  expect(typeof time).toBe('string');
  expect(Date.parse(time as string)).toBeGreaterThanOrEqual(started - 1000);
  expect(Date.parse(time as string)).toBeLessThanOrEqual(Date.now() + 1000);
}

describe("Magneto-Serge's v0.4 template examples replayed through the proxy", () => {
  it('dynamic-timestamps: the current time, Unix seconds and fresh UUIDs', async () => {
    const clock = await replayJson('dynamic-timestamps', {
      url: 'https://api.example.com/v1/time/current',
    });
    expectFresh(clock['iso8601']);
    expect(clock['timezone']).toBe('UTC');
    const seconds = Math.floor(Date.parse(clock['iso8601'] as string) / 1000);
    expect(Math.abs((clock['unix_epoch'] as number) - seconds)).toBeLessThanOrEqual(1);

    const post = {
      method: 'POST',
      url: 'https://api.example.com/v1/events',
      headers: { 'content-type': 'application/json' },
      body: '{"name":"test"}',
    };
    const first = await replayJson('dynamic-timestamps', post, 201);
    const second = await replayJson('dynamic-timestamps', post, 201);
    expect(first['id']).toMatch(UUID_V4);
    expect(second['id']).toMatch(UUID_V4);
    expect(second['id']).not.toBe(first['id']);
    expect(first['created_at']).toBe(first['updated_at']);
    expectFresh(first['created_at']);
    expect(first['name']).toBe('test');
  });

  it('webhook-with-request-data: echoes the live request', async () => {
    const webhook = await replayJson(
      'webhook-with-request-data',
      {
        method: 'POST',
        url: 'https://webhooks.example.com/api/events',
        headers: {
          'content-type': 'application/json',
          'x-user-id': 'user-777',
          'x-session-id': 'sess-xyz',
        },
        body: '{"event":"user.created"}',
      },
      201,
    );
    expect(webhook).toMatchObject({
      event: 'user.created',
      user_id: 'user-777',
      session_id: 'sess-xyz',
      method: 'POST',
      endpoint: 'https://webhooks.example.com/api/events',
    });
    expect(webhook['webhook_id']).toMatch(UUID_V4);
    expectFresh(webhook['timestamp']);
    expect(typeof webhook['unix_time']).toBe('number');
  });

  it('api-auth-with-env: the token only once the engine allows the variable', async () => {
    const request = {
      method: 'POST',
      url: 'https://api.example.com/v1/auth/token',
      headers: { 'content-type': 'application/json' },
      body: '{"username":"test"}',
    };
    process.env['API_ACCESS_TOKEN'] = 'token-from-env';
    try {
      const withDefaults = await replayJson('api-auth-with-env', request);
      expect(withDefaults).toMatchObject({ access_token: '', token_type: 'Bearer' });
      expect(withDefaults['request_id']).toMatch(UUID_V4);
      expectFresh(withDefaults['issued_at']);

      await harness.engine.reconfigure({ templateEnvAllowList: ['MAGNETO_*', 'API_*'] });
      const allowed = await replayJson('api-auth-with-env', request);
      expect(allowed).toMatchObject({ access_token: 'token-from-env', expires_in: 3600 });
    } finally {
      delete process.env['API_ACCESS_TOKEN'];
    }
  });
});
