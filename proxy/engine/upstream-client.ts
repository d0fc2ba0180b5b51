/**
 * Sends requests to the real servers over keep-alive agents, with a time limit on the response
 * head. Requests without a streamed body are retried once when a reused keep-alive connection
 * turns out to have been closed by the server.
 */
import http from 'node:http';
import https from 'node:https';
import type { IncomingMessage } from 'node:http';
import type { LookupFunction } from 'node:net';
import type { Readable } from 'node:stream';
import { rootCertificates } from 'node:tls';
import { UpstreamTimeoutError } from './upstream-error';

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
  /** Name/value pairs as they go on the wire. */
  headers: ReadonlyArray<readonly [string, string]>;
  /** The whole body, or the client's request streamed through. */
  body: Buffer | Readable | null;
  /** Time allowed for the response head. */
  timeoutMs: number;
}

export interface PendingUpstream {
  response: Promise<IncomingMessage>;
  /** Aborts the request (the response promise rejects if still pending). */
  abort(): void;
}

/** The CAs trusted for upstream TLS: the system roots plus `ca`, or undefined for the system's. */
export function upstreamCaList(ca: UpstreamTlsOptions['ca']): string[] | undefined {
  // Node's `ca` replaces the system roots: keep them next to the extra ones.
  const extra = ca === undefined ? [] : [ca].flat();
  return extra.length === 0 ? undefined : [...rootCertificates, ...extra];
}

export class UpstreamClient {
  private readonly httpAgent = new http.Agent({ keepAlive: true });
  private readonly httpsAgent: https.Agent;
  private readonly lookup: LookupFunction | undefined;

  constructor(options: UpstreamOptions) {
    this.lookup = options.lookup;
    const ca = upstreamCaList(options.ca);
    this.httpsAgent = new https.Agent({
      keepAlive: true,
      rejectUnauthorized: options.rejectUnauthorized,
      ...(ca && { ca }),
    });
  }

  send(request: UpstreamRequest): PendingUpstream {
    let current: http.ClientRequest | undefined;
    let aborted = false;
    const response = new Promise<IncomingMessage>((resolve, reject) => {
      const attempt = (retry: boolean): void => {
        const outgoing = this.open(request);
        current = outgoing;
        const timer = setTimeout(
          () => outgoing.destroy(new UpstreamTimeoutError(request.timeoutMs)),
          request.timeoutMs,
        );
        outgoing.once('response', (incoming) => {
          clearTimeout(timer);
          resolve(incoming);
        });
        outgoing.once('error', (error: NodeJS.ErrnoException) => {
          clearTimeout(timer);
          const stale = outgoing.reusedSocket && error.code === 'ECONNRESET';
          if (retry && stale && !aborted && !isStream(request.body)) attempt(false);
          else reject(error);
        });
        writeBody(outgoing, request.body);
      };
      attempt(true);
    });
    return {
      response,
      abort: () => {
        aborted = true;
        current?.destroy();
      },
    };
  }

  /** Closes idle keep-alive connections and refuses new ones. */
  close(): void {
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }

  private open(request: UpstreamRequest): http.ClientRequest {
    const { url } = request;
    const secure = url.protocol === 'https:';
    const options: http.RequestOptions = {
      hostname: url.hostname.replace(/^\[(.*)\]$/, '$1'),
      port: url.port === '' ? (secure ? 443 : 80) : Number(url.port),
      path: `${url.pathname}${url.search}`,
      method: request.method,
      headers: request.headers.flat(),
      agent: secure ? this.httpsAgent : this.httpAgent,
      ...(this.lookup && { lookup: this.lookup }),
    };
    return secure ? https.request(options) : http.request(options);
  }
}

function isStream(body: UpstreamRequest['body']): body is Readable {
  return body !== null && !Buffer.isBuffer(body);
}

function writeBody(outgoing: http.ClientRequest, body: UpstreamRequest['body']): void {
  if (!isStream(body)) {
    outgoing.end(body ?? undefined);
    return;
  }
  body.once('error', (error) => outgoing.destroy(error));
  body.pipe(outgoing);
}
