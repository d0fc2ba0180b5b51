import { requiredParam } from '../../helper-args';
import { defineHelper } from '../../helper-definition';
import { looselyEqual } from '../../support/compare';

export default defineHelper({
  name: 'eq',
  category: 'logic',
  signature: 'eq a b',
  description: 'Whether two values are equal (`2` equals `"2"`). Use in `{{#if (eq …)}}`.',
  examples: [
    { template: '{{#if (eq request.method "POST")}}created{{else}}ok{{/if}}', output: 'created' },
    { template: '{{eq (queryParam "page") 2}}', output: 'true' },
  ],
  helper: (call) => looselyEqual(requiredParam(call, 0, 'a'), requiredParam(call, 1, 'b')),
});
