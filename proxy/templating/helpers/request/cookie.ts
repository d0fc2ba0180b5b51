import { asText, requiredParam } from '../../helper-args';
import { defineHelper } from '../../helper-definition';
import { currentRenderState } from '../../render-state';

export default defineHelper({
  name: 'cookie',
  category: 'request',
  signature: 'cookie name [default]',
  description: 'A cookie sent with the request, or the default. Also `{{request.cookies.name}}`.',
  examples: [
    { template: '{{cookie "session"}}', output: 'abc123' },
    { template: '{{request.cookies.theme}}', output: 'dark' },
    { template: '{{cookie "lang" "en"}}', output: 'en' },
  ],
  helper: (call) =>
    currentRenderState().request.cookies[asText(requiredParam(call, 0, 'name'))] ?? call.params[1],
});
