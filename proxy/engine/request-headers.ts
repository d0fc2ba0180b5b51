/**
 * An incoming request's headers as the engine uses them: hop-by-hop headers and those about the
 * client's connection to the proxy (`host`, `expect`) left out, `host` set to the upstream's.
 */
import type { Headers } from '../cassette/cassette.model';
import { rawHopByHopFilter } from './hop-by-hop';

/** Headers that describe the client's connection to the proxy, not the request. */
const NOT_FORWARDED = new Set(['host', 'expect']);

/** The pairs that go upstream, names as the client wrote them, after `host: <host>`. */
export function forwardedPairs(
  rawHeaders: readonly string[],
  host: string,
): Array<[string, string]> {
  const drop = rawHopByHopFilter(rawHeaders);
  const pairs: Array<[string, string]> = [['host', host]];
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const name = rawHeaders[i] ?? '';
    if (!drop(name) && !NOT_FORWARDED.has(name.toLowerCase())) {
      pairs.push([name, rawHeaders[i + 1] ?? '']);
    }
  }
  return pairs;
}

/**
 * The same headers as a model map (lower-case names, repeated ones as lists), `host` first when
 * given: what is matched, given to templates and reported.
 */
export function requestHeaders(rawHeaders: readonly string[], host: string | undefined): Headers {
  const drop = rawHopByHopFilter(rawHeaders);
  const headers: Headers = {};
  if (host !== undefined) headers.host = host;
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const name = (rawHeaders[i] ?? '').toLowerCase();
    if (drop(name) || NOT_FORWARDED.has(name)) continue;
    const value = rawHeaders[i + 1] ?? '';
    const existing = headers[name];
    if (existing === undefined) headers[name] = value;
    else if (Array.isArray(existing)) existing.push(value);
    else headers[name] = [existing, value];
  }
  return headers;
}
