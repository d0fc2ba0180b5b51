import { defineHelper } from '../../helper-definition';

export default defineHelper({
  name: 'array',
  category: 'collections',
  signature: 'array item1 item2 …',
  description: 'An array of the arguments, for `pick`, `join`, `{{#each}}` or `toJson`.',
  examples: [
    { template: '{{array "a" 1 true}}', output: '["a",1,true]' },
    { template: '{{join (array "x" "y") "-"}}', output: 'x-y' },
  ],
  helper: (call) => [...call.params],
});
