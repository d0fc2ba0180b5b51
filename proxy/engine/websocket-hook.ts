/**
 * Where WebSocket proxying plugs in. The engine passes every HTTP upgrade request — on the plain
 * listener, in reverse-proxy mode, and inside CONNECT tunnels (decrypted when intercepted) — to
 * the `WebSocketHandler` in its options: by default the engine's own (./websocket/), or none (null),
 * and then upgrades get a clean 501.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { CassetteSession } from './cassette-session';
import type { ExchangeReport } from './exchange-report';
import type { ConnectionOrigin } from './request-target';
import type { RuntimeSettings } from './runtime-settings';
import type { UpstreamOptions } from './upstream-client';

export interface UpgradeContext {
  /** Absolute `ws://` or `wss://` URL of the upstream endpoint. */
  url: URL;
  /** How the connection reached the proxy (`https` inside an intercepted tunnel). */
  origin: ConnectionOrigin;
  /** The cassette in use: its mode, `matchWebSocket`, and `record` for the finished session. */
  session: CassetteSession;
  settings: RuntimeSettings;
  /** How to reach upstreams: extra CAs, certificate checks, host name resolution. */
  upstream: UpstreamOptions;
  /** This engine's `Via` entry (`1.1 magneto-<id>`): an upgrade carrying it looped back. */
  via: string;
  /** Report the session's single exchange event (protocol `ws`/`wss`) when it ends. */
  report(event: ExchangeReport): void;
}

export interface WebSocketHandler {
  /**
   * Takes over `socket` (the client connection, already detached from the HTTP parser; `head` is
   * the first bytes after the upgrade request). Must not throw for bad input: answer or destroy.
   * A returned promise should settle when the session is over: `stop()` waits for it before the
   * last save, so a session ended by the stop is still recorded.
   */
  handleUpgrade(
    req: IncomingMessage,
    socket: Duplex,
    head: Buffer,
    context: UpgradeContext,
  ): void | Promise<void>;
}

/** Writes a small HTTP error answer on a raw socket and closes it. */
export function rejectOnSocket(
  socket: Duplex,
  status: number,
  reason: string,
  text: string,
  extraHeaders: Readonly<Record<string, string>> = {},
): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const body = Buffer.from(`${text}\n`, 'utf8');
  const extra = Object.entries(extraHeaders).map(([name, value]) => `${name}: ${value}\r\n`);
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: text/plain; charset=utf-8\r\n${extra.join('')}` +
      `Content-Length: ${body.length}\r\nConnection: close\r\n\r\n${body.toString('utf8')}`,
  );
}
