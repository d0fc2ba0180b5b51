/**
 * Forwards one request upstream and streams the answer back to the client as it arrives, keeping
 * the first bytes of each body (and, for event streams, each event's time) for the recording.
 * Upstream failures are answered as replay would answer them and returned as `HttpError` drafts.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { finished } from 'node:stream/promises';
import type { Body, Headers, HttpRequest } from '../cassette/cassette.model';
import { bodyFromWire } from '../cassette/content-coding';
import { headersFromPairs } from '../cassette/headers';
import { BodyCapture } from './body-capture';
import type { InteractionDraft } from './cassette-session';
import type { ExchangeResponseSummary } from './engine.model';
import { nowIso } from './exchange-report';
import { endToEndRawPairs } from './hop-by-hop';
import { sendText } from './responses';
import { EventTimingRecorder, isEventStream } from './sse-timing';
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

export async function forwardExchange(params: ForwardParams): Promise<ForwardResult> {
  const { req, res, url, record } = params;
  const started = performance.now();
  const recordedAt = nowIso();
  const requestCapture = new BodyCapture(record ? params.bodyLimit : 0);
  if (params.body === undefined) req.on('data', (chunk: Buffer) => requestCapture.add(chunk));
  else requestCapture.add(params.body);

  const outgoing: Array<[string, string]> = [...params.headers, ['via', params.via]];
  // A body of unknown length streamed through keeps its chunked framing, whatever the method.
  const streamedChunks =
    params.body === undefined &&
    req.headers['transfer-encoding'] !== undefined &&
    req.headers['content-length'] === undefined;
  if (streamedChunks) outgoing.push(['transfer-encoding', 'chunked']);
  const pending = params.upstream.send({
    url,
    method: req.method ?? 'GET',
    headers: outgoing,
    body: params.body ?? req,
    timeoutMs: params.timeoutMs,
  });
  let clientGone = false;
  let upstreamResponse: IncomingMessage | undefined;
  res.once('close', () => {
    if (res.writableFinished) return;
    clientGone = true;
    pending.abort();
    upstreamResponse?.destroy();
  });
  const recordedRequest = (): HttpRequest => {
    const headers = headersFromPairs(params.headers);
    const body = capturedBody(requestCapture, headers);
    return { method: req.method ?? 'GET', url: url.href, headers, body };
  };
  const base = (): Pick<ForwardResult, 'requestBodySize'> => ({
    requestBodySize: requestCapture.total,
  });

  try {
    upstreamResponse = await pending.response;
  } catch (error) {
    if (clientGone) return { ...base(), clientGone };
    const httpError = httpErrorFrom(error);
    const responseTimeMs = Math.round(performance.now() - started);
    const answer = failureAnswer(httpError, false);
    let response: ExchangeResponseSummary | undefined;
    if (answer.kind === 'reset') req.socket.destroy();
    else
      response = sendText(res, answer.status, answer.body, {
        'x-magneto-error': httpError.errorType,
      });
    const draft: InteractionDraft | undefined = record
      ? {
          type: 'HttpError',
          recordedAt,
          responseTimeMs,
          request: recordedRequest(),
          error: httpError,
        }
      : undefined;
    const failure = `${httpError.errorType}: ${httpError.message}`;
    return {
      ...base(),
      failure,
      ...(response && { response, headSentAt: performance.now() }),
      ...(draft && { draft }),
    };
  }

  const upstream = upstreamResponse;
  const headAt = performance.now();
  const pairs = endToEndRawPairs(upstream.rawHeaders);
  const headers = headersFromPairs(pairs);
  const status = upstream.statusCode ?? 502;
  const capture = new BodyCapture(record ? params.bodyLimit : 0);
  const timing = record && isEventStream(headers) ? new EventTimingRecorder(headAt) : undefined;
  try {
    res.writeHead(status, upstream.statusMessage, pairs.flat());
  } catch (error) {
    upstream.destroy();
    const text = `Magneto proxy: the upstream response cannot be relayed: ${String(error)}\n`;
    return { ...base(), response: sendText(res, 502, text), failure: String(error) };
  }
  const headSentAt = performance.now();
  upstream.on('data', (chunk: Buffer) => {
    capture.add(chunk);
    timing?.add(chunk, performance.now());
  });
  upstream.pipe(res);
  const summary = (): ExchangeResponseSummary => ({ status, headers, bodySize: capture.total });
  try {
    await finished(upstream);
  } catch (error) {
    if (clientGone) return { ...base(), response: summary(), headSentAt, clientGone };
    // The head is gone already: the client can only see the connection break.
    res.destroy();
    const failure = `upstream broke off the response: ${httpErrorFrom(error).message}`;
    const draft: InteractionDraft | undefined = record
      ? {
          type: 'HttpError',
          recordedAt,
          responseTimeMs: Math.round(headAt - started),
          request: recordedRequest(),
          error: { errorType: 'ConnectionReset', message: failure },
        }
      : undefined;
    return { ...base(), response: summary(), headSentAt, failure, ...(draft && { draft }) };
  }
  if (!record) return { ...base(), response: summary(), headSentAt };
  const draft: InteractionDraft = {
    type: 'Http',
    recordedAt,
    responseTimeMs: Math.round(headAt - started),
    request: recordedRequest(),
    response: {
      status,
      headers,
      body: capturedBody(capture, headers),
      ...(timing && { eventOffsetsMs: timing.offsetsMs }),
    },
  };
  return { ...base(), response: summary(), headSentAt, draft };
}
