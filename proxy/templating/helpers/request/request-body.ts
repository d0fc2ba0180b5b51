import { defineHelper } from '../../helper-definition';
import { currentRenderState } from '../../render-state';

export default defineHelper({
  name: 'requestBody',
  category: 'request',
  signature: 'requestBody',
  description:
    'The request body as text (also `{{request.body}}`); `{{request.json}}` is the body parsed as JSON. Use `jsonPath request.body "$.field"` to read into it.',
  examples: [
    { template: '{{jsonPath request.body "$.user.name"}}', output: 'Ada Lovelace' },
    { template: '{{request.json.user.id}}', output: '42' },
    { template: '{{requestBody}}', note: 'the whole body' },
  ],
  helper: () => currentRenderState().request.body,
});
