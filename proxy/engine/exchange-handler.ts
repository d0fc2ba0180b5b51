/**
 * Handles one HTTP request end to end: works out where it goes, asks the request handler what to
 * do, carries it out (replay, miss, forward) and reports exactly one exchange event.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Headers } from '../cassette/cassette.model';
import { headersFromPairs, headerValues } from '../cassette/headers';
import { redactHeaders } from '../redaction/header-redaction';
import { redactUrl } from '../redaction/url-redaction';
import type { CassetteSession } from './cassette-session';
import type {
  ExchangeEvent,
  ExchangeResponseSummary,
  ReplayLatency,
  WebSocketReplayPacing,
} from './engine.model';
import { forwardExchange } from './forward-exchange';
import { endToEndRawPairs } from './hop-by-hop';
import { replayInteraction, sendMiss } from './replay-responder';
import { decide } from './request-handler';
import { resolveTarget, type ConnectionOrigin } from './request-target';
import { sendText } from './responses';
import { sequencesOf } from './template-replay';
import type { UpstreamClient } from './upstream-client';

/** Settings read at the start of each exchange, so they can change while running. */
export interface RuntimeSettings {
  target: URL | null;
  latency: ReplayLatency;
  recordBodyLimit: number;
  upstreamTimeoutMs: number;
  webSocketReplay: WebSocketReplayPacing;
  /** Environment variables response templates may read (glob patterns). */
  templateEnvAllowList: readonly string[];
}

export type ExchangeReport = Omit<ExchangeEvent, 'id'>;

export interface ExchangeEnvironment {
  session(): CassetteSession;
  settings(): RuntimeSettings;
  upstream: UpstreamClient;
  /** This engine's `Via` entry (`1.1 magneto-<id>`): a request carrying it looped back. */
  via: string;
  report(event: ExchangeReport): void;
}

/** Headers that describe the client's connection to the proxy, not the request. */
const NOT_FORWARDED = new Set(['host', 'expect']);

const NO_BODY = Buffer.alloc(0);

/** Whether a request carries a body: HTTP/1.1 requests announce one by its framing headers. */
function announcesBody(req: IncomingMessage): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.once('end', () => resolve(Buffer.concat(chunks)));
    req.once('error', reject);
    req.once('close', () => {
      if (!req.complete) reject(new Error('the client closed the connection while sending'));
    });
  });
}

/** The request's end-to-end header pairs, less those about the connection to the proxy. */
function forwardedPairs(rawHeaders: readonly string[]): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (const pair of endToEndRawPairs(rawHeaders)) {
    if (!NOT_FORWARDED.has(pair[0].toLowerCase())) pairs.push(pair);
  }
  return pairs;
}

/** Whether the request went through this proxy already (its `Via` names this engine). */
function loopedBack(headers: Headers, via: string): boolean {
  for (const value of headerValues(headers, 'via')) if (value.includes(via)) return true;
  return false;
}

let isoMs = Number.NaN;
let iso = '';

/** `new Date().toISOString()`, made once per millisecond however many requests arrive in it. */
function nowIso(): string {
  const ms = Date.now();
  if (ms !== isoMs) {
    isoMs = ms;
    iso = new Date(ms).toISOString();
  }
  return iso;
}

/** What the exchange event says about the request; the body size is known last. */
interface ExchangeContext {
  env: ExchangeEnvironment;
  session: CassetteSession;
  /** `performance.now()` when the request arrived. */
  started: number;
  time: string;
  method: string;
  /** The URL as received when no target could be worked out. */
  rawUrl: string;
  url: URL | undefined;
  headers: Headers;
  requestBodySize: number;
}

function report(
  context: ExchangeContext,
  outcome: ExchangeEvent['outcome'],
  extra: Partial<ExchangeReport> & { response?: ExchangeResponseSummary | undefined },
  /** `performance.now()` when the response head was sent. */
  headSentAt?: number,
): void {
  const { session, url } = context;
  const { response, ...rest } = extra;
  context.env.report({
    time: context.time,
    cassette: session.name,
    protocol: url?.protocol === 'https:' ? 'https' : 'http',
    request: {
      method: context.method,
      url: redactUrl(url?.href ?? context.rawUrl, session.rules),
      headers: redactHeaders(context.headers, session.rules),
      bodySize: context.requestBodySize,
    },
    ...(response && {
      response: { ...response, headers: redactHeaders(response.headers, session.rules) },
    }),
    latencyMs: Math.round((headSentAt ?? performance.now()) - context.started),
    outcome,
    ...rest,
  });
}

export async function handleExchange(
  env: ExchangeEnvironment,
  req: IncomingMessage,
  res: ServerResponse,
  origin: ConnectionOrigin,
): Promise<void> {
  const started = performance.now();
  const settings = env.settings();
  const session = env.session();
  const rawUrl = req.url ?? '';
  const target = resolveTarget(rawUrl, origin, settings.target);
  const url = target.ok ? target.url : undefined;
  const pairs = forwardedPairs(req.rawHeaders);
  if (url !== undefined) pairs.unshift(['host', url.host]);
  const headers = headersFromPairs(pairs);
  const method = req.method ?? 'GET';
  const context: ExchangeContext = {
    env,
    session,
    started,
    time: nowIso(),
    method,
    rawUrl,
    url,
    headers,
    requestBodySize: 0,
  };

  try {
    if (!target.ok || url === undefined) {
      const reason = target.ok ? 'no target' : target.reason;
      report(context, 'error', {
        response: sendText(res, 400, `Magneto proxy: ${reason}\n`),
        error: reason,
      });
      return;
    }
    if (loopedBack(headers, env.via)) {
      const text = `Magneto proxy: ${url.href} leads back to this proxy (a request loop).`;
      report(context, 'error', { response: sendText(res, 508, `${text}\n`), error: text });
      return;
    }
    // Waiting for the end of a request without a body would only cost time.
    let body: Buffer | undefined;
    if (session.matchesRequests) body = announcesBody(req) ? await readBody(req) : NO_BODY;
    context.requestBodySize = body?.length ?? 0;
    const decision = decide(
      session,
      body === undefined ? undefined : { method, url: url.href, headers, body },
    );
    if (decision.kind === 'replay') {
      const replay = await replayInteraction(req, res, decision.interaction, {
        latency: settings.latency,
        maxTimeoutWaitMs: settings.upstreamTimeoutMs,
        templates: {
          cassette: session.name ?? '',
          sequences: sequencesOf(session),
          envAllowList: settings.templateEnvAllowList,
          request: { method, url: url.href, headers, body: body ?? NO_BODY },
        },
      });
      const error =
        replay.templateError ??
        (replay.interrupted ? 'the client went away during the replay' : replay.failure);
      report(
        context,
        replay.templateError === undefined ? 'replayed' : 'error',
        {
          response: replay.response,
          interactionId: decision.interaction.id,
          ...(error && { error }),
        },
        replay.headSentAt,
      );
      return;
    }
    if (decision.kind === 'miss') {
      const note = session.existed ? undefined : `Cassette "${session.name}" does not exist yet.`;
      const response = sendMiss(res, { method, url: url.href }, decision.nearMisses, note);
      report(context, 'missed', { response, nearMisses: decision.nearMisses });
      return;
    }
    const forwarded = await forwardExchange({
      req,
      res,
      url,
      headers: pairs,
      via: env.via,
      body,
      upstream: env.upstream,
      timeoutMs: settings.upstreamTimeoutMs,
      bodyLimit: settings.recordBodyLimit,
      record: decision.record,
    });
    context.requestBodySize = forwarded.requestBodySize;
    const kept = forwarded.draft === undefined ? undefined : session.record(forwarded.draft);
    const dropped =
      forwarded.draft !== undefined && kept === undefined
        ? 'not recorded: the cassette was switched while the request was in flight'
        : undefined;
    const error = forwarded.clientGone
      ? 'the client went away before the response was complete'
      : (forwarded.failure ?? dropped);
    let outcome: ExchangeEvent['outcome'] = 'passthrough';
    if (forwarded.clientGone || (forwarded.failure !== undefined && kept === undefined)) {
      outcome = 'error';
    } else if (kept !== undefined) outcome = 'recorded';
    report(
      context,
      outcome,
      {
        response: forwarded.response,
        ...(kept && { interactionId: kept.id }),
        ...(error && { error }),
      },
      forwarded.headSentAt,
    );
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    let response: ExchangeResponseSummary | undefined;
    if (!res.headersSent && !res.destroyed) {
      response = sendText(res, 500, `Magneto proxy: internal error: ${message}\n`);
    } else res.destroy();
    report(context, 'error', { response, error: message });
  }
}
