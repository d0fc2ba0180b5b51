import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { renderTemplate } from '../../../proxy/templating/render-template';

const now = '2025-06-02T14:03:11.000Z';
const iat = Date.parse(now) / 1000;

function pemPair(type: 'rsa' | 'ec'): { privateKey: string; publicKey: string } {
  const pair =
    type === 'rsa'
      ? generateKeyPairSync('rsa', { modulusLength: 2048 })
      : generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return {
    privateKey: pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKey: pair.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

describe('jwtSign', () => {
  it('signs HMAC tokens that jose verifies, with the standard claims', async () => {
    const token = renderTemplate(
      '{{jwtSign \'{"sub":"42"}\' "s3cret" alg="HS384" expiresIn="2h" issuer="magneto" audience="api" kid="k1"}}',
      null,
      { now },
    );
    const { payload, protectedHeader } = await jwtVerify(
      token,
      new TextEncoder().encode('s3cret'),
      {
        currentDate: new Date(now),
        issuer: 'magneto',
        audience: 'api',
      },
    );
    expect(payload).toEqual({ sub: '42', iat, exp: iat + 7200, iss: 'magneto', aud: 'api' });
    expect(protectedHeader).toEqual({ alg: 'HS384', typ: 'JWT', kid: 'k1' });
  });

  it.each([
    ['RS256', 'rsa'],
    ['PS512', 'rsa'],
    ['ES256', 'ec'],
  ] as const)('signs %s tokens with a PEM private key', async (alg, type) => {
    const { privateKey, publicKey } = pemPair(type);
    const token = renderTemplate(
      `{{jwtSign '{"role":"admin"}' key alg="${alg}" expiresIn=60}}`,
      null,
      {
        now,
        variables: { key: privateKey },
      },
    );
    const { payload } = await jwtVerify(token, createPublicKey(publicKey), {
      currentDate: new Date(now),
    });
    expect(payload).toEqual({ role: 'admin', iat, exp: iat + 60 });
  });

  it('explains bad algorithms, keys and payloads', () => {
    expect(() => renderTemplate('{{jwtSign "{}" "k" alg="none"}}', null)).toThrow(
      /unsupported algorithm "none"/,
    );
    expect(() => renderTemplate('{{jwtSign "{}" "not a pem" alg="RS256"}}', null)).toThrow(
      /needs a PEM private key/,
    );
    expect(() => renderTemplate('{{jwtSign "[1]" "k"}}', null)).toThrow(
      /payload must be an object/,
    );
    expect(() => renderTemplate('{{jwtSign "{" "k"}}', null)).toThrow(/payload is not JSON/);
    expect(() => renderTemplate('{{jwtSign "{}" ""}}', null)).toThrow(/secret is empty/);
    expect(() => renderTemplate('{{jwtSign "{}" "k" expiresIn="soon"}}', null)).toThrow(
      /not a duration/,
    );
    expect(() => renderTemplate('{{jwtDecode "abc"}}', null)).toThrow(/jwtDecode: not a JWT/);
  });
});
