import { helperError } from '../../errors';
import { hashNumber } from '../../helper-args';
import { defineHelper } from '../../helper-definition';

export default defineHelper({
  name: 'toJson',
  category: 'json',
  signature: 'toJson value [indent=0]',
  description:
    'A value as JSON: strings get quotes and escapes (safe to drop into a JSON body), objects are serialised.',
  examples: [
    {
      template: '{"user": {{toJson request.headers.x-user-id}}}',
      output: '{"user": "user-12345"}',
    },
    { template: '{{toJson request.json.user}}', output: '{"id":42,"name":"Ada Lovelace"}' },
    { template: '{{toJson (array 1 2) indent=1}}', output: '[\n 1,\n 2\n]' },
    { template: '{{toJson request.headers.missing}}', output: 'null' },
  ],
  helper: (call) => {
    const indent = hashNumber(call, 'indent', 0);
    if (!Number.isInteger(indent) || indent < 0 || indent > 10) {
      throw helperError(call.name, 'indent= must be a whole number from 0 to 10');
    }
    return JSON.stringify(call.params[0] ?? null, null, indent) ?? 'null';
  },
});
