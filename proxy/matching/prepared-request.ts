/**
 * A request, recorded or incoming, in the normalised form the matcher compares. Both sides go
 * through the same steps, including the optional redaction (`RequestRedaction`), so that values
 * hidden in the recording compare equal to whatever secret the incoming request carries.
 */
import type { Body, Headers, HttpRequest } from '../cassette/cassette.model';
import { bodyFromBytes } from '../cassette/body';
import { contentCodingOf, decodeContent } from '../cassette/content-coding';
import { headerValue } from '../cassette/headers';
import { ComparableBody } from './comparable-body';
import type { IncomingRequestSummary } from './matching.model';
import type { MatchingOptions } from './matching-options';
import { normaliseUrl, urlKey, type NormalisedUrl } from './url-key';

export interface PreparedRequest {
  /** Upper-case method. */
  method: string;
  url: NormalisedUrl;
  urlKey: string;
  headers: Headers;
  body: ComparableBody;
}

/** Hides secrets in a request the way recordings hide them (identity when there is no redaction). */
export type RequestRedaction = (request: HttpRequest) => HttpRequest;

/** `parsedUrl`: the request's URL parsed already, when the caller has it. */
export function prepareRequest(
  raw: HttpRequest,
  options: MatchingOptions,
  redact: RequestRedaction | undefined,
  parsedUrl?: URL,
): PreparedRequest {
  const request = redact === undefined ? raw : redact(raw);
  const parsed = request.url === raw.url ? parsedUrl : undefined;
  const url = normaliseUrl(request.url, options, parsed);
  return {
    method: request.method.toUpperCase(),
    url,
    urlKey: urlKey(url),
    headers: request.headers,
    body: new ComparableBody(request.body, options.ignoreBodyPaths),
  };
}

/** An incoming body as the recorder would have stored it: content coding removed. */
function incomingBody(bytes: Uint8Array | null, headers: Headers): Body | null {
  if (bytes === null || bytes.byteLength === 0) return null;
  const contentType = headerValue(headers, 'content-type');
  const coding = contentCodingOf(headers);
  if (coding === undefined) return bodyFromBytes(bytes, contentType);
  try {
    return bodyFromBytes(decodeContent(bytes, coding), contentType);
  } catch {
    return bodyFromBytes(bytes, contentType);
  }
}

export function prepareIncoming(
  request: IncomingRequestSummary,
  options: MatchingOptions,
  redact: RequestRedaction | undefined,
): PreparedRequest {
  // The body is only decoded when bodies are compared: the default options never touch it.
  const body = options.body === 'ignore' ? null : incomingBody(request.body, request.headers);
  const { method, url, headers, parsedUrl } = request;
  return prepareRequest({ method, url, headers, body }, options, redact, parsedUrl);
}

const WEB_SOCKET_SCHEMES: Readonly<Record<string, string>> = { http: 'ws', https: 'wss' };

/**
 * A WebSocket handshake as a request: `GET` of its URL, no body. `http`/`https` URLs count as
 * `ws`/`wss`, so the proxy may pass the upgrade request's URL either way.
 */
export function prepareWebSocket(
  url: string,
  headers: Headers,
  options: MatchingOptions,
  redact: RequestRedaction | undefined,
): PreparedRequest {
  const prepared = prepareRequest({ method: 'GET', url, headers, body: null }, options, redact);
  const scheme = WEB_SOCKET_SCHEMES[prepared.url.scheme] ?? prepared.url.scheme;
  const normalised = { ...prepared.url, scheme };
  return { ...prepared, url: normalised, urlKey: urlKey(normalised) };
}
