/**
 * The client's side of the handshake: `ws` answers 101 with the chosen subprotocol and extra
 * headers. The connection comes back paused, so no frame is missed while the caller wires it up.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Headers } from '../../cassette/cassette.model';
import { headersFromHead } from './handshake-headers';

export interface AcceptOptions {
  /** The subprotocol to answer with, among those the client offers, or false for none. */
  protocol(offered: ReadonlySet<string>): string | false;
  /** Header lines added to the 101. */
  headerLines: readonly string[];
  /** Answer the client's pings (replay), or leave them to the caller (relay). */
  autoPong: boolean;
}

export type Accepted =
  | { ok: true; client: WebSocket; /** The 101's headers. */ headers: Headers }
  /** `status`: the HTTP answer the client should get; absent when the client is gone. */
  | { ok: false; status?: 400; error: string };

export function acceptClient(
  req: IncomingMessage,
  socket: Duplex,
  head: Buffer,
  options: AcceptOptions,
): Promise<Accepted> {
  return new Promise((resolve) => {
    if (!socket.readable || !socket.writable) {
      socket.destroy();
      resolve({ ok: false, error: 'the client went away before the handshake was answered' });
      return;
    }
    const server = new WebSocketServer({
      noServer: true,
      clientTracking: false,
      perMessageDeflate: false,
      autoPong: options.autoPong,
      handleProtocols: (offered) => options.protocol(offered),
    });
    let headers: Headers = {};
    server.on('headers', (lines: string[]) => {
      lines.push(...options.headerLines);
      headers = headersFromHead(lines);
    });
    server.on('wsClientError', (error) => {
      resolve({
        ok: false,
        status: 400,
        error: `not a valid WebSocket handshake: ${error.message}`,
      });
    });
    server.handleUpgrade(req, socket, head, (client) => {
      client.pause();
      resolve({ ok: true, client, headers });
    });
  });
}
