import { JSONPath } from 'jsonpath-plus';
import { jsonPathProblem } from '../../../matching/json-path';
import { helperError } from '../../errors';
import { asText, isTruthy, requiredParam } from '../../helper-args';
import { defineHelper } from '../../helper-definition';
import { currentRenderState } from '../../render-state';

/** JSON text is parsed (the request body's parse is reused), empty text is no document. */
function documentOf(name: string, value: unknown): unknown {
  if (typeof value !== 'string') return value;
  if (value.trim() === '') return undefined;
  const { request } = currentRenderState();
  if (value === request.body && request.json !== undefined) return request.json;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    throw helperError(name, 'the value is not JSON');
  }
}

export default defineHelper({
  name: 'jsonPath',
  category: 'json',
  signature: 'jsonPath value "$.path" [all=true]',
  description:
    'Reads into JSON (text or a parsed value) with a JSONPath: the single match, or an array of the matches when there are several (always an array with `all=true`). Objects and arrays render as JSON.',
  examples: [
    { template: '{{jsonPath request.body "$.user.id"}}', output: '42' },
    { template: '{{jsonPath request.body "$.items[*].sku"}}', output: '["A-1","B-2"]' },
    { template: '{{jsonPath request.body "$.items[0]"}}', output: '{"sku":"A-1","qty":2}' },
    {
      template: '{{jsonPath request.body "$.items[?(@.qty > 1)].sku" all=true}}',
      output: '["A-1"]',
    },
    { template: '{{jsonPath request.body "$.missing"}}', output: '' },
  ],
  helper: (call) => {
    const json = documentOf(call.name, requiredParam(call, 0, 'value'));
    const path = asText(requiredParam(call, 1, 'path'));
    if (path.trim() === '$') return json;
    const problem = jsonPathProblem(path);
    if (problem !== undefined) throw helperError(call.name, problem);
    if (json === null || typeof json !== 'object') return undefined;
    const matches = JSONPath<unknown[]>({ path, json, wrap: true, ignoreEvalErrors: true });
    if (isTruthy(call.hash['all'])) return matches;
    if (matches.length === 0) return undefined;
    return matches.length === 1 ? matches[0] : matches;
  },
});
