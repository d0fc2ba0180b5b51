/**
 * The replay fast path: a request the session remembers a settled answer to (settled-replays.ts)
 * is answered in the tick it arrived, with one `writeHead` and one `end` of the cached wire form
 * (or of its template rendered for the request: `replaySettledTemplate`), before any parsing,
 * redaction or matching. Anything else — a body, a `Via` header (a possible loop), a replay
 * latency, a request never remembered — takes the full path (exchange-handler.ts).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CassetteSession } from './cassette-session';
import { nowIso, type ExchangeReporter } from './exchange-report';
import { fastPathHeaders } from './fast-path-headers';
import { targetPrefix, type ConnectionOrigin } from './request-target';
import { wireResponseOf, wireVariant } from './replay-wire';
import type { RuntimeSettings } from './runtime-settings';
import { replaySettledTemplate } from './template-replay';

export interface FastReplayEnvironment {
  session(): CassetteSession;
  settings(): RuntimeSettings;
  reporter: ExchangeReporter;
}

/** Answers `req` from a settled replay and reports it; false (nothing done) when it cannot. */
export function replaySettled(
  env: FastReplayEnvironment,
  req: IncomingMessage,
  res: ServerResponse,
  origin: ConnectionOrigin,
): boolean {
  const started = performance.now();
  const session = env.session();
  const replays = session.settledReplays;
  if (replays === undefined || replays.size === 0) return false;
  const settings = env.settings();
  if (settings.latency.mode !== 'none' || res.destroyed) return false;
  const requestTarget = req.url ?? '';
  const prefix = targetPrefix(requestTarget, origin, settings.targetBase);
  if (prefix === undefined) return false;
  const method = req.method ?? 'GET';
  const entry = replays.get(method, prefix, requestTarget);
  if (entry === undefined) return false;
  const headers = fastPathHeaders(req.rawHeaders);
  if (headers.via || headers.body) return false;
  if (entry.templated) {
    replaySettledTemplate(env, req, res, {
      entry,
      replays,
      started,
      acceptEncoding: headers.acceptEncoding,
    });
    return true;
  }

  const variant = wireVariant(entry.response, headers.acceptEncoding);
  const wire = wireResponseOf(entry.response, variant);
  res.writeHead(wire.status, wire.headerList);
  const headSentAt = performance.now();
  if (wire.body === null) res.end();
  else res.end(wire.body);

  const { reporter } = env;
  if (!reporter.observed()) reporter.count('replayed');
  else {
    reporter.report({
      time: nowIso(started),
      cassette: session.name,
      protocol: entry.protocol,
      request: {
        method,
        url: entry.url,
        headers: replays.eventHeaders(req.rawHeaders, entry.host),
        bodySize: 0,
      },
      response: replays.summary(entry, variant, wire),
      latencyMs: Math.round(headSentAt - started),
      outcome: 'replayed',
      interactionId: entry.interactionId,
    });
  }
  return true;
}
