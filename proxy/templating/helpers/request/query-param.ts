import { asText, requiredParam } from '../../helper-args';
import { defineHelper } from '../../helper-definition';
import { currentRenderState } from '../../render-state';

export default defineHelper({
  name: 'queryParam',
  category: 'request',
  signature: 'queryParam name [default]',
  description:
    'A query parameter of the request (an array when repeated), or the default. Also `{{request.query.name}}`.',
  examples: [
    { template: '{{queryParam "page"}}', output: '2' },
    { template: '{{queryParam "limit" 20}}', output: '20' },
    { template: '{{queryParam "tag"}}', output: '["a","b"]' },
  ],
  helper: (call) => {
    const value = currentRenderState().request.query[asText(requiredParam(call, 0, 'name'))];
    return value ?? call.params[1];
  },
});
