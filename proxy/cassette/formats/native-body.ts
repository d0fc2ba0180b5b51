/**
 * Bodies in the native format, readable and byte-exact: `null`; a string for UTF-8 text;
 * `{"json": value}` when the text is exactly `JSON.stringify(value)`; `{"json": value, "indent": 2}`
 * when it is exactly `JSON.stringify(value, null, 2)`; `{"base64": "…"}` for binary content.
 * The `json` forms are for people reading JSON files: MessagePack, which nobody reads, keeps every
 * text as a string (faster to load, nothing to re-serialise); binary stays `{"base64": "…"}` there
 * too. Readers accept every form in every container. The model's body extras sit next to `body` as
 * `body_encoding`, `body_wire_base64`, `body_truncated` and `body_original_size`.
 */
import type { Body } from '../cassette.model';
import type { NativeBody, NativeBodyFields } from './native-schema';

/** The `{"json": …}` form of a text when it gives back exactly the same text, else the text. */
function textToNative(text: string): NativeBody {
  const first = text[0];
  if (first !== '{' && first !== '[') return text;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return text;
  }
  const compact = JSON.stringify(value);
  if (compact === text) return { json: value };
  if (compact.length < text.length && JSON.stringify(value, null, 2) === text) {
    return { json: value, indent: 2 };
  }
  return text;
}

/** The native fields of a body; `readable` uses the `json` forms where they are exact. */
export function bodyToNative(body: Body | null, readable: boolean): NativeBodyFields {
  if (body === null) return { body: null };
  let content: NativeBody;
  if (body.kind === 'binary') content = { base64: body.base64 };
  else content = readable ? textToNative(body.text) : body.text;
  const fields: NativeBodyFields = { body: content };
  if (body.contentEncoding !== undefined) fields.body_encoding = body.contentEncoding;
  if (body.wireBase64 !== undefined) fields.body_wire_base64 = body.wireBase64;
  if (body.truncated !== undefined) fields.body_truncated = body.truncated;
  if (body.originalSize !== undefined) fields.body_original_size = body.originalSize;
  return fields;
}

function contentFromNative(body: Exclude<NativeBody, null>): Body {
  if (typeof body === 'string') return { kind: 'text', text: body };
  if ('base64' in body) return { kind: 'binary', base64: body.base64 };
  const text = body.indent === 2 ? JSON.stringify(body.json, null, 2) : JSON.stringify(body.json);
  return { kind: 'text', text };
}

/** The model body of a request or response; extras next to a null body are ignored. */
export function bodyFromNative(fields: NativeBodyFields): Body | null {
  if (fields.body === null) return null;
  const body = contentFromNative(fields.body);
  if (fields.body_encoding !== undefined) body.contentEncoding = fields.body_encoding;
  if (fields.body_wire_base64 !== undefined) body.wireBase64 = fields.body_wire_base64;
  if (fields.body_truncated !== undefined) body.truncated = fields.body_truncated;
  if (fields.body_original_size !== undefined) body.originalSize = fields.body_original_size;
  return body;
}
