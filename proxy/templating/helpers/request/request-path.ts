import { defineHelper } from '../../helper-definition';
import { currentRenderState } from '../../render-state';

export default defineHelper({
  name: 'requestPath',
  category: 'request',
  signature: 'requestPath',
  description: 'The path of the request URL, without the query (also `{{request.path}}`).',
  examples: [
    { template: '{{requestPath}}', output: '/v1/users/42/orders' },
    { template: '{{request.path}}', output: '/v1/users/42/orders' },
  ],
  helper: () => currentRenderState().request.path,
});
