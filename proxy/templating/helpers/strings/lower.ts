import { asText, requiredParam } from '../../helper-args';
import { defineHelper } from '../../helper-definition';

export default defineHelper({
  name: 'lower',
  category: 'strings',
  signature: 'lower text',
  description: 'Text in lower case.',
  examples: [{ template: '{{lower request.method}}', output: 'post' }],
  helper: (call) => asText(requiredParam(call, 0, 'text')).toLowerCase(),
});
