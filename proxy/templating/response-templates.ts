/**
 * Templates in recorded responses (Magneto-Serge's rule: a text body or header value containing
 * `{{ … }}` is a template), rendered at replay time for the request being answered.
 */
import { bodyByteLength } from '../cassette/body';
import type { Body, Headers, HttpResponse } from '../cassette/cassette.model';
import { compiledWith } from './compile-template';
import { toTemplateRenderError, type TemplateRenderError } from './errors';
import { renderWithView } from './render-template';
import { renderClock } from './render-state';
import type { TemplateRenderOptions } from './render-state';
import { requestView } from './request-view';
import type { RequestView } from './request-view';
import type { TemplateRequest } from './templating.model';

/** Whether text holds a template expression: `{{` followed later by `}}`. */
export function hasTemplates(text: string): boolean {
  const open = text.indexOf('{{');
  return open !== -1 && text.indexOf('}}', open + 2) !== -1;
}

export function headerHasTemplates(value: string | string[]): boolean {
  return Array.isArray(value) ? value.some(hasTemplates) : hasTemplates(value);
}

/**
 * Whether a response has a templated text body or header value. Cheap, but the replay path should
 * still work it out once per interaction and keep the answer.
 */
export function responseHasTemplates(response: HttpResponse): boolean {
  if (response.body?.kind === 'text' && hasTemplates(response.body.text)) return true;
  return Object.values(response.headers).some(headerHasTemplates);
}

/**
 * Renders the texts of one response: one request view and one clock for all of them. `text` throws
 * a `TemplateRenderError` or anything else a render may throw (see `toTemplateRenderError`).
 */
export class ResponseRender {
  private now: Date | undefined;

  private readonly view: RequestView;

  /** `recorded`: the response the texts come from, which keeps them compiled (`compiledWith`). */
  constructor(
    request: TemplateRequest,
    private readonly options: TemplateRenderOptions,
    private readonly recorded?: HttpResponse,
  ) {
    this.view = requestView(request);
  }

  /** `text` rendered when it holds templates, else `text`. */
  text(text: string): string {
    if (!hasTemplates(text)) return text;
    // A header and the body agree on `now`.
    this.now ??= renderClock(this.options.now);
    const template = this.recorded === undefined ? text : compiledWith(this.recorded, text);
    return renderWithView(template, this.view, this.options, this.now);
  }
}

function renderHeaders(headers: Headers, render: ResponseRender): Headers {
  const rendered: Headers = {};
  for (const name of Object.keys(headers)) {
    const value = headers[name] ?? '';
    rendered[name] = Array.isArray(value)
      ? value.map((item) => render.text(item))
      : render.text(value);
  }
  return rendered;
}

/** The rendered body: decoded text only; the wire copy and truncation marks no longer apply. */
function renderBody(body: Body | null, render: ResponseRender): Body | null {
  if (body?.kind !== 'text' || !hasTemplates(body.text)) return body;
  const rendered: Body = { kind: 'text', text: render.text(body.text) };
  if (body.contentEncoding !== undefined) rendered.contentEncoding = body.contentEncoding;
  return rendered;
}

export type RenderedResponse = { response: HttpResponse } | { error: TemplateRenderError };

/**
 * A copy of `response` with its templated body and header values rendered for `request`, and a
 * `content-length` that matches the new body. Never throws: a failure comes back as `{ error }`,
 * for the engine to answer 500 with the error's message.
 */
export function renderResponseTemplates(
  response: HttpResponse,
  request: TemplateRequest,
  options: TemplateRenderOptions = {},
): RenderedResponse {
  try {
    const render = new ResponseRender(request, options, response);
    const headers = renderHeaders(response.headers, render);
    const body = renderBody(response.body, render);
    if (body !== response.body && headers['content-length'] !== undefined) {
      headers['content-length'] = String(bodyByteLength(body));
    }
    return { response: { ...response, headers, body } };
  } catch (error) {
    return { error: toTemplateRenderError(error) };
  }
}
