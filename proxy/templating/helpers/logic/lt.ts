import { requiredParam } from '../../helper-args';
import { defineHelper } from '../../helper-definition';
import { compare } from '../../support/compare';

export default defineHelper({
  name: 'lt',
  category: 'logic',
  signature: 'lt a b',
  description: 'Whether a is less than b (numbers compare as numbers, other values as text).',
  examples: [
    { template: '{{lt 9 10}}', output: 'true' },
    { template: '{{lt "b" "a"}}', output: 'false' },
  ],
  helper: (call) => compare(requiredParam(call, 0, 'a'), requiredParam(call, 1, 'b')) < 0,
});
