import { defineHelper } from '../../helper-definition';
import { fold } from '../../support/numbers';

export default defineHelper({
  name: 'multiply',
  category: 'math',
  signature: 'multiply a b …',
  description: 'The product of the numbers.',
  examples: [{ template: '{{multiply 4 2.5}}', output: '10' }],
  helper: (call) => fold(call, (a, b) => a * b),
});
