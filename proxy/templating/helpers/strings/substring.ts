import { asText, integerParam, requiredParam } from '../../helper-args';
import { defineHelper } from '../../helper-definition';

export default defineHelper({
  name: 'substring',
  category: 'strings',
  signature: 'substring text start [end]',
  description:
    'The characters of `text` from `start` up to (not including) `end`; negative values count from the end.',
  examples: [
    { template: '{{substring "magneto" 0 3}}', output: 'mag' },
    { template: '{{substring "magneto" -4}}', output: 'neto' },
  ],
  helper: (call) => {
    const text = asText(requiredParam(call, 0, 'text'));
    const start = integerParam(call, 1, 'start');
    const end = call.params.length > 2 ? integerParam(call, 2, 'end') : undefined;
    return text.slice(start, end);
  },
});
