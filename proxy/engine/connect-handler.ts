/**
 * CONNECT: hosts matching the tunnel patterns get a blind TCP tunnel; every other host is
 * intercepted: the proxy answers the TLS handshake with a certificate for that host from the
 * studio's CA and serves HTTP on the decrypted stream (or on the plain stream, when the client
 * speaks plain HTTP inside the tunnel).
 */
import type { IncomingMessage } from 'node:http';
import net from 'node:net';
import type { LookupFunction } from 'node:net';
import type { Duplex } from 'node:stream';
import tls from 'node:tls';
import type { LeafCertificateCache } from '../tls/leaf-certificates';
import { createSniServerOptions } from '../tls/sni';
import type { ExchangeReport } from './exchange-report';
import type { HostMatcher } from './host-glob';
import { tunnelOrigin, type ConnectionOrigin } from './request-target';
import { rejectOnSocket } from './websocket-hook';

export interface ConnectEnvironment {
  tunnelled(): HostMatcher;
  certificates: LeafCertificateCache;
  /** Serves HTTP on a connection from inside a tunnel. */
  adopt(socket: Duplex, origin: ConnectionOrigin): void;
  /** Keeps a socket to be destroyed when the engine stops. */
  track(socket: Duplex): void;
  /** Reports a blind tunnel as one exchange. */
  report(event: ExchangeReport): void;
  cassette(): string | null;
  /** Host name resolution for tunnels (default: the system's). */
  lookup: LookupFunction | undefined;
}

const TLS_HANDSHAKE = 0x16;
const ESTABLISHED = 'HTTP/1.1 200 Connection Established\r\n\r\n';

/** `host:port` of a CONNECT request target, or undefined when it is not one. */
export function parseAuthority(target: string): { hostname: string; port: number } | undefined {
  const match = /^(\[[0-9a-f:.]+\]|[^\s:/?#@[\]]+):(\d{1,5})$/i.exec(target);
  const port = Number(match?.[2]);
  if (match?.[1] === undefined || !(port > 0 && port < 65536)) return undefined;
  return { hostname: match[1].replace(/^\[(.*)\]$/, '$1'), port };
}

/** Resolves with the first byte the client sends (kept in the stream), or undefined at its end. */
function firstByte(socket: Duplex, head: Buffer): Promise<number | undefined> {
  if (head.length > 0) {
    socket.unshift(head);
    return Promise.resolve(head[0]);
  }
  return new Promise((resolve) => {
    const onData = (chunk: Buffer): void => {
      done();
      socket.pause();
      socket.unshift(chunk);
      resolve(chunk[0]);
    };
    const onEnd = (): void => {
      done();
      resolve(undefined);
    };
    const done = (): void => {
      socket.off('data', onData);
      socket.off('end', onEnd);
      socket.off('close', onEnd);
    };
    socket.on('data', onData);
    socket.once('end', onEnd);
    socket.once('close', onEnd);
  });
}

/** Reports a CONNECT that ends without HTTP inside it (a blind tunnel, or a failure). */
function connectReporter(env: ConnectEnvironment, authority: string) {
  const started = performance.now();
  const time = new Date().toISOString();
  return (status: number, outcome: 'passthrough' | 'error', error?: string): void => {
    env.report({
      time,
      cassette: env.cassette(),
      protocol: 'https',
      request: { method: 'CONNECT', url: `https://${authority}`, headers: {}, bodySize: 0 },
      response: { status, headers: {}, bodySize: 0 },
      latencyMs: Math.round(performance.now() - started),
      outcome,
      ...(error !== undefined && { error }),
    });
  };
}

/** Answers a CONNECT with an error and reports it. */
function refuse(
  client: Duplex,
  report: ReturnType<typeof connectReporter>,
  status: 400 | 502,
  text: string,
): void {
  rejectOnSocket(client, status, status === 400 ? 'Bad Request' : 'Bad Gateway', text);
  report(status, 'error', text);
}

function tunnel(
  env: ConnectEnvironment,
  target: { authority: string; hostname: string; port: number },
  client: Duplex,
  head: Buffer,
): void {
  const report = connectReporter(env, target.authority);
  const { hostname: host, port } = target;
  const upstream = net.connect({ host, port, ...(env.lookup && { lookup: env.lookup }) });
  env.track(upstream);
  let established = false;
  upstream.once('connect', () => {
    established = true;
    client.write(ESTABLISHED);
    if (head.length > 0) upstream.write(head);
    upstream.pipe(client);
    client.pipe(upstream);
    report(200, 'passthrough');
  });
  upstream.once('error', (error) => {
    if (established) client.destroy();
    else
      refuse(
        client,
        report,
        502,
        `Magneto proxy: cannot open a tunnel to ${target.authority}: ${error.message}`,
      );
  });
  client.once('error', () => upstream.destroy());
  client.once('close', () => upstream.destroy());
  upstream.once('close', () => client.destroy());
}

async function intercept(
  env: ConnectEnvironment,
  target: { authority: string; hostname: string },
  client: Duplex,
  head: Buffer,
): Promise<void> {
  const { authority } = target;
  const report = connectReporter(env, authority);
  let serverOptions: Awaited<ReturnType<typeof createSniServerOptions>>;
  try {
    serverOptions = await createSniServerOptions(env.certificates, target.hostname);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    refuse(client, report, 400, `Magneto proxy: cannot intercept ${authority}: ${message}`);
    return;
  }
  if (client.destroyed) return;
  client.write(ESTABLISHED);
  const first = await firstByte(client, head);
  if (first === undefined || client.destroyed) {
    client.destroy();
    return;
  }
  if (first !== TLS_HANDSHAKE) {
    env.adopt(client, tunnelOrigin('http', authority));
    client.resume();
    return;
  }
  const secure = new tls.TLSSocket(client as net.Socket, {
    isServer: true,
    ALPNProtocols: ['http/1.1'],
    ...serverOptions,
  });
  let secured = false;
  secure.once('secure', () => (secured = true));
  secure.on('error', (error) => {
    if (!secured) {
      secured = true; // report once
      const hint = 'does the client trust the Magneto CA certificate?';
      report(
        200,
        'error',
        `TLS handshake with the client failed for ${authority} (${error.message}): ${hint}`,
      );
    }
    secure.destroy();
  });
  env.track(secure);
  env.adopt(secure, tunnelOrigin('https', authority));
}

export function handleConnect(
  env: ConnectEnvironment,
  req: IncomingMessage,
  client: Duplex,
  head: Buffer,
): void {
  client.on('error', () => client.destroy());
  const authority = req.url ?? '';
  const parsed = parseAuthority(authority);
  if (parsed === undefined) {
    const report = connectReporter(env, authority);
    refuse(client, report, 400, `Magneto proxy: bad CONNECT target "${authority}"`);
    return;
  }
  const target = { authority, ...parsed };
  if (env.tunnelled()(parsed.hostname, parsed.port)) tunnel(env, target, client, head);
  else void intercept(env, target, client, head);
}
