import { asText, requiredParam } from '../../helper-args';
import { defineHelper } from '../../helper-definition';
import { currentRenderState } from '../../render-state';
import { callFaker, FAKER_PATHS } from '../../support/fake-data';

export default defineHelper({
  name: 'faker',
  category: 'fake',
  signature: 'faker "module.method" [args…] [option=value…]',
  description: `Fake data from @faker-js/faker (English). Allowed: ${FAKER_PATHS.join(', ')}. Options such as min= and max= are passed as the method's options object. Seedable.`,
  examples: [
    { template: '{{faker "person.firstName"}}', note: 'such as Ada' },
    { template: '{{faker "lorem.words" 3}}', note: 'three words' },
    { template: '{{faker "number.int" min=5 max=5}}', output: '5' },
  ],
  helper: (call) =>
    callFaker(
      currentRenderState(),
      asText(requiredParam(call, 0, 'module.method')),
      call.params.slice(1),
      call.hash,
    ),
});
