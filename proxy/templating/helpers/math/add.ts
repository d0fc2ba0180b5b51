import { defineHelper } from '../../helper-definition';
import { fold } from '../../support/numbers';

export default defineHelper({
  name: 'add',
  category: 'math',
  signature: 'add a b …',
  description: 'The sum of the numbers.',
  examples: [
    { template: '{{add 1 2 3}}', output: '6' },
    { template: '{{add 0.1 0.2}}', output: '0.3' },
    { template: '{{add (queryParam "page") 1}}', output: '3' },
  ],
  helper: (call) => fold(call, (a, b) => a + b),
});
