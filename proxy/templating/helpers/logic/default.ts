import { defineHelper } from '../../helper-definition';

export default defineHelper({
  name: 'default',
  category: 'logic',
  signature: 'default value fallback …',
  description: 'The first argument that is not null, undefined or empty text.',
  examples: [
    { template: '{{default request.headers.x-tenant "public"}}', output: 'public' },
    { template: '{{default request.headers.x-user-id "anonymous"}}', output: 'user-12345' },
  ],
  helper: (call) =>
    call.params.find((value) => value !== null && value !== undefined && value !== ''),
});
