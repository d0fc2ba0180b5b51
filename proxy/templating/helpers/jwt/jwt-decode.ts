import { decodeJwt, decodeProtectedHeader } from 'jose';
import { helperError } from '../../errors';
import { asText, requiredParam } from '../../helper-args';
import { defineHelper } from '../../helper-definition';

export default defineHelper({
  name: 'jwtDecode',
  category: 'jwt',
  signature: 'jwtDecode token [claim] [part="payload"|"header"]',
  description:
    'The payload (or header) of a JWT, without verifying it; with a claim name, that claim. A `Bearer ` prefix is ignored.',
  examples: [
    {
      template: '{{jwtDecode "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiI0MiJ9.c2ln" "sub"}}',
      output: '42',
    },
    {
      template: '{{jwtDecode "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiI0MiJ9.c2ln" part="header"}}',
      output: '{"alg":"HS256"}',
    },
    { template: '{{jwtDecode (jwtSign \'{"sub":"7"}\' "k") "sub"}}', output: '7' },
  ],
  helper: (call) => {
    const token = asText(requiredParam(call, 0, 'token'))
      .replace(/^Bearer\s+/i, '')
      .trim();
    let decoded: Record<string, unknown>;
    try {
      decoded = call.hash['part'] === 'header' ? decodeProtectedHeader(token) : decodeJwt(token);
    } catch (error) {
      throw helperError(call.name, `not a JWT: ${(error as Error).message}`);
    }
    return call.params.length > 1 ? decoded[asText(call.params[1])] : decoded;
  },
});
