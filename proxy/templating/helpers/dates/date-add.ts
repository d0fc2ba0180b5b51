import { helperError } from '../../errors';
import { asText, hashText, requiredParam } from '../../helper-args';
import { defineHelper } from '../../helper-definition';
import { addOffset, formatDate, toDate } from '../../support/dates';

export default defineHelper({
  name: 'dateAdd',
  category: 'dates',
  signature: 'dateAdd date offset [format="…"] [timezone="…"]',
  description:
    'A date moved by an offset: units ms, s, m, h, d, w, M (months) and y, combined and signed (`+1d`, `-2h30m`). RFC 3339 unless a format is given.',
  examples: [
    { template: '{{dateAdd "2025-01-31T10:00:00Z" "+1d"}}', output: '2025-02-01T10:00:00.000Z' },
    { template: '{{dateAdd "2025-01-31T10:00:00Z" "-2h30m"}}', output: '2025-01-31T07:30:00.000Z' },
    {
      template: '{{dateAdd (now) "+7d" format="date"}}',
      output: '2025-06-09',
      note: 'a week after the render',
    },
  ],
  helper: (call) => {
    const given = requiredParam(call, 0, 'date');
    const date = toDate(given);
    if (date === undefined) throw helperError(call.name, `${JSON.stringify(given)} is not a date`);
    const offset = asText(requiredParam(call, 1, 'offset'));
    const moved = addOffset(date, offset);
    if (moved === undefined)
      throw helperError(call.name, `"${offset}" is not an offset such as +1d or -2h30m`);
    const format = hashText(call, 'format');
    return format === undefined
      ? moved.toISOString()
      : formatDate(moved, format, hashText(call, 'timezone'));
  },
});
