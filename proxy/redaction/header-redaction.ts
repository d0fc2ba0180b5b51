/**
 * Hiding secrets in headers while keeping them useful: cookie names and Set-Cookie attributes
 * stay, the authorization scheme stays, URLs in Location and Referer lose only their secrets.
 */
import type { Headers } from '../cassette/cassette.model';
import type { RedactionRules } from './redaction-rules';
import { redactUrl } from './url-redaction';

/** A cookie value hidden; an empty one (a cookie being cleared) stays empty. */
function hideCookieValue(value: string, placeholder: string): string {
  return value.trim() === '' ? value : placeholder;
}

/** `session=abc; theme=dark` → `session=[REDACTED]; theme=[REDACTED]`. */
function redactCookie(value: string, placeholder: string): string {
  return value.replace(
    /(^|;)(\s*[^=;]+=)([^;]*)/g,
    (_, start: string, name: string, cookie: string) =>
      `${start}${name}${hideCookieValue(cookie, placeholder)}`,
  );
}

/** `sid=abc; Path=/; HttpOnly` → `sid=[REDACTED]; Path=/; HttpOnly`. */
function redactSetCookie(value: string, placeholder: string): string {
  const semicolon = value.indexOf(';');
  const pair = semicolon < 0 ? value : value.slice(0, semicolon);
  const attributes = semicolon < 0 ? '' : value.slice(semicolon);
  const equals = pair.indexOf('=');
  const hidden =
    equals < 0
      ? hideCookieValue(pair, placeholder)
      : `${pair.slice(0, equals + 1)}${hideCookieValue(pair.slice(equals + 1), placeholder)}`;
  return `${hidden}${attributes}`;
}

/** `Bearer abc` → `Bearer [REDACTED]`; a value without a scheme becomes the placeholder. */
function redactCredentials(value: string, placeholder: string): string {
  const scheme = /^\s*([A-Za-z][\w!#$%&'*+.^`|~-]*)\s+\S/.exec(value);
  return scheme === null ? placeholder : `${scheme[1]} ${placeholder}`;
}

const URL_HEADERS = new Set(['location', 'content-location', 'referer']);

function redactValue(name: string, value: string, rules: RedactionRules): string {
  const { placeholder } = rules;
  if (name === 'cookie') return redactCookie(value, placeholder);
  if (name === 'set-cookie') return redactSetCookie(value, placeholder);
  if (name === 'authorization' || name === 'proxy-authorization') {
    return redactCredentials(value, placeholder);
  }
  if (rules.header(name)) return placeholder;
  if (URL_HEADERS.has(name)) return redactUrl(value, rules);
  return value;
}

/** A new header map with secrets hidden; names and the number of values are unchanged. */
export function redactHeaders(headers: Headers, rules: RedactionRules): Headers {
  const out: Headers = {};
  for (const [rawName, value] of Object.entries(headers)) {
    const name = rawName.toLowerCase();
    out[rawName] = Array.isArray(value)
      ? value.map((item) => redactValue(name, item, rules))
      : redactValue(name, value, rules);
  }
  return out;
}
