import { isTruthy } from '../../helper-args';
import { defineHelper } from '../../helper-definition';

export default defineHelper({
  name: 'and',
  category: 'logic',
  signature: 'and a b …',
  description: 'Whether every argument is true (empty text, 0, null and empty arrays are false).',
  examples: [
    { template: '{{and true 1 "x"}}', output: 'true' },
    {
      template: '{{#if (and request.headers.authorization (eq request.method "POST"))}}yes{{/if}}',
      output: 'yes',
    },
  ],
  helper: (call) => call.params.length > 0 && call.params.every(isTruthy),
});
