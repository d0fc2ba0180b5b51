/**
 * The API server's options, their defaults, and the security policy they resolve to: loopback by
 * default, a token required beyond it, the hosts and origins accepted, the limits.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { StudioServices } from '../services/studio-services';
import { DEFAULT_OPERATION_LIMITS, type OperationLimits } from './operation-limits';
import { DEFAULT_RATE_LIMIT, type RateLimit } from './rate-limiter';
import { isLoopback, isWildcard, type HostPolicy } from './request-guard';

export interface ApiServerOptions {
  services: StudioServices;
  /** Default 127.0.0.1. Any other address requires `token`. */
  host?: string;
  /** Default the configured API port; 0 picks a free one. */
  port?: number;
  /** Bearer token required on every API call (HTTP header, or `connectionParams.token`). */
  token?: string;
  /** Origins (scheme://host:port) allowed for CORS and WebSocket upgrades besides the API's own. */
  allowedOrigins?: readonly string[];
  /** Host names accepted in the Host header besides loopback ones and the bind address. */
  allowedHosts?: readonly string[];
  /** A built UI served at / (single-page fallback to index.html). */
  staticDir?: string;
  /** The bundled GraphiQL page served at /graphql/playground; default out/playground. */
  playgroundDir?: string;
  limits?: Partial<OperationLimits>;
  /** Per-client request rate; false turns it off. */
  rateLimit?: RateLimit | false;
  /** Largest request body in bytes (default 16 MiB). */
  maxBodyBytes?: number;
  /** WebSocket keep-alive ping interval in ms (default 12 s; 0 turns pings off). */
  keepAliveMs?: number;
  /** Told of unexpected errors (clients only get a neutral 500); default: ignored. */
  onError?: (error: unknown) => void;
}

export interface ServerPolicy {
  host: string;
  port: number;
  token: string | undefined;
  allowedOrigins: ReadonlySet<string>;
  allowedHosts: ReadonlySet<string>;
  limits: OperationLimits;
  rateLimit: RateLimit | false;
  maxBodyBytes: number;
  keepAliveMs: number;
  staticDir: string | undefined;
  playgroundDir: string;
  onError: (error: unknown) => void;
}

export const DEFAULT_MAX_BODY_BYTES = 16 * 1024 * 1024;
export const DEFAULT_KEEP_ALIVE_MS = 12_000;

export class ApiServerOptionsError extends Error {
  override readonly name = 'ApiServerOptionsError';
}

/** out/playground of the repository, from the sources (src-main/server/) or a bundle (one level down). */
function defaultPlaygroundDir(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = ['../../out/playground', '../out/playground'].map((relative) =>
    path.resolve(here, relative),
  );
  return (
    candidates.find((dir) => existsSync(path.join(dir, 'index.html'))) ?? candidates[0] ?? here
  );
}

export function resolvePolicy(options: ApiServerOptions): ServerPolicy {
  const host = options.host ?? '127.0.0.1';
  if (!isLoopback(host) && (options.token === undefined || options.token.length < 16)) {
    throw new ApiServerOptionsError(
      `The API must have a token of at least 16 characters to listen on ${host}, beyond this machine.`,
    );
  }
  const bareHost = host.replace(/^\[|\]$/g, '').toLowerCase();
  return {
    host,
    port: options.port ?? options.services.config.apiPort,
    token: options.token,
    allowedOrigins: new Set(options.allowedOrigins ?? []),
    allowedHosts: new Set([
      ...(isWildcard(host) ? [] : [bareHost, `[${bareHost}]`]),
      ...(options.allowedHosts ?? []).map((name) => name.toLowerCase()),
    ]),
    limits: { ...DEFAULT_OPERATION_LIMITS, ...options.limits },
    rateLimit: options.rateLimit ?? DEFAULT_RATE_LIMIT,
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    keepAliveMs: options.keepAliveMs ?? DEFAULT_KEEP_ALIVE_MS,
    staticDir: options.staticDir,
    playgroundDir: options.playgroundDir ?? defaultPlaygroundDir(),
    onError: options.onError ?? (() => undefined),
  };
}

/** The Host policy once the port is known. */
export function hostPolicy(policy: ServerPolicy, port: number): HostPolicy {
  return {
    port,
    allowedHosts: policy.allowedHosts,
    anyHost: isWildcard(policy.host) && policy.token !== undefined,
  };
}
