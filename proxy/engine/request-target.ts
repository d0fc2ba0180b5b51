/**
 * Where a request goes: the absolute URL of a forward-proxy request, the host of the CONNECT tunnel
 * it came through, or the reverse-proxy target for an origin-form request.
 */

/** How the connection a request arrived on reached the proxy. */
export interface ConnectionOrigin {
  /** `https` for TLS terminated by the proxy inside a CONNECT tunnel. */
  scheme: 'http' | 'https';
  /** `host:port` of the CONNECT request, for requests inside a tunnel. */
  tunnelAuthority?: string;
}

export type TargetResult = { ok: true; url: URL } | { ok: false; reason: string };

const ABSOLUTE = /^https?:\/\//i;

/** The reverse-proxy target joined with an origin-form path: `https://api/v1` + `/users?a=1`. */
export function joinTarget(target: URL, originForm: string): URL {
  const base = target.pathname.replace(/\/+$/, '');
  return new URL(`${target.origin}${base}${originForm}`);
}

export function resolveTarget(
  requestTarget: string,
  origin: ConnectionOrigin,
  reverseTarget: URL | null,
): TargetResult {
  try {
    if (origin.tunnelAuthority !== undefined) {
      if (!requestTarget.startsWith('/')) {
        return ABSOLUTE.test(requestTarget)
          ? { ok: true, url: new URL(requestTarget) }
          : { ok: false, reason: `unsupported request target "${requestTarget}"` };
      }
      return {
        ok: true,
        url: new URL(`${origin.scheme}://${origin.tunnelAuthority}${requestTarget}`),
      };
    }
    if (ABSOLUTE.test(requestTarget)) return { ok: true, url: new URL(requestTarget) };
    if (!requestTarget.startsWith('/')) {
      return { ok: false, reason: `unsupported request target "${requestTarget}"` };
    }
    if (reverseTarget === null) {
      return {
        ok: false,
        reason:
          'this is the Magneto proxy: send requests in absolute form (configure it as your HTTP proxy), or start it with a reverse-proxy target',
      };
    }
    return { ok: true, url: joinTarget(reverseTarget, requestTarget) };
  } catch {
    return { ok: false, reason: `invalid request target "${requestTarget}"` };
  }
}
