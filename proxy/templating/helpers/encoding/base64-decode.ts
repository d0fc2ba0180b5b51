import { asText, requiredParam } from '../../helper-args';
import { defineHelper } from '../../helper-definition';

export default defineHelper({
  name: 'base64Decode',
  category: 'encoding',
  signature: 'base64Decode text',
  description: 'Base64 or base64url decoded to UTF-8 text.',
  examples: [
    { template: '{{base64Decode "dXNlcjpzZWNyZXQ="}}', output: 'user:secret' },
    { template: '{{base64Decode (base64 "round trip")}}', output: 'round trip' },
  ],
  helper: (call) =>
    Buffer.from(asText(requiredParam(call, 0, 'text')).trim(), 'base64').toString('utf8'),
});
