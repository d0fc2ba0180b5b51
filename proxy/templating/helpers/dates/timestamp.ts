import { helperError } from '../../errors';
import { hashText } from '../../helper-args';
import { defineHelper } from '../../helper-definition';
import { currentRenderState } from '../../render-state';
import { toDate } from '../../support/dates';

export default defineHelper({
  name: 'timestamp',
  category: 'dates',
  signature: 'timestamp [date] [unit="ms"|"s"]',
  description:
    'A Unix time in milliseconds (or seconds with `unit="s"`) of a date, or of the time of the render when no date is given.',
  examples: [
    { template: '{{timestamp}}', output: '1748872991482' },
    { template: '{{timestamp unit="s"}}', output: '1748872991' },
    { template: '{{timestamp "2025-01-01T00:00:00Z"}}', output: '1735689600000' },
  ],
  helper: (call) => {
    const given = call.params[0];
    const date = given === undefined ? currentRenderState().now : toDate(given);
    if (date === undefined) throw helperError(call.name, `${JSON.stringify(given)} is not a date`);
    const unit = hashText(call, 'unit') ?? 'ms';
    if (unit !== 'ms' && unit !== 's') throw helperError(call.name, 'unit= must be "ms" or "s"');
    return unit === 's' ? Math.floor(date.getTime() / 1000) : date.getTime();
  },
});
