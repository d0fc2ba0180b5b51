/**
 * The studio's local API server: GraphQL over HTTP and WebSocket on /graphql, the GraphiQL
 * playground, REST compatibility, /health, /metrics and an optional UI, behind the Host, Origin,
 * token, rate and size checks.
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSchema } from '../graphql/schema';
import type { StudioServices } from '../services/studio-services';
import { ApiMetrics } from './api-metrics';
import { createGraphQLRuntime, type GraphQLRuntime } from './graphql-execution';
import { graphqlHttpRoute } from './graphql-http-route';
import { RequestTooLargeError, sendError, sendJson } from './http-responses';
import type { MessagePortLike } from './ipc-protocol';
import { serveGraphqlOverPort, type IpcTransport } from './ipc-transport';
import { RateLimiter } from './rate-limiter';
import {
  bearerToken,
  hostAllowed,
  originAllowed,
  tokenMatches,
  type HostPolicy,
} from './request-guard';
import { handleRest } from './rest-routes';
import {
  hostPolicy,
  resolvePolicy,
  type ApiServerOptions,
  type ServerPolicy,
} from './server-policy';
import { StaticFiles } from './static-files';
import { attachWebSocketRoute } from './websocket-route';

export type { ApiServerOptions } from './server-policy';

/** Sent on every answer: the API is GraphQL, with the REST routes kept for compatibility. */
export const API_VERSION_HEADER = 'graphql';

export interface ApiServer {
  /** `http://host:port`. */
  url: string;
  port: number;
  metrics: ApiMetrics;
  /** Serves the same GraphQL API over a message port (the desktop renderer's pipe). */
  servePort(port: MessagePortLike): IpcTransport;
  /** Stops listening and ends every connection and subscription. */
  close(): Promise<void>;
}

const CORS_HEADERS = {
  'access-control-allow-methods': 'GET, POST, DELETE, OPTIONS',
  'access-control-allow-headers': 'content-type, authorization, accept',
  'access-control-max-age': '600',
};

function routeOf(pathname: string): string {
  if (pathname === '/graphql') return 'graphql';
  if (pathname.startsWith('/graphql/playground')) return 'playground';
  if (pathname === '/health' || pathname === '/metrics') return pathname.slice(1);
  if (pathname === '/cassettes' || pathname.startsWith('/cassettes/')) return 'rest';
  return 'static';
}

interface Context {
  services: StudioServices;
  runtime: GraphQLRuntime;
  policy: ServerPolicy;
  limiter: RateLimiter | undefined;
  graphql: ReturnType<typeof graphqlHttpRoute>;
  files: StaticFiles;
  /** The Host policy, complete once the port is known. */
  hosts: () => HostPolicy;
}

/** Host, Origin (with CORS), rate; false when the request was refused. */
function admit(ctx: Context, req: IncomingMessage, res: ServerResponse): boolean {
  const { host, origin } = req.headers;
  if (!hostAllowed(host, ctx.hosts())) {
    sendError(res, 403, 'FORBIDDEN_HOST', 'The Host header does not name this server.');
    return false;
  }
  if (!originAllowed(origin, host, ctx.policy.allowedOrigins)) {
    sendError(res, 403, 'FORBIDDEN_ORIGIN', 'This origin may not call the API.');
    return false;
  }
  if (origin !== undefined) {
    res.setHeader('access-control-allow-origin', origin);
    res.setHeader('vary', 'Origin');
  }
  if (req.method === 'OPTIONS') {
    res.writeHead(204, CORS_HEADERS).end();
    return false;
  }
  const taken = ctx.limiter?.take(req.socket.remoteAddress ?? 'unknown');
  if (taken !== undefined && !taken.allowed) {
    sendError(res, 429, 'RATE_LIMITED', 'Too many requests; retry later.', {
      'retry-after': String(taken.retryAfterSeconds),
    });
    return false;
  }
  return true;
}

function authorized(ctx: Context, req: IncomingMessage, res: ServerResponse): boolean {
  const { token } = ctx.policy;
  if (token === undefined || tokenMatches(bearerToken(req.headers), token)) return true;
  sendError(res, 401, 'UNAUTHENTICATED', 'A valid bearer token is required.', {
    'www-authenticate': 'Bearer',
  });
  return false;
}

async function route(
  ctx: Context,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  const pathname = url.pathname;
  if (pathname === '/health') {
    const report = await ctx.services.health.check();
    return sendJson(res, report.status === 'ok' ? 200 : 503, report);
  }
  if (pathname === '/graphql/playground' || pathname.startsWith('/graphql/playground/')) {
    const relative = decodeURIComponent(pathname.slice('/graphql/playground'.length)) || '/';
    if (await ctx.files.serve(req, res, ctx.policy.playgroundDir, relative, false)) return;
    return sendError(res, 404, 'NOT_FOUND', 'The playground is not built (npm run build).');
  }
  const api = pathname === '/graphql' || pathname === '/metrics' || routeOf(pathname) === 'rest';
  if (api && !authorized(ctx, req, res)) return;
  if (pathname === '/graphql') return ctx.graphql(req, res);
  if (pathname === '/metrics') {
    const text = await ctx.runtime.metrics.metrics();
    res.writeHead(200, { 'content-type': ctx.runtime.metrics.contentType });
    return void res.end(text);
  }
  if (await handleRest(ctx.services, req, res, url, ctx.policy.maxBodyBytes)) return;
  const dir = ctx.policy.staticDir;
  if (
    dir !== undefined &&
    (await ctx.files.serve(req, res, dir, decodeURIComponent(pathname), true))
  )
    return;
  sendError(res, 404, 'NOT_FOUND', `Nothing at ${pathname}.`);
}

async function handle(ctx: Context, req: IncomingMessage, res: ServerResponse): Promise<void> {
  res.setHeader('x-api-version', API_VERSION_HEADER);
  res.setHeader('x-content-type-options', 'nosniff');
  const url = new URL(req.url ?? '/', 'http://localhost');
  res.on('finish', () => ctx.runtime.metrics.recordRequest(routeOf(url.pathname), res.statusCode));
  if (!admit(ctx, req, res)) return;
  try {
    await route(ctx, req, res, url);
  } catch (error) {
    if (res.headersSent) return void res.destroy();
    if (error instanceof RequestTooLargeError) {
      return sendError(res, 413, 'PAYLOAD_TOO_LARGE', error.message, { connection: 'close' });
    }
    if (error instanceof URIError)
      return sendError(res, 400, 'BAD_REQUEST', 'Malformed URL encoding.');
    ctx.policy.onError(error);
    sendError(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error.');
  }
}

/** Creates the schema and the metrics, and listens. Rejects when the port is taken. */
export async function startApiServer(options: ApiServerOptions): Promise<ApiServer> {
  const policy = resolvePolicy(options);
  const metrics = new ApiMetrics(options.services);
  const runtime = createGraphQLRuntime(
    createSchema(options.services),
    options.services,
    policy.limits,
    metrics,
  );
  const limiter = policy.rateLimit === false ? undefined : new RateLimiter(policy.rateLimit);
  let hosts = hostPolicy(policy, policy.port);
  const ctx: Context = {
    services: options.services,
    runtime,
    policy,
    limiter,
    graphql: graphqlHttpRoute(runtime, policy.maxBodyBytes),
    files: new StaticFiles(),
    hosts: () => hosts,
  };
  const server = http.createServer((req, res) => void handle(ctx, req, res));
  const websocket = attachWebSocketRoute(server, runtime, policy, ctx.hosts, limiter);
  const transports = new Set<IpcTransport>();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(policy.port, policy.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  hosts = hostPolicy(policy, port);
  const urlHost =
    policy.host.includes(':') && !policy.host.startsWith('[') ? `[${policy.host}]` : policy.host;
  return {
    url: `http://${urlHost}:${port}`,
    port,
    metrics,
    servePort(messagePort) {
      const transport = serveGraphqlOverPort(messagePort, runtime, { token: policy.token });
      transports.add(transport);
      return transport;
    },
    async close() {
      metrics.close();
      await Promise.all([...transports].map((transport) => transport.close()));
      await websocket.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
