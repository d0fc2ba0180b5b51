/**
 * Handles one HTTP request end to end: works out where it goes, asks the request handler what to
 * do, carries it out (replay, miss, forward) and reports exactly one exchange event. A settled
 * replay is remembered for the fast path (fast-replay.ts).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Headers } from '../cassette/cassette.model';
import { headerValues } from '../cassette/headers';
import type { CassetteSession } from './cassette-session';
import type { ExchangeEvent, ExchangeResponseSummary } from './engine.model';
import {
  nowIso,
  reportExchange as report,
  type ExchangeContext,
  type ExchangeReporter,
} from './exchange-report';
import { forwardExchange } from './forward-exchange';
import { replayInteraction, sendMiss } from './replay-responder';
import { announcesBody, readBody } from './request-body';
import { decide } from './request-handler';
import { forwardedPairs, requestHeaders } from './request-headers';
import { resolveTarget, type ConnectionOrigin } from './request-target';
import { sendText } from './responses';
import type { RuntimeSettings } from './runtime-settings';
import { sequencesOf } from './template-replay';
import type { UpstreamClient } from './upstream-client';

export interface ExchangeEnvironment {
  session(): CassetteSession;
  settings(): RuntimeSettings;
  upstream: UpstreamClient;
  /** This engine's `Via` entry (`1.1 magneto-<id>`): a request carrying it looped back. */
  via: string;
  reporter: ExchangeReporter;
}

const NO_BODY = Buffer.alloc(0);

/** Whether the request went through this proxy already (its `Via` names this engine). */
function loopedBack(headers: Headers, via: string): boolean {
  for (const value of headerValues(headers, 'via')) if (value.includes(via)) return true;
  return false;
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
  const target = resolveTarget(rawUrl, origin, settings.targetBase);
  const url = target.ok ? target.url : undefined;
  const headers = requestHeaders(req.rawHeaders, url?.host);
  const method = req.method ?? 'GET';
  const context: ExchangeContext = {
    reporter: env.reporter,
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
    if (!target.ok) {
      report(context, 'error', {
        response: sendText(res, 400, `Magneto proxy: ${target.reason}\n`),
        error: target.reason,
      });
      return;
    }
    const { url } = target;
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
      body === undefined ? undefined : { method, url: url.href, headers, body, parsedUrl: url },
    );
    if (decision.kind === 'replay') {
      // From its second answer on: a cassette replayed once through remembers nothing.
      if (decision.settled && decision.repeat && body?.length === 0) {
        const request = { method, prefix: target.prefix, requestTarget: rawUrl, url };
        session.settledReplays?.remember(request, decision.interaction);
      }
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
      headers: forwardedPairs(req.rawHeaders, url.host),
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
