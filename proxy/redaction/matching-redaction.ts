/**
 * Redaction as the matcher needs it: the parts of a request that the matching options compare,
 * hidden exactly as recordings hide them. A recording stores `api_key=[REDACTED]`; hiding the
 * incoming request's key the same way lets the two match, and keeps secrets out of miss reports.
 */
import type { HttpRequest } from '../cassette/cassette.model';
import type { MatchingOptions } from '../matching/matching-options';
import { redactBody } from './body-redaction';
import { redactHeaders } from './header-redaction';
import type { RedactionOptions } from './redaction-options';
import { compileRules } from './redaction-rules';
import { redactUrl } from './url-redaction';

/** A function hiding secrets in what `matching` compares: the URL, required headers, the body. */
export function redactionForMatching(
  redaction: RedactionOptions,
  matching: MatchingOptions,
): (request: HttpRequest) => HttpRequest {
  const rules = compileRules(redaction);
  const headers = matching.headers.length > 0;
  const body = matching.body !== 'ignore';
  return (request) => ({
    ...request,
    url: redactUrl(request.url, rules),
    headers: headers ? redactHeaders(request.headers, rules) : request.headers,
    body: body ? redactBody(request.body, request.headers, rules) : request.body,
  });
}
