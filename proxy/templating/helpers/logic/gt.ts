import { requiredParam } from '../../helper-args';
import { defineHelper } from '../../helper-definition';
import { compare } from '../../support/compare';

export default defineHelper({
  name: 'gt',
  category: 'logic',
  signature: 'gt a b',
  description: 'Whether a is greater than b (numbers compare as numbers, other values as text).',
  examples: [
    { template: '{{gt 10 9}}', output: 'true' },
    { template: '{{#if (gt (queryParam "page") 1)}}has previous{{/if}}', output: 'has previous' },
  ],
  helper: (call) => compare(requiredParam(call, 0, 'a'), requiredParam(call, 1, 'b')) > 0,
});
