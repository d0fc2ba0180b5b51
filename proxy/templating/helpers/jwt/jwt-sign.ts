import { helperError } from '../../errors';
import { asText, hashText, requiredParam } from '../../helper-args';
import { defineHelper } from '../../helper-definition';
import { currentRenderState } from '../../render-state';
import { addOffset } from '../../support/dates';
import { JWT_ALGORITHMS, signJwt } from '../../support/jwt';

function payloadOf(name: string, value: unknown): Record<string, unknown> {
  let payload = value;
  if (typeof value === 'string') {
    try {
      payload = JSON.parse(value) as unknown;
    } catch {
      throw helperError(name, 'the payload is not JSON');
    }
  }
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) {
    throw helperError(name, 'the payload must be an object (or JSON text of one)');
  }
  return { ...(payload as Record<string, unknown>) };
}

/** Seconds after `iat` from `expiresIn`: a number of seconds or an offset such as "1h". */
function lifetime(name: string, value: unknown, now: Date): number {
  if (typeof value === 'number') return value;
  const until = addOffset(now, asText(value));
  if (until === undefined)
    throw helperError(name, `expiresIn="${asText(value)}" is not a duration such as 1h or 3600`);
  return Math.round((until.getTime() - now.getTime()) / 1000);
}

export default defineHelper({
  name: 'jwtSign',
  category: 'jwt',
  signature:
    'jwtSign payload secret [alg="HS256"] [expiresIn="1h"] [issuer=…] [subject=…] [audience=…] [kid=…] [noTimestamp=true]',
  description: `A signed JWT. The payload is an object or JSON text; \`iat\` is the time of the render. HMAC algorithms take a secret, the others a PEM private key. Algorithms: ${JWT_ALGORITHMS.join(', ')}.`,
  examples: [
    {
      template:
        '{{jwtSign (parseJson \'{"sub":"42","role":"admin"}\') "my-secret" expiresIn="1h"}}',
      output:
        'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI0MiIsInJvbGUiOiJhZG1pbiIsImlhdCI6MTc0ODg3Mjk5MSwiZXhwIjoxNzQ4ODc2NTkxfQ.91TRgbScWGi_AbbjCNdTrqnNs47WiLPWYPsqEL3HgkA',
    },
    {
      template:
        '{{jwtSign \'{"sub":"ada"}\' (env "MAGNETO_API_TOKEN") issuer="magneto" noTimestamp=true}}',
      note: 'signed with a secret from the environment',
    },
  ],
  helper: (call) => {
    const state = currentRenderState();
    const payload = payloadOf(call.name, requiredParam(call, 0, 'payload'));
    const secret = asText(requiredParam(call, 1, 'secret'));
    if (secret === '') throw helperError(call.name, 'the secret is empty');
    const iat = Math.floor(state.now.getTime() / 1000);
    if (call.hash['noTimestamp'] !== true && payload['iat'] === undefined) payload['iat'] = iat;
    const expiresIn = call.hash['expiresIn'];
    if (expiresIn !== undefined) payload['exp'] = iat + lifetime(call.name, expiresIn, state.now);
    for (const [option, claim] of [
      ['issuer', 'iss'],
      ['subject', 'sub'],
      ['audience', 'aud'],
    ] as const) {
      const value = hashText(call, option);
      if (value !== undefined) payload[claim] = value;
    }
    const kid = hashText(call, 'kid');
    const header = { alg: hashText(call, 'alg') ?? 'HS256', ...(kid === undefined ? {} : { kid }) };
    try {
      return signJwt(header, payload, secret);
    } catch (error) {
      throw helperError(call.name, (error as Error).message);
    }
  },
});
