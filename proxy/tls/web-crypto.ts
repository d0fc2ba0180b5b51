/**
 * Node's WebCrypto and the key and signature parameters every certificate of the studio uses
 * (ECDSA P-256 with SHA-256), without the X.509 library (x509-provider.ts loads that on demand).
 */
import { randomBytes, webcrypto } from 'node:crypto';

export const subtle = webcrypto.subtle as unknown as SubtleCrypto;

export const EC_KEY_ALGORITHM: EcKeyGenParams = { name: 'ECDSA', namedCurve: 'P-256' };
export const SIGNING_ALGORITHM: EcdsaParams = { name: 'ECDSA', hash: 'SHA-256' };

export const DAY_MS = 24 * 60 * 60 * 1000;

/** A random positive 16-byte serial number, as hex, whose first byte keeps its DER encoding at 16 bytes. */
export function randomSerialNumber(): string {
  const bytes = randomBytes(16);
  bytes[0] = ((bytes[0] ?? 0) & 0x7f) | 0x40;
  return bytes.toString('hex');
}
