/**
 * The studio's local certificate authority: created once under `<dataDir>/ca/`, reused on every
 * later run. A stored CA that cannot be read is reported, never replaced: the user may have told
 * browsers and systems to trust it.
 */
import type { X509Certificate as NodeX509Certificate } from 'node:crypto';
import { chmod, mkdir, mkdtemp, readFile, rename, rm, rmdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { X509Certificate } from '@peculiar/x509';
import { generateCaMaterial, parseCaMaterial, validUntil } from './ca-certificate';
import type { CaMaterial } from './ca-certificate';
import { syncDirectory, writeFileAtomic, writeNewFileDurably } from '../support/durable-files';
import { CertificateAuthorityError } from './errors';
import { spkiFingerprint, type LeafKeyPair } from './leaf-key';
import { loadX509 } from './x509-provider';

export const CA_DIRECTORY = 'ca';
export const CA_CERTIFICATE_FILE = 'magneto-ca.pem';
export const CA_PRIVATE_KEY_FILE = 'magneto-ca-key.pem';

const PRIVATE_DIR_MODE = 0o700;
const PRIVATE_FILE_MODE = 0o600;
const PUBLIC_FILE_MODE = 0o644;

/** What signing leaves needs of the CA, in the X.509 library's terms. */
export interface CaIssuer {
  certificate: X509Certificate;
  /** Hex subject key identifier, copied into the leaves' authority key identifier. */
  keyIdentifier: string;
}

export class CertificateAuthority {
  /** The certificate exactly as stored in `certificatePath`. */
  readonly certificatePem: string;
  readonly certificatePath: string;
  readonly privateKeyPath: string;
  /** `Magneto Studio CA <id>`, unique to this install. */
  readonly commonName: string;
  readonly notBefore: Date;
  readonly notAfter: Date;
  /** Base64 SHA-256 of the CA's public key (SPKI). Chromium's flag needs the leaves' one instead. */
  readonly spkiFingerprintSha256Base64: string;
  /** SHA-256 of the certificate, upper-case hex with colons (`AB:CD:…`), for display. */
  readonly sha256Fingerprint: string;
  /** The CA's signing key; not extractable. */
  readonly privateKey: CryptoKey;
  /** The key pair every leaf certificate of this CA shares (derived from the CA's key). */
  readonly leafKey: LeafKeyPair;
  /**
   * Base64 SHA-256 of the leaves' public key: what Chromium's `--ignore-certificate-errors-spki-list`
   * needs (it compares the certificate the server sends, the leaf, not the CA).
   */
  readonly leafSpkiFingerprintSha256Base64: string;
  private issuing: Promise<CaIssuer> | undefined;

  constructor(params: {
    certificatePem: string;
    certificatePath: string;
    privateKeyPath: string;
    certificate: NodeX509Certificate;
    privateKey: CryptoKey;
    leafKey: LeafKeyPair;
  }) {
    this.certificatePem = params.certificatePem;
    this.certificatePath = params.certificatePath;
    this.privateKeyPath = params.privateKeyPath;
    this.privateKey = params.privateKey;
    this.leafKey = params.leafKey;
    this.leafSpkiFingerprintSha256Base64 = params.leafKey.spkiFingerprintSha256Base64;
    const { certificate } = params;
    this.commonName = commonNameOf(certificate.subject);
    this.notBefore = new Date(certificate.validFrom);
    this.notAfter = validUntil(certificate);
    this.spkiFingerprintSha256Base64 = spkiFingerprint(
      certificate.publicKey.export({ type: 'spki', format: 'der' }),
    );
    this.sha256Fingerprint = certificate.fingerprint256;
  }

  /** The certificate and key identifier leaves are signed under (loads the X.509 library once). */
  issuer(): Promise<CaIssuer> {
    this.issuing ??= loadX509().then(({ X509Certificate, SubjectKeyIdentifierExtension }) => {
      const certificate = new X509Certificate(this.certificatePem);
      const keyIdentifier = certificate.getExtension(SubjectKeyIdentifierExtension)?.keyId;
      if (keyIdentifier === undefined) {
        throw new CertificateAuthorityError(
          `The CA certificate ${this.certificatePath} has no subject key identifier: it is not a CA made by Magneto Studio.`,
          this.certificatePath,
        );
      }
      return { certificate, keyIdentifier };
    });
    return this.issuing;
  }

  /** Writes the certificate (never the key) to `file` atomically, readable by all (0644). */
  async exportPem(file: string): Promise<void> {
    await writeFileAtomic(file, this.certificatePem, PUBLIC_FILE_MODE);
  }
}

/**
 * Loads the CA from `<dataDir>/ca/`, creating it on first run: folder 0700, certificate 0644,
 * private key 0600. Both files appear together (written in a temp folder, synced, renamed), so a
 * crash never leaves half a CA. Throws CertificateAuthorityError naming the file when the stored CA
 * is incomplete, corrupted, mismatched or expired.
 */
export async function loadOrCreateCertificateAuthority(
  dataDir: string,
): Promise<CertificateAuthority> {
  const caDir = path.join(path.resolve(dataDir), CA_DIRECTORY);
  const files = {
    certificatePath: path.join(caDir, CA_CERTIFICATE_FILE),
    privateKeyPath: path.join(caDir, CA_PRIVATE_KEY_FILE),
  };
  let material = await readCaMaterial(files);
  const existed = material !== undefined;
  if (material === undefined) {
    await mkdir(path.dirname(caDir), { recursive: true, mode: PRIVATE_DIR_MODE });
    await publishNewCa(caDir, await generateCaMaterial());
    // Read back what is on disk: another process may have published its CA first.
    material = await readCaMaterial(files);
    if (material === undefined) {
      throw new CertificateAuthorityError(
        `The CA folder ${caDir} exists but holds neither ${CA_CERTIFICATE_FILE} nor ${CA_PRIVATE_KEY_FILE}. Move its contents away so that a CA can be created there.`,
        caDir,
      );
    }
  }
  const parsed = await parseCaMaterial(material, files);
  if (existed) await tightenPermissions(caDir, files.privateKeyPath);
  return new CertificateAuthority({ certificatePem: material.certificatePem, ...files, ...parsed });
}

/** Both files, undefined when neither exists; an error naming the one missing when only one does. */
async function readCaMaterial(files: {
  certificatePath: string;
  privateKeyPath: string;
}): Promise<CaMaterial | undefined> {
  const certificatePem = await readIfExists(files.certificatePath);
  const privateKeyPem = await readIfExists(files.privateKeyPath);
  if (certificatePem === undefined && privateKeyPem === undefined) return undefined;
  if (certificatePem === undefined || privateKeyPem === undefined) {
    const missing = certificatePem === undefined ? files.certificatePath : files.privateKeyPath;
    const present = certificatePem === undefined ? files.privateKeyPath : files.certificatePath;
    throw new CertificateAuthorityError(
      `The CA file ${missing} is missing while ${present} exists. Restore it, or delete the folder to create a new CA (browsers that trusted the old CA must then trust the new one).`,
      missing,
    );
  }
  return { certificatePem, privateKeyPem };
}

async function readIfExists(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return undefined;
    throw new CertificateAuthorityError(
      `The CA file ${file} cannot be read: ${String(error)}`,
      file,
      {
        cause: error,
      },
    );
  }
}

/** Writes both files in a private temp folder next to `caDir`, then renames it into place. */
async function publishNewCa(caDir: string, material: CaMaterial): Promise<void> {
  const parent = path.dirname(caDir);
  const temp = await mkdtemp(path.join(parent, `.${CA_DIRECTORY}-`)); // created 0700
  try {
    await writeNewFileDurably(
      path.join(temp, CA_CERTIFICATE_FILE),
      material.certificatePem,
      PUBLIC_FILE_MODE,
    );
    await writeNewFileDurably(
      path.join(temp, CA_PRIVATE_KEY_FILE),
      material.privateKeyPem,
      PRIVATE_FILE_MODE,
    );
    await syncDirectory(temp);
    // An empty leftover folder may be replaced; rmdir refuses a folder that holds anything.
    await rmdir(caDir).catch(() => undefined);
    try {
      await rename(temp, caDir);
    } catch (error) {
      const code = errorCode(error);
      // Someone else's folder is in place (another process won the race, or unrelated files).
      if (code !== 'ENOTEMPTY' && code !== 'EEXIST' && code !== 'EPERM') throw error;
      return;
    }
    await syncDirectory(parent);
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}

/** Narrows the folder to 0700 and the key to 0600 when a copy or a restore widened them (POSIX). */
async function tightenPermissions(caDir: string, privateKeyPath: string): Promise<void> {
  if (process.platform === 'win32') return;
  for (const [target, mode] of [
    [caDir, PRIVATE_DIR_MODE],
    [privateKeyPath, PRIVATE_FILE_MODE],
  ] as const) {
    const current = (await stat(target)).mode & 0o777;
    if ((current & ~mode) !== 0) await chmod(target, current & mode);
  }
}

/** The CN of a subject as Node prints it (`CN=…` lines), '' without one. */
function commonNameOf(subject: string): string {
  const line = subject.split('\n').find((part) => part.startsWith('CN='));
  return line === undefined ? '' : line.slice('CN='.length);
}

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}
