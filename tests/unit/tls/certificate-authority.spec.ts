import { X509Certificate as NodeX509Certificate, createHash, createPublicKey } from 'node:crypto';
import { chmod, mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateCaMaterial } from '../../../proxy/tls/ca-certificate';
import {
  CA_CERTIFICATE_FILE,
  CA_DIRECTORY,
  CA_PRIVATE_KEY_FILE,
  loadOrCreateCertificateAuthority,
} from '../../../proxy/tls/certificate-authority';
import { CertificateAuthorityError } from '../../../proxy/tls/errors';
import { loadX509 } from '../../../proxy/tls/x509-provider';

const {
  BasicConstraintsExtension,
  KeyUsageFlags,
  KeyUsagesExtension,
  SubjectKeyIdentifierExtension,
  X509Certificate,
} = await loadX509();

const DAY_MS = 24 * 60 * 60 * 1000;

let dataDir: string;
let caDir: string;
let certificatePath: string;
let privateKeyPath: string;

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'magneto-ca-'));
  caDir = path.join(dataDir, CA_DIRECTORY);
  certificatePath = path.join(caDir, CA_CERTIFICATE_FILE);
  privateKeyPath = path.join(caDir, CA_PRIVATE_KEY_FILE);
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

async function expectCaError(file: string, message: RegExp): Promise<void> {
  const error = await loadOrCreateCertificateAuthority(dataDir).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(CertificateAuthorityError);
  expect((error as CertificateAuthorityError).file).toBe(file);
  expect((error as Error).message).toContain(file);
  expect((error as Error).message).toMatch(message);
}

async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const name of (await readdir(dir)).sort()) {
    out[name] = await readFile(path.join(dir, name), 'utf8');
  }
  return out;
}

describe('loadOrCreateCertificateAuthority: creation', () => {
  it('creates the CA with a private folder (0700) and key (0600) and a readable certificate', async () => {
    const ca = await loadOrCreateCertificateAuthority(dataDir);
    expect(ca.certificatePath).toBe(certificatePath);
    expect(ca.privateKeyPath).toBe(privateKeyPath);
    expect((await stat(caDir)).mode & 0o777).toBe(0o700);
    expect((await stat(privateKeyPath)).mode & 0o777).toBe(0o600);
    expect((await stat(certificatePath)).mode & 0o777).toBe(0o644);
    expect(await readFile(certificatePath, 'utf8')).toBe(ca.certificatePem);
    expect(await readFile(privateKeyPath, 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    expect(await readdir(dataDir)).toEqual([CA_DIRECTORY]); // no temp folder left behind
  });

  it('creates missing parent folders of the data directory', async () => {
    const nested = path.join(dataDir, 'deep', 'er');
    const ca = await loadOrCreateCertificateAuthority(nested);
    expect(ca.certificatePath).toBe(path.join(nested, CA_DIRECTORY, CA_CERTIFICATE_FILE));
  });

  it('reuses the stored CA: same certificate bytes on the next load', async () => {
    const first = await loadOrCreateCertificateAuthority(dataDir);
    const second = await loadOrCreateCertificateAuthority(dataDir);
    expect(second.certificatePem).toBe(first.certificatePem);
    expect(second.sha256Fingerprint).toBe(first.sha256Fingerprint);
  });

  it('gives every install its own CA name', async () => {
    const other = await mkdtemp(path.join(os.tmpdir(), 'magneto-ca-other-'));
    try {
      const a = await loadOrCreateCertificateAuthority(dataDir);
      const b = await loadOrCreateCertificateAuthority(other);
      expect(a.commonName).toMatch(/^Magneto Studio CA [0-9a-f]{8}$/);
      expect(b.commonName).not.toBe(a.commonName);
    } finally {
      await rm(other, { recursive: true, force: true });
    }
  });

  it('ends with one CA when several loads race on a fresh folder', async () => {
    const cas = await Promise.all(
      [1, 2, 3, 4].map(() => loadOrCreateCertificateAuthority(dataDir)),
    );
    const stored = await readFile(certificatePath, 'utf8');
    for (const ca of cas) expect(ca.certificatePem).toBe(stored);
    expect(await readdir(dataDir)).toEqual([CA_DIRECTORY]);
  });

  it('creates the CA inside an existing empty ca folder', async () => {
    await mkdir(caDir);
    const ca = await loadOrCreateCertificateAuthority(dataDir);
    expect(await readFile(certificatePath, 'utf8')).toBe(ca.certificatePem);
  });

  it('tightens a private key and folder that a copy made readable by others', async () => {
    await loadOrCreateCertificateAuthority(dataDir);
    await chmod(privateKeyPath, 0o644);
    await chmod(caDir, 0o755);
    await loadOrCreateCertificateAuthority(dataDir);
    expect((await stat(privateKeyPath)).mode & 0o777).toBe(0o600);
    expect((await stat(caDir)).mode & 0o777).toBe(0o700);
  });
});

describe('the CA certificate', () => {
  it('is a P-256 CA with critical CA flags and key usage, valid from a day ago for ~10 years', async () => {
    const before = Date.now();
    const ca = await loadOrCreateCertificateAuthority(dataDir);
    const cert = new X509Certificate(ca.certificatePem);
    expect(cert.subjectName.getField('CN')).toEqual([ca.commonName]);
    expect(cert.subjectName.getField('O')).toEqual(['Magneto Studio']);
    expect(cert.issuer).toBe(cert.subject);

    const constraints = cert.getExtension(BasicConstraintsExtension);
    expect(constraints?.ca).toBe(true);
    expect(constraints?.critical).toBe(true);
    const keyUsage = cert.getExtension(KeyUsagesExtension);
    expect(keyUsage?.critical).toBe(true);
    expect(keyUsage?.usages).toBe(KeyUsageFlags.keyCertSign | KeyUsageFlags.cRLSign);
    expect(cert.getExtension(SubjectKeyIdentifierExtension)?.keyId).toBe(
      (await ca.issuer()).keyIdentifier,
    );

    expect(cert.publicKey.algorithm).toMatchObject({ name: 'ECDSA', namedCurve: 'P-256' });
    expect(cert.signatureAlgorithm).toMatchObject({ name: 'ECDSA', hash: { name: 'SHA-256' } });
    expect(await cert.verify({ signatureOnly: true })).toBe(true);

    // Certificates carry whole seconds.
    expect(cert.notBefore.getTime()).toBeGreaterThanOrEqual(before - DAY_MS - 1000);
    expect(cert.notBefore.getTime()).toBeLessThanOrEqual(Date.now() - DAY_MS);
    const lifetimeDays = (cert.notAfter.getTime() - Date.now()) / DAY_MS;
    expect(lifetimeDays).toBeGreaterThan(3649);
    expect(lifetimeDays).toBeLessThanOrEqual(3650);
    expect(ca.notBefore).toEqual(cert.notBefore);
    expect(ca.notAfter).toEqual(cert.notAfter);
  });

  it('exposes the fingerprints Chromium and a person need', async () => {
    const ca = await loadOrCreateCertificateAuthority(dataDir);
    const node = new NodeX509Certificate(ca.certificatePem);
    expect(ca.sha256Fingerprint).toBe(node.fingerprint256);
    expect(ca.sha256Fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    const spki = createPublicKey(ca.certificatePem).export({ type: 'spki', format: 'der' });
    expect(ca.spkiFingerprintSha256Base64).toBe(createHash('sha256').update(spki).digest('base64'));
  });

  it('exports the certificate, never the key, and replaces an older export', async () => {
    const ca = await loadOrCreateCertificateAuthority(dataDir);
    const target = path.join(dataDir, 'exported.pem');
    await writeFile(target, 'old content');
    await ca.exportPem(target);
    expect(await readFile(target, 'utf8')).toBe(ca.certificatePem);
    expect((await stat(target)).mode & 0o777).toBe(0o644);
    expect((await readdir(dataDir)).sort()).toEqual([CA_DIRECTORY, 'exported.pem']);
  });

  it('reports an export into a missing folder', async () => {
    const ca = await loadOrCreateCertificateAuthority(dataDir);
    await expect(ca.exportPem(path.join(dataDir, 'missing', 'ca.pem'))).rejects.toThrow(/ENOENT/);
  });
});

describe('a stored CA that cannot be used is reported, never replaced', () => {
  beforeEach(async () => {
    await loadOrCreateCertificateAuthority(dataDir);
  });

  it('reports a corrupted certificate and leaves both files untouched', async () => {
    await writeFile(certificatePath, 'not a certificate at all\n');
    const before = await snapshot(caDir);
    await expectCaError(certificatePath, /no complete PEM certificate.*corrupted or half-written/);
    expect(await snapshot(caDir)).toEqual(before);
  });

  it('reports a half-written certificate', async () => {
    const pem = await readFile(certificatePath, 'utf8');
    await writeFile(certificatePath, pem.slice(0, pem.length / 2));
    const before = await snapshot(caDir);
    await expectCaError(certificatePath, /no complete PEM certificate/);
    expect(await snapshot(caDir)).toEqual(before);
  });

  it('reports a certificate whose body is damaged', async () => {
    const pem = await readFile(certificatePath, 'utf8');
    const lines = pem.split('\n');
    lines[2] = 'A'.repeat(lines[2]?.length ?? 64);
    await writeFile(certificatePath, lines.join('\n'));
    await expectCaError(certificatePath, /cannot be parsed/);
  });

  it('reports an empty private key file', async () => {
    await writeFile(privateKeyPath, '');
    const before = await snapshot(caDir);
    await expectCaError(privateKeyPath, /no complete PKCS#8 PEM private key/);
    expect(await snapshot(caDir)).toEqual(before);
  });

  it('reports a damaged private key', async () => {
    await writeFile(
      privateKeyPath,
      '-----BEGIN PRIVATE KEY-----\nAAAAAAAA\n-----END PRIVATE KEY-----\n',
    );
    await expectCaError(privateKeyPath, /cannot be parsed/);
  });

  it('reports a private key that belongs to another CA', async () => {
    const other = await generateCaMaterial();
    await writeFile(privateKeyPath, other.privateKeyPem);
    await expectCaError(privateKeyPath, /does not belong to the CA certificate/);
  });

  it('reports a missing private key instead of making a new CA', async () => {
    await rm(privateKeyPath);
    const before = await snapshot(caDir);
    await expectCaError(privateKeyPath, /is missing while .* exists/);
    expect(await snapshot(caDir)).toEqual(before);
  });

  it('reports a missing certificate instead of making a new CA', async () => {
    await rm(certificatePath);
    await expectCaError(certificatePath, /is missing/);
    expect(await readdir(caDir)).toEqual([CA_PRIVATE_KEY_FILE]);
  });

  it('reports an expired CA', async () => {
    const old = await generateCaMaterial(new Date(Date.now() - 3651 * DAY_MS));
    await writeFile(certificatePath, old.certificatePem);
    await writeFile(privateKeyPath, old.privateKeyPem);
    await expectCaError(certificatePath, /expired on/);
  });
});

describe('a ca folder that holds other files', () => {
  it('is reported, and its files are left alone', async () => {
    await mkdir(caDir);
    await writeFile(path.join(caDir, 'notes.txt'), 'mine');
    await expectCaError(caDir, /holds neither/);
    expect(await snapshot(caDir)).toEqual({ 'notes.txt': 'mine' });
    expect(await readdir(dataDir)).toEqual([CA_DIRECTORY]);
  });
});
