/**
 * Hop-by-hop headers (RFC 9110 §7.6.1): they concern one connection, so the proxy neither forwards
 * nor records them. Credentials for the proxy itself (`proxy-authorization`) go the same way.
 */
import type { Headers } from '../cassette/cassette.model';
import { headerValues } from '../cassette/headers';

const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'http2-settings',
]);

/** Header names the `Connection` header lists, lower-cased. */
function connectionListed(connectionValues: readonly string[]): Set<string> {
  const names = new Set<string>();
  for (const value of connectionValues) {
    for (const token of value.split(',')) {
      const name = token.trim().toLowerCase();
      if (name !== '') names.add(name);
    }
  }
  return names;
}

const isStandardHopByHop = (name: string): boolean => HOP_BY_HOP.has(name.toLowerCase());

/** A predicate telling the names to drop, for headers whose `Connection` values are given. */
export function hopByHopFilter(connectionValues: readonly string[]): (name: string) => boolean {
  if (connectionValues.length === 0) return isStandardHopByHop;
  const listed = connectionListed(connectionValues);
  return (name) => {
    const lower = name.toLowerCase();
    return HOP_BY_HOP.has(lower) || listed.has(lower);
  };
}

/** The end-to-end headers of a model header map (a copy; names stay lower-case). */
export function endToEndHeaders(headers: Headers): Headers {
  const drop = hopByHopFilter(headerValues(headers, 'connection'));
  const kept: Headers = {};
  for (const [name, value] of Object.entries(headers)) {
    if (!drop(name)) kept[name] = Array.isArray(value) ? [...value] : value;
  }
  return kept;
}

/** The drop predicate for Node's `rawHeaders` (`[name, value, name, value, …]`). */
export function rawHopByHopFilter(rawHeaders: readonly string[]): (name: string) => boolean {
  const connection: string[] = [];
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    if (rawHeaders[i]?.toLowerCase() === 'connection') connection.push(rawHeaders[i + 1] ?? '');
  }
  return hopByHopFilter(connection);
}

/** The end-to-end pairs of Node's `rawHeaders`, names kept as the peer wrote them. */
export function endToEndRawPairs(rawHeaders: readonly string[]): Array<[string, string]> {
  const drop = rawHopByHopFilter(rawHeaders);
  const pairs: Array<[string, string]> = [];
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const name = rawHeaders[i] ?? '';
    if (!drop(name)) pairs.push([name, rawHeaders[i + 1] ?? '']);
  }
  return pairs;
}
