/**
 * Host patterns for CONNECT targets tunnelled without interception: `api.example.com`,
 * `*.example.com` (any name ending in `.example.com`), `*`; with a port (`db.local:5432`) a pattern
 * concerns that port only. Names compare without case.
 */

export type HostMatcher = (hostname: string, port: number) => boolean;

function patternRegExp(glob: string): RegExp {
  const escaped = glob
    .toLowerCase()
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${escaped}$`);
}

/** Throws when a pattern is empty or holds characters no host name has. */
export function compileHostPatterns(patterns: readonly string[]): HostMatcher {
  const compiled = patterns.map((raw) => {
    const pattern = raw.trim();
    const match = /^(\[[^\]]+\]|[^:]+)(?::(\d{1,5}))?$/.exec(pattern);
    if (pattern === '' || match === null || /[\s/?#@]/.test(pattern)) {
      throw new Error(
        `Invalid tunnel host pattern "${raw}": expected a host such as "*.example.com" or "db.local:5432".`,
      );
    }
    const host = (match[1] ?? '').replace(/^\[(.*)\]$/, '$1');
    return {
      host: patternRegExp(host),
      port: match[2] === undefined ? undefined : Number(match[2]),
    };
  });
  return (hostname, port) => {
    const name = hostname
      .toLowerCase()
      .replace(/^\[(.*)\]$/, '$1')
      .replace(/\.$/, '');
    return compiled.some((p) => (p.port === undefined || p.port === port) && p.host.test(name));
  };
}
