/**
 * The exchange event of an HTTP request: what it says about the request and the response, with
 * secrets hidden as in recordings, and how it reaches the engine.
 */
import type { Headers } from '../cassette/cassette.model';
import { redactHeaders } from '../redaction/header-redaction';
import { redactUrl } from '../redaction/url-redaction';
import type { CassetteSession } from './cassette-session';
import type { ExchangeEvent, ExchangeOutcome, ExchangeResponseSummary } from './engine.model';

export type ExchangeReport = Omit<ExchangeEvent, 'id'>;

/** Where exchanges are reported: the engine, which counts them and emits the events. */
export interface ExchangeReporter {
  report(event: ExchangeReport): void;
  /** Whether anyone listens to the events: when not, `count` is all an exchange needs. */
  observed(): boolean;
  count(outcome: ExchangeOutcome): void;
}

/** Wall-clock time minus `performance.now()`, measured again at most every second. */
let clockOffsetMs = Date.now() - performance.now();
let offsetMeasuredAt = performance.now();
let isoMs = Number.NaN;
let iso = '';

/**
 * `new Date().toISOString()` at `at` (a `performance.now()` value, by default now), made once per
 * millisecond however many requests arrive in it. Reading the wall clock costs more than the
 * monotonic one: it is read once per second, to follow its adjustments.
 */
export function nowIso(at: number = performance.now()): string {
  if (at - offsetMeasuredAt > 1000) {
    clockOffsetMs = Date.now() - at;
    offsetMeasuredAt = at;
  }
  const ms = Math.floor(clockOffsetMs + at);
  if (ms !== isoMs) {
    isoMs = ms;
    iso = new Date(ms).toISOString();
  }
  return iso;
}

/** What the exchange event says about the request; the body size is known last. */
export interface ExchangeContext {
  reporter: ExchangeReporter;
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

export function reportExchange(
  context: ExchangeContext,
  outcome: ExchangeOutcome,
  extra: Partial<ExchangeReport> & { response?: ExchangeResponseSummary | undefined },
  /** `performance.now()` when the response head was sent. */
  headSentAt?: number,
): void {
  const { session, url, reporter } = context;
  if (!reporter.observed()) {
    reporter.count(outcome);
    return;
  }
  const { response, ...rest } = extra;
  reporter.report({
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
