/**
 * URL normalisation for matching: scheme and host lower-cased, default ports dropped, host
 * equivalences applied, query parameters compared regardless of order (sorted by name then value,
 * duplicates kept), ignored parameters removed, fragment dropped.
 */
import type { HostRewrite, MatchingOptions } from './matching-options';

export interface NormalisedUrl {
  /** `https`, `wss`…; empty when the URL could not be parsed (then `path` holds it verbatim). */
  scheme: string;
  /** Host name, plus `:port` when the port is not the scheme's default. */
  host: string;
  path: string;
  /** Decoded name/value pairs, sorted. */
  query: Array<[string, string]>;
}

export type UrlKeyOptions = Pick<
  MatchingOptions,
  'ignoreQueryParams' | 'ignoreAllQuery' | 'hostRewrites'
>;

const DEFAULT_PORTS: Readonly<Record<string, string>> = {
  http: '80',
  https: '443',
  ws: '80',
  wss: '443',
};

interface HostPort {
  hostname: string;
  port: string | undefined;
}

function splitHost(value: string): HostPort {
  const match = /^(.*?)(?::(\d+))?$/.exec(value);
  return { hostname: match?.[1] ?? value, port: match?.[2] };
}

/** Applies the first host rewrite whose `from` matches. */
function rewriteHost(
  hostname: string,
  port: string,
  scheme: string,
  rewrites: readonly HostRewrite[],
): HostPort {
  const effectivePort = port === '' ? DEFAULT_PORTS[scheme] : port;
  for (const rewrite of rewrites) {
    const from = splitHost(rewrite.from);
    if (from.hostname !== hostname) continue;
    if (from.port !== undefined && from.port !== effectivePort) continue;
    const to = splitHost(rewrite.to);
    return { hostname: to.hostname, port: to.port ?? (from.port === undefined ? port : '') };
  }
  return { hostname, port };
}

function byNameThenValue(a: [string, string], b: [string, string]): number {
  if (a[0] !== b[0]) return a[0] < b[0] ? -1 : 1;
  if (a[1] !== b[1]) return a[1] < b[1] ? -1 : 1;
  return 0;
}

/** `parsed`: `url` parsed already, when the caller has it. */
export function normaliseUrl(url: string, options: UrlKeyOptions, parsed?: URL): NormalisedUrl {
  if (parsed === undefined) {
    try {
      parsed = new URL(url);
    } catch {
      return { scheme: '', host: '', path: url, query: [] };
    }
  }
  const scheme = parsed.protocol.slice(0, -1);
  const { hostname, port } = rewriteHost(
    parsed.hostname,
    parsed.port,
    scheme,
    options.hostRewrites,
  );
  const host =
    port === undefined || port === '' || port === DEFAULT_PORTS[scheme]
      ? hostname
      : `${hostname}:${port}`;
  const query: Array<[string, string]> = [];
  if (!options.ignoreAllQuery) {
    const ignored = new Set(options.ignoreQueryParams);
    for (const [name, value] of parsed.searchParams)
      if (!ignored.has(name)) query.push([name, value]);
    query.sort(byNameThenValue);
  }
  return { scheme, host, path: parsed.pathname, query };
}

/** The comparable string of a normalised URL: equal keys mean equal URLs for matching. */
export function urlKey(url: NormalisedUrl): string {
  if (url.scheme === '') return `raw:${url.path}`;
  const query = url.query
    .map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`)
    .join('&');
  // join, unlike `+`, makes a flat string: a key kept by the matcher holds no other strings.
  return [url.scheme, '://', url.host, url.path, '?', query].join('');
}
