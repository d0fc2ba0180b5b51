/**
 * Sends requests to the real servers over undici keep-alive pools (one per origin), with a time
 * limit on the response head. The answer comes back through callbacks (upstream-call.ts): no
 * streams or message objects in between.
 */
import type { LookupFunction } from 'node:net';
import type { Readable } from 'node:stream';
import { rootCertificates } from 'node:tls';
import { Agent, buildConnector } from 'undici';
import { watchReuse } from './stale-connection';
import { UpstreamCall, type UpstreamResponseHandler } from './upstream-call';

export interface UpstreamTlsOptions {
  /** Extra CA certificates (PEM) trusted for upstream servers, on top of the system ones. */
  ca?: string | string[] | undefined;
  /** Verify upstream certificates (default true). */
  rejectUnauthorized: boolean;
}

export interface UpstreamOptions extends UpstreamTlsOptions {
  /** Host name resolution for upstream connections (default: the system's, `dns.lookup`). */
  lookup?: LookupFunction | undefined;
}

export interface UpstreamRequest {
  url: URL;
  method: string;
  /** Name/value pairs as they go on the wire (`host` among them). */
  headers: ReadonlyArray<readonly [string, string]>;
  /**
   * The whole body, the client's request streamed through (sent chunked unless the headers give
   * its length), or null for none.
   */
  body: Buffer | Readable | null;
  /** Time allowed for the response head. */
  timeoutMs: number;
}

/** The CAs trusted for upstream TLS: the system roots plus `ca`, or undefined for the system's. */
export function upstreamCaList(ca: UpstreamTlsOptions['ca']): string[] | undefined {
  // Node's `ca` replaces the system roots: keep them next to the extra ones.
  const extra = ca === undefined ? [] : [ca].flat();
  return extra.length === 0 ? undefined : [...rootCertificates, ...extra];
}

/** How long a connection attempt may take at most, whatever the response-head limit. */
const CONNECT_TIMEOUT_MS = 60_000;

export class UpstreamClient {
  private readonly agent: Agent;

  constructor(options: UpstreamOptions) {
    const ca = upstreamCaList(options.ca);
    const connect = buildConnector({
      // The response head's own limit (per request) decides the answer; this one only makes sure
      // a connection attempt to a host that never answers is given up in the end.
      timeout: CONNECT_TIMEOUT_MS,
      rejectUnauthorized: options.rejectUnauthorized,
      ...(ca && { ca }),
      ...(options.lookup && { lookup: options.lookup }),
    });
    this.agent = new Agent({
      connect: (connectOptions, callback) =>
        connect(connectOptions, (...result) => {
          if (result[1]) watchReuse(result[1]);
          callback(...result);
        }),
      // The head has its own time limit (per request); bodies may pause as long as they like.
      headersTimeout: 0,
      bodyTimeout: 0,
    });
  }

  /** Sends the request; the answer goes to `handler`. */
  send(request: UpstreamRequest, handler: UpstreamResponseHandler): UpstreamCall {
    const call = new UpstreamCall(this.agent, request, handler);
    call.start();
    return call;
  }

  /** Closes the connections and refuses new requests. */
  close(): void {
    this.agent.destroy().catch(() => undefined);
  }
}
