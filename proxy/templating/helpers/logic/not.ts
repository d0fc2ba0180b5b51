import { isTruthy } from '../../helper-args';
import { defineHelper } from '../../helper-definition';

export default defineHelper({
  name: 'not',
  category: 'logic',
  signature: 'not value',
  description: 'The opposite truth of a value.',
  examples: [
    { template: '{{not true}}', output: 'false' },
    { template: '{{#if (not request.headers.missing)}}absent{{/if}}', output: 'absent' },
  ],
  helper: (call) => !isTruthy(call.params[0]),
});
