import { helperError } from '../../errors';
import { hashText } from '../../helper-args';
import { defineHelper } from '../../helper-definition';
import { currentRenderState } from '../../render-state';
import { addOffset, formatDate, isoText, isTimeZone } from '../../support/dates';

export default defineHelper({
  name: 'now',
  category: 'dates',
  signature: 'now [format="…"] [offset="+1d"] [timezone="Europe/Paris"]',
  description:
    'The time of the render (the same in every `now` of one render), as RFC 3339 by default. `format` takes date tokens or a named format, `offset` moves it (`+1d`, `-2h30m`, `+1M`), `timezone` shows it in an IANA zone.',
  examples: [
    { template: '{{now}}', output: '2025-06-02T14:03:11.482Z' },
    { template: '{{now format="yyyy-MM-dd"}}', output: '2025-06-02' },
    { template: '{{now offset="+1d" format="iso"}}', output: '2025-06-03T14:03:11.482Z' },
    {
      template: '{{now timezone="Europe/Paris" format="yyyy-MM-dd HH:mm XXX"}}',
      output: '2025-06-02 16:03 +02:00',
    },
  ],
  helper: (call) => {
    const state = currentRenderState();
    const offset = hashText(call, 'offset');
    const date = offset === undefined ? state.now : addOffset(state.now, offset);
    if (date === undefined)
      throw helperError(call.name, `"${offset}" is not an offset such as +1d or -2h30m`);
    const timezone = hashText(call, 'timezone');
    if (timezone !== undefined && !isTimeZone(timezone)) {
      throw helperError(call.name, `"${timezone}" is not a known time zone`);
    }
    const format = hashText(call, 'format');
    if (format === undefined && timezone === undefined) return isoText(date);
    return formatDate(date, format ?? 'iso', timezone);
  },
});
