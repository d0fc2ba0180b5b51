/**
 * Per-host server certificates and TLS contexts, made on demand and kept in a bounded LRU cache.
 * Concurrent requests for a host not yet cached share one generation.
 */
import { createSecureContext } from 'node:tls';
import type { SecureContext } from 'node:tls';
import type { CertificateAuthority } from './certificate-authority';
import { normalizeHostname } from './hostname';
import type { CertificateHost } from './hostname';
import { issueLeafCertificate } from './leaf-issuer';

export const DEFAULT_MAX_CACHED_HOSTS = 1000;

export interface LeafCertificate {
  /** The leaf certificate, PEM. */
  certPem: string;
  /** Its private key, PKCS#8 PEM (the same for every leaf of the CA). */
  keyPem: string;
}

interface CachedLeaf extends LeafCertificate {
  secureContext: SecureContext;
}

export interface LeafCertificateCacheOptions {
  /** Hosts kept before the least recently used is dropped (default 1,000). */
  maxHosts?: number;
}

export class LeafCertificateCache {
  private readonly entries = new Map<string, Promise<CachedLeaf>>();
  private readonly maxHosts: number;

  constructor(
    private readonly ca: CertificateAuthority,
    options: LeafCertificateCacheOptions = {},
  ) {
    this.maxHosts = options.maxHosts ?? DEFAULT_MAX_CACHED_HOSTS;
    if (!Number.isInteger(this.maxHosts) || this.maxHosts < 1) {
      throw new RangeError(`maxHosts must be a whole number ≥ 1, got ${String(options.maxHosts)}`);
    }
  }

  /** The certificate and key for `hostname`. Throws InvalidHostnameError for a bad host name. */
  async getCertificate(hostname: string): Promise<LeafCertificate> {
    const { certPem, keyPem } = await this.lookup(hostname);
    return { certPem, keyPem };
  }

  /** A TLS context serving the certificate for `hostname` (the same one while it is cached). */
  async getSecureContext(hostname: string): Promise<SecureContext> {
    return (await this.lookup(hostname)).secureContext;
  }

  /** Both at once. */
  async getCertificateAndContext(
    hostname: string,
  ): Promise<LeafCertificate & { secureContext: SecureContext }> {
    const { certPem, keyPem, secureContext } = await this.lookup(hostname);
    return { certPem, keyPem, secureContext };
  }

  private lookup(hostname: string): Promise<CachedLeaf> {
    const host = normalizeHostname(hostname);
    const key = `${host.kind}:${host.name}`;
    const cached = this.entries.get(key);
    if (cached !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, cached);
      return cached;
    }
    const created = this.generate(host);
    this.entries.set(key, created);
    created.catch(() => {
      if (this.entries.get(key) === created) this.entries.delete(key);
    });
    if (this.entries.size > this.maxHosts) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return created;
  }

  private async generate(host: CertificateHost): Promise<CachedLeaf> {
    const { keys, privateKeyPem } = this.ca.leafKey;
    const certPem = await issueLeafCertificate(this.ca, host, keys.publicKey);
    return {
      certPem,
      keyPem: privateKeyPem,
      secureContext: createSecureContext({ cert: certPem, key: privateKeyPem }),
    };
  }
}
