/**
 * HAR 1.2 (`.har`): read from browsers' devtools, Polly.js recordings and proxies, and written for
 * those tools. Entries become interactions in order: status 0 is a failed request (`HttpError`),
 * Chrome's WebSocket entries are sessions, everything else an HTTP exchange.
 */
import type { Cassette, Headers, HttpError, HttpRequest, Interaction } from '../cassette.model';
import { cassetteNameProblem } from '../cassette-name';
import { headersFromPairs } from '../headers';
import { errorTypeFromText } from './error-type-from-text';
import type { CassetteFormat, DecodeContext } from './format';
import { encodeHar } from './har-export';
import { bodyFromContent, bodyFromPostData } from './har-body';
import { harSchema, type HarEntry } from './har-schema';
import { isWebSocketEntry, webSocketFromEntry } from './har-websocket';
import { interactionIdAt } from './ids';
import { isRecord } from './is-record';
import { importedCassette } from './imported-cassette';
import { validateDocument } from './schema-validation';

/** Header pairs without HTTP/2 pseudo-headers (`:authority`, `:path`, …), which Chrome lists. */
function headersOf(pairs: ReadonlyArray<{ name: string; value: string }>): Headers {
  return headersFromPairs(
    pairs
      .filter((pair) => !pair.name.startsWith(':'))
      .map((pair) => [pair.name, pair.value] as const),
  );
}

function httpErrorOf(entry: HarEntry): HttpError {
  const { response } = entry;
  const text = response._error ?? entry._error ?? '';
  const errorType = response._errorType ?? errorTypeFromText(text);
  const error: HttpError = {
    errorType,
    message: text === '' ? 'no response was received (HAR status 0)' : text,
  };
  if (errorType === 'Timeout' && response._timeoutMs !== undefined) {
    error.timeoutMs = response._timeoutMs;
  }
  if (errorType === 'TooManyRedirects' && response._redirectCount !== undefined) {
    error.redirectCount = response._redirectCount;
  }
  return error;
}

function interactionOf(entry: HarEntry, index: number, now: string): Interaction {
  const id = interactionIdAt(index);
  const recordedAt = entry.startedDateTime ?? now;
  const requestHeaders = headersOf(entry.request.headers);
  const responseHeaders = headersOf(entry.response.headers);
  // HAR requires `time`; the studio writes 0 when it did not measure one.
  const timing =
    entry.time !== undefined && entry.time > 0 ? { responseTimeMs: Math.round(entry.time) } : {};
  if (isWebSocketEntry(entry)) {
    return {
      ...webSocketFromEntry(entry, id, recordedAt, requestHeaders, responseHeaders),
      ...timing,
    };
  }
  const request: HttpRequest = {
    method: entry.request.method.toUpperCase(),
    url: entry.request.url,
    headers: requestHeaders,
    body: bodyFromPostData(entry.request.postData, requestHeaders),
  };
  if (entry.response.status === 0) {
    return { type: 'HttpError', id, recordedAt, ...timing, request, error: httpErrorOf(entry) };
  }
  const response = {
    status: entry.response.status,
    headers: responseHeaders,
    body: bodyFromContent(entry.response.content, responseHeaders),
  };
  return { type: 'Http', id, recordedAt, ...timing, request, response };
}

/**
 * Polly's `_recordingName` when it can name a cassette: a name made of a test's title path
 * ("suite/test") or a page title with "/" cannot, and the file name then names the cassette.
 */
function recordingNameOf(log: { _recordingName?: string | undefined }): string | undefined {
  const name = log._recordingName?.trim();
  return name !== undefined && cassetteNameProblem(name) === undefined ? name : undefined;
}

function decodeHar(document: unknown, context: DecodeContext): Cassette {
  const { log } = validateDocument(harSchema, document, context.fileName);
  const now = new Date().toISOString();
  const creator = log.creator;
  const writer =
    creator === undefined
      ? ''
      : ` written by ${[creator.name, creator.version].filter(Boolean).join(' ')}`;
  return importedCassette({
    format: 'har',
    version: log.version ?? '1.2',
    interactions: log.entries.map((entry, index) => interactionOf(entry, index, now)),
    context,
    documentName: recordingNameOf(log),
    defaultName: 'har-import',
    description: `Imported from HAR${writer}`,
    now,
  });
}

export const harFormat: CassetteFormat = {
  id: 'har',
  label: 'HAR 1.2',
  containers: ['json'],
  matches: (document) =>
    isRecord(document) && isRecord(document.log) && Array.isArray(document.log.entries),
  decode: decodeHar,
  encode: (cassette) => encodeHar(cassette),
};
