import { asText, requiredParam } from '../../helper-args';
import { defineHelper } from '../../helper-definition';

export default defineHelper({
  name: 'replace',
  category: 'strings',
  signature: 'replace text search replacement',
  description: 'Every occurrence of `search` (plain text, not a pattern) replaced.',
  examples: [{ template: '{{replace "2025-06-02" "-" "/"}}', output: '2025/06/02' }],
  helper: (call) =>
    asText(requiredParam(call, 0, 'text')).replaceAll(
      asText(requiredParam(call, 1, 'search')),
      () => asText(requiredParam(call, 2, 'replacement')),
    ),
});
