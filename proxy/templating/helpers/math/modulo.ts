import { helperError } from '../../errors';
import { defineHelper } from '../../helper-definition';
import { fold } from '../../support/numbers';

export default defineHelper({
  name: 'modulo',
  category: 'math',
  signature: 'modulo a b',
  description: 'The remainder of a divided by b.',
  examples: [{ template: '{{modulo 10 3}}', output: '1' }],
  helper: (call) =>
    fold(call, (a, b) => {
      if (b === 0) throw helperError(call.name, 'modulo by zero');
      return a % b;
    }),
});
