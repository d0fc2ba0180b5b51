import { helperError } from '../../errors';
import { asText, requiredParam } from '../../helper-args';
import { defineHelper } from '../../helper-definition';

export default defineHelper({
  name: 'parseJson',
  category: 'json',
  signature: 'parseJson text',
  description: 'Parses JSON text into a value, for use in other helpers or `{{#each}}`.',
  examples: [
    { template: '{{#each (parseJson "[1,2,3]")}}<{{this}}>{{/each}}', output: '<1><2><3>' },
    { template: '{{lookup (parseJson \'{"a":"b"}\') "a"}}', output: 'b' },
  ],
  helper: (call) => {
    try {
      return JSON.parse(asText(requiredParam(call, 0, 'text'))) as unknown;
    } catch (error) {
      throw helperError(call.name, `not JSON: ${(error as Error).message}`);
    }
  },
});
