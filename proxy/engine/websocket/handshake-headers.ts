/**
 * The handshake's headers: what the relay forwards upstream and records from the client's upgrade
 * request, what it keeps of the upstream's 101, and what the client's 101 carries on top of the
 * handshake. Each connection makes its own per-connection `Sec-WebSocket-*` headers (key, accept,
 * version, extensions); only the subprotocol goes through, negotiated with each side.
 */
import type { Headers } from '../../cassette/cassette.model';
import { headerPairs, headersFromPairs, headerValue, headerValues } from '../../cassette/headers';
import { endToEndRawPairs } from '../hop-by-hop';

const PROTOCOL = 'sec-websocket-protocol';

/** Names the proxy never passes from one side to the other as they are. */
function isOwnHeader(name: string): boolean {
  const lower = name.toLowerCase();
  return (
    lower === 'host' ||
    lower === 'content-length' ||
    (lower.startsWith('sec-websocket-') && lower !== PROTOCOL)
  );
}

export interface ClientHandshake {
  /** The client's end-to-end headers, `host` being the upstream's: recorded and matched. */
  headers: Headers;
  /**
   * What goes upstream, one value per name (`ws` writes the handshake headers itself), with the
   * proxy's `Via` entry added.
   */
  forwarded: Record<string, string>;
  /** Subprotocols the client offers, in its order. */
  protocols: string[];
}

/** The handshake of an upgrade request (`rawHeaders`) for `url`; `via` is the proxy's entry. */
export function clientHandshake(
  rawHeaders: readonly string[],
  url: URL,
  via: string,
): ClientHandshake {
  const pairs = endToEndRawPairs(rawHeaders).filter(([name]) => !isOwnHeader(name));
  const headers = headersFromPairs([['host', url.host], ...pairs]);
  const forwarded: Record<string, string> = {};
  for (const [name, value] of [...headerPairs(headers), ['via', via] as const]) {
    if (name === 'host' || name === PROTOCOL) continue;
    const previous = forwarded[name];
    const separator = name === 'cookie' ? '; ' : ', ';
    forwarded[name] = previous === undefined ? value : `${previous}${separator}${value}`;
  }
  const protocols = headerValues(headers, PROTOCOL)
    .flatMap((value) => value.split(','))
    .map((protocol) => protocol.trim())
    .filter((protocol) => protocol !== '');
  return { headers, forwarded, protocols };
}

/** The end-to-end headers of the upstream's 101 (`rawHeaders`), as recorded. */
export function upgradeResponseHeaders(rawHeaders: readonly string[]): Headers {
  return headersFromPairs(endToEndRawPairs(rawHeaders).filter(([name]) => !isOwnHeader(name)));
}

const TOKEN = /^[!#$%&'*+.^_`|~0-9a-z-]+$/i;
// eslint-disable-next-line no-control-regex -- a header value must not hold line breaks or NUL
const UNSAFE_VALUE = /[\r\n\u0000]/;

/** Header lines for the client's 101, from recorded or upstream response headers. */
export function extraHeaderLines(headers: Headers): string[] {
  return headerPairs(headers)
    .filter(([name, value]) => TOKEN.test(name) && !UNSAFE_VALUE.test(value))
    .filter(([name]) => !isOwnHeader(name) && name !== PROTOCOL)
    .map(([name, value]) => `${name}: ${value}`);
}

/**
 * The subprotocol a replay answers with: the recorded one when the client offers it, else the
 * first the client offers (a client that offers some fails a handshake that picks none).
 */
export function replayProtocol(
  offered: ReadonlySet<string>,
  recorded: Headers | undefined,
): string | false {
  const chosen = recorded === undefined ? undefined : headerValue(recorded, PROTOCOL)?.trim();
  if (chosen !== undefined && offered.has(chosen)) return chosen;
  return offered.values().next().value ?? false;
}

/** A header map from the lines of an HTTP head (the status line is skipped). */
export function headersFromHead(lines: readonly string[]): Headers {
  const pairs: Array<[string, string]> = [];
  for (const line of lines.slice(1)) {
    const colon = line.indexOf(':');
    if (colon > 0) pairs.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  }
  return headersFromPairs(pairs);
}
