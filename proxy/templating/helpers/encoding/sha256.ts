import { createHash } from 'node:crypto';
import { asText, requiredParam } from '../../helper-args';
import { defineHelper } from '../../helper-definition';

export default defineHelper({
  name: 'sha256',
  category: 'encoding',
  signature: 'sha256 text',
  description: 'The SHA-256 digest of the UTF-8 text, in hex.',
  examples: [
    {
      template: '{{sha256 "abc"}}',
      output: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    },
  ],
  helper: (call) =>
    createHash('sha256')
      .update(asText(requiredParam(call, 0, 'text')), 'utf8')
      .digest('hex'),
});
