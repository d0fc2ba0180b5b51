/**
 * Signing JWTs synchronously (helpers cannot await): HMAC with a secret (HS256/384/512), or RSA,
 * RSA-PSS and ECDSA with a PEM private key (RS*, PS*, ES*). Tokens verify with jose's `jwtVerify`.
 */
import { constants, createHmac, createPrivateKey, sign } from 'node:crypto';

const HASHES: Record<string, string> = { '256': 'sha256', '384': 'sha384', '512': 'sha512' };
export const JWT_ALGORITHMS = [
  'HS256',
  'HS384',
  'HS512',
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
];

const base64url = (data: string | Buffer) => Buffer.from(data).toString('base64url');

function signature(algorithm: string, input: string, key: string): Buffer {
  const hash = HASHES[algorithm.slice(2)];
  if (!JWT_ALGORITHMS.includes(algorithm) || hash === undefined) {
    throw new Error(
      `unsupported algorithm "${algorithm}" (use one of ${JWT_ALGORITHMS.join(', ')})`,
    );
  }
  if (algorithm.startsWith('HS')) return createHmac(hash, key).update(input).digest();
  let privateKey;
  try {
    privateKey = createPrivateKey(key);
  } catch {
    throw new Error(`${algorithm} needs a PEM private key as the secret`);
  }
  if (algorithm.startsWith('PS')) {
    return sign(hash, Buffer.from(input), {
      key: privateKey,
      padding: constants.RSA_PKCS1_PSS_PADDING,
      saltLength: constants.RSA_PSS_SALTLEN_DIGEST,
    });
  }
  if (algorithm.startsWith('ES')) {
    return sign(hash, Buffer.from(input), { key: privateKey, dsaEncoding: 'ieee-p1363' });
  }
  return sign(hash, Buffer.from(input), privateKey);
}

/** A compact JWS of `payload` with `header` (whose `alg` names the algorithm). */
export function signJwt(
  header: { alg: string; kid?: string },
  payload: Record<string, unknown>,
  key: string,
): string {
  const input = `${base64url(JSON.stringify({ ...header, typ: 'JWT' }))}.${base64url(JSON.stringify(payload))}`;
  return `${input}.${base64url(signature(header.alg, input, key))}`;
}
