/**
 * Where a request goes: the absolute URL of a forward-proxy request, the host of the CONNECT tunnel
 * it came through, or the reverse-proxy target for an origin-form request.
 */

/** How the connection a request arrived on reached the proxy. */
export interface ConnectionOrigin {
  /** `https` for TLS terminated by the proxy inside a CONNECT tunnel. */
  scheme: 'http' | 'https';
  /**
   * For requests inside a tunnel, `<scheme>://<host:port of the CONNECT request>`: what their
   * origin-form paths are appended to.
   */
  tunnelBase?: string;
}

/** The origin of connections out of a tunnel opened by `CONNECT <authority>`. */
export function tunnelOrigin(scheme: 'http' | 'https', authority: string): ConnectionOrigin {
  return { scheme, tunnelBase: `${scheme}://${authority}` };
}

/** `prefix`: the `targetPrefix` of the request target. */
export type TargetResult = { ok: true; url: URL; prefix: string } | { ok: false; reason: string };

const ABSOLUTE = /^https?:\/\//i;

/**
 * What origin-form paths are appended to: the reverse-proxy target's origin and base path, so that
 * `https://api/v1/` and `/users?a=1` give `https://api/v1/users?a=1`.
 */
export function reverseBase(target: URL): string {
  return `${target.origin}${target.pathname.replace(/\/+$/, '')}`;
}

/**
 * What a request target is appended to for the absolute URL of the request, as text not parsed yet
 * (the same text always gives the same URL): the tunnel's or the reverse-proxy target's base for a
 * path, nothing for an absolute URL. Undefined when the request target cannot be served. `base`:
 * the reverse-proxy target's `reverseBase`, or null without one.
 */
export function targetPrefix(
  requestTarget: string,
  origin: ConnectionOrigin,
  base: string | null,
): string | undefined {
  if (requestTarget.startsWith('/')) return origin.tunnelBase ?? base ?? undefined;
  return ABSOLUTE.test(requestTarget) ? '' : undefined;
}

export function resolveTarget(
  requestTarget: string,
  origin: ConnectionOrigin,
  base: string | null,
): TargetResult {
  const prefix = targetPrefix(requestTarget, origin, base);
  if (prefix === undefined) {
    const proxyUse = requestTarget.startsWith('/') && origin.tunnelBase === undefined;
    return {
      ok: false,
      reason: proxyUse
        ? 'this is the Magneto proxy: send requests in absolute form (configure it as your HTTP proxy), or start it with a reverse-proxy target'
        : `unsupported request target "${requestTarget}"`,
    };
  }
  try {
    return { ok: true, url: new URL(`${prefix}${requestTarget}`), prefix };
  } catch {
    return { ok: false, reason: `invalid request target "${requestTarget}"` };
  }
}
