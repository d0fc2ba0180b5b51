/**
 * Opens the upstream WebSocket of a relayed session: the client's headers and subprotocols, the
 * engine's TLS trust and name resolution, and its upstream time limit for the handshake. A failure
 * comes back as what the client gets instead of a 101: the upstream's own status when it refused
 * the upgrade, 502/504 when it could not be reached, a reset when it reset the connection.
 */
import { STATUS_CODES } from 'node:http';
import type { LookupFunction } from 'node:net';
import { WebSocket, type ClientOptions } from 'ws';
import type { Headers } from '../../cassette/cassette.model';
import { upstreamCaList, type UpstreamOptions } from '../upstream-client';
import { failureAnswer, httpErrorFrom, UpstreamTimeoutError } from '../upstream-error';
import { upgradeResponseHeaders, type ClientHandshake } from './handshake-headers';
import type { Refusal } from './session-report';

export type UpstreamConnection =
  /** The upstream connection comes paused, so no frame is missed while the caller wires it up. */
  | { ok: true; upstream: WebSocket; headers: Headers; openedAt: number }
  | ({
      ok: false;
      /** Reset the client's connection instead of answering. */ reset: boolean;
    } & Refusal);

function refusedUpgrade(status: number): UpstreamConnection {
  const reason = STATUS_CODES[status] ?? '';
  return {
    ok: false,
    reset: false,
    status,
    text: `Magneto proxy: the upstream server answered ${status} ${reason} to the WebSocket upgrade.`,
  };
}

function unreachable(error: unknown): UpstreamConnection {
  const answer = failureAnswer(httpErrorFrom(error), false);
  if (answer.kind === 'reset') {
    const text = `Magneto proxy: the upstream server reset the connection (${String(error)})`;
    return { ok: false, reset: true, status: 502, text };
  }
  return { ok: false, reset: false, status: answer.status, text: answer.body.trimEnd() };
}

export interface UpstreamTarget {
  url: URL;
  handshake: ClientHandshake;
  options: UpstreamOptions;
  /** Time allowed for the upstream's 101. */
  timeoutMs: number;
  /** Aborted when the client goes away: the attempt stops. */
  signal: AbortSignal;
}

export function connectUpstream(target: UpstreamTarget): Promise<UpstreamConnection> {
  const { url, handshake, options, timeoutMs, signal } = target;
  return new Promise((resolve) => {
    const ca = upstreamCaList(options.ca);
    const clientOptions: ClientOptions & { lookup?: LookupFunction } = {
      headers: handshake.forwarded,
      perMessageDeflate: false,
      autoPong: false,
      followRedirects: false,
      rejectUnauthorized: options.rejectUnauthorized,
      ...(ca && { ca }),
      ...(options.lookup && { lookup: options.lookup }),
    };
    let upstream: WebSocket;
    try {
      upstream = new WebSocket(url, handshake.protocols, clientOptions);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      resolve({ ok: false, reset: false, status: 400, text: `Magneto proxy: ${message}` });
      return;
    }
    let settled = false;
    const settle = (result: UpstreamConnection): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const timer = setTimeout(() => {
      settle(unreachable(new UpstreamTimeoutError(timeoutMs)));
      upstream.terminate();
    }, timeoutMs);
    let headers: Headers = {};
    // Kept for the whole connection: a later error is followed by 'close', which the relay handles.
    upstream.on('error', (error) => settle(unreachable(error)));
    upstream.once('upgrade', (res) => (headers = upgradeResponseHeaders(res.rawHeaders)));
    upstream.once('unexpected-response', (_request, res) => {
      settle(refusedUpgrade(res.statusCode ?? 502));
      res.resume();
      upstream.terminate();
    });
    signal.addEventListener(
      'abort',
      () => {
        const text = 'Magneto proxy: the client went away before the upstream answered';
        settle({ ok: false, reset: true, status: 502, text });
        upstream.terminate();
      },
      { once: true },
    );
    upstream.once('open', () => {
      upstream.pause();
      settle({ ok: true, upstream, headers, openedAt: performance.now() });
    });
  });
}
