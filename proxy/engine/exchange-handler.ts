/**
 * Handles one HTTP request end to end: works out where it goes, asks the request handler what to
 * do, carries it out (replay, miss, forward) and reports exactly one exchange event.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
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
import type { UpstreamClient } from './upstream-client';

/** Settings read at the start of each exchange, so they can change while running. */
export interface RuntimeSettings {
  target: URL | null;
  latency: ReplayLatency;
  recordBodyLimit: number;
  upstreamTimeoutMs: number;
  webSocketReplay: WebSocketReplayPacing;
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

export async function handleExchange(
  env: ExchangeEnvironment,
  req: IncomingMessage,
  res: ServerResponse,
  origin: ConnectionOrigin,
): Promise<void> {
  const started = performance.now();
  const time = new Date().toISOString();
  const method = req.method ?? 'GET';
  const settings = env.settings();
  const session = env.session();
  const target = resolveTarget(req.url ?? '', origin, settings.target);
  const url = target.ok ? target.url : undefined;
  const pairs: Array<[string, string]> = endToEndRawPairs(req.rawHeaders).filter(
    ([name]) => !NOT_FORWARDED.has(name.toLowerCase()),
  );
  if (url !== undefined) pairs.unshift(['host', url.host]);
  const headers = headersFromPairs(pairs);
  let requestBodySize = 0;

  const report = (
    outcome: ExchangeEvent['outcome'],
    extra: Partial<ExchangeReport> & { response?: ExchangeResponseSummary | undefined },
    /** `performance.now()` when the response head was sent. */
    headSentAt?: number,
  ): void => {
    const { response, ...rest } = extra;
    env.report({
      time,
      cassette: session.name,
      protocol: url?.protocol === 'https:' ? 'https' : 'http',
      request: {
        method,
        url: redactUrl(url?.href ?? req.url ?? '', session.rules),
        headers: redactHeaders(headers, session.rules),
        bodySize: requestBodySize,
      },
      ...(response && {
        response: { ...response, headers: redactHeaders(response.headers, session.rules) },
      }),
      latencyMs: Math.round((headSentAt ?? performance.now()) - started),
      outcome,
      ...rest,
    });
  };

  try {
    if (!target.ok || url === undefined) {
      const reason = target.ok ? 'no target' : target.reason;
      report('error', {
        response: sendText(res, 400, `Magneto proxy: ${reason}\n`),
        error: reason,
      });
      return;
    }
    if (headerValues(headers, 'via').some((via) => via.includes(env.via))) {
      const text = `Magneto proxy: ${url.href} leads back to this proxy (a request loop).`;
      report('error', { response: sendText(res, 508, `${text}\n`), error: text });
      return;
    }
    const body = session.matchesRequests ? await readBody(req) : undefined;
    requestBodySize = body?.length ?? 0;
    const decision = decide(
      session,
      body === undefined ? undefined : { method, url: url.href, headers, body },
    );
    if (decision.kind === 'replay') {
      const replay = await replayInteraction(req, res, decision.interaction, {
        latency: settings.latency,
        maxTimeoutWaitMs: settings.upstreamTimeoutMs,
      });
      const error = replay.interrupted ? 'the client went away during the replay' : replay.failure;
      report(
        'replayed',
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
      report('missed', { response, nearMisses: decision.nearMisses });
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
    requestBodySize = forwarded.requestBodySize;
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
    report('error', { response, error: message });
  }
}
