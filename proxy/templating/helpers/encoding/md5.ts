import { createHash } from 'node:crypto';
import { asText, requiredParam } from '../../helper-args';
import { defineHelper } from '../../helper-definition';

export default defineHelper({
  name: 'md5',
  category: 'encoding',
  signature: 'md5 text',
  description: 'The MD5 digest of the UTF-8 text, in hex (for ETags and checksums, not security).',
  examples: [{ template: '{{md5 "abc"}}', output: '900150983cd24fb0d6963f7d28e17f72' }],
  helper: (call) =>
    createHash('md5')
      .update(asText(requiredParam(call, 0, 'text')), 'utf8')
      .digest('hex'),
});
