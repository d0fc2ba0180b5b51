import { asText, requiredParam } from '../../helper-args';
import { defineHelper } from '../../helper-definition';

export default defineHelper({
  name: 'upper',
  category: 'strings',
  signature: 'upper text',
  description: 'Text in upper case.',
  examples: [
    { template: '{{upper request.method}}', output: 'POST' },
    { template: '{{upper "abc"}}', output: 'ABC' },
  ],
  helper: (call) => asText(requiredParam(call, 0, 'text')).toUpperCase(),
});
