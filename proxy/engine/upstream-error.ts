/**
 * Upstream failures in the model's terms (`HttpError`), and what the client gets for one, live or
 * replayed: a reset connection for `ConnectionReset`, 504 for `Timeout`, 502 for the others.
 */
import type { HttpError, HttpErrorType } from '../cassette/cassette.model';

/** No response head came from upstream within the configured time. */
export class UpstreamTimeoutError extends Error {
  override readonly name = 'UpstreamTimeoutError';
  readonly code = 'ETIMEDOUT';
  constructor(readonly timeoutMs: number) {
    super(`no response from upstream within ${timeoutMs} ms`);
  }
}

const TYPE_BY_CODE: Readonly<Record<string, HttpErrorType>> = {
  ECONNREFUSED: 'ConnectionRefused',
  ENOTFOUND: 'DnsResolutionFailed',
  EAI_AGAIN: 'DnsResolutionFailed',
  EAI_NONAME: 'DnsResolutionFailed',
  EAI_FAIL: 'DnsResolutionFailed',
  EAI_NODATA: 'DnsResolutionFailed',
  ETIMEDOUT: 'Timeout',
  UND_ERR_CONNECT_TIMEOUT: 'Timeout',
  UND_ERR_HEADERS_TIMEOUT: 'Timeout',
  UND_ERR_BODY_TIMEOUT: 'Timeout',
  ECONNRESET: 'ConnectionReset',
  EPIPE: 'ConnectionReset',
  ECONNABORTED: 'ConnectionReset',
  ERR_STREAM_PREMATURE_CLOSE: 'ConnectionReset',
  // undici: the server closed the connection, or ended a body short of its length.
  UND_ERR_SOCKET: 'ConnectionReset',
  UND_ERR_RES_CONTENT_LENGTH_MISMATCH: 'ConnectionReset',
};

/** OpenSSL and certificate verification codes, as Node reports them. */
const TLS_CODE =
  /^(ERR_TLS_|ERR_SSL_|CERT_|DEPTH_ZERO_SELF_SIGNED_CERT$|SELF_SIGNED_CERT_IN_CHAIN$|UNABLE_TO_|HOSTNAME_MISMATCH$|ERR_OSSL_)/;

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** The model's failure type for an error raised while talking to upstream. */
export function httpErrorTypeOf(error: unknown): HttpErrorType {
  const code = codeOf(error);
  if (code !== undefined) {
    const known = TYPE_BY_CODE[code];
    if (known !== undefined) return known;
    if (TLS_CODE.test(code)) return 'TlsError';
  }
  const message = error instanceof Error ? error.message : String(error);
  if (/socket hang up/i.test(message)) return 'ConnectionReset';
  if (/certificate|ssl|tls/i.test(message)) return 'TlsError';
  return 'Other';
}

/** An upstream error as the model records it. */
export function httpErrorFrom(error: unknown): HttpError {
  const errorType = httpErrorTypeOf(error);
  const text = error instanceof Error ? error.message : String(error);
  const code = codeOf(error);
  const message = code !== undefined && !text.includes(code) ? `${code}: ${text}` : text;
  if (errorType !== 'Timeout') return { errorType, message };
  const timeoutMs = error instanceof UpstreamTimeoutError ? error.timeoutMs : undefined;
  return timeoutMs === undefined ? { errorType, message } : { errorType, message, timeoutMs };
}

/** What the client is sent for a failure: a reset connection, or a status with a text body. */
export type FailureAnswer = { kind: 'reset' } | { kind: 'status'; status: number; body: string };

const EXPLANATIONS: Readonly<Record<HttpErrorType, string>> = {
  DnsResolutionFailed: 'the upstream host name could not be resolved',
  ConnectionRefused: 'the upstream server refused the connection',
  TlsError: 'the TLS handshake with the upstream server failed',
  ConnectionReset: 'the upstream server reset the connection',
  Timeout: 'the upstream server did not answer in time',
  TooManyRedirects: 'the upstream server redirected too many times',
  Other: 'the request to the upstream server failed',
};

/** The answer for `error`; `replayed` says whether it comes from a cassette. */
export function failureAnswer(error: HttpError, replayed: boolean): FailureAnswer {
  if (error.errorType === 'ConnectionReset') return { kind: 'reset' };
  const status = error.errorType === 'Timeout' ? 504 : 502;
  const origin = replayed ? 'Magneto replayed a recorded upstream failure' : 'Magneto proxy';
  const body = `${origin} (${error.errorType}): ${EXPLANATIONS[error.errorType]}.\n${error.message}\n`;
  return { kind: 'status', status, body };
}
