/**
 * What a recorded response looks like on the wire, worked out once per response and coding, then
 * kept: replaying the same interaction again costs no encoding, base64 decoding or header work.
 * Whether the response holds templates is worked out once as well, and kept beside it.
 */
import type { ContentCoding, Headers, HttpResponse } from '../cassette/cassette.model';
import { bodyToBytes } from '../cassette/body';
import { bodyToWire } from '../cassette/content-coding';
import { responseHasTemplates } from '../templating/response-templates';
import { endToEndHeaders } from './hop-by-hop';
import { isEventStream, splitEvents } from './sse-timing';

export interface TimedChunk {
  atMs: number;
  bytes: Buffer;
}

export interface WireResponse {
  status: number;
  /** Ready for `writeHead`; `content-length` matches `body`, except for timed event streams. */
  headers: Headers;
  /** null when the status carries no body. */
  body: Buffer | null;
  /** For a recorded event stream: the body in blocks, each sent at its time. */
  events?: TimedChunk[];
}

/**
 * Whether an `Accept-Encoding` value accepts `coding` (a q-value of 0 refuses it; `*` stands for
 * codings not listed). No header accepts only identity, as clients without one cannot decode.
 */
export function acceptsCoding(acceptEncoding: string | undefined, coding: ContentCoding): boolean {
  if (acceptEncoding === undefined) return false;
  let wildcard: boolean | undefined;
  for (const part of acceptEncoding.split(',')) {
    const [rawName = '', ...params] = part.split(';');
    const name = rawName.trim().toLowerCase();
    const q = params.map((p) => /^\s*q\s*=\s*([\d.]+)\s*$/i.exec(p)?.[1]).find((v) => v);
    const accepted = q === undefined || Number(q) > 0;
    if (name === coding || (coding === 'gzip' && name === 'x-gzip')) return accepted;
    if (name === '*') wildcard = accepted;
  }
  return wildcard ?? false;
}

const NO_BODY_STATUS = (status: number) => status === 204 || status === 304 || status < 200;

type Variant = 'encoded' | 'identity';
interface Precomputed extends Partial<Record<Variant, WireResponse>> {
  templated?: boolean;
}
const cache = new WeakMap<HttpResponse, Precomputed>();

function precomputed(response: HttpResponse): Precomputed {
  let entry = cache.get(response);
  if (entry === undefined) {
    entry = {};
    cache.set(response, entry);
  }
  return entry;
}

function timedEvents(text: string, offsets: readonly number[]): TimedChunk[] {
  const blocks = splitEvents(text);
  const last = offsets.at(-1) ?? 0;
  return blocks
    .map((block, i) => ({ atMs: offsets[i] ?? last, bytes: Buffer.from(block, 'utf8') }))
    .filter((chunk) => chunk.bytes.length > 0);
}

function build(response: HttpResponse, variant: Variant): WireResponse {
  const { status, body } = response;
  const headers = endToEndHeaders(response.headers);
  delete headers['content-length'];
  if (body === null || NO_BODY_STATUS(status)) {
    if (!NO_BODY_STATUS(status)) headers['content-length'] = '0';
    return { status, headers, body: null };
  }
  if (body.truncated) headers['x-magneto-truncated'] = String(body.originalSize ?? '');
  if (body.contentEncoding !== undefined) {
    if (variant === 'encoded') headers['content-encoding'] = body.contentEncoding;
    else delete headers['content-encoding'];
  }
  const offsets = response.eventOffsetsMs;
  if (
    offsets !== undefined &&
    body.kind === 'text' &&
    body.contentEncoding === undefined &&
    isEventStream(response.headers)
  ) {
    const events = timedEvents(body.text, offsets);
    return { status, headers, body: bodyToBytes(body), events };
  }
  const bytes = variant === 'encoded' ? bodyToWire(body) : bodyToBytes(body);
  headers['content-length'] = String(bytes.length);
  return { status, headers, body: bytes };
}

function variantOf(response: HttpResponse, acceptEncoding: string | undefined): Variant {
  const coding = response.body?.contentEncoding;
  return coding !== undefined && acceptsCoding(acceptEncoding, coding) ? 'encoded' : 'identity';
}

/** The wire form of `response` for a client sending this `Accept-Encoding`, kept for next time. */
export function wireResponse(
  response: HttpResponse,
  acceptEncoding: string | undefined,
): WireResponse {
  const variant = variantOf(response, acceptEncoding);
  const entry = precomputed(response);
  return (entry[variant] ??= build(response, variant));
}

/** The same for a response made for one request only (a rendered template): nothing is kept. */
export function freshWireResponse(
  response: HttpResponse,
  acceptEncoding: string | undefined,
): WireResponse {
  return build(response, variantOf(response, acceptEncoding));
}

/** Whether a recorded response holds templates (`responseHasTemplates`), worked out once. */
export function isTemplated(response: HttpResponse): boolean {
  const entry = precomputed(response);
  return (entry.templated ??= responseHasTemplates(response));
}
