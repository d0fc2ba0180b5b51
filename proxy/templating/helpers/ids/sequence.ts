import { asText, hashNumber } from '../../helper-args';
import { defineHelper } from '../../helper-definition';
import { currentRenderState } from '../../render-state';

export default defineHelper({
  name: 'sequence',
  category: 'ids',
  signature: 'sequence [name] [start=1] [step=1]',
  description:
    'A counter that goes up by `step` at every render, kept per cassette and per name (default name "default"), starting at `start`.',
  examples: [
    { template: '{{sequence}}', output: '1' },
    {
      template: '{{sequence "orders"}},{{sequence "orders"}},{{sequence "orders"}}',
      output: '1,2,3',
    },
    { template: '{{sequence "invoices" start=1000 step=10}}', output: '1000' },
  ],
  helper: (call) => {
    const state = currentRenderState();
    const name = call.params[0] === undefined ? 'default' : asText(call.params[0]);
    const start = hashNumber(call, 'start', 1);
    const step = hashNumber(call, 'step', 1);
    return state.sequences.next(state.cassette, name, start, step);
  },
});
