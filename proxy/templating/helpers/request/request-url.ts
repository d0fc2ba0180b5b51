import { defineHelper } from '../../helper-definition';
import { currentRenderState } from '../../render-state';

export default defineHelper({
  name: 'requestUrl',
  category: 'request',
  signature: 'requestUrl',
  description: 'The URL of the request as received (also `{{request.url}}`).',
  examples: [
    {
      template: '{{request.url}}',
      output: 'https://api.example.com/v1/users/42/orders?page=2&tag=a&tag=b',
    },
  ],
  helper: () => currentRenderState().request.url,
});
