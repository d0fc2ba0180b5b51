/** Conversions between raw bytes and the model's `Body` (readable text when UTF-8, else base64). */
import type { Body, BinaryBody, TextBody } from './cassette.model';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

const BINARY_TYPES =
  /^(image|audio|video|font)\/|^application\/(octet-stream|zip|gzip|pdf|wasm|x-protobuf|protobuf|msgpack|x-msgpack)/i;

/** Whether a `Content-Type` names a binary payload, whatever its bytes look like. */
export function isBinaryContentType(contentType: string | undefined): boolean {
  return contentType !== undefined && BINARY_TYPES.test(contentType.trim());
}

/** Decodes bytes as strict UTF-8, or returns undefined when they are not valid UTF-8. */
export function utf8OrUndefined(bytes: Uint8Array): string | undefined {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return undefined;
  }
}

/** A body from raw bytes: text when they are UTF-8 and the content type is not binary. */
export function bodyFromBytes(bytes: Uint8Array, contentType?: string): TextBody | BinaryBody {
  if (!isBinaryContentType(contentType)) {
    const text = utf8OrUndefined(bytes);
    if (text !== undefined) return { kind: 'text', text };
  }
  return {
    kind: 'binary',
    base64: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64'),
  };
}

/** The decoded bytes of a body. */
export function bodyToBytes(body: Body): Buffer {
  return body.kind === 'text' ? Buffer.from(body.text, 'utf8') : Buffer.from(body.base64, 'base64');
}

/** Size in bytes of a body's decoded content. */
export function bodyByteLength(body: Body | null): number {
  if (body === null) return 0;
  return body.kind === 'text'
    ? Buffer.byteLength(body.text, 'utf8')
    : Buffer.byteLength(body.base64, 'base64');
}

/** Text of a body for display or search: the text itself, or undefined for binary content. */
export function bodyText(body: Body | null): string | undefined {
  return body?.kind === 'text' ? body.text : undefined;
}
