/**
 * The wire form of a response whose body is a template, worked out once per recorded response (as
 * `freshWireResponse` builds it for a client taking the body without content coding): the status,
 * the headers in order with the places of the values that hold templates, `content-length` aside.
 * A replay then renders the templates, measures the body and writes head and text: no header work
 * and no copy of the body into a buffer of its own. Responses this does not fit (no templated text
 * body, a status without body, a templated header that the wire drops) have no plan.
 */
import type { Headers, HttpResponse } from '../cassette/cassette.model';
import { redactHeaders } from '../redaction/header-redaction';
import type { RedactionRules } from '../redaction/redaction-rules';
import { hasTemplates, headerHasTemplates } from '../templating/response-templates';
import type { ResponseRender } from '../templating/response-templates';
import type { ExchangeResponseSummary } from './engine.model';
import { freshWireResponse } from './replay-wire';

export interface TemplateWirePlan {
  status: number;
  /** The headers as the wire carries them, `content-length` aside; values not rendered. */
  headers: Headers;
  /** The same flat, `[name, value, name, value, …]`. */
  headerList: readonly string[];
  /** The indexes in `headerList` of the values holding templates. */
  templated: readonly number[];
  /** The body's template. */
  body: string;
}

/** A response rendered on the plan: what `writeHead` and `end` take. */
export interface RenderedTemplateWire {
  plan: TemplateWirePlan;
  headerList: string[];
  text: string;
  /** The text's length in bytes of UTF-8. */
  bodySize: number;
}

const plans = new WeakMap<HttpResponse, TemplateWirePlan | null>();

function makePlan(response: HttpResponse): TemplateWirePlan | null {
  const { body } = response;
  if (body?.kind !== 'text' || !hasTemplates(body.text)) return null;
  // What rendering gives (response-templates.ts): the text, its coding, no truncation mark.
  const rendered = {
    kind: 'text' as const,
    text: body.text,
    contentEncoding: body.contentEncoding,
  };
  if (rendered.contentEncoding === undefined) delete rendered.contentEncoding;
  const wire = freshWireResponse({ ...response, body: rendered }, undefined);
  if (wire.body === null || wire.events !== undefined) return null;
  // Built without `content-length` rather than deleting it: the map stays a fast one.
  const headers: Headers = {};
  for (const [name, value] of Object.entries(wire.headers)) {
    if (name !== 'content-length') headers[name] = value;
  }
  for (const [name, value] of Object.entries(response.headers)) {
    if (headerHasTemplates(value) && headers[name] === undefined) return null;
  }
  const headerList: string[] = [];
  const templated: number[] = [];
  for (const [name, value] of Object.entries(headers)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (hasTemplates(item)) templated.push(headerList.length + 1);
      headerList.push(name, item);
    }
  }
  return { status: wire.status, headers, headerList, templated, body: body.text };
}

/** The plan of a recorded response (kept with it), or null when the response has none. */
export function templateWirePlan(response: HttpResponse): TemplateWirePlan | null {
  let plan = plans.get(response);
  if (plan === undefined) {
    plan = makePlan(response);
    plans.set(response, plan);
  }
  return plan;
}

/**
 * The response rendered on its plan: header values first, in order, then the body, as
 * `renderResponseTemplates` renders them. Throws what a render throws.
 */
export function renderOnPlan(plan: TemplateWirePlan, render: ResponseRender): RenderedTemplateWire {
  const headerList = plan.headerList.slice();
  for (const index of plan.templated) headerList[index] = render.text(headerList[index] ?? '');
  const text = render.text(plan.body);
  const bodySize = Buffer.byteLength(text, 'utf8');
  headerList.push('content-length', String(bodySize));
  return { plan, headerList, text, bodySize };
}

/** The rendered headers as a header map (`WireResponse.headers`). */
function renderedHeaders(rendered: RenderedTemplateWire): Headers {
  const { headerList } = rendered;
  const headers: Headers = {};
  let next = 1;
  for (const [name, value] of Object.entries(rendered.plan.headers)) {
    if (!Array.isArray(value)) {
      headers[name] = headerList[next] ?? '';
      next += 2;
      continue;
    }
    const values: string[] = [];
    for (let i = 0; i < value.length; i++, next += 2) values.push(headerList[next] ?? '');
    headers[name] = values;
  }
  headers['content-length'] = String(rendered.bodySize);
  return headers;
}

/** Per plan without templated header values: its event summaries, for the rules they were for. */
interface KeptSummaries {
  rules: RedactionRules;
  /** The plan's headers, redacted. */
  headers: Headers;
  /** Summaries by body size (renders of one template mostly have a few sizes). */
  bySize: Map<number, ExchangeResponseSummary>;
}

const summariesKept = new WeakMap<TemplateWirePlan, KeptSummaries>();
/** Sizes kept per plan: beyond, a summary is made for each render. */
const SIZES_KEPT = 16;

/** The summary of a render of a plan whose header values hold no templates (frozen, shared). */
function keptSummary(
  rendered: RenderedTemplateWire,
  rules: RedactionRules,
): ExchangeResponseSummary {
  const { plan, bodySize } = rendered;
  let kept = summariesKept.get(plan);
  if (kept === undefined || kept.rules !== rules) {
    kept = { rules, headers: redactHeaders(plan.headers, rules), bySize: new Map() };
    summariesKept.set(plan, kept);
  }
  let summary = kept.bySize.get(bodySize);
  if (summary === undefined) {
    const length = redactHeaders({ 'content-length': String(bodySize) }, rules);
    const headers = Object.freeze({ ...kept.headers, ...length });
    summary = Object.freeze({ status: plan.status, headers, bodySize });
    if (kept.bySize.size < SIZES_KEPT) kept.bySize.set(bodySize, summary);
  }
  return summary;
}

/**
 * The exchange event's response for a render, its headers redacted by `rules`. A plan whose header
 * values hold no templates has the same headers on every render but `content-length`: its
 * summaries are made once per rules and body size.
 */
export function eventSummary(
  rendered: RenderedTemplateWire,
  rules: RedactionRules,
): ExchangeResponseSummary {
  const { plan, bodySize } = rendered;
  if (plan.templated.length === 0) return keptSummary(rendered, rules);
  return {
    status: plan.status,
    headers: redactHeaders(renderedHeaders(rendered), rules),
    bodySize,
  };
}
