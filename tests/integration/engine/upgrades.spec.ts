import type { IncomingMessage } from 'node:http';
import net from 'node:net';
import type { Duplex } from 'node:stream';
import tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UpgradeContext, WebSocketHandler } from '../../../proxy/engine/websocket-hook';
import { makeTempDir, removeTempDir, startEngine } from './helpers/servers';

let dataDir: string;

beforeAll(async () => {
  dataDir = await makeTempDir('upgrades');
});

afterAll(async () => {
  await removeTempDir(dataDir);
});

const UPGRADE_HEADERS =
  'Connection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n';

/** Sends `request` on `socket` and resolves with everything received until the peer closes. */
function exchange(socket: Duplex, request: string): Promise<string> {
  return new Promise((resolve) => {
    let received = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (received += chunk));
    socket.once('close', () => resolve(received));
    socket.once('error', () => resolve(received));
    socket.write(request);
  });
}

function connectThroughProxy(port: number, authority: string): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () =>
      socket.write(`CONNECT ${authority} HTTP/1.1\r\nHost: ${authority}\r\n\r\n`),
    );
    socket.once('data', (chunk: Buffer) => {
      if (chunk.toString().startsWith('HTTP/1.1 200')) resolve(socket);
      else reject(new Error(chunk.toString()));
    });
    socket.once('error', reject);
  });
}

/** A handler that answers 101 and writes the URL it was given, then closes. */
class EchoUpgradeHandler implements WebSocketHandler {
  readonly seen: UpgradeContext[] = [];
  handleUpgrade(
    _req: IncomingMessage,
    socket: Duplex,
    _head: Buffer,
    context: UpgradeContext,
  ): void {
    this.seen.push(context);
    socket.end(
      `HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n${context.url.href}`,
    );
  }
}

describe('protocol upgrades', () => {
  it('answers 501 with a message when WebSocket handling is turned off', async () => {
    const harness = await startEngine(dataDir, { mode: 'passthrough', webSocketHandler: null });
    const socket = net.connect(harness.port, '127.0.0.1');
    const answer = await exchange(
      socket,
      `GET http://127.0.0.1:9/chat HTTP/1.1\r\nHost: 127.0.0.1:9\r\n${UPGRADE_HEADERS}\r\n`,
    );
    await harness.engine.stop();
    expect(answer).toMatch(/^HTTP\/1\.1 501 Not Implemented/);
    expect(answer).toContain('WebSocket');
    expect(harness.events).toHaveLength(1);
    expect(harness.events[0]).toMatchObject({
      protocol: 'ws',
      outcome: 'error',
      response: { status: 501 },
    });
  });

  it('hands plain, reverse-proxied and TLS-intercepted upgrades to the handler', async () => {
    const handler = new EchoUpgradeHandler();
    const harness = await startEngine(dataDir, {
      mode: 'passthrough',
      webSocketHandler: handler,
      target: 'http://127.0.0.1:9/base',
    });
    const plain = await exchange(
      net.connect(harness.port, '127.0.0.1'),
      `GET http://127.0.0.1:9/chat?room=1 HTTP/1.1\r\nHost: 127.0.0.1:9\r\n${UPGRADE_HEADERS}\r\n`,
    );
    const reverse = await exchange(
      net.connect(harness.port, '127.0.0.1'),
      `GET /socket HTTP/1.1\r\nHost: 127.0.0.1\r\n${UPGRADE_HEADERS}\r\n`,
    );
    const tunnel = await connectThroughProxy(harness.port, 'chat.example.test:443');
    const secure = tls.connect({
      socket: tunnel,
      servername: 'chat.example.test',
      ca: harness.caPem,
    });
    await new Promise<void>((resolve, reject) => {
      secure.once('secureConnect', resolve);
      secure.once('error', reject);
    });
    const intercepted = await exchange(
      secure,
      `GET /live HTTP/1.1\r\nHost: chat.example.test\r\n${UPGRADE_HEADERS}\r\n`,
    );
    await harness.engine.stop();
    expect(plain).toMatch(/^HTTP\/1\.1 101/);
    expect(plain.endsWith('ws://127.0.0.1:9/chat?room=1')).toBe(true);
    expect(reverse.endsWith('ws://127.0.0.1:9/base/socket')).toBe(true);
    expect(intercepted.endsWith('wss://chat.example.test/live')).toBe(true);
    expect(handler.seen.map((context) => context.origin.scheme)).toEqual(['http', 'http', 'https']);
    expect(handler.seen[0]?.session.mode).toBe('passthrough');
  });
});
