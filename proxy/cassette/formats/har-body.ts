/**
 * HAR bodies both ways. HAR keeps decoded content (`content.text`, base64 when `encoding` says so)
 * even when `Content-Encoding` names a coding; Polly.js is the exception, writing the encoded wire
 * chunks as a JSON array of base64 strings.
 */
import type { Body, Headers } from '../cassette.model';
import { bodyByteLength } from '../body';
import { headerValue } from '../headers';
import { pollyChunks } from './har-polly-chunks';
import type { HarContent, HarPostData } from './har-schema';
import { bodyFromDecoded, bodyFromRecorded } from './imported-body';

/** What the studio adds so its exports read back byte-exact. */
interface StudioBodyFieldsOut {
  _wireBase64?: string;
  _truncated?: true;
  _originalSize?: number;
}

/** `content` of an exported response. */
export interface HarContentOut extends StudioBodyFieldsOut {
  size: number;
  mimeType: string;
  text?: string;
  encoding?: 'base64';
}

/** `postData` of an exported request; `_encoding` says when `text` is base64. */
export interface HarPostDataOut extends StudioBodyFieldsOut {
  mimeType: string;
  text: string;
  _encoding?: 'base64';
}

type StudioBodyFields = Pick<HarContent, '_wireBase64' | '_truncated' | '_originalSize'>;

function bodyFromText(
  text: string,
  base64: boolean,
  headers: Headers,
  mimeType: string | undefined,
): Body | null {
  if (!base64) return bodyFromDecoded(Buffer.from(text, 'utf8'), headers, mimeType);
  const chunks = pollyChunks(text);
  if (chunks !== undefined) {
    const wire = Buffer.concat(chunks.map((chunk) => Buffer.from(chunk, 'base64')));
    return bodyFromRecorded(wire, headers);
  }
  return bodyFromDecoded(Buffer.from(text, 'base64'), headers, mimeType);
}

function withStudioFields(body: Body | null, fields: StudioBodyFields): Body | null {
  if (body === null) return null;
  if (fields._wireBase64 !== undefined) body.wireBase64 = fields._wireBase64;
  if (fields._truncated === true) body.truncated = true;
  if (fields._originalSize !== undefined) body.originalSize = fields._originalSize;
  return body;
}

/** The body of a HAR response; none when `content` has no text. */
export function bodyFromContent(content: HarContent | undefined, headers: Headers): Body | null {
  if (content?.text === undefined || content.text === null) return null;
  const body = bodyFromText(content.text, content.encoding === 'base64', headers, content.mimeType);
  return withStudioFields(body, content);
}

/** The body of a HAR request: `postData.text`, or its `params` as a form when there is no text. */
export function bodyFromPostData(postData: HarPostData | undefined, headers: Headers): Body | null {
  if (postData === undefined) return null;
  const base64 = (postData._encoding ?? postData.encoding) === 'base64';
  const text =
    postData.text ??
    new URLSearchParams(postData.params?.map((p) => [p.name, p.value ?? ''])).toString();
  return withStudioFields(bodyFromText(text, base64, headers, postData.mimeType), postData);
}

function studioFieldsOf(body: Body): StudioBodyFieldsOut {
  const fields: StudioBodyFieldsOut = {};
  if (body.wireBase64 !== undefined) fields._wireBase64 = body.wireBase64;
  if (body.truncated === true) fields._truncated = true;
  if (body.originalSize !== undefined) fields._originalSize = body.originalSize;
  return fields;
}

function mimeTypeOf(headers: Headers, body: Body | null): string {
  return (
    headerValue(headers, 'content-type') ??
    (body?.kind === 'binary' ? 'application/octet-stream' : 'x-unknown')
  );
}

/** The `content` of a response body: decoded text, or base64 with `encoding: 'base64'`. */
export function contentFromBody(body: Body | null, headers: Headers): HarContentOut {
  const mimeType = mimeTypeOf(headers, body);
  if (body === null) return { size: 0, mimeType };
  const size = body.originalSize ?? bodyByteLength(body);
  const text: Pick<HarContentOut, 'text' | 'encoding'> =
    body.kind === 'text' ? { text: body.text } : { text: body.base64, encoding: 'base64' };
  return { size, mimeType, ...text, ...studioFieldsOf(body) };
}

/** The `postData` of a request body, or undefined when there is none. */
export function postDataFromBody(body: Body | null, headers: Headers): HarPostDataOut | undefined {
  if (body === null) return undefined;
  const mimeType = mimeTypeOf(headers, body);
  const text: Pick<HarPostDataOut, 'text' | '_encoding'> =
    body.kind === 'text' ? { text: body.text } : { text: body.base64, _encoding: 'base64' };
  return { mimeType, ...text, ...studioFieldsOf(body) };
}

/** Bytes the body took on the wire: -1 when it is only known decoded. */
export function wireSizeOf(body: Body | null): number {
  if (body === null) return 0;
  if (body.wireBase64 !== undefined) return Buffer.byteLength(body.wireBase64, 'base64');
  return body.contentEncoding === undefined ? bodyByteLength(body) : -1;
}
