/**
 * The key pair of the per-host certificates: one per CA, shared by every leaf it issues, so that a
 * new host costs a single signature and one fingerprint covers every intercepted host. It is
 * derived from the CA's private key (HKDF-SHA-256, then the P-256 point), never stored: every run
 * of the studio on the same data folder serves leaves with the same key, so the fingerprint that
 * Chromium's `--ignore-certificate-errors-spki-list` needs can be printed before the proxy starts.
 */
import { createECDH, createHash, createPrivateKey, createPublicKey, hkdfSync } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { EC_KEY_ALGORITHM, subtle } from './web-crypto';

export interface LeafKeyPair {
  keys: CryptoKeyPair;
  /** PKCS#8 PEM of the private key, for `tls.createSecureContext`. */
  privateKeyPem: string;
  /** Base64 SHA-256 of the public key (DER SubjectPublicKeyInfo), as Chromium's flag takes it. */
  spkiFingerprintSha256Base64: string;
}

const SALT = 'magneto-studio leaf key';

/** A P-256 private scalar from the CA key: HKDF output, the next counter if out of range. */
function derivedEcdh(caPrivateScalar: Buffer): ReturnType<typeof createECDH> {
  for (let counter = 0; ; counter++) {
    const candidate = Buffer.from(hkdfSync('sha256', caPrivateScalar, SALT, `v1/${counter}`, 32));
    const ecdh = createECDH('prime256v1');
    try {
      ecdh.setPrivateKey(candidate);
      return ecdh;
    } catch {
      // Zero or not below the group order (odds about 2^-32): try the next counter.
    }
  }
}

/** The leaf key pair of the CA whose private key is `caKey` (an EC P-256 key). */
export async function deriveLeafKeyPair(caKey: KeyObject): Promise<LeafKeyPair> {
  const d = caKey.export({ format: 'jwk' }).d;
  if (d === undefined) throw new TypeError('The CA key is not a private EC key.');
  const ecdh = derivedEcdh(Buffer.from(d, 'base64url'));
  const point = ecdh.getPublicKey();
  const jwk = {
    kty: 'EC',
    crv: 'P-256',
    x: point.subarray(1, 33).toString('base64url'),
    y: point.subarray(33, 65).toString('base64url'),
  };
  const privateKey = createPrivateKey({
    key: { ...jwk, d: ecdh.getPrivateKey().toString('base64url') },
    format: 'jwk',
  });
  const pkcs8 = privateKey.export({ type: 'pkcs8', format: 'der' });
  const spki = createPublicKey(privateKey).export({ type: 'spki', format: 'der' });
  const keys: CryptoKeyPair = {
    privateKey: await subtle.importKey('pkcs8', pkcs8, EC_KEY_ALGORITHM, false, ['sign']),
    publicKey: await subtle.importKey('spki', spki, EC_KEY_ALGORITHM, true, ['verify']),
  };
  return {
    keys,
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    spkiFingerprintSha256Base64: spkiFingerprint(spki),
  };
}

/** Base64 SHA-256 of a DER SubjectPublicKeyInfo. */
export function spkiFingerprint(spkiDer: Uint8Array): string {
  return createHash('sha256').update(spkiDer).digest('base64');
}
