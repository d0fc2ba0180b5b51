import { helperError } from '../../errors';
import { defineHelper } from '../../helper-definition';
import { fold } from '../../support/numbers';

export default defineHelper({
  name: 'divide',
  category: 'math',
  signature: 'divide a b …',
  description: 'The first number divided by the others; dividing by zero is an error.',
  examples: [{ template: '{{divide 10 4}}', output: '2.5' }],
  helper: (call) =>
    fold(call, (a, b) => {
      if (b === 0) throw helperError(call.name, 'division by zero');
      return a / b;
    }),
});
