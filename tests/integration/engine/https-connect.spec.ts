import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import type { Socket } from 'node:net';
import tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetch, ProxyAgent } from 'undici';
import { MemoryCassetteStore } from '../../support/memory-cassette-store';
import {
  curl,
  makeTempDir,
  removeTempDir,
  startEngine,
  startHttpsUpstream,
  startHttpUpstream,
  type Upstream,
} from './helpers/servers';

let dataDir: string;
let secure: Upstream & { caPem: string };
let plain: Upstream;

const answer = (req: http.IncomingMessage, res: http.ServerResponse): void => {
  res.writeHead(200, { 'content-type': 'application/json', 'x-secure': 'yes' });
  res.end(JSON.stringify({ path: req.url, host: req.headers.host }));
};

beforeAll(async () => {
  dataDir = await makeTempDir('https');
  secure = await startHttpsUpstream(answer, dataDir);
  plain = await startHttpUpstream(answer);
});

afterAll(async () => {
  await secure.close();
  await plain.close();
  await removeTempDir(dataDir);
});

/** Opens a CONNECT tunnel through the proxy and returns the raw socket. */
function openTunnel(proxyPort: number, authority: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const request = http.request({
      host: '127.0.0.1',
      port: proxyPort,
      method: 'CONNECT',
      path: authority,
    });
    request.once('connect', (response, socket: Socket) => {
      if (response.statusCode === 200) resolve(socket);
      else reject(new Error(`CONNECT answered ${response.statusCode}`));
    });
    request.once('error', reject);
    request.end();
  });
}

function httpsThroughTunnel(
  socket: Socket,
  caPem: string,
  path: string,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = https.request(
      {
        host: 'localhost',
        port: secure.port,
        path,
        ca: caPem,
        // No agent: the request runs on the connection made here, TLS inside the tunnel.
        createConnection: () => tls.connect({ socket, servername: 'localhost', ca: caPem }),
      },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      },
    );
    request.once('error', reject);
    request.end();
  });
}

describe('HTTPS through CONNECT', () => {
  it('intercepts for curl with the studio CA, records, then replays without the upstream', async () => {
    const store = new MemoryCassetteStore();
    const recorder = await startEngine(dataDir, {
      store,
      upstreamCa: secure.caPem,
      cassette: 'tls',
    });
    const url = `${secure.origin}/secret/1?x=y`;
    const live = await curl(['-x', recorder.proxyUrl, '--cacert', recorder.caPath, url]);
    await recorder.engine.stop();
    expect(live.status).toBe(200);
    expect(JSON.parse(live.body)).toEqual({
      path: '/secret/1?x=y',
      host: `localhost:${secure.port}`,
    });
    expect(recorder.events).toHaveLength(1);
    expect(recorder.events[0]).toMatchObject({ protocol: 'https', outcome: 'recorded' });
    const recorded = store.get('tls')?.interactions[0];
    expect(recorded?.type === 'Http' && recorded.request.url).toBe(url);

    const replayer = await startEngine(dataDir, { store, mode: 'replay', cassette: 'tls' });
    const hits = secure.hits;
    const replayed = await curl(['-x', replayer.proxyUrl, '--cacert', replayer.caPath, url]);
    await replayer.engine.stop();
    expect(secure.hits).toBe(hits);
    expect(replayed.status).toBe(200);
    expect(replayed.body).toBe(live.body);
    expect(replayed.headers['x-secure']).toBe('yes');
  });

  it('refuses an upstream whose certificate is not trusted, recording a TlsError', async () => {
    const harness = await startEngine(dataDir, { cassette: 'untrusted' });
    const result = await curl([
      '-x',
      harness.proxyUrl,
      '--cacert',
      harness.caPath,
      `${secure.origin}/x`,
    ]);
    await harness.engine.stop();
    expect(result.status).toBe(502);
    expect(result.body).toContain('TlsError');
    const interaction = harness.store.get('untrusted')?.interactions[0];
    expect(interaction?.type === 'HttpError' && interaction.error.errorType).toBe('TlsError');
  });

  it('reports a client that does not trust the studio CA', async () => {
    const harness = await startEngine(dataDir, { mode: 'passthrough' });
    await expect(curl(['-x', harness.proxyUrl, `${secure.origin}/x`])).rejects.toThrow();
    await expect.poll(() => harness.events.length).toBe(1);
    await harness.engine.stop();
    expect(harness.events[0]).toMatchObject({ outcome: 'error', request: { method: 'CONNECT' } });
    expect(harness.events[0]?.error).toContain('does the client trust the Magneto CA');
  });

  it('serves undici ProxyAgent over HTTPS, several requests on one tunnel', async () => {
    const harness = await startEngine(dataDir, { mode: 'passthrough', upstreamCa: secure.caPem });
    const dispatcher = new ProxyAgent({ uri: harness.proxyUrl, requestTls: { ca: harness.caPem } });
    try {
      for (let i = 0; i < 3; i++) {
        const response = await fetch(`${secure.origin}/u/${i}`, { dispatcher });
        expect(response.status).toBe(200);
        expect(await response.json()).toEqual({
          path: `/u/${i}`,
          host: `localhost:${secure.port}`,
        });
      }
    } finally {
      await dispatcher.close();
      await harness.engine.stop();
    }
    expect(harness.events.map((e) => e.outcome)).toEqual([
      'passthrough',
      'passthrough',
      'passthrough',
    ]);
  });

  it('serves Node https.request over a tunnel it opened itself', async () => {
    const harness = await startEngine(dataDir, { mode: 'passthrough', upstreamCa: secure.caPem });
    try {
      const socket = await openTunnel(harness.port, `localhost:${secure.port}`);
      const result = await httpsThroughTunnel(socket, harness.caPem, '/node');
      expect(result.status).toBe(200);
      expect(JSON.parse(result.body)).toMatchObject({ path: '/node' });
      // The studio's certificate is not the upstream's: trusting only the upstream CA fails.
      const other = await openTunnel(harness.port, `localhost:${secure.port}`);
      await expect(httpsThroughTunnel(other, secure.caPem, '/node')).rejects.toThrow();
    } finally {
      await harness.engine.stop();
    }
  });

  it('keeps an intercepted connection alive, and resumes TLS sessions on later tunnels', async () => {
    const harness = await startEngine(dataDir, { mode: 'passthrough', upstreamCa: secure.caPem });
    const authority = `localhost:${secure.port}`;
    /** Two requests on one TLS connection in a new tunnel; its session, and whether it resumed one. */
    const twoRequests = async (session?: Buffer) => {
      const socket = await openTunnel(harness.port, authority);
      const secured = tls.connect({ socket, servername: 'localhost', ca: harness.caPem, session });
      const tickets: Buffer[] = [];
      secured.on('session', (ticket: Buffer) => tickets.push(ticket));
      const text = await new Promise<string>((resolve, reject) => {
        let received = '';
        secured.setEncoding('utf8');
        secured.on('data', (chunk: string) => (received += chunk));
        secured.once('end', () => resolve(received));
        secured.once('error', reject);
        secured.write(
          `GET /one HTTP/1.1\r\nHost: ${authority}\r\n\r\n` +
            `GET /two HTTP/1.1\r\nHost: ${authority}\r\nConnection: close\r\n\r\n`,
        );
      });
      return { text, reused: secured.isSessionReused(), ticket: tickets[0] };
    };
    try {
      const first = await twoRequests();
      expect(first.text.match(/HTTP\/1\.1 200/g)).toHaveLength(2);
      expect(first.text).toContain('"path":"/one"');
      expect(first.text).toContain('"path":"/two"');
      expect(first.reused).toBe(false);
      expect(first.ticket).toBeDefined();
      const second = await twoRequests(first.ticket);
      expect(second.reused).toBe(true);
      expect(second.text.match(/HTTP\/1\.1 200/g)).toHaveLength(2);
    } finally {
      await harness.engine.stop();
    }
    expect(harness.events.map((event) => event.outcome)).toEqual(Array(4).fill('passthrough'));
  });

  it('serves plain HTTP sent inside a CONNECT tunnel', async () => {
    const harness = await startEngine(dataDir, { mode: 'passthrough' });
    try {
      const socket = await openTunnel(harness.port, `127.0.0.1:${plain.port}`);
      const text = await new Promise<string>((resolve, reject) => {
        let received = '';
        socket.setEncoding('utf8');
        socket.on('data', (chunk: string) => (received += chunk));
        socket.once('end', () => resolve(received));
        socket.once('error', reject);
        socket.write(
          `GET /inside HTTP/1.1\r\nHost: 127.0.0.1:${plain.port}\r\nConnection: close\r\n\r\n`,
        );
      });
      expect(text).toMatch(/^HTTP\/1\.1 200/);
      expect(text).toContain('"path":"/inside"');
    } finally {
      await harness.engine.stop();
    }
    expect(harness.events[0]?.request.url).toBe(`http://127.0.0.1:${plain.port}/inside`);
  });

  it('tunnels hosts matching tunnelHosts without interception', async () => {
    const harness = await startEngine(dataDir, { tunnelHosts: ['local*'], cassette: 'tunnel' });
    try {
      const socket = await openTunnel(harness.port, `localhost:${secure.port}`);
      // The upstream's own certificate comes through: its CA verifies it.
      const result = await httpsThroughTunnel(socket, secure.caPem, '/direct');
      expect(result.status).toBe(200);
      const refused = await new Promise<number>((resolve) => {
        const request = http.request({
          host: '127.0.0.1',
          port: harness.port,
          method: 'CONNECT',
          path: 'localhost:1',
        });
        request.once('connect', (response) => resolve(response.statusCode ?? 0));
        request.end();
      });
      expect(refused).toBe(502);
    } finally {
      await harness.engine.stop();
    }
    expect(harness.store.get('tunnel')).toBeUndefined();
    expect(harness.events.map((e) => [e.request.method, e.outcome])).toEqual([
      ['CONNECT', 'passthrough'],
      ['CONNECT', 'error'],
    ]);
  });

  it('answers 400 to a CONNECT target that is not host:port', async () => {
    const harness = await startEngine(dataDir, {});
    try {
      const text = await new Promise<string>((resolve) => {
        const socket = net.connect(harness.port, '127.0.0.1', () =>
          socket.write('CONNECT nonsense HTTP/1.1\r\nHost: x\r\n\r\n'),
        );
        let received = '';
        socket.setEncoding('utf8');
        socket.on('data', (chunk: string) => (received += chunk));
        socket.once('close', () => resolve(received));
      });
      expect(text).toMatch(/^HTTP\/1\.1 400/);
    } finally {
      await harness.engine.stop();
    }
  });
});
