import { helperError } from '../../errors';
import { asText, requiredParam } from '../../helper-args';
import { defineHelper } from '../../helper-definition';

export default defineHelper({
  name: 'join',
  category: 'collections',
  signature: 'join array [separator=","]',
  description: 'The items of an array as text, separated by `separator` ("," by default).',
  examples: [
    { template: '{{join (jsonPath request.body "$.items[*].sku") ", "}}', output: 'A-1, B-2' },
    { template: '{{join (range 1 3)}}', output: '1,2,3' },
  ],
  helper: (call) => {
    const items = requiredParam(call, 0, 'array');
    if (!Array.isArray(items)) throw helperError(call.name, 'the first argument must be an array');
    const separator = call.params.length > 1 ? asText(call.params[1]) : ',';
    return items.map(asText).join(separator);
  },
});
