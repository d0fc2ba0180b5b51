/**
 * Forwards one request upstream and streams the answer back to the client as it arrives (with
 * backpressure), keeping the first bytes of each body (and, for event streams, each event's time)
 * for the recording. Upstream failures are answered as replay would answer them and returned as
 * `HttpError` drafts.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { PassThrough, type Readable } from 'node:stream';
import type { Body, Headers, HttpRequest } from '../cassette/cassette.model';
import { bodyFromWire } from '../cassette/content-coding';
import { headersFromPairs } from '../cassette/headers';
import { BodyCapture } from './body-capture';
import type { InteractionDraft } from './cassette-session';
import type { ExchangeResponseSummary } from './engine.model';
import { nowIso } from './exchange-report';
import { endToEndRawPairs } from './hop-by-hop';
import { announcesBody } from './request-body';
import { sendText } from './responses';
import { EventTimingRecorder, isEventStream } from './sse-timing';
import type { UpstreamCall, UpstreamResponseHandler } from './upstream-call';
import type { UpstreamClient } from './upstream-client';
import { failureAnswer, httpErrorFrom } from './upstream-error';

export interface ForwardParams {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  /** End-to-end request headers, as recorded. */
  headers: Array<[string, string]>;
  /** The proxy's `Via` entry, added to what goes upstream so loops can be caught. */
  via: string;
  /** The whole body when it was read already; undefined to stream it from `req`. */
  body: Buffer | undefined;
  upstream: UpstreamClient;
  timeoutMs: number;
  /** Bytes kept per body for the recording. */
  bodyLimit: number;
  record: boolean;
}

export interface ForwardResult {
  response?: ExchangeResponseSummary;
  /** `performance.now()` when the response head went to the client. */
  headSentAt?: number;
  requestBodySize: number;
  /** What to record, when recording. */
  draft?: InteractionDraft;
  /** The upstream failure, in words. */
  failure?: string;
  /** The client went away before the exchange completed. */
  clientGone?: boolean;
}

function capturedBody(capture: BodyCapture, headers: Headers): Body | null {
  if (capture.total === 0) return null;
  const body = bodyFromWire(capture.bytes(), headers);
  return capture.truncated ? { ...body, truncated: true, originalSize: capture.total } : body;
}

/**
 * The body to send upstream: the one read already, none, or the client's streamed through (a
 * stream of its own, so that undici ending it never ends the client's connection).
 */
function upstreamBody(params: ForwardParams, capture: BodyCapture): Buffer | Readable | null {
  const { req, body } = params;
  if (body !== undefined) {
    capture.add(body);
    return body;
  }
  if (!announcesBody(req)) return null;
  const relay = new PassThrough();
  req.on('data', (chunk: Buffer) => capture.add(chunk));
  req.once('error', (error) => relay.destroy(error));
  return req.pipe(relay);
}

/** Rejects when the exchange breaks down in the proxy itself (not upstream). */
export function forwardExchange(params: ForwardParams): Promise<ForwardResult> {
  return new Promise((resolve, reject) => new ForwardedExchange(params, resolve, reject).start());
}

/** One forwarded exchange, from the request going out to the result. */
class ForwardedExchange implements UpstreamResponseHandler {
  private readonly started = performance.now();
  private readonly recordedAt = nowIso();
  private readonly requestCapture: BodyCapture;
  private readonly capture: BodyCapture;
  private call: UpstreamCall | undefined;
  private status = 0;
  private headers: Headers = {};
  private headAt = 0;
  private headSentAt: number | undefined;
  private timing: EventTimingRecorder | undefined;
  private waitingForDrain = false;
  private settled = false;

  constructor(
    private readonly params: ForwardParams,
    private readonly resolve: (result: ForwardResult) => void,
    private readonly reject: (error: unknown) => void,
  ) {
    const limit = params.record ? params.bodyLimit : 0;
    this.requestCapture = new BodyCapture(limit);
    this.capture = new BodyCapture(limit);
  }

  start(): void {
    const { params } = this;
    const { req, res } = params;
    const headers: Array<[string, string]> = [...params.headers, ['via', params.via]];
    const body = upstreamBody(params, this.requestCapture);
    res.once('close', () => {
      if (res.writableFinished || this.settled) return;
      this.call?.abort();
      this.settle({ ...this.base(), ...this.summaryIfSent(), clientGone: true });
    });
    const request = { url: params.url, method: req.method ?? 'GET', headers, body };
    this.call = params.upstream.send({ ...request, timeoutMs: params.timeoutMs }, this);
  }

  onHead(status: number, statusText: string, rawHeaders: string[]): void {
    this.guarded(() => this.relayHead(status, statusText, rawHeaders));
  }

  onData(chunk: Buffer): void {
    this.guarded(() => this.relayChunk(chunk));
  }

  onEnd(): void {
    this.guarded(() => this.complete());
  }

  onError(error: Error): void {
    this.guarded(() => {
      if (this.headSentAt === undefined) this.answerFailure(error);
      else this.breakOff(error);
    });
  }

  private relayHead(status: number, statusText: string, rawHeaders: string[]): void {
    const { res, record } = this.params;
    this.headAt = performance.now();
    const pairs = endToEndRawPairs(rawHeaders);
    this.headers = headersFromPairs(pairs);
    this.status = status;
    if (record && isEventStream(this.headers)) this.timing = new EventTimingRecorder(this.headAt);
    try {
      res.writeHead(status, statusText, pairs.flat());
    } catch (error) {
      this.call?.abort();
      const text = `Magneto proxy: the upstream response cannot be relayed: ${String(error)}\n`;
      this.settle({ ...this.base(), response: sendText(res, 502, text), failure: String(error) });
      return;
    }
    // The head goes out with the first chunk (or the whole of a small body) in one write.
    res.cork();
    process.nextTick(() => res.uncork());
    this.headSentAt = performance.now();
  }

  private relayChunk(chunk: Buffer): void {
    this.capture.add(chunk);
    this.timing?.add(chunk, performance.now());
    const { res } = this.params;
    if (res.write(chunk) || this.waitingForDrain) return;
    this.waitingForDrain = true;
    this.call?.pause();
    res.once('drain', () => {
      this.waitingForDrain = false;
      this.call?.resume();
    });
  }

  private complete(): void {
    this.params.res.end();
    if (!this.params.record) {
      this.settle({ ...this.base(), ...this.summaryIfSent() });
      return;
    }
    const draft: InteractionDraft = {
      type: 'Http',
      recordedAt: this.recordedAt,
      responseTimeMs: Math.round(this.headAt - this.started),
      request: this.recordedRequest(),
      response: {
        status: this.status,
        headers: this.headers,
        body: capturedBody(this.capture, this.headers),
        ...(this.timing && { eventOffsetsMs: this.timing.offsetsMs }),
      },
    };
    this.settle({ ...this.base(), ...this.summaryIfSent(), draft });
  }

  /** No answer came: the client gets what replay gives for the same failure. */
  private answerFailure(error: Error): void {
    const { req, res, record } = this.params;
    const httpError = httpErrorFrom(error);
    const responseTimeMs = Math.round(performance.now() - this.started);
    const answer = failureAnswer(httpError, false);
    let response: ExchangeResponseSummary | undefined;
    if (answer.kind === 'reset') req.socket.destroy();
    else {
      response = sendText(res, answer.status, answer.body, {
        'x-magneto-error': httpError.errorType,
      });
      // What is left of a streamed body is read and dropped: the connection can serve again.
      if (this.params.body === undefined) req.unpipe().resume();
    }
    const draft: InteractionDraft | undefined = record
      ? {
          type: 'HttpError',
          recordedAt: this.recordedAt,
          responseTimeMs,
          request: this.recordedRequest(),
          error: httpError,
        }
      : undefined;
    this.settle({
      ...this.base(),
      failure: `${httpError.errorType}: ${httpError.message}`,
      ...(response && { response, headSentAt: performance.now() }),
      ...(draft && { draft }),
    });
  }

  /** The answer broke off: the head is gone already, so the client sees the connection break. */
  private breakOff(error: Error): void {
    this.params.res.destroy();
    const failure = `upstream broke off the response: ${httpErrorFrom(error).message}`;
    const draft: InteractionDraft | undefined = this.params.record
      ? {
          type: 'HttpError',
          recordedAt: this.recordedAt,
          responseTimeMs: Math.round(this.headAt - this.started),
          request: this.recordedRequest(),
          error: { errorType: 'ConnectionReset', message: failure },
        }
      : undefined;
    this.settle({ ...this.base(), ...this.summaryIfSent(), failure, ...(draft && { draft }) });
  }

  private recordedRequest(): HttpRequest {
    const { params } = this;
    const headers = headersFromPairs(params.headers);
    const body = capturedBody(this.requestCapture, headers);
    return { method: params.req.method ?? 'GET', url: params.url.href, headers, body };
  }

  private base(): Pick<ForwardResult, 'requestBodySize'> {
    return { requestBodySize: this.requestCapture.total };
  }

  private summaryIfSent(): Pick<ForwardResult, 'response' | 'headSentAt'> {
    if (this.headSentAt === undefined) return {};
    const response = { status: this.status, headers: this.headers, bodySize: this.capture.total };
    return { response, headSentAt: this.headSentAt };
  }

  /** Runs a step of the exchange (unless it is over); a step that throws ends it in error. */
  private guarded(step: () => void): void {
    if (this.settled) return;
    try {
      step();
    } catch (error) {
      this.call?.abort();
      this.settled = true;
      this.reject(error);
    }
  }

  private settle(result: ForwardResult): void {
    if (this.settled) return;
    this.settled = true;
    this.resolve(result);
  }
}
