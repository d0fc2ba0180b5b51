import { integerParam } from '../../helper-args';
import { defineHelper } from '../../helper-definition';
import { currentRenderState } from '../../render-state';

export default defineHelper({
  name: 'randomInt',
  category: 'random',
  signature: 'randomInt min max',
  description: 'A random whole number from min to max, both included. Seedable.',
  examples: [
    { template: '{{randomInt 1 6}}', note: 'a die roll' },
    { template: '{{randomInt 7 7}}', output: '7' },
  ],
  helper: (call) =>
    currentRenderState().random.int(integerParam(call, 0, 'min'), integerParam(call, 1, 'max')),
});
