import { asText, requiredParam } from '../../helper-args';
import { defineHelper } from '../../helper-definition';
import { currentRenderState } from '../../render-state';

export default defineHelper({
  name: 'header',
  category: 'request',
  signature: 'header name [default]',
  description:
    'A request header by case-insensitive name, or the default. Also `{{request.headers.x-user-id}}` (lower-case names).',
  examples: [
    { template: '{{header "X-User-Id"}}', output: 'user-12345' },
    { template: '{{request.headers.x-user-id}}', output: 'user-12345' },
    { template: '{{header "x-tenant" "public"}}', output: 'public' },
  ],
  helper: (call) => {
    const name = asText(requiredParam(call, 0, 'name')).toLowerCase();
    return currentRenderState().request.headers[name] ?? call.params[1];
  },
});
