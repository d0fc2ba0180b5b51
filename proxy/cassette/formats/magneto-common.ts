/**
 * Conversions shared by the Magneto-Serge 1.0 and native codecs, whose cookies, HTTP errors and
 * WebSocket close frames have the same snake_case shape.
 */
import type { Cookie, HttpError } from '../cassette.model';
import type { CookieDocument, HttpErrorDocument } from './magneto-v1-schema';

export function cookieFromDocument(cookie: CookieDocument): Cookie {
  return {
    name: cookie.name,
    value: cookie.value,
    domain: cookie.domain,
    path: cookie.path,
    expires: cookie.expires,
    maxAge: cookie.max_age,
    secure: cookie.secure,
    httpOnly: cookie.http_only,
    sameSite: cookie.same_site,
    createdAt: cookie.created_at,
  };
}

export function cookieToDocument(cookie: Cookie): CookieDocument {
  return {
    name: cookie.name,
    value: cookie.value,
    domain: cookie.domain,
    path: cookie.path,
    expires: cookie.expires,
    max_age: cookie.maxAge,
    secure: cookie.secure,
    http_only: cookie.httpOnly,
    same_site: cookie.sameSite,
    created_at: cookie.createdAt,
  };
}

export function httpErrorFromDocument(error: HttpErrorDocument): HttpError {
  const model: HttpError = { errorType: error.error_type, message: error.message };
  if ('timeout_ms' in error && error.timeout_ms !== undefined) model.timeoutMs = error.timeout_ms;
  if ('redirect_count' in error && error.redirect_count !== undefined) {
    model.redirectCount = error.redirect_count;
  }
  return model;
}

/**
 * The document form of an HTTP error. With `fillRequired`, a `Timeout` without `timeoutMs` or a
 * `TooManyRedirects` without `redirectCount` gets 0, because Magneto-Serge requires those fields.
 */
export function httpErrorToDocument(error: HttpError, fillRequired: boolean): HttpErrorDocument {
  switch (error.errorType) {
    case 'Timeout': {
      const timeoutMs = error.timeoutMs ?? (fillRequired ? 0 : undefined);
      return timeoutMs === undefined
        ? { error_type: 'Timeout', message: error.message }
        : { error_type: 'Timeout', message: error.message, timeout_ms: timeoutMs };
    }
    case 'TooManyRedirects': {
      const redirectCount = error.redirectCount ?? (fillRequired ? 0 : undefined);
      return redirectCount === undefined
        ? { error_type: 'TooManyRedirects', message: error.message }
        : { error_type: 'TooManyRedirects', message: error.message, redirect_count: redirectCount };
    }
    default:
      return { error_type: error.errorType, message: error.message };
  }
}
