/**
 * Response templates on replay (Magneto-Serge's rule: a text body or header value holding `{{ … }}`
 * is a template): the recorded response rendered for the request being answered, then put on the
 * wire like any replayed response. Responses without templates keep their cached wire form. A
 * settled replay with templates is answered on the fast path too (`replaySettledTemplate`), on the
 * response's wire plan when it has one (template-wire.ts: only the templates rendered per request).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Body, Headers, HttpResponse } from '../cassette/cassette.model';
import { bodyFromWire } from '../cassette/content-coding';
import { redactHeaders } from '../redaction/header-redaction';
import type { RedactionRules } from '../redaction/redaction-rules';
import { TemplateRenderError, toTemplateRenderError } from '../templating/errors';
import type { TemplateRenderOptions } from '../templating/render-state';
import { renderResponseTemplates, ResponseRender } from '../templating/response-templates';
import type { TemplateRequest } from '../templating/templating.model';
import { SequenceCounters } from '../templating/sequence-counters';
import type { ExchangeResponseSummary } from './engine.model';
import { nowIso } from './exchange-report';
import type { FastReplayEnvironment } from './fast-replay';
import {
  freshWireResponse,
  isTemplated,
  wireResponse,
  wireVariant,
  type WireResponse,
} from './replay-wire';
import { sendText } from './responses';
import type { SettledReplay, SettledReplays } from './settled-replays';
import {
  eventSummary,
  renderOnPlan,
  templateWirePlan,
  type RenderedTemplateWire,
  type TemplateWirePlan,
} from './template-wire';

/** What a template needs beyond the recorded response: the live request and the engine's settings. */
export interface TemplateContext {
  /** The cassette replayed from: `sequence` counters are kept per cassette. */
  cassette: string;
  /** The counters of the cassette session (see `sequencesOf`). */
  sequences: SequenceCounters;
  /** Glob patterns of the environment variables `env` may read. */
  envAllowList: readonly string[];
  /**
   * The request as the client sent it (not redacted): absolute URL (and, when the caller has it,
   * the same URL parsed), end-to-end headers.
   */
  request: { method: string; url: string; parsedUrl?: URL; headers: Headers; body: Buffer };
}

/** Request bodies larger than this are not given to templates (`request.body` is then empty). */
export const TEMPLATE_REQUEST_BODY_LIMIT = 5 * 1024 * 1024;

const counters = new WeakMap<object, SequenceCounters>();

/**
 * The `sequence` counters of one cassette session: they start afresh whenever the engine opens the
 * cassette again (a new mode, cassette, matching or redaction) and live as long as the session.
 */
export function sequencesOf(session: object): SequenceCounters {
  let sequences = counters.get(session);
  if (sequences === undefined) {
    sequences = new SequenceCounters();
    counters.set(session, sequences);
  }
  return sequences;
}

/** The request body as templates read it: decoded when it has a content coding. */
function templateBody({ body, headers }: TemplateContext['request']): Body | null {
  if (body.length === 0 || body.length > TEMPLATE_REQUEST_BODY_LIMIT) return null;
  return bodyFromWire(body, headers);
}

/**
 * The wire form of a recorded response for this request and `Accept-Encoding`: the cached one when
 * the response has no templates, else the response rendered for the request (encoded with the
 * recorded coding when the client accepts it). A template that fails gives its error instead.
 */
export function replayWire(
  response: HttpResponse,
  acceptEncoding: string | undefined,
  context: TemplateContext,
): WireResponse | TemplateRenderError {
  if (!isTemplated(response)) return wireResponse(response, acceptEncoding);
  const rendered = renderResponseTemplates(
    response,
    templateRequest(context.request),
    templateOptions(context),
  );
  if ('error' in rendered) return rendered.error;
  return freshWireResponse(rendered.response, acceptEncoding);
}

function templateRequest(request: TemplateContext['request']): TemplateRequest {
  return { ...request, body: templateBody(request) };
}

function templateOptions(context: TemplateContext): TemplateRenderOptions {
  const { cassette, sequences, envAllowList } = context;
  return { cassette, sequences, envAllowList };
}

/**
 * The recorded response rendered on its wire plan (template-wire.ts), or the error of its
 * template.
 */
function renderedOnPlan(
  recorded: HttpResponse,
  plan: TemplateWirePlan,
  context: TemplateContext,
): RenderedTemplateWire | TemplateRenderError {
  try {
    const request = templateRequest(context.request);
    const render = new ResponseRender(request, templateOptions(context), recorded);
    return renderOnPlan(plan, render);
  } catch (error) {
    return toTemplateRenderError(error);
  }
}

/** Answers 500 for a template that failed; gives the response and the exchange event's `error`. */
export function sendTemplateError(
  res: ServerResponse,
  error: TemplateRenderError,
  interactionId: string,
): { response: ExchangeResponseSummary; templateError: string } {
  const response = sendText(res, 500, templateErrorText(error, interactionId), {
    'x-magneto-template-error': error.code,
  });
  return { response, templateError: templateErrorSummary(error, interactionId) };
}

const NO_BODY = Buffer.alloc(0);
/** The URL of each settled replay, parsed once for all the renders of its templates. */
const settledUrls = new WeakMap<SettledReplay, URL>();

function settledUrl(entry: SettledReplay): URL {
  let url = settledUrls.get(entry);
  if (url === undefined) {
    url = new URL(entry.href);
    settledUrls.set(entry, url);
  }
  return url;
}

/** What was sent: a template's error, a response rendered on its plan, or a wire response. */
type Sent = ReturnType<typeof sendTemplateError> | RenderedTemplateWire | WireResponse;

/** The exchange event's response (made only when someone listens), its headers redacted. */
function summaryOf(sent: Sent, rules: RedactionRules): ExchangeResponseSummary {
  if ('text' in sent) return eventSummary(sent, rules);
  const response =
    'templateError' in sent
      ? sent.response
      : { status: sent.status, headers: sent.headers, bodySize: sent.body?.length ?? 0 };
  return { ...response, headers: redactHeaders(response.headers, rules) };
}

/**
 * Answers a settled replay whose response holds templates, on the fast path (fast-replay.ts): the
 * response rendered for this request as the full path renders it (the same request fields and
 * settings), a failing template answered 500, and the exchange reported as the full path does.
 */
export function replaySettledTemplate(
  env: FastReplayEnvironment,
  req: IncomingMessage,
  res: ServerResponse,
  settled: {
    entry: SettledReplay;
    /** The session's settled replays, which gave `entry`. */
    replays: SettledReplays;
    started: number;
    /** The request's `Accept-Encoding` (fast-path-headers.ts). */
    acceptEncoding: string | undefined;
  },
): void {
  const { entry, replays, started, acceptEncoding } = settled;
  const session = env.session();
  const { method, interactionId, response: recorded } = entry;
  const headers = replays.requestHeaders(req.rawHeaders, entry.host);
  const context: TemplateContext = {
    cassette: session.name ?? '',
    sequences: sequencesOf(session),
    envAllowList: env.settings().templateEnvAllowList,
    request: { method, url: entry.href, headers, body: NO_BODY, parsedUrl: settledUrl(entry) },
  };
  const plan = templateWirePlan(recorded);
  const planned = plan !== null && wireVariant(recorded, acceptEncoding) === 'identity';
  const wire = planned
    ? renderedOnPlan(recorded, plan, context)
    : replayWire(recorded, acceptEncoding, context);
  let sent: Sent;
  if (wire instanceof TemplateRenderError) {
    sent = sendTemplateError(res, wire, interactionId);
  } else if ('text' in wire) {
    // The head and the text go out in one write (Node joins a string body to the head).
    res.writeHead(wire.plan.status, wire.headerList);
    res.end(wire.text);
    sent = wire;
  } else {
    res.writeHead(wire.status, wire.headerList);
    if (wire.body === null) res.end();
    else res.end(wire.body);
    sent = wire;
  }
  const headSentAt = performance.now();
  const error = 'templateError' in sent ? sent.templateError : undefined;
  const outcome = error === undefined ? 'replayed' : 'error';
  const { reporter } = env;
  if (!reporter.observed()) {
    reporter.count(outcome);
    return;
  }
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
    response: summaryOf(sent, session.rules),
    latencyMs: Math.round(headSentAt - started),
    outcome,
    interactionId,
    ...(error !== undefined && { error }),
  });
}

/** Where a template error happened, in words: `line 2, column 7`, or '' when unknown. */
function positionOf(error: TemplateRenderError): string {
  if (error.line === undefined) return '';
  return error.column === undefined
    ? `line ${error.line}`
    : `line ${error.line}, column ${error.column}`;
}

/** The exchange event's `error` for a template that failed. */
export function templateErrorSummary(error: TemplateRenderError, interactionId: string): string {
  const position = positionOf(error);
  const where = position === '' ? '' : ` at ${position}`;
  return `response template of interaction ${interactionId} failed (${error.code})${where}: ${error.message}`;
}

/** The body of the 500 answered for a template that failed. */
export function templateErrorText(error: TemplateRenderError, interactionId: string): string {
  const position = positionOf(error);
  return [
    `Magneto proxy: the response template of interaction ${interactionId} could not be rendered.`,
    `Error: ${error.code}`,
    `Message: ${error.message}`,
    ...(position === '' ? [] : [`Position: ${position}`]),
    ...(error.helper === undefined ? [] : [`Helper: ${error.helper}`]),
    'Fix the template in the cassette (the template studio validates it), then replay again.',
    '',
  ].join('\n');
}
