import { defineHelper } from '../../helper-definition';
import { fold } from '../../support/numbers';

export default defineHelper({
  name: 'subtract',
  category: 'math',
  signature: 'subtract a b …',
  description: 'The first number minus the others.',
  examples: [{ template: '{{subtract 10 3}}', output: '7' }],
  helper: (call) => fold(call, (a, b) => a - b),
});
