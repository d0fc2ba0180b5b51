/**
 * WebSocket upgrades that cannot become a session: refused by the upstream, no upstream, a loop
 * back to the proxy, another protocol.
 */
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import net from 'node:net';
import { WebSocket } from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, removeTempDir, startEngine } from './helpers/servers';
import { refused } from './helpers/websocket-peers';

let dataDir: string;

beforeAll(async () => {
  dataDir = await makeTempDir('websocket-failures');
});

afterAll(async () => {
  await removeTempDir(dataDir);
});

async function listen(server: http.Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

describe('WebSocket upgrades that cannot be relayed', () => {
  it("passes on the upstream's refusal of the upgrade", async () => {
    const refusing = http.createServer();
    refusing.on('upgrade', (_req, socket: Socket) =>
      socket.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n'),
    );
    const port = await listen(refusing);
    const harness = await startEngine(dataDir, {
      mode: 'record',
      cassette: 'refused',
      target: `http://127.0.0.1:${port}`,
    });
    const answer = await refused(new WebSocket(`ws://127.0.0.1:${harness.port}/chat`));
    await harness.engine.stop();
    refusing.close();
    expect(answer.status).toBe(403);
    expect(answer.body).toContain('the upstream server answered 403 Forbidden');
    expect(harness.events[0]).toMatchObject({
      protocol: 'ws',
      outcome: 'error',
      response: { status: 403 },
    });
    expect(harness.store.get('refused')).toBeUndefined();
  });

  it('answers 502 when the upstream cannot be reached', async () => {
    const closed = http.createServer();
    const port = await listen(closed);
    await new Promise((resolve) => closed.close(resolve));
    const harness = await startEngine(dataDir, {
      mode: 'record',
      target: `http://127.0.0.1:${port}`,
    });
    const answer = await refused(new WebSocket(`ws://127.0.0.1:${harness.port}/chat`));
    await harness.engine.stop();
    expect(answer.status).toBe(502);
    expect(answer.body).toContain('ConnectionRefused');
    expect(harness.events[0]).toMatchObject({ outcome: 'error', response: { status: 502 } });
  });

  it('answers 504 when the upstream does not answer the upgrade in time, and stops at once', async () => {
    const sockets = new Set<Socket>();
    const silent = net.createServer((socket) => sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const target = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
    const quick = await startEngine(dataDir, { mode: 'record', target, upstreamTimeoutMs: 200 });
    const answer = await refused(new WebSocket(`ws://127.0.0.1:${quick.port}/chat`));
    await quick.engine.stop();
    expect(answer.status).toBe(504);
    expect(quick.events[0]).toMatchObject({ outcome: 'error', response: { status: 504 } });

    // Stopping while the upstream is still silent ends the attempt (no wait for the time limit).
    const slow = await startEngine(dataDir, { mode: 'record', target, upstreamTimeoutMs: 600_000 });
    const pending = new WebSocket(`ws://127.0.0.1:${slow.port}/chat`);
    pending.on('error', () => undefined);
    while (sockets.size < 2) await new Promise((resolve) => setTimeout(resolve, 10));
    await slow.engine.stop();
    expect(slow.events[0]).toMatchObject({
      outcome: 'error',
      error: expect.stringContaining('the client went away before the upstream answered'),
    });
    for (const socket of sockets) socket.destroy();
    silent.close();
  });

  it('answers 508 to an upgrade that loops back to the proxy', async () => {
    const harness = await startEngine(dataDir, { mode: 'passthrough' });
    await harness.engine.reconfigure({ target: `http://127.0.0.1:${harness.port}` });
    const answer = await refused(new WebSocket(`ws://127.0.0.1:${harness.port}/chat`));
    await harness.engine.stop();
    // The looped upgrade is refused; the first one passes that refusal on.
    expect(answer.status).toBe(508);
    expect(harness.events.map((event) => event.error)).toEqual([
      expect.stringContaining('leads back to this proxy (a request loop)'),
      expect.stringContaining('the upstream server answered 508 Loop Detected'),
    ]);
  });

  it('answers 501 to an upgrade to another protocol', async () => {
    const harness = await startEngine(dataDir, { mode: 'record', target: 'http://127.0.0.1:9' });
    const answer = await new Promise<string>((resolve) => {
      let received = '';
      const socket = net.connect(harness.port, '127.0.0.1', () =>
        socket.write(
          'GET /x HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Upgrade\r\nUpgrade: h2c\r\n\r\n',
        ),
      );
      socket.setEncoding('utf8');
      socket.on('data', (chunk: string) => (received += chunk));
      socket.once('close', () => resolve(received));
    });
    await harness.engine.stop();
    expect(answer).toMatch(/^HTTP\/1\.1 501 Not Implemented/);
    expect(answer).toContain('only WebSocket upgrades are supported, not "h2c"');
    expect(harness.events[0]).toMatchObject({ outcome: 'error', response: { status: 501 } });
  });
});
