/**
 * The single exchange event of a WebSocket session (protocol `ws`/`wss`, status 101, latency the
 * handshake's), and the HTTP answers that end a session before it starts.
 */
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Headers } from '../../cassette/cassette.model';
import type { NearMiss } from '../../matching/matching.model';
import { redactHeaders } from '../../redaction/header-redaction';
import { redactUrl } from '../../redaction/url-redaction';
import type { ExchangeOutcome, ExchangeResponseSummary } from '../engine.model';
import { rejectOnSocket, type UpgradeContext } from '../websocket-hook';

export interface SessionResult {
  outcome: ExchangeOutcome;
  /** Absent when nothing was answered (the client went away). */
  response?: ExchangeResponseSummary;
  /** `performance.now()` when the answer was sent (default: now). */
  answeredAt?: number;
  interactionId?: string;
  error?: string;
  nearMisses?: NearMiss[];
}

/** An HTTP answer instead of 101. */
export interface Refusal {
  status: number;
  text: string;
  headers?: Record<string, string>;
}

export class SessionReporter {
  /** RFC 3339 time the upgrade request arrived. */
  readonly time = new Date().toISOString();
  /** `performance.now()` when the upgrade request arrived. */
  readonly startedAt = performance.now();
  private reported = false;

  /** `requestHeaders`: the handshake's headers, unredacted. */
  constructor(
    private readonly context: UpgradeContext,
    private readonly requestHeaders: Headers,
  ) {}

  /** Reports the session; once (later calls are ignored). */
  report(result: SessionResult): void {
    if (this.reported) return;
    this.reported = true;
    const { session, url } = this.context;
    const { outcome, response, answeredAt, interactionId, error, nearMisses } = result;
    this.context.report({
      time: this.time,
      cassette: session.name,
      protocol: url.protocol === 'wss:' ? 'wss' : 'ws',
      request: {
        method: 'GET',
        url: redactUrl(url.href, session.rules),
        headers: redactHeaders(this.requestHeaders, session.rules),
        bodySize: 0,
      },
      ...(response && {
        response: { ...response, headers: redactHeaders(response.headers, session.rules) },
      }),
      latencyMs: Math.round((answeredAt ?? performance.now()) - this.startedAt),
      outcome,
      ...(interactionId !== undefined && { interactionId }),
      ...(error !== undefined && { error }),
      ...(nearMisses !== undefined && { nearMisses }),
    });
  }

  /** Answers the upgrade with `refusal` and reports it (as an error unless told otherwise). */
  refuse(
    socket: Duplex,
    refusal: Refusal,
    result: Omit<SessionResult, 'response' | 'outcome'> & { outcome?: ExchangeOutcome } = {},
  ): void {
    const { status, text, headers = {} } = refusal;
    rejectOnSocket(socket, status, STATUS_CODES[status] ?? 'Error', text, headers);
    const outcome = result.outcome ?? 'error';
    this.report({
      ...(outcome === 'error' && { error: text }),
      ...result,
      outcome,
      response: {
        status,
        headers: { 'content-type': 'text/plain; charset=utf-8', ...headers },
        bodySize: Buffer.byteLength(text) + 1,
      },
    });
  }

  /** Ends a session whose client handshake failed: answered when there is an answer to give. */
  failHandshake(
    socket: Duplex,
    failure: { status?: number; error: string },
    interactionId?: string,
  ): void {
    const extra = interactionId === undefined ? {} : { interactionId };
    if (failure.status === undefined) {
      socket.destroy();
      this.report({ outcome: 'error', error: failure.error, ...extra });
    } else {
      this.refuse(
        socket,
        { status: failure.status, text: `Magneto proxy: ${failure.error}` },
        extra,
      );
    }
  }
}
