/**
 * The transport: one HTTP/1.1 server for plain requests, CONNECT, upgrades, and the connections
 * the CONNECT handler hands back (decrypted TLS, or plain HTTP inside a tunnel). Knows nothing of
 * cassettes; tracks every socket so `close()` ends them all.
 */
import http from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import type { ConnectionOrigin } from './request-target';
import { rejectOnSocket } from './websocket-hook';

export interface ProxyServerHandlers {
  request(req: IncomingMessage, res: ServerResponse, origin: ConnectionOrigin): void;
  connect(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer, origin: ConnectionOrigin): void;
}

/** Request line plus headers, in bytes; more gets 431. */
export const MAX_HEADER_BYTES = 64 * 1024;

const PLAIN: ConnectionOrigin = { scheme: 'http' };

export class ProxyServer {
  private readonly server: http.Server;
  private readonly origins = new WeakMap<object, ConnectionOrigin>();
  private readonly sockets = new Set<Duplex>();

  constructor(handlers: ProxyServerHandlers) {
    this.server = http.createServer({ maxHeaderSize: MAX_HEADER_BYTES });
    this.server.keepAliveTimeout = 30_000;
    this.server.on('connection', (socket: Socket) => this.track(socket));
    this.server.on('request', (req: IncomingMessage, res: ServerResponse) =>
      handlers.request(req, res, this.originOf(req.socket)),
    );
    this.server.on('connect', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      this.track(socket);
      handlers.connect(req, socket, head);
    });
    this.server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      this.track(socket);
      handlers.upgrade(req, socket, head, this.originOf(socket));
    });
    this.server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
      // A reset, or a TLS failure inside an intercepted tunnel: nothing useful can be written.
      if (error.code === 'ECONNRESET' || /^ERR_(SSL|TLS)_/.test(error.code ?? '')) {
        socket.destroy();
        return;
      }
      if (error.code === 'HPE_HEADER_OVERFLOW') {
        rejectOnSocket(
          socket,
          431,
          'Request Header Fields Too Large',
          'Magneto proxy: request headers too large',
        );
      } else if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
        rejectOnSocket(
          socket,
          408,
          'Request Timeout',
          'Magneto proxy: request not received in time',
        );
      } else {
        rejectOnSocket(
          socket,
          400,
          'Bad Request',
          `Magneto proxy: malformed request (${error.code ?? error.message})`,
        );
      }
    });
  }

  async listen(host: string, port: number): Promise<AddressInfo> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => {
        this.server.off('error', reject);
        resolve();
      });
    });
    return this.server.address() as AddressInfo;
  }

  /** Serves HTTP on a connection that came out of a CONNECT tunnel. */
  adopt(socket: Duplex, origin: ConnectionOrigin): void {
    this.origins.set(socket, origin);
    this.server.emit('connection', socket);
  }

  /** Keeps `socket` to be destroyed on close (tunnel ends, upstream sockets). */
  track(socket: Duplex): void {
    if (this.sockets.has(socket)) return;
    this.sockets.add(socket);
    socket.once('close', () => this.sockets.delete(socket));
  }

  /** Stops listening and ends every connection, idle or busy. */
  async close(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    for (const socket of this.sockets) socket.destroy();
    this.server.closeAllConnections();
    await closed;
  }

  private originOf(socket: object): ConnectionOrigin {
    return this.origins.get(socket) ?? PLAIN;
  }
}
