/**
 * What a recorded response looks like on the wire, worked out per response and coding, then kept
 * (for the responses replayed again lately, within a memory bound): replaying the same interaction
 * again costs no encoding, base64 decoding or header work. Whether the response holds templates is
 * kept beside it.
 */
import type { ContentCoding, Headers, HttpResponse } from '../cassette/cassette.model';
import { bodyToBytes } from '../cassette/body';
import { bodyToWire } from '../cassette/content-coding';
import { responseHasTemplates } from '../templating/response-templates';
import { BoundedLru } from '../support/bounded-lru';
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
  /** The same headers flat, `[name, value, name, value, …]`: the cheapest form for `writeHead`. */
  headerList: string[];
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

/** Which form of a response a client gets: with its recorded content coding, or decoded. */
export type WireVariant = 'encoded' | 'identity';

interface Precomputed extends Partial<Record<WireVariant, WireResponse>> {
  templated?: boolean;
}

/**
 * Responses' wire forms, kept for the responses replayed last, and only from their second replay
 * on: a cassette of 100,000 interactions replayed once through would otherwise make the cache churn
 * through 100,000 entries, and keep a second copy of the last bodies for nothing.
 */
export const WIRE_CACHE_ENTRIES = 8192;
export const WIRE_CACHE_BYTES = 64 * 1024 * 1024;
/** What an entry costs besides its bodies: objects, headers. */
const ENTRY_OVERHEAD_BYTES = 512;
const cache = new BoundedLru<HttpResponse, Precomputed>(WIRE_CACHE_ENTRIES, WIRE_CACHE_BYTES);
/** Responses replayed once lately, not kept yet: the next replay keeps them. */
const seenOnce = new BoundedLru<HttpResponse, true>(WIRE_CACHE_ENTRIES, WIRE_CACHE_ENTRIES);

/** Keeps an entry (again, after it grew) with its size. */
function keep(response: HttpResponse, entry: Precomputed): void {
  const bodies = (entry.encoded?.body?.length ?? 0) + (entry.identity?.body?.length ?? 0);
  cache.set(response, entry, ENTRY_OVERHEAD_BYTES + bodies);
}

function flatHeaders(headers: Headers): string[] {
  const list: string[] = [];
  for (const [name, value] of Object.entries(headers)) {
    if (Array.isArray(value)) for (const item of value) list.push(name, item);
    else list.push(name, value);
  }
  return list;
}

function timedEvents(text: string, offsets: readonly number[]): TimedChunk[] {
  const blocks = splitEvents(text);
  const last = offsets.at(-1) ?? 0;
  return blocks
    .map((block, i) => ({ atMs: offsets[i] ?? last, bytes: Buffer.from(block, 'utf8') }))
    .filter((chunk) => chunk.bytes.length > 0);
}

/** The headers and body of a variant; event-stream blocks apart. */
function build(response: HttpResponse, variant: WireVariant): WireResponse {
  const { status, body } = response;
  const headers = endToEndHeaders(response.headers);
  delete headers['content-length'];
  if (body === null || NO_BODY_STATUS(status)) {
    if (!NO_BODY_STATUS(status)) headers['content-length'] = '0';
    return { status, headers, headerList: flatHeaders(headers), body: null };
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
    return { status, headers, headerList: flatHeaders(headers), body: bodyToBytes(body), events };
  }
  const bytes = variant === 'encoded' ? bodyToWire(body) : bodyToBytes(body);
  headers['content-length'] = String(bytes.length);
  return { status, headers, headerList: flatHeaders(headers), body: bytes };
}

/** The variant for a client sending this `Accept-Encoding`. */
export function wireVariant(
  response: HttpResponse,
  acceptEncoding: string | undefined,
): WireVariant {
  const coding = response.body?.contentEncoding;
  return coding !== undefined && acceptsCoding(acceptEncoding, coding) ? 'encoded' : 'identity';
}

/** The wire form of `response` in `variant`, kept for next time from its second replay on. */
export function wireResponseOf(response: HttpResponse, variant: WireVariant): WireResponse {
  const entry = cache.get(response);
  const kept = entry?.[variant];
  if (kept !== undefined) return kept;
  const wire = build(response, variant);
  if (entry !== undefined) {
    entry[variant] = wire;
    keep(response, entry);
  } else if (seenOnce.get(response) === true) {
    seenOnce.delete(response);
    keep(response, { [variant]: wire });
  } else seenOnce.set(response, true, 1);
  return wire;
}

/** The wire form of `response` for a client sending this `Accept-Encoding`, kept for next time. */
export function wireResponse(
  response: HttpResponse,
  acceptEncoding: string | undefined,
): WireResponse {
  return wireResponseOf(response, wireVariant(response, acceptEncoding));
}

/** The same for a response made for one request only (a rendered template): nothing is kept. */
export function freshWireResponse(
  response: HttpResponse,
  acceptEncoding: string | undefined,
): WireResponse {
  return build(response, wireVariant(response, acceptEncoding));
}

/** Whether a recorded response holds templates (`responseHasTemplates`), kept with its wire forms. */
export function isTemplated(response: HttpResponse): boolean {
  const entry = cache.get(response);
  if (entry === undefined) return responseHasTemplates(response);
  return (entry.templated ??= responseHasTemplates(response));
}
