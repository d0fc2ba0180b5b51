import { asText, requiredParam } from '../../helper-args';
import { defineHelper } from '../../helper-definition';
import { currentRenderState } from '../../render-state';

export default defineHelper({
  name: 'env',
  category: 'environment',
  signature: 'env "NAME" [default]',
  description:
    'An environment variable (Magneto-Serge compatible), only when its name matches the allow list (`MAGNETO_*` by default); others render empty (or the default) and validation reports them.',
  examples: [
    { template: '{{env "MAGNETO_API_TOKEN"}}', output: 'token-from-env' },
    { template: '{{env "MAGNETO_MISSING" "fallback"}}', output: 'fallback' },
    { template: '{{env "HOME"}}', output: '', note: 'not in the allow list' },
  ],
  helper: (call) =>
    currentRenderState().envValue(asText(requiredParam(call, 0, 'name'))) ?? call.params[1],
});
