import { asText, requiredParam } from '../../helper-args';
import { defineHelper } from '../../helper-definition';

export default defineHelper({
  name: 'urlEncode',
  category: 'encoding',
  signature: 'urlEncode text',
  description: 'Text percent-encoded for a URL component (encodeURIComponent).',
  examples: [{ template: '{{urlEncode "a b&c=d/é"}}', output: 'a%20b%26c%3Dd%2F%C3%A9' }],
  helper: (call) => encodeURIComponent(asText(requiredParam(call, 0, 'text'))),
});
