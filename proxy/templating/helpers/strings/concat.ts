import { asText } from '../../helper-args';
import { defineHelper } from '../../helper-definition';

export default defineHelper({
  name: 'concat',
  category: 'strings',
  signature: 'concat value1 value2 …',
  description: 'The arguments joined into one text.',
  examples: [
    { template: '{{concat "order-" (pathSegment 2)}}', output: 'order-42' },
    { template: '{{concat "a" 1 true}}', output: 'a1true' },
  ],
  helper: (call) => call.params.map(asText).join(''),
});
