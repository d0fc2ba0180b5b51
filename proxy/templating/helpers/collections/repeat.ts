import Handlebars from 'handlebars';
import { helperError } from '../../errors';
import { hashText, integerParam } from '../../helper-args';
import { defineHelper } from '../../helper-definition';
import { currentRenderState } from '../../render-state';

export default defineHelper({
  name: 'repeat',
  category: 'collections',
  block: true,
  signature: '{{#repeat count [separator=","]}}…{{else}}…{{/repeat}}',
  description:
    'Renders the block `count` times, with `@index` (from 0), `@number` (from 1), `@first` and `@last`; the `else` part when count is 0. Counts against the render’s iteration budget.',
  examples: [
    { template: '[{{#repeat 3 separator=","}}{{@number}}{{/repeat}}]', output: '[1,2,3]' },
    {
      template: '[{{#repeat 2 separator=", "}}{"id": "{{uuid}}"}{{/repeat}}]',
      note: 'an array of two objects with fresh UUIDs',
    },
    { template: '{{#repeat 0}}x{{else}}none{{/repeat}}', output: 'none' },
  ],
  helper: (call) => {
    const { options } = call;
    if (typeof options.fn !== 'function') {
      throw helperError(call.name, 'is a block helper: {{#repeat 3}}…{{/repeat}}');
    }
    const count = integerParam(call, 0, 'count');
    if (count < 0) throw helperError(call.name, 'count must not be negative');
    if (count === 0) return options.inverse(call.context);
    const separator = hashText(call, 'separator') ?? '';
    const state = currentRenderState();
    let out = '';
    for (let index = 0; index < count; index++) {
      const data = Handlebars.createFrame(options.data) as Record<string, unknown>;
      Object.assign(data, {
        index,
        number: index + 1,
        first: index === 0,
        last: index === count - 1,
      });
      if (index > 0) out += separator;
      out += options.fn(call.context, { data });
      state.checkOutputSize(out.length);
    }
    return out;
  },
});
