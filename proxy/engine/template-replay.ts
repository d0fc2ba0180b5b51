/**
 * Response templates on replay (Magneto-Serge's rule: a text body or header value holding `{{ … }}`
 * is a template): the recorded response rendered for the request being answered, then put on the
 * wire like any replayed response. Responses without templates keep their cached wire form.
 */
import type { Body, Headers, HttpResponse } from '../cassette/cassette.model';
import { bodyFromWire } from '../cassette/content-coding';
import type { TemplateRenderError } from '../templating/errors';
import { renderResponseTemplates } from '../templating/response-templates';
import { SequenceCounters } from '../templating/sequence-counters';
import { freshWireResponse, isTemplated, wireResponse, type WireResponse } from './replay-wire';

/** What a template needs beyond the recorded response: the live request and the engine's settings. */
export interface TemplateContext {
  /** The cassette replayed from: `sequence` counters are kept per cassette. */
  cassette: string;
  /** The counters of the cassette session (see `sequencesOf`). */
  sequences: SequenceCounters;
  /** Glob patterns of the environment variables `env` may read. */
  envAllowList: readonly string[];
  /** The request as the client sent it (not redacted): absolute URL, end-to-end headers. */
  request: { method: string; url: string; headers: Headers; body: Buffer };
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
  const { request } = context;
  const rendered = renderResponseTemplates(
    response,
    { ...request, body: templateBody(request) },
    {
      cassette: context.cassette,
      sequences: context.sequences,
      envAllowList: context.envAllowList,
    },
  );
  if ('error' in rendered) return rendered.error;
  return freshWireResponse(rendered.response, acceptEncoding);
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
