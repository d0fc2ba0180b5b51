import { asText, requiredParam } from '../../helper-args';
import { defineHelper } from '../../helper-definition';

export default defineHelper({
  name: 'jsonEscape',
  category: 'json',
  signature: 'jsonEscape value',
  description:
    'Text escaped to sit between the quotes of a JSON string (quotes, backslashes, control characters).',
  examples: [
    { template: '{"note": "{{jsonEscape \'say "hi"\'}}"}', output: '{"note": "say \\"hi\\""}' },
  ],
  helper: (call) => JSON.stringify(asText(requiredParam(call, 0, 'value'))).slice(1, -1),
});
