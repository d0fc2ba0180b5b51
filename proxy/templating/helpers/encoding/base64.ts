import { asText, requiredParam } from '../../helper-args';
import { defineHelper } from '../../helper-definition';

export default defineHelper({
  name: 'base64',
  category: 'encoding',
  signature: 'base64 text [urlSafe=true]',
  description: 'The UTF-8 bytes of text in base64 (base64url without padding with `urlSafe=true`).',
  examples: [
    { template: '{{base64 "user:secret"}}', output: 'dXNlcjpzZWNyZXQ=' },
    { template: '{{base64 "??>" urlSafe=true}}', output: 'Pz8-' },
  ],
  helper: (call) =>
    Buffer.from(asText(requiredParam(call, 0, 'text')), 'utf8').toString(
      call.hash['urlSafe'] === true ? 'base64url' : 'base64',
    ),
});
