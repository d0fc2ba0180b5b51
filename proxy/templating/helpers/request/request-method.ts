import { defineHelper } from '../../helper-definition';
import { currentRenderState } from '../../render-state';

export default defineHelper({
  name: 'requestMethod',
  category: 'request',
  signature: 'requestMethod',
  description: 'The method of the request being answered (also `{{request.method}}`).',
  examples: [
    { template: '{{requestMethod}}', output: 'POST' },
    { template: '{{request.method}}', output: 'POST' },
  ],
  helper: () => currentRenderState().request.method,
});
