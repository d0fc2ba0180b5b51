import {
  X509Certificate as NodeX509Certificate,
  createHash,
  createPrivateKey,
  createPublicKey,
  sign,
  verify,
} from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CertificateAuthority } from '../../../proxy/tls/certificate-authority';
import { loadOrCreateCertificateAuthority } from '../../../proxy/tls/certificate-authority';
import { InvalidHostnameError } from '../../../proxy/tls/errors';
import { LeafCertificateCache } from '../../../proxy/tls/leaf-certificates';
import { loadX509 } from '../../../proxy/tls/x509-provider';

const {
  AuthorityKeyIdentifierExtension,
  BasicConstraintsExtension,
  ExtendedKeyUsage,
  ExtendedKeyUsageExtension,
  KeyUsageFlags,
  KeyUsagesExtension,
  SubjectAlternativeNameExtension,
  X509Certificate,
} = await loadX509();

const DAY_MS = 24 * 60 * 60 * 1000;

let dataDir: string;
let ca: CertificateAuthority;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'magneto-leaf-'));
  ca = await loadOrCreateCertificateAuthority(dataDir);
});

afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

function sanOf(cert: InstanceType<typeof X509Certificate>): Array<{ type: string; value: string }> {
  const san = cert.getExtension(SubjectAlternativeNameExtension);
  return (san?.names.items ?? []).map((name) => ({ type: name.type, value: name.value }));
}

describe('leaf certificates', () => {
  it('names the host in CN and SAN, for server authentication, issued by the CA', async () => {
    const cache = new LeafCertificateCache(ca);
    const before = Date.now();
    const { certPem } = await cache.getCertificate('api.example.test');
    const cert = new X509Certificate(certPem);

    expect(cert.subjectName.getField('CN')).toEqual(['api.example.test']);
    expect(sanOf(cert)).toEqual([{ type: 'dns', value: 'api.example.test' }]);
    const eku = cert.getExtension(ExtendedKeyUsageExtension);
    expect(eku?.usages).toEqual([ExtendedKeyUsage.serverAuth]);
    expect(cert.getExtension(KeyUsagesExtension)?.usages).toBe(KeyUsageFlags.digitalSignature);
    expect(cert.getExtension(BasicConstraintsExtension)).toBeNull();
    expect(cert.getExtension(AuthorityKeyIdentifierExtension)?.keyId).toBe(
      (await ca.issuer()).keyIdentifier,
    );
    expect(cert.issuer).toBe((await ca.issuer()).certificate.subject);
    expect(cert.publicKey.algorithm).toMatchObject({ name: 'ECDSA', namedCurve: 'P-256' });
    expect(cert.signatureAlgorithm).toMatchObject({ name: 'ECDSA', hash: { name: 'SHA-256' } });
    expect(
      await cert.verify({
        publicKey: (await ca.issuer()).certificate.publicKey,
        signatureOnly: true,
      }),
    ).toBe(true);

    const node = new NodeX509Certificate(certPem);
    const caNode = new NodeX509Certificate(ca.certificatePem);
    expect(node.checkIssued(caNode)).toBe(true);
    expect(node.verify(caNode.publicKey)).toBe(true);
    expect(node.checkHost('api.example.test')).toBe('api.example.test');
    expect(node.checkHost('other.example.test')).toBeUndefined();

    expect(cert.notBefore.getTime()).toBeGreaterThanOrEqual(before - DAY_MS - 1000);
    expect(cert.notBefore.getTime()).toBeLessThanOrEqual(Date.now() - DAY_MS);
    const validityDays = (cert.notAfter.getTime() - cert.notBefore.getTime()) / DAY_MS;
    expect(validityDays).toBeLessThanOrEqual(397);
    expect(validityDays).toBeGreaterThan(365);
  });

  it('uses a random positive 16-byte serial number', async () => {
    const cache = new LeafCertificateCache(ca);
    const serials = await Promise.all(
      ['a.test', 'b.test', 'c.test'].map(async (host) => {
        const cert = new X509Certificate((await cache.getCertificate(host)).certPem);
        return cert.serialNumber;
      }),
    );
    for (const serial of serials) {
      expect(serial).toMatch(/^[4-7][0-9a-f]{31}$/i); // 16 bytes, high bit clear
    }
    expect(new Set(serials).size).toBe(3);
  });

  it('puts IPv4 and IPv6 literals in an iPAddress SAN', async () => {
    const cache = new LeafCertificateCache(ca);
    const v4 = new X509Certificate((await cache.getCertificate('127.0.0.1')).certPem);
    expect(sanOf(v4)).toEqual([{ type: 'ip', value: '127.0.0.1' }]);
    expect(v4.subjectName.getField('CN')).toEqual(['127.0.0.1']);

    const v6Pem = (await cache.getCertificate('[::1]')).certPem;
    expect(sanOf(new X509Certificate(v6Pem))).toEqual([{ type: 'ip', value: '::1' }]);
    const v6 = new NodeX509Certificate(v6Pem);
    expect(v6.checkIP('::1')).toBe('::1');
    expect(v6.checkHost('localhost')).toBeUndefined();
  });

  it('keeps a host name longer than 64 characters out of the CN but in the SAN', async () => {
    const host = `${'a'.repeat(60)}.example.test`;
    const cert = new X509Certificate(
      (await new LeafCertificateCache(ca).getCertificate(host)).certPem,
    );
    expect(cert.subjectName.getField('CN')).toEqual([]);
    expect(cert.subjectName.getField('O')).toEqual(['Magneto Studio']);
    expect(sanOf(cert)).toEqual([{ type: 'dns', value: host }]);
  });

  it('shares one leaf key pair between all hosts, and the key matches each certificate', async () => {
    const cache = new LeafCertificateCache(ca);
    const a = await cache.getCertificate('one.test');
    const b = await cache.getCertificate('two.test');
    const other = await new LeafCertificateCache(ca).getCertificate('three.test');
    expect(b.keyPem).toBe(a.keyPem);
    expect(other.keyPem).toBe(a.keyPem);
    const publicFromKey = createPublicKey(createPrivateKey(a.keyPem)).export({
      type: 'spki',
      format: 'der',
    });
    for (const leaf of [a, b, other]) {
      const spki = createPublicKey(leaf.certPem).export({ type: 'spki', format: 'der' });
      expect(spki.equals(publicFromKey)).toBe(true);
    }
  });
});

describe('the leaf key of a CA', () => {
  const spkiOf = (pem: string): string =>
    createHash('sha256')
      .update(createPublicKey(pem).export({ type: 'spki', format: 'der' }))
      .digest('base64');

  it("is the key of every leaf, and its fingerprint is the leaves', not the CA's", async () => {
    const leaf = await new LeafCertificateCache(ca).getCertificate('print.test');
    expect(ca.leafSpkiFingerprintSha256Base64).toBe(spkiOf(leaf.certPem));
    expect(ca.leafSpkiFingerprintSha256Base64).not.toBe(ca.spkiFingerprintSha256Base64);
    expect(leaf.keyPem).toBe(ca.leafKey.privateKeyPem);
  });

  it('is the same on every load of the CA (another run of the studio), and differs per CA', async () => {
    const again = await loadOrCreateCertificateAuthority(dataDir);
    expect(again.leafKey.privateKeyPem).toBe(ca.leafKey.privateKeyPem);
    const leaf = await new LeafCertificateCache(again).getCertificate('print.test');
    expect(spkiOf(leaf.certPem)).toBe(ca.leafSpkiFingerprintSha256Base64);
    const otherDir = await mkdtemp(path.join(os.tmpdir(), 'magneto-leaf-other-'));
    try {
      const other = await loadOrCreateCertificateAuthority(otherDir);
      expect(other.leafSpkiFingerprintSha256Base64).not.toBe(ca.leafSpkiFingerprintSha256Base64);
    } finally {
      await rm(otherDir, { recursive: true, force: true });
    }
  });

  it('is a working P-256 key pair', () => {
    const key = createPrivateKey(ca.leafKey.privateKeyPem);
    expect(key.asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
    const signature = sign('sha256', Buffer.from('hello'), key);
    expect(verify('sha256', Buffer.from('hello'), createPublicKey(key), signature)).toBe(true);
  });
});

describe('LeafCertificateCache', () => {
  it('generates once for concurrent requests of one new host', async () => {
    const cache = new LeafCertificateCache(ca);
    const contexts = await Promise.all(
      [1, 2, 3, 4, 5].map(() => cache.getSecureContext('same.test')),
    );
    for (const context of contexts) expect(context).toBe(contexts[0]);
    const certificates = await Promise.all([1, 2, 3].map(() => cache.getCertificate('other.test')));
    // Serial numbers are random: a second generation would give different bytes.
    for (const leaf of certificates) expect(leaf.certPem).toBe(certificates[0]?.certPem);
  });

  it('serves one entry for every spelling of a host', async () => {
    const cache = new LeafCertificateCache(ca);
    const a = await cache.getCertificate('API.Example.Test.');
    const b = await cache.getCertificate('api.example.test');
    expect(b.certPem).toBe(a.certPem);
    expect(await cache.getSecureContext('0:0:0:0:0:0:0:1')).toBe(
      await cache.getSecureContext('[::1]'),
    );
  });

  it('drops the least recently used host when full', async () => {
    const cache = new LeafCertificateCache(ca, { maxHosts: 2 });
    const a = await cache.getCertificate('a.test');
    const b = await cache.getCertificate('b.test');
    expect((await cache.getCertificate('a.test')).certPem).toBe(a.certPem); // a is now the most recent
    await cache.getCertificate('c.test'); // evicts b
    expect((await cache.getCertificate('a.test')).certPem).toBe(a.certPem);
    expect((await cache.getCertificate('b.test')).certPem).not.toBe(b.certPem);
  });

  it('rejects invalid host names with a clear error, and keeps working', async () => {
    const cache = new LeafCertificateCache(ca);
    await expect(cache.getSecureContext('')).rejects.toBeInstanceOf(InvalidHostnameError);
    await expect(cache.getCertificate('bad host')).rejects.toThrow(
      /Cannot make a certificate for host "bad host"/,
    );
    await expect(cache.getCertificate('x'.repeat(254))).rejects.toThrow(/longer than/);
    expect((await cache.getCertificate('fine.test')).certPem).toMatch(/BEGIN CERTIFICATE/);
  });

  it('refuses a cache size below one', () => {
    expect(() => new LeafCertificateCache(ca, { maxHosts: 0 })).toThrow(RangeError);
  });
});
