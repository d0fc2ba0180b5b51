import { asText, requiredParam } from '../../helper-args';
import { defineHelper } from '../../helper-definition';

export default defineHelper({
  name: 'trim',
  category: 'strings',
  signature: 'trim text',
  description: 'Text without leading and trailing white space.',
  examples: [{ template: '[{{trim "  padded  "}}]', output: '[padded]' }],
  helper: (call) => asText(requiredParam(call, 0, 'text')).trim(),
});
