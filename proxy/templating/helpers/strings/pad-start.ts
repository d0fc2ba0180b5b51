import { helperError } from '../../errors';
import { asText, integerParam, requiredParam } from '../../helper-args';
import { defineHelper } from '../../helper-definition';
import { currentRenderState } from '../../render-state';

export default defineHelper({
  name: 'padStart',
  category: 'strings',
  signature: 'padStart text length [padding=" "]',
  description:
    'Text padded at the start to `length` characters (with spaces, or the padding given).',
  examples: [
    { template: '{{padStart 42 6 "0"}}', output: '000042' },
    { template: '[{{padStart "ab" 4}}]', output: '[  ab]' },
  ],
  helper: (call) => {
    const text = asText(requiredParam(call, 0, 'text'));
    const length = integerParam(call, 1, 'length');
    if (length < 0) throw helperError(call.name, 'length must not be negative');
    currentRenderState().checkOutputSize(length);
    const padding = call.params.length > 2 ? asText(call.params[2]) : ' ';
    return text.padStart(length, padding);
  },
});
