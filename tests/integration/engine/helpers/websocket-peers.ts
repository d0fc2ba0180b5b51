/**
 * WebSocket peers for engine tests: a chat upstream (ws or wss on 127.0.0.1), clients that reach
 * it through the proxy (reverse-proxy URL, or a CONNECT tunnel, with TLS inside for wss), and a
 * queue of what a client receives.
 */
import http from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import path from 'node:path';
import tls from 'node:tls';
import { WebSocket, WebSocketServer } from 'ws';
import { loadOrCreateCertificateAuthority } from '../../../../proxy/tls/certificate-authority';
import { LeafCertificateCache } from '../../../../proxy/tls/leaf-certificates';

/** Milliseconds the chat upstream waits before its unprompted `tick`. */
export const TICK_DELAY_MS = 150;

export interface ChatUpstream {
  port: number;
  /** Upgrade requests' headers, in arrival order. */
  handshakes: IncomingHttpHeaders[];
  /** The upstream's CA certificate (wss only). */
  caPem?: string;
  close(): Promise<void>;
}

/**
 * A chat server: says `welcome` on connection and `tick` {@link TICK_DELAY_MS} later; echoes text
 * as `echo:<text>`, sends binary back reversed, answers pings; `leave` closes with 1000 "bye".
 */
function chat(server: http.Server, handshakes: IncomingHttpHeaders[]): WebSocketServer {
  const wss = new WebSocketServer({ server });
  wss.on('connection', (ws, req) => {
    handshakes.push(req.headers);
    ws.send('welcome');
    const tick = setTimeout(() => ws.send('tick'), TICK_DELAY_MS);
    ws.on('close', () => clearTimeout(tick));
    ws.on('message', (data, isBinary) => {
      const bytes = data as Buffer;
      if (isBinary) ws.send(Buffer.from(bytes).reverse(), { binary: true });
      else if (bytes.toString() === 'leave') ws.close(1000, 'bye');
      else ws.send(`echo:${bytes.toString()}`);
    });
  });
  return wss;
}

async function serve(server: http.Server, caPem?: string): Promise<ChatUpstream> {
  const handshakes: IncomingHttpHeaders[] = [];
  const wss = chat(server, handshakes);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return {
    port: (server.address() as AddressInfo).port,
    handshakes,
    ...(caPem !== undefined && { caPem }),
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export function startChatUpstream(): Promise<ChatUpstream> {
  return serve(http.createServer());
}

/** A wss chat upstream for `localhost`, its certificate issued by a CA of its own. */
export async function startSecureChatUpstream(tempDir: string): Promise<ChatUpstream> {
  const ca = await loadOrCreateCertificateAuthority(path.join(tempDir, 'ws-upstream-ca'));
  const leaf = await new LeafCertificateCache(ca).getCertificate('localhost');
  return serve(https.createServer({ cert: leaf.certPem, key: leaf.keyPem }), ca.certificatePem);
}

/** Opens a CONNECT tunnel through the proxy. */
export function openTunnel(proxyPort: number, authority: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const request = http.request({
      host: '127.0.0.1',
      port: proxyPort,
      method: 'CONNECT',
      path: authority,
    });
    request.once('connect', (response, socket) => {
      if (response.statusCode === 200) resolve(socket);
      else reject(new Error(`CONNECT answered ${response.statusCode}`));
    });
    request.once('error', reject);
    request.end();
  });
}

/** A client for `url` through a CONNECT tunnel (TLS inside it for wss, trusting `caPem`). */
export async function connectThroughTunnel(
  proxyPort: number,
  url: string,
  caPem: string,
  protocols: string[] = [],
): Promise<WebSocket> {
  const target = new URL(url);
  const tunnel = await openTunnel(proxyPort, target.host);
  const socket =
    target.protocol === 'wss:'
      ? tls.connect({ socket: tunnel, servername: target.hostname, ca: caPem })
      : tunnel;
  return new WebSocket(url, protocols, { createConnection: () => socket });
}

export type Received =
  | { kind: 'text'; data: string }
  | { kind: 'binary'; data: number[] }
  | { kind: 'ping' | 'pong'; data: string }
  | { kind: 'close'; code: number; reason: string };

/** Everything a client receives, in order, to be awaited one by one. */
export class ReceivedQueue {
  /** When each item arrived, in milliseconds since the queue was made. */
  readonly arrivals: number[] = [];
  private readonly received: Received[] = [];
  private readonly waiting: Array<() => void> = [];
  private read = 0;
  private readonly startedAt = performance.now();

  constructor(ws: WebSocket) {
    ws.on('message', (data, isBinary) => {
      const bytes = data as Buffer;
      this.push(
        isBinary ? { kind: 'binary', data: [...bytes] } : { kind: 'text', data: bytes.toString() },
      );
    });
    ws.on('ping', (data) => this.push({ kind: 'ping', data: data.toString() }));
    ws.on('pong', (data) => this.push({ kind: 'pong', data: data.toString() }));
    ws.on('close', (code, reason) => this.push({ kind: 'close', code, reason: reason.toString() }));
    ws.on('error', () => undefined);
  }

  /** The next thing received (waits up to `timeoutMs`). */
  async next(timeoutMs = 5000): Promise<Received> {
    if (this.read >= this.received.length) {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('nothing received in time')), timeoutMs);
        this.waiting.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    const item = this.received[this.read++];
    if (item === undefined) throw new Error('queue out of order');
    return item;
  }

  /** Everything up to and including the close. */
  async untilClose(timeoutMs = 5000): Promise<Received[]> {
    const out: Received[] = [];
    for (;;) {
      const item = await this.next(timeoutMs);
      out.push(item);
      if (item.kind === 'close') return out;
    }
  }

  private push(item: Received): void {
    this.received.push(item);
    this.arrivals.push(performance.now() - this.startedAt);
    this.waiting.shift()?.();
  }
}

/** Resolves when `ws` is open; rejects with the HTTP status when the upgrade is refused. */
export function opened(ws: WebSocket): Promise<void> {
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
}

/** The HTTP answer to an upgrade that was refused. */
export function refused(
  ws: WebSocket,
): Promise<{ status: number; headers: IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    ws.once('open', () => reject(new Error('the upgrade was accepted')));
    ws.once('error', () => undefined);
    ws.once('unexpected-response', (_request, response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => {
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body });
        ws.terminate();
      });
    });
  });
}

/** The chat every test plays: the server messages it expects, in order, end with 1000 "bye". */
export const CHAT_REPLIES: Received[] = [
  { kind: 'text', data: 'welcome' },
  { kind: 'text', data: 'tick' },
  { kind: 'text', data: 'echo:hello' },
  { kind: 'binary', data: [3, 2, 1] },
  { kind: 'pong', data: 'are you there' },
  { kind: 'text', data: 'echo:{"user":"ann","n":1}' },
  { kind: 'close', code: 1000, reason: 'bye' },
];

/**
 * Plays the chat on an open client: waits for `welcome` and `tick`, then sends each message after
 * the previous answer. `json` is the JSON text sent (key order may differ from the recording).
 */
export async function playChat(
  ws: WebSocket,
  queue: ReceivedQueue,
  json = '{"user":"ann","n":1}',
): Promise<Received[]> {
  const got = [await queue.next(), await queue.next()];
  ws.send('hello');
  got.push(await queue.next());
  ws.send(Buffer.from([1, 2, 3]), { binary: true });
  got.push(await queue.next());
  ws.ping('are you there');
  got.push(await queue.next());
  ws.send(json);
  got.push(await queue.next());
  ws.send('leave');
  got.push(...(await queue.untilClose()));
  return got;
}
