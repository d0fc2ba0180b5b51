import { helperError } from '../../errors';
import { asText, hashText, requiredParam } from '../../helper-args';
import { defineHelper } from '../../helper-definition';
import { DATE_FORMAT_HELP, formatDate, isTimeZone, toDate } from '../../support/dates';

export default defineHelper({
  name: 'dateFormat',
  category: 'dates',
  signature: 'dateFormat date format [timezone="…"]',
  description: `A date (RFC 3339 text, Unix seconds or milliseconds) in a format: ${DATE_FORMAT_HELP}.`,
  examples: [
    { template: '{{dateFormat "2025-06-02T14:03:11Z" "dd/MM/yyyy"}}', output: '02/06/2025' },
    { template: '{{dateFormat 1748872991 "EEE, d MMM yyyy"}}', output: 'Mon, 2 Jun 2025' },
    { template: '{{dateFormat (now) "http"}}', output: 'Mon, 02 Jun 2025 14:03:11 GMT' },
    {
      template: '{{dateFormat "2025-06-02T14:03:11Z" "h:mm a" timezone="America/New_York"}}',
      output: '10:03 AM',
    },
  ],
  helper: (call) => {
    const given = requiredParam(call, 0, 'date');
    const date = toDate(given);
    if (date === undefined) throw helperError(call.name, `${JSON.stringify(given)} is not a date`);
    const timezone = hashText(call, 'timezone');
    if (timezone !== undefined && !isTimeZone(timezone)) {
      throw helperError(call.name, `"${timezone}" is not a known time zone`);
    }
    return formatDate(date, asText(requiredParam(call, 1, 'format')), timezone);
  },
});
