import { helperError } from '../../errors';
import { hashText, integerParam } from '../../helper-args';
import { defineHelper } from '../../helper-definition';
import { currentRenderState } from '../../render-state';

const CHARSETS: Record<string, string> = {
  alphanumeric: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789',
  alpha: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz',
  numeric: '0123456789',
  hex: '0123456789abcdef',
  upper: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  lower: 'abcdefghijklmnopqrstuvwxyz',
};
const MAX_LENGTH = 10_000;

export default defineHelper({
  name: 'randomString',
  category: 'random',
  signature:
    'randomString length [charset="alphanumeric"|"alpha"|"numeric"|"hex"|"upper"|"lower"|"<your characters>"]',
  description: `Random characters (up to ${MAX_LENGTH}) from a named set or from the characters given. Seedable.`,
  examples: [
    { template: '{{randomString 12}}', note: 'such as aZ3kP0qLm9Xw' },
    { template: '{{randomString 6 charset="numeric"}}', note: 'a six-digit code' },
    { template: '{{randomString 4 charset="x"}}', output: 'xxxx' },
  ],
  helper: (call) => {
    const length = integerParam(call, 0, 'length');
    if (length < 0 || length > MAX_LENGTH) {
      throw helperError(call.name, `length must be from 0 to ${MAX_LENGTH}`);
    }
    const name = hashText(call, 'charset') ?? 'alphanumeric';
    const charset = Array.from(CHARSETS[name] ?? name);
    if (charset.length === 0) throw helperError(call.name, 'charset= is empty');
    const { random } = currentRenderState();
    let out = '';
    for (let i = 0; i < length; i++) out += charset[random.int(0, charset.length - 1)];
    return out;
  },
});
