/**
 * Recordings hold redacted requests (`token=[REDACTED]`), so an incoming request is redacted the
 * same way before it is matched against them. Only what the matcher compares is touched: the URL
 * always, required headers when there are any, the body when bodies are compared.
 */
import { bodyToBytes } from '../cassette/body';
import { bodyFromWire } from '../cassette/content-coding';
import type { MatchingOptions } from '../matching/matching-options';
import type { IncomingRequestSummary } from '../matching/matching.model';
import { redactBody } from '../redaction/body-redaction';
import { redactHeaders } from '../redaction/header-redaction';
import type { RedactionRules } from '../redaction/redaction-rules';
import { redactUrl } from '../redaction/url-redaction';

export function redactIncoming(
  request: IncomingRequestSummary,
  rules: RedactionRules,
  matching: MatchingOptions,
): IncomingRequestSummary {
  const url = redactUrl(request.url, rules);
  let headers =
    matching.headers.length > 0 ? redactHeaders(request.headers, rules) : request.headers;
  let body = request.body;
  if (matching.body !== 'ignore' && body !== null && body.length > 0) {
    const decoded = bodyFromWire(body, request.headers);
    const redacted = redactBody(decoded, request.headers, rules);
    if (redacted !== decoded && redacted !== null) {
      // The redacted text is sent to the matcher decoded.
      body = bodyToBytes(redacted);
      headers = { ...headers };
      delete headers['content-encoding'];
    }
  }
  const { parsedUrl } = request;
  // A URL that redaction changed is not the one parsed.
  return {
    method: request.method,
    url,
    headers,
    body,
    ...(parsedUrl !== undefined && url === request.url && { parsedUrl }),
  };
}
