/**
 * Sends requests to the real servers over undici keep-alive pools (one per origin), with a time
 * limit on the response head. The answer comes back through callbacks (upstream-call.ts): no
 * streams or message objects in between. undici is loaded with the first request upstream: a
 * studio that only replays never pays the memory it takes (about 8 MB).
 */
import type { LookupFunction } from 'node:net';
import type { Readable } from 'node:stream';
import { rootCertificates } from 'node:tls';
import type { Agent, Dispatcher } from 'undici';
import { watchReuse } from './stale-connection';
import {
  UpstreamCall,
  type UpstreamDispatcher,
  type UpstreamResponseHandler,
} from './upstream-call';
import { asError } from '../support/as-error';

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

export class UpstreamClient implements UpstreamDispatcher {
  private agent: Agent | undefined;
  private loading: Promise<Agent> | undefined;
  private closed = false;

  constructor(private readonly options: UpstreamOptions) {}

  /** Sends the request; the answer goes to `handler`. */
  send(request: UpstreamRequest, handler: UpstreamResponseHandler): UpstreamCall {
    const call = new UpstreamCall(this, request, handler);
    call.start();
    return call;
  }

  dispatch(options: Dispatcher.DispatchOptions, call: UpstreamCall): void {
    if (this.agent !== undefined) {
      this.agent.dispatch(options, call);
      return;
    }
    this.loading ??= this.load();
    this.loading.then(
      (agent) => agent.dispatch(options, call),
      (error: unknown) => call.onResponseError(undefined, asError(error)),
    );
  }

  /** Closes the connections and refuses new requests. */
  close(): void {
    this.closed = true;
    this.agent?.destroy().catch(() => undefined);
  }

  private async load(): Promise<Agent> {
    const { Agent, buildConnector } = await import('undici');
    const ca = upstreamCaList(this.options.ca);
    const connect = buildConnector({
      // The response head's own limit (per request) decides the answer; this one only makes sure
      // a connection attempt to a host that never answers is given up in the end.
      timeout: CONNECT_TIMEOUT_MS,
      rejectUnauthorized: this.options.rejectUnauthorized,
      ...(ca && { ca }),
      ...(this.options.lookup && { lookup: this.options.lookup }),
    });
    const agent = new Agent({
      connect: (connectOptions, callback) =>
        connect(connectOptions, (...result) => {
          if (result[1]) watchReuse(result[1]);
          callback(...result);
        }),
      // The head has its own time limit (per request); bodies may pause as long as they like.
      headersTimeout: 0,
      bodyTimeout: 0,
    });
    // Closed while undici was loading: the agent refuses requests as a closed one does.
    if (this.closed) agent.destroy().catch(() => undefined);
    this.agent = agent;
    return agent;
  }
}
