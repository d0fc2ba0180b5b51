import { hashNumber, numberParam } from '../../helper-args';
import { defineHelper } from '../../helper-definition';
import { helperError } from '../../errors';
import { currentRenderState } from '../../render-state';

export default defineHelper({
  name: 'randomFloat',
  category: 'random',
  signature: 'randomFloat min max [decimals=2]',
  description:
    'A random number from min to max, rounded to `decimals` places (2 by default). Seedable.',
  examples: [
    { template: '{{randomFloat 10 100}}', note: 'such as 42.17' },
    { template: '{{randomFloat 1.5 1.5 decimals=1}}', output: '1.5' },
  ],
  helper: (call) => {
    const min = numberParam(call, 0, 'min');
    const max = numberParam(call, 1, 'max');
    const decimals = hashNumber(call, 'decimals', 2);
    if (!Number.isInteger(decimals) || decimals < 0 || decimals > 15) {
      throw helperError(call.name, 'decimals= must be a whole number from 0 to 15');
    }
    const value = min + currentRenderState().random.next() * (max - min);
    return Number(value.toFixed(decimals));
  },
});
