/** The proxy through the API: status, start, mode, live traffic, stop, and the CA certificate. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ProxyEngine } from '../../../proxy/engine/proxy-engine';
import { proxyRequest } from '../engine/helpers/proxy-request';
import { gql, gqlData, startStudio, take, waitFor, wsClient } from './api-harness';

const STATUS =
  'available running port mode effectiveMode cassette target counts { replayed recorded missed passthrough error }';

const servers: http.Server[] = [];
afterEach(async () => {
  await Promise.all(
    servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))),
  );
});

async function upstream(): Promise<string> {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"hello":"world"}');
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('proxy over the API', () => {
  it('reports an API-only studio and still hands out the CA certificate', async () => {
    const studio = await startStudio();
    const { proxyStatus } = await gqlData(studio.url, `{ proxyStatus { ${STATUS} } }`);
    expect(proxyStatus).toMatchObject({
      available: false,
      running: false,
      mode: 'AUTO',
      effectiveMode: 'PASSTHROUGH',
    });
    const start = await gql(studio.url, 'mutation { startProxy { running } }');
    expect(start.errors?.[0]?.extensions?.code).toBe('PROXY_UNAVAILABLE');
    const { caCertificate } = await gqlData(
      studio.url,
      '{ caCertificate { pem commonName notBefore notAfter sha256Fingerprint spkiFingerprintSha256Base64 } }',
    );
    expect(caCertificate.pem).toMatch(/^-----BEGIN CERTIFICATE-----/);
    expect(caCertificate.pem).not.toMatch(/PRIVATE KEY/);
    expect(caCertificate.commonName).toMatch(/^Magneto Studio CA /);
    expect(caCertificate.sha256Fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
  });

  it('starts, records, streams traffic, switches to replay and stops', async () => {
    const engine = new ProxyEngine();
    const studio = await startStudio({ engine });
    const origin = await upstream();

    const pending = await gqlData(
      studio.url,
      `mutation { setProxyMode(mode: RECORD, cassetteName: "rec") { ${STATUS} } }`,
    );
    expect(pending.setProxyMode).toMatchObject({ running: false, mode: 'RECORD', cassette: 'rec' });
    const started = await gqlData(
      studio.url,
      `mutation { startProxy(input: { port: 0 }) { ${STATUS} } }`,
    );
    expect(started.startProxy).toMatchObject({
      available: true,
      running: true,
      mode: 'RECORD',
      cassette: 'rec',
    });
    const proxyPort: number = started.startProxy.port;
    expect(proxyPort).toBeGreaterThan(0);

    const client = wsClient(studio.url);
    const listeners = engine.listenerCount('exchange');
    const traffic = take(
      client,
      'subscription { proxyTraffic(cassetteName: "rec") { id timestamp cassette protocol outcome matched latencyMs interactionId nearMisses { distance } request { method url bodySize } response { status bodySize headers } } }',
      {},
      2,
    );
    await waitFor(() => engine.listenerCount('exchange') > listeners);

    expect(await proxyRequest(proxyPort, { url: `${origin}/users?id=1` })).toMatchObject({
      status: 200,
      text: '{"hello":"world"}',
    });
    await waitFor(() => engine.status().counts.recorded === 1);
    const replay = await gqlData(
      studio.url,
      `mutation { setProxyMode(mode: REPLAY) { ${STATUS} } }`,
    );
    expect(replay.setProxyMode).toMatchObject({
      running: true,
      mode: 'REPLAY',
      effectiveMode: 'REPLAY',
      cassette: 'rec',
    });
    expect((await proxyRequest(proxyPort, { url: `${origin}/users?id=1` })).text).toBe(
      '{"hello":"world"}',
    );

    const events = (await traffic.results).map((result) => result.proxyTraffic);
    expect(events.map((event) => [event.outcome, event.matched])).toEqual([
      ['RECORDED', false],
      ['REPLAYED', true],
    ]);
    expect(events[0]).toMatchObject({
      cassette: 'rec',
      protocol: 'HTTP',
      request: { method: 'GET', url: `${origin}/users?id=1` },
      response: { status: 200, bodySize: 17 },
      nearMisses: [],
    });
    expect(events[1].interactionId).toBe(events[0].interactionId);

    const { proxyStatus } = await gqlData(studio.url, `{ proxyStatus { ${STATUS} } }`);
    expect(proxyStatus.counts).toMatchObject({ recorded: 1, replayed: 1 });
    const metrics = await (await fetch(`${studio.url}/metrics`)).text();
    expect(metrics).toMatch(/magneto_proxy_exchanges_total\{outcome="recorded"\} 1/);
    expect(metrics).toMatch(/magneto_proxy_exchange_latency_seconds_count\{outcome="replayed"\} 1/);

    const stopped = await gqlData(studio.url, `mutation { stopProxy { ${STATUS} } }`);
    expect(stopped.stopProxy).toMatchObject({
      running: false,
      port: null,
      mode: 'REPLAY',
      cassette: 'rec',
    });
    const { cassette } = await gqlData(
      studio.url,
      '{ cassette(name: "rec") { interactionCount } }',
    );
    expect(cassette.interactionCount).toBe(1);
  });

  it('reports a busy port as PROXY_FAILED and bad options as BAD_USER_INPUT', async () => {
    const busy = http.createServer();
    servers.push(busy);
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const port = (busy.address() as AddressInfo).port;
    const studio = await startStudio({ engine: new ProxyEngine() });
    const failed = await gql(
      studio.url,
      `mutation { startProxy(input: { port: ${port} }) { running } }`,
    );
    expect(failed.errors?.[0]?.extensions?.code).toBe('PROXY_FAILED');
    expect(failed.errors?.[0]?.message).toMatch(/Could not start the proxy/);
    const invalid = await gql(
      studio.url,
      'mutation { startProxy(input: { port: 0, target: "ftp://nope" }) { running } }',
    );
    expect(invalid.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
