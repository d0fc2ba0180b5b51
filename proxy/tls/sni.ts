/**
 * Plugs the leaf cache into Node's TLS server: an SNICallback for clients that name the host, and
 * a default certificate (the CONNECT target) for clients that send no SNI, which Node serves
 * without calling the callback.
 */
import type { SecureContext } from 'node:tls';
import { InvalidHostnameError } from './errors';
import type { LeafCertificateCache } from './leaf-certificates';
import { asError } from '../support/as-error';

export type SniCallback = (
  servername: string,
  callback: (error: Error | null, context?: SecureContext) => void,
) => void;

export interface SniServerOptions {
  /** Certificate for `defaultHostname`, served when the client sends no SNI. */
  cert: string;
  key: string;
  /**
   * The cached context of the same certificate, for a `TLSSocket` (a `tls.Server` makes its own
   * from `cert` and `key`). Sharing it costs no certificate parsing per connection, and lets
   * clients resume their TLS sessions on later connections: session tickets are sealed with keys
   * of the context a connection starts with.
   */
  secureContext: SecureContext;
  SNICallback: SniCallback;
}

/**
 * An SNICallback serving the certificate of the name the client asked for. A name that cannot go in
 * a certificate gets the default host's certificate (the client then reports the mismatch itself).
 */
export function createSniCallback(
  cache: LeafCertificateCache,
  defaultHostname: string,
): SniCallback {
  return (servername, callback) => {
    cache.getSecureContext(servername).then(
      (context) => callback(null, context),
      (error: unknown) => {
        if (!(error instanceof InvalidHostnameError)) return callback(asError(error));
        cache.getSecureContext(defaultHostname).then(
          (context) => callback(null, context),
          (fallbackError: unknown) => callback(asError(fallbackError)),
        );
      },
    );
  };
}

/**
 * Options for `tls.createServer(...)` or `new tls.TLSSocket(socket, { isServer: true, ... })`:
 * the default host's certificate (and its cached context) plus the SNICallback. Throws
 * InvalidHostnameError when `defaultHostname` cannot go in a certificate.
 */
export async function createSniServerOptions(
  cache: LeafCertificateCache,
  defaultHostname: string,
): Promise<SniServerOptions> {
  const { certPem, keyPem, secureContext } = await cache.getCertificateAndContext(defaultHostname);
  return {
    cert: certPem,
    key: keyPem,
    secureContext,
    SNICallback: createSniCallback(cache, defaultHostname),
  };
}
