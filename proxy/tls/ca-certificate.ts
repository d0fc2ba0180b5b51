/**
 * The CA certificate and key as bytes: generating a new pair, and checking a stored pair before it
 * is used (valid PEM, a CA certificate, a P-256 key that belongs to it, not expired).
 */
import { X509Certificate, createPrivateKey, createPublicKey, randomBytes } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { CertificateAuthorityError } from './errors';
import { deriveLeafKeyPair, type LeafKeyPair } from './leaf-key';
import {
  DAY_MS,
  EC_KEY_ALGORITHM,
  randomSerialNumber,
  SIGNING_ALGORITHM,
  subtle,
} from './web-crypto';
import { loadX509 } from './x509-provider';

/** Organisation of every studio CA; the common name adds a random id unique to the install. */
export const CA_ORGANIZATION = 'Magneto Studio';
const CA_LIFETIME_DAYS = 3650;

export interface CaMaterial {
  certificatePem: string;
  privateKeyPem: string;
}

export interface ParsedCa {
  /** Node's view of the certificate (the X.509 library's is loaded when leaves are issued). */
  certificate: X509Certificate;
  /** Non-extractable signing key. */
  privateKey: CryptoKey;
  /** The key pair of the leaves it issues, derived from its key. */
  leafKey: LeafKeyPair;
}

/** Generates a new CA: ECDSA P-256 key, self-signed certificate valid from a day ago for ~10 years. */
export async function generateCaMaterial(now: Date = new Date()): Promise<CaMaterial> {
  const {
    BasicConstraintsExtension,
    KeyUsageFlags,
    KeyUsagesExtension,
    PemConverter,
    SubjectKeyIdentifierExtension,
    X509CertificateGenerator,
  } = await loadX509();
  const keys = (await subtle.generateKey(EC_KEY_ALGORITHM, true, [
    'sign',
    'verify',
  ])) as CryptoKeyPair;
  const installId = randomBytes(4).toString('hex');
  const certificate = await X509CertificateGenerator.createSelfSigned({
    serialNumber: randomSerialNumber(),
    name: [{ CN: [`${CA_ORGANIZATION} CA ${installId}`] }, { O: [CA_ORGANIZATION] }],
    notBefore: new Date(now.getTime() - DAY_MS),
    notAfter: new Date(now.getTime() + CA_LIFETIME_DAYS * DAY_MS),
    keys,
    signingAlgorithm: SIGNING_ALGORITHM,
    extensions: [
      new BasicConstraintsExtension(true, 0, true),
      new KeyUsagesExtension(KeyUsageFlags.keyCertSign | KeyUsageFlags.cRLSign, true),
      await SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  const pkcs8 = await subtle.exportKey('pkcs8', keys.privateKey);
  return {
    certificatePem: withFinalNewline(certificate.toString('pem')),
    privateKeyPem: withFinalNewline(PemConverter.encode(pkcs8, 'PRIVATE KEY')),
  };
}

/**
 * Checks a stored CA pair and prepares it for signing. Every problem is a CertificateAuthorityError
 * naming the file at fault; nothing is written. Node's own X.509 support is enough for the checks.
 */
export async function parseCaMaterial(
  material: CaMaterial,
  files: { certificatePath: string; privateKeyPath: string },
  now: Date = new Date(),
): Promise<ParsedCa> {
  const certificate = parseCertificate(material.certificatePem, files.certificatePath);
  checkIsCa(certificate, files.certificatePath, now);
  const keyObject = parsePrivateKey(material.privateKeyPem, files.privateKeyPath);
  const publicDer = createPublicKey(keyObject).export({ type: 'spki', format: 'der' });
  if (!publicDer.equals(certificate.publicKey.export({ type: 'spki', format: 'der' }))) {
    throw new CertificateAuthorityError(
      `The CA private key ${files.privateKeyPath} does not belong to the CA certificate ${files.certificatePath}. Restore the matching pair, or delete the folder to create a new CA.`,
      files.privateKeyPath,
    );
  }
  const pkcs8 = keyObject.export({ type: 'pkcs8', format: 'der' });
  const privateKey = await subtle.importKey('pkcs8', pkcs8, EC_KEY_ALGORITHM, false, ['sign']);
  return { certificate, privateKey, leafKey: await deriveLeafKeyPair(keyObject) };
}

/** The end of a certificate's validity, as a Date. */
export function validUntil(certificate: X509Certificate): Date {
  return new Date(certificate.validTo);
}

function parseCertificate(pem: string, file: string): X509Certificate {
  if (!pem.includes('-----BEGIN CERTIFICATE-----') || !pem.includes('-----END CERTIFICATE-----')) {
    throw corrupted(file, 'it holds no complete PEM certificate');
  }
  try {
    return new X509Certificate(pem);
  } catch (error) {
    throw corrupted(file, `it cannot be parsed (${errorText(error)})`, error);
  }
}

/** DER of the subject key identifier extension's OID (2.5.29.14), which every studio CA has. */
const SUBJECT_KEY_IDENTIFIER_OID = Buffer.from([0x06, 0x03, 0x55, 0x1d, 0x0e]);

/** Checks that the certificate can act as the CA: a CA made by the studio, not expired. */
function checkIsCa(certificate: X509Certificate, file: string, now: Date): void {
  if (!certificate.ca || !certificate.raw.includes(SUBJECT_KEY_IDENTIFIER_OID)) {
    throw corrupted(file, 'it is not a CA certificate made by Magneto Studio');
  }
  const notAfter = validUntil(certificate);
  if (notAfter.getTime() <= now.getTime()) {
    throw new CertificateAuthorityError(
      `The CA certificate ${file} expired on ${notAfter.toISOString()}. Delete its folder to create a new CA, then trust the new one.`,
      file,
    );
  }
}

function parsePrivateKey(pem: string, file: string): KeyObject {
  if (!pem.includes('-----BEGIN PRIVATE KEY-----') || !pem.includes('-----END PRIVATE KEY-----')) {
    throw corrupted(file, 'it holds no complete PKCS#8 PEM private key');
  }
  let key: KeyObject;
  try {
    key = createPrivateKey(pem);
  } catch (error) {
    throw corrupted(file, `it cannot be parsed (${errorText(error)})`, error);
  }
  if (key.asymmetricKeyType !== 'ec' || key.asymmetricKeyDetails?.namedCurve !== 'prime256v1') {
    throw corrupted(file, 'it is not an ECDSA P-256 key');
  }
  return key;
}

function corrupted(file: string, reason: string, cause?: unknown): CertificateAuthorityError {
  return new CertificateAuthorityError(
    `The CA file ${file} is unusable: ${reason}. It may be corrupted or half-written; it was left as it is. Restore it from a backup, or delete its folder to create a new CA (browsers that trusted the old CA must then trust the new one).`,
    file,
    { cause },
  );
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function withFinalNewline(text: string): string {
  return text.endsWith('\n') ? text : `${text}\n`;
}
