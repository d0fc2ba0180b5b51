/**
 * Polly.js (node-http adapter) records content-encoded responses as the chunks from the wire: HAR
 * `content.text` is then a JSON array of base64 strings, with `encoding: "base64"`.
 */
import { isBase64 } from './base64-text';

/** The base64 chunks of Polly.js content, or undefined when the text is not that array. */
export function pollyChunks(text: string): string[] | undefined {
  if (!text.startsWith('[')) return undefined;
  let chunks: unknown;
  try {
    chunks = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!Array.isArray(chunks)) return undefined;
  return chunks.every((chunk) => typeof chunk === 'string' && isBase64(chunk))
    ? (chunks as string[])
    : undefined;
}
