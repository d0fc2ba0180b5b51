/** Checking base64 text before decoding it, since `Buffer.from(…, 'base64')` skips bad characters. */
import { z } from 'zod';

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Whether text is standard padded base64; line breaks and spaces (Ruby's `encode64`) allowed. */
export function isBase64(text: string): boolean {
  return BASE64.test(text.replace(/\s+/g, ''));
}

export const BASE64_EXPECTED = 'base64 text';

/** A string of base64 text. */
export const base64Schema = z.string().refine(isBase64, { message: BASE64_EXPECTED });
