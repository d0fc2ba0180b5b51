/**
 * What a client needs to be set up for the proxy beyond its status: the port a start uses by
 * default, and the fingerprint Chromium's --ignore-certificate-errors-spki-list wants (the key of
 * the per-host certificates the proxy serves, not the CA's).
 */
import { loadOrCreateCertificateAuthority } from '../../../proxy/tls/certificate-authority';
import type { StudioServices } from '../../services/studio-services';

export const typeDefs = /* GraphQL */ `
  extend type CaCertificate {
    "Base64 SHA-256 of the public key every per-host certificate of this CA shares (derived from the CA's key, so the same across restarts): the value Chromium's --ignore-certificate-errors-spki-list needs."
    leafSpkiFingerprintSha256Base64: String!
  }

  extend type ProxyStatus {
    "The port a start without one listens on (the configuration's; 0 picks a free one)."
    defaultPort: Int!
  }
`;

/** Base64 SHA-256 of the DER SubjectPublicKeyInfo of the leaf certificates' shared key. */
async function leafSpkiFingerprint(dataDir: string): Promise<string> {
  return (await loadOrCreateCertificateAuthority(dataDir)).leafSpkiFingerprintSha256Base64;
}

export function resolvers(services: StudioServices): Record<string, unknown> {
  return {
    CaCertificate: {
      leafSpkiFingerprintSha256Base64: () => leafSpkiFingerprint(services.config.dataDir),
    },
    ProxyStatus: { defaultPort: () => services.config.proxyPort },
  };
}
