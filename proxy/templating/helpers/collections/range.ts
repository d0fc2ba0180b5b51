import { helperError } from '../../errors';
import { hashNumber, numberParam } from '../../helper-args';
import { defineHelper } from '../../helper-definition';
import { currentRenderState } from '../../render-state';
import { tidy } from '../../support/numbers';

export default defineHelper({
  name: 'range',
  category: 'collections',
  signature: 'range start end [step=1]',
  description:
    'The numbers from start to end, both included, by step (negative to count down); for `{{#each}}`. Each number counts against the iteration budget.',
  examples: [
    { template: '{{range 1 5}}', output: '[1,2,3,4,5]' },
    { template: '{{range 10 0 step=-5}}', output: '[10,5,0]' },
    { template: '{{#each (range 1 3)}}<{{this}}>{{/each}}', output: '<1><2><3>' },
  ],
  helper: (call) => {
    const start = numberParam(call, 0, 'start');
    const end = numberParam(call, 1, 'end');
    const step = hashNumber(call, 'step', 1);
    if (step === 0) throw helperError(call.name, 'step= must not be 0');
    const state = currentRenderState();
    const numbers: number[] = [];
    for (let value = start; step > 0 ? value <= end : value >= end; value = tidy(value + step)) {
      state.tick();
      numbers.push(value);
    }
    return numbers;
  },
});
