import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpErrorInteraction, HttpInteraction } from '../../../proxy/cassette/cassette.model';
import { bodyText } from '../../../proxy/cassette/body';
import { proxyRequest } from './helpers/proxy-request';
import { makeTempDir, removeTempDir, startEngine, startHttpUpstream } from './helpers/servers';

let dataDir: string;

beforeAll(async () => {
  dataDir = await makeTempDir('connections');
});

afterAll(async () => {
  await removeTempDir(dataDir);
});

interface Seen {
  method: string;
  path: string;
  connection: number;
}

/**
 * A keep-alive server that answers the first request on each connection and closes the
 * connection when a second one comes: what a server does when its idle time-out ends just as the
 * proxy reuses the connection.
 */
async function startOneShotServer(): Promise<{
  port: number;
  seen: Seen[];
  close(): Promise<void>;
}> {
  const seen: Seen[] = [];
  const sockets = new Set<net.Socket>();
  let connections = 0;
  const server = net.createServer((socket) => {
    const connection = ++connections;
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    let buffered = '';
    socket.setEncoding('latin1');
    socket.on('data', (text: string) => {
      buffered += text;
      const headEnd = buffered.indexOf('\r\n\r\n');
      if (headEnd < 0) return;
      const [method = '', path = ''] = buffered.slice(0, buffered.indexOf(' HTTP/')).split(' ');
      buffered = '';
      seen.push({ method, path, connection });
      if (seen.filter((one) => one.connection === connection).length > 1) {
        socket.destroy();
        return;
      }
      const body = `answer to ${path}`;
      socket.write(
        `HTTP/1.1 200 OK\r\ncontent-type: text/plain\r\ncontent-length: ${body.length}\r\n\r\n${body}`,
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

describe('upstream connections', () => {
  it('sends a body-less request again when a reused connection turns out closed', async () => {
    const upstream = await startOneShotServer();
    const harness = await startEngine(dataDir, { cassette: 'stale' });
    const origin = `http://127.0.0.1:${upstream.port}`;
    const first = await proxyRequest(harness.port, { url: `${origin}/a` });
    const second = await proxyRequest(harness.port, { url: `${origin}/b` });
    await harness.engine.stop();
    await upstream.close();

    expect([first.status, first.text]).toEqual([200, 'answer to /a']);
    expect([second.status, second.text]).toEqual([200, 'answer to /b']);
    expect(upstream.seen).toEqual([
      { method: 'GET', path: '/a', connection: 1 },
      { method: 'GET', path: '/b', connection: 1 },
      { method: 'GET', path: '/b', connection: 2 },
    ]);
    const recorded = (harness.store.get('stale')?.interactions ?? []) as HttpInteraction[];
    expect(recorded.map((one) => bodyText(one.response.body))).toEqual([
      'answer to /a',
      'answer to /b',
    ]);
    expect(harness.events.map((event) => event.outcome)).toEqual(['recorded', 'recorded']);
  });

  it('never sends a streamed request body twice', async () => {
    const upstream = await startOneShotServer();
    const harness = await startEngine(dataDir, { cassette: 'stale-body' });
    const origin = `http://127.0.0.1:${upstream.port}`;
    const first = await proxyRequest(harness.port, { url: `${origin}/a` });
    const second = await proxyRequest(harness.port, {
      method: 'POST',
      url: `${origin}/c`,
      headers: { 'content-type': 'text/plain' },
      body: 'once only',
    }).catch((error: unknown) => error);
    await expect.poll(() => harness.events.length).toBe(2);
    await harness.engine.stop();
    await upstream.close();

    expect(first.status).toBe(200);
    // The failure is the client's to see: a broken connection, as the upstream broke it.
    expect(second).toBeInstanceOf(Error);
    expect(upstream.seen).toEqual([
      { method: 'GET', path: '/a', connection: 1 },
      { method: 'POST', path: '/c', connection: 1 },
    ]);
    const failed = harness.store.get('stale-body')?.interactions[1] as HttpErrorInteraction;
    expect(failed).toMatchObject({ type: 'HttpError', request: { method: 'POST' } });
    expect(failed.error.errorType).toBe('ConnectionReset');
    expect(bodyText(failed.request.body)).toBe('once only');
  });

  it('reads a large upstream body only as fast as a slow client takes it', async () => {
    const size = 128 * 1024 * 1024;
    const piece = Buffer.alloc(64 * 1024, 'x');
    let sent = 0;
    const upstream = await startHttpUpstream((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain', 'content-length': String(size) });
      const pump = (): void => {
        while (sent < size) {
          sent += piece.length;
          if (!res.write(piece)) {
            res.once('drain', pump);
            return;
          }
        }
        res.end();
      };
      pump();
    });
    const harness = await startEngine(dataDir, { cassette: 'large', recordBodyLimit: 1024 });

    const { response, request } = await new Promise<{
      response: http.IncomingMessage;
      request: http.ClientRequest;
    }>((resolve, reject) => {
      const request = http.get(
        { host: '127.0.0.1', port: harness.port, path: `${upstream.origin}/large`, agent: false },
        (response) => {
          response.pause();
          resolve({ response, request });
        },
      );
      request.once('error', reject);
    });
    // The client takes nothing: the upstream soon cannot send more (socket buffers, no more).
    let last = -1;
    while (sent !== last) {
      last = sent;
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    const sentWhilePaused = sent;
    let received = 0;
    response.on('data', (chunk: Buffer) => (received += chunk.length));
    response.resume();
    await new Promise((resolve) => response.once('end', resolve));
    request.destroy();
    await expect.poll(() => harness.events.length).toBe(1);
    await harness.engine.stop();
    await upstream.close();

    expect(sentWhilePaused).toBeLessThan(size / 3);
    expect(received).toBe(size);
    const recorded = harness.store.get('large')?.interactions[0] as HttpInteraction;
    expect(recorded.response.body).toMatchObject({ truncated: true, originalSize: size });
    expect(bodyText(recorded.response.body)).toHaveLength(1024);
  });

  it('reads and drops the rest of a streamed body it could not send, keeping the connection', async () => {
    const refused = net.createServer();
    await new Promise<void>((resolve) => refused.listen(0, '127.0.0.1', resolve));
    const closedPort = (refused.address() as AddressInfo).port;
    await new Promise<void>((resolve) => refused.close(() => resolve()));
    const upstream = await startHttpUpstream((_req, res) => res.end('still here'));
    const harness = await startEngine(dataDir, { cassette: 'refused-body' });
    const socket = net.connect(harness.port, '127.0.0.1');
    let received = '';
    socket.setEncoding('latin1');
    socket.on('data', (text: string) => (received += text));
    const until = async (seen: string): Promise<void> => {
      while (!received.includes(seen)) await new Promise((resolve) => setTimeout(resolve, 10));
    };
    const size = 4 * 1024 * 1024;
    socket.write(
      `POST http://127.0.0.1:${closedPort}/upload HTTP/1.1\r\nhost: 127.0.0.1:${closedPort}\r\n` +
        `content-length: ${size}\r\n\r\n`,
    );
    socket.write(Buffer.alloc(size, 'y'));
    await until('ConnectionRefused');
    const upstreamHost = new URL(upstream.origin).host;
    socket.write(`GET ${upstream.origin}/next HTTP/1.1\r\nhost: ${upstreamHost}\r\n\r\n`);
    await until('still here');
    socket.destroy();
    await harness.engine.stop();
    await upstream.close();

    expect(received).toMatch(/^HTTP\/1\.1 502 /);
    expect(received).toContain('HTTP/1.1 200 OK');
    expect(harness.events.map((event) => event.response?.status)).toEqual([502, 200]);
  });
});
