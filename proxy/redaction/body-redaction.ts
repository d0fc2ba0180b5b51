/**
 * Hiding fields in recorded bodies: JSON (by content type or by content), form-encoded bodies and
 * the JSON data of server-sent events.
 */
import type { Body, Headers } from '../cassette/cassette.model';
import { bodyByteLength } from '../cassette/body';
import { headerValue } from '../cassette/headers';
import { redactJsonText } from './json-redaction';
import type { RedactionRules } from './redaction-rules';
import { redactFormFields } from './url-redaction';

/** Server-sent events: the JSON of each `data:` line; line breaks stay, so events keep their times. */
function redactEventStream(text: string, rules: RedactionRules): string {
  return text
    .split('\n')
    .map((line) =>
      line.startsWith('data:') ? `data:${redactJsonText(line.slice(5), rules, false)}` : line,
    )
    .join('\n');
}

function redactText(text: string, contentType: string, rules: RedactionRules): string {
  if (contentType.includes('application/x-www-form-urlencoded')) {
    const hidden = (name: string) => rules.queryParam(name) || rules.bodyField(name);
    return redactFormFields(text, hidden, rules.placeholder);
  }
  if (contentType.includes('text/event-stream')) return redactEventStream(text, rules);
  return redactJsonText(text, rules, contentType.includes('json'));
}

/**
 * The body with hidden fields replaced; the same object when nothing changed. A changed body loses
 * `wireBase64` (the original encoded bytes, secrets included); replay encodes the new text again.
 * Binary bodies are left alone.
 */
export function redactBody(
  body: Body | null,
  headers: Headers,
  rules: RedactionRules,
): Body | null {
  if (body === null || body.kind !== 'text') return body;
  const contentType = headerValue(headers, 'content-type')?.toLowerCase() ?? '';
  const text = redactText(body.text, contentType, rules);
  if (text === body.text) return body;
  const redacted: Body = { ...body, text };
  delete redacted.wireBase64;
  return redacted;
}

/**
 * Headers whose `Content-Length` follows a body that redaction changed, when it described the
 * plain body before (not an encoded or truncated one).
 */
export function withContentLength(
  headers: Headers,
  before: Body | null,
  after: Body | null,
): Headers {
  if (
    before === after ||
    after === null ||
    after.contentEncoding !== undefined ||
    after.truncated
  ) {
    return headers;
  }
  if (headerValue(headers, 'content-length') !== String(bodyByteLength(before))) return headers;
  return { ...headers, 'content-length': String(bodyByteLength(after)) };
}
