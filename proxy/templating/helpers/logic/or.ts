import { isTruthy } from '../../helper-args';
import { defineHelper } from '../../helper-definition';

export default defineHelper({
  name: 'or',
  category: 'logic',
  signature: 'or a b …',
  description: 'Whether any argument is true (empty text, 0, null and empty arrays are false).',
  examples: [
    { template: '{{or false 0 "x"}}', output: 'true' },
    { template: '{{or request.headers.missing ""}}', output: 'false' },
  ],
  helper: (call) => call.params.some(isTruthy),
});
