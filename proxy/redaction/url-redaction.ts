/**
 * Hiding secrets in URLs (query values, user info) and in form-encoded text, touching nothing
 * else: the rest of the URL keeps its exact spelling.
 */
import type { RedactionRules } from './redaction-rules';

/** Percent-encodes a value for a query string, leaving `[` and `]` readable. */
function encodeQueryValue(value: string): string {
  return encodeURIComponent(value).replaceAll('%5B', '[').replaceAll('%5D', ']');
}

function decodeName(raw: string): string {
  try {
    return decodeURIComponent(raw.replaceAll('+', ' '));
  } catch {
    return raw;
  }
}

/**
 * `a=1&password=x` with the values of the fields `hidden` selects replaced by the placeholder.
 * Fields without `=` and every other field stay as they were.
 */
export function redactFormFields(
  encoded: string,
  hidden: (name: string) => boolean,
  placeholder: string,
): string {
  return encoded
    .split('&')
    .map((field) => {
      const equals = field.indexOf('=');
      if (equals < 0) return field;
      const rawName = field.slice(0, equals);
      return hidden(decodeName(rawName)) ? `${rawName}=${encodeQueryValue(placeholder)}` : field;
    })
    .join('&');
}

const USER_INFO = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#@]*)@/i;

/**
 * A URL with its hidden query values replaced, and its user info's password (or, when there is no
 * password, the user name, which then usually is a token) replaced.
 */
export function redactUrl(url: string, rules: RedactionRules): string {
  const placeholder = encodeURIComponent(rules.placeholder);
  let out = url.replace(USER_INFO, (_, scheme: string, userInfo: string) => {
    const colon = userInfo.indexOf(':');
    return colon < 0
      ? `${scheme}${placeholder}@`
      : `${scheme}${userInfo.slice(0, colon)}:${placeholder}@`;
  });
  const question = out.indexOf('?');
  if (question < 0) return out;
  const hash = out.indexOf('#', question);
  const end = hash < 0 ? out.length : hash;
  const query = redactFormFields(out.slice(question + 1, end), rules.queryParam, rules.placeholder);
  out = `${out.slice(0, question + 1)}${query}${out.slice(end)}`;
  return out;
}

const URL_IN_TEXT = /\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>()`]+/gi;

/** Free text (an error message) with every URL in it redacted. */
export function redactUrlsInText(text: string, rules: RedactionRules): string {
  return text.replace(URL_IN_TEXT, (url) => redactUrl(url, rules));
}
