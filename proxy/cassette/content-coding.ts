/** gzip, deflate and br: decoding recorded bodies and encoding them again for replay. */
import zlib from 'node:zlib';
import type { Body, ContentCoding, Headers } from './cassette.model';
import { bodyFromBytes, bodyToBytes } from './body';
import { headerValue } from './headers';

const CODINGS: readonly ContentCoding[] = ['gzip', 'deflate', 'br'];

/** The content coding named by a `Content-Encoding` header, when the studio can decode it. */
export function contentCodingOf(headers: Headers): ContentCoding | undefined {
  const value = headerValue(headers, 'content-encoding')?.trim().toLowerCase();
  return CODINGS.find((coding) => coding === value);
}

export function decodeContent(bytes: Uint8Array, coding: ContentCoding): Buffer {
  switch (coding) {
    case 'gzip':
      return zlib.gunzipSync(bytes);
    case 'deflate':
      // Servers send either zlib-wrapped or raw deflate; accept both.
      try {
        return zlib.inflateSync(bytes);
      } catch {
        return zlib.inflateRawSync(bytes);
      }
    case 'br':
      return zlib.brotliDecompressSync(bytes);
  }
}

export function encodeContent(bytes: Uint8Array, coding: ContentCoding): Buffer {
  switch (coding) {
    case 'gzip':
      return zlib.gzipSync(bytes);
    case 'deflate':
      return zlib.deflateSync(bytes);
    case 'br':
      return zlib.brotliCompressSync(bytes, {
        params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 },
      });
  }
}

/**
 * A body from the bytes seen on the wire. Content encoded with gzip, deflate or br is stored
 * decoded, with its coding recorded; the wire bytes are kept as well only when encoding the
 * decoded content again would not reproduce them. Bytes that fail to decode stay as they were.
 */
export function bodyFromWire(wire: Uint8Array, headers: Headers): Body {
  const contentType = headerValue(headers, 'content-type');
  const coding = contentCodingOf(headers);
  if (coding === undefined) return bodyFromBytes(wire, contentType);
  let decoded: Buffer;
  try {
    decoded = decodeContent(wire, coding);
  } catch {
    return bodyFromBytes(wire, 'application/octet-stream');
  }
  const body: Body = { ...bodyFromBytes(decoded, contentType), contentEncoding: coding };
  if (!encodeContent(decoded, coding).equals(wire)) {
    body.wireBase64 = Buffer.from(wire.buffer, wire.byteOffset, wire.byteLength).toString('base64');
  }
  return body;
}

/** The bytes to put on the wire for a recorded body, encoded with the coding it was recorded with. */
export function bodyToWire(body: Body): Buffer {
  if (body.wireBase64 !== undefined) return Buffer.from(body.wireBase64, 'base64');
  const decoded = bodyToBytes(body);
  return body.contentEncoding === undefined
    ? decoded
    : encodeContent(decoded, body.contentEncoding);
}
