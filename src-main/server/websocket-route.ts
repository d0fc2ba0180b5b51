/**
 * WebSocket upgrades on /graphql: Host, Origin and rate checks before the handshake (refused with
 * an HTTP status, never upgraded), then graphql-ws with keep-alive pings.
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { GraphQLRuntime } from './graphql-execution';
import { graphqlWsOptions } from './graphql-ws-options';
import type { RateLimiter } from './rate-limiter';
import {
  bearerToken,
  hostAllowed,
  originAllowed,
  tokenMatches,
  type HostPolicy,
} from './request-guard';
import type { ServerPolicy } from './server-policy';

export interface WebSocketRoute {
  close(): Promise<void>;
}

function refuse(socket: Duplex, status: number, text: string, headers: string[] = []): void {
  const body = JSON.stringify({
    error: { code: text.toUpperCase().replace(/ /g, '_'), message: text },
  });
  socket.end(
    [
      `HTTP/1.1 ${status} ${text}`,
      'Connection: close',
      'Content-Type: application/json',
      `Content-Length: ${Buffer.byteLength(body)}`,
      ...headers,
      '',
      body,
    ].join('\r\n'),
  );
}

export function attachWebSocketRoute(
  server: Server,
  runtime: GraphQLRuntime,
  policy: ServerPolicy,
  hosts: () => HostPolicy,
  limiter: RateLimiter | undefined,
): WebSocketRoute {
  const wss = new WebSocketServer({ noServer: true, maxPayload: policy.maxBodyBytes });
  const preAuthorized = new WeakSet<IncomingMessage>();
  const disposable = useServer(
    {
      ...graphqlWsOptions<{ request: IncomingMessage }>(runtime, 'ws', (extra) => ({
        token: policy.token,
        preAuthorized: preAuthorized.has(extra.request),
      })),
      isProd: true,
    },
    wss,
    policy.keepAliveMs,
  );
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path !== '/graphql') return refuse(socket, 404, 'Not Found');
    if (!hostAllowed(req.headers.host, hosts())) return refuse(socket, 403, 'Forbidden Host');
    if (!originAllowed(req.headers.origin, req.headers.host, policy.allowedOrigins)) {
      return refuse(socket, 403, 'Forbidden Origin');
    }
    const taken = limiter?.take(req.socket.remoteAddress ?? 'unknown');
    if (taken !== undefined && !taken.allowed) {
      return refuse(socket, 429, 'Too Many Requests', [`Retry-After: ${taken.retryAfterSeconds}`]);
    }
    if (policy.token !== undefined && tokenMatches(bearerToken(req.headers), policy.token)) {
      preAuthorized.add(req);
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });
  return { close: () => disposable.dispose() as Promise<void> };
}
