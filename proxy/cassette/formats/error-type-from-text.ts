/** Guessing the model's HTTP error type from an error text (Chrome's `net::ERR_*`, Node's codes). */
import type { HttpErrorType } from '../cassette.model';

const RULES: ReadonlyArray<readonly [RegExp, HttpErrorType]> = [
  [/NAME_NOT_RESOLVED|NAME_RESOLUTION_FAILED|ENOTFOUND|EAI_AGAIN|\bdns\b/i, 'DnsResolutionFailed'],
  [/CONNECTION_REFUSED|ECONNREFUSED|refused/i, 'ConnectionRefused'],
  [/CERT_|SSL_|\bTLS\b|\bSSL\b|certificate/i, 'TlsError'],
  [/CONNECTION_RESET|ECONNRESET|reset by peer/i, 'ConnectionReset'],
  [/TIMED_OUT|ETIMEDOUT|time-?out|timed out/i, 'Timeout'],
  [/TOO_MANY_REDIRECTS|too many redirects/i, 'TooManyRedirects'],
];

/** The error type an error text names, or `Other`. */
export function errorTypeFromText(text: string): HttpErrorType {
  return RULES.find(([pattern]) => pattern.test(text))?.[1] ?? 'Other';
}
