/**
 * The checks every request and WebSocket upgrade passes: Host (against DNS rebinding), Origin
 * (allow list, or the API's own origin) and the bearer token.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

/** Whether an address only this machine can reach. */
export function isLoopback(host: string): boolean {
  return LOOPBACK_HOSTS.has(host.toLowerCase()) || /^127(\.\d{1,3}){3}$/.test(host);
}

/** Whether the server listens on every interface. */
export function isWildcard(host: string): boolean {
  return host === '0.0.0.0' || host === '::' || host === '[::]';
}

/** A random token for one launch (URL-safe, 256 bits). */
export function generateApiToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Compares in constant time (hashing first so lengths do not leak either). */
export function tokenMatches(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const digest = (text: string): Buffer => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/** The token of an `Authorization: Bearer …` header. */
export function bearerToken(headers: IncomingHttpHeaders): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(headers.authorization ?? '');
  return match?.[1];
}

export interface HostPolicy {
  /** The port the server listens on. */
  port: number;
  /** Host names accepted besides the loopback ones (the bind address is added). */
  allowedHosts: ReadonlySet<string>;
  /** Bound to every interface with a token: any Host is accepted. */
  anyHost: boolean;
}

/** Splits `name:port` (IPv6 in brackets); the port is undefined when absent. */
function splitHost(value: string): { name: string; port: string | undefined } {
  const match = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(value.trim().toLowerCase());
  return match === null ? { name: '', port: undefined } : { name: match[1] ?? '', port: match[2] };
}

/** Whether a Host header names this server: a loopback or allowed name, and its port. */
export function hostAllowed(host: string | undefined, policy: HostPolicy): boolean {
  if (host === undefined || host === '') return false;
  if (policy.anyHost) return true;
  const { name, port } = splitHost(host);
  const portOk = port === undefined ? policy.port === 80 : Number(port) === policy.port;
  return portOk && (isLoopback(name) || policy.allowedHosts.has(name));
}

/**
 * Whether an Origin may call the API: absent (not a browser), listed, or the API's own origin
 * (the UI it serves).
 */
export function originAllowed(
  origin: string | undefined,
  host: string | undefined,
  allowedOrigins: ReadonlySet<string>,
): boolean {
  if (origin === undefined) return true;
  if (allowedOrigins.has(origin)) return true;
  try {
    const url = new URL(origin);
    return (
      (url.protocol === 'http:' || url.protocol === 'https:') && url.host === host?.toLowerCase()
    );
  } catch {
    return false;
  }
}
