import { helperError } from '../../errors';
import { asNumber } from '../../helper-args';
import { defineHelper } from '../../helper-definition';
import { currentRenderState } from '../../render-state';

const ALPHABET = 'useandom-26T198340PX75pxJACKVERYMINDBUSHWOLF_GQZbfghjklqvwyzrict';
const MAX_SIZE = 256;

export default defineHelper({
  name: 'nanoid',
  category: 'ids',
  signature: 'nanoid [size]',
  description:
    'A URL-safe random id of 21 characters (or `size`, up to 256) from the nanoid alphabet.',
  examples: [
    { template: '{{nanoid}}', note: 'such as V1StGXR8_Z5jdHi6B-myT' },
    { template: '{{nanoid 10}}', note: 'ten characters' },
  ],
  helper: (call) => {
    const given = call.params[0];
    const size = given === undefined ? 21 : asNumber(given);
    if (size === undefined || !Number.isInteger(size) || size < 1 || size > MAX_SIZE) {
      throw helperError(call.name, `size must be a whole number from 1 to ${MAX_SIZE}`);
    }
    // 64 symbols: the low 6 bits of each byte pick one without bias.
    const bytes = currentRenderState().random.bytes(size);
    let id = '';
    for (const byte of bytes) id += ALPHABET[byte & 63];
    return id;
  },
});
