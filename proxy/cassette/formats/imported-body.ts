/**
 * Bodies of imported formats. Some store the content already decoded while the headers still say
 * `Content-Encoding` (HAR, Talkback's uncompressed tapes), others the bytes from the wire (VCR).
 */
import type { Body, Headers } from '../cassette.model';
import { bodyFromBytes } from '../body';
import { bodyFromWire, contentCodingOf } from '../content-coding';
import { headerValue } from '../headers';

/**
 * A body from content that is already decoded: stored as it is, with the coding named by the
 * headers recorded so replay encodes it again. Empty content is no body.
 */
export function bodyFromDecoded(
  bytes: Uint8Array,
  headers: Headers,
  mimeType?: string,
): Body | null {
  if (bytes.length === 0) return null;
  const body: Body = bodyFromBytes(bytes, headerValue(headers, 'content-type') ?? mimeType);
  const coding = contentCodingOf(headers);
  if (coding !== undefined) body.contentEncoding = coding;
  return body;
}

/**
 * A body from bytes that should be as seen on the wire: decoded when the headers name a coding and
 * the bytes decode with it, else taken as already decoded (recorders that decompress but keep the
 * header). Empty content is no body.
 */
export function bodyFromRecorded(bytes: Uint8Array, headers: Headers): Body | null {
  if (bytes.length === 0) return null;
  const body = bodyFromWire(bytes, headers);
  if (contentCodingOf(headers) !== undefined && body.contentEncoding === undefined) {
    return bodyFromDecoded(bytes, headers);
  }
  return body;
}
