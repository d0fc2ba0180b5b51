/**
 * VCR cassettes, read only: VCR.py's (`interactions` of `{request: {uri, …}, response}`) and Ruby
 * VCR's (`http_interactions`, `recorded_with`). Bodies are as received from the HTTP library, so
 * usually still encoded when a `Content-Encoding` header is present; they are decoded when they
 * decode, and taken as already decoded otherwise (`decode_compressed_response`).
 */
import type { Cassette, Headers, HttpInteraction } from '../cassette.model';
import type { CassetteFormat, DecodeContext } from './format';
import { interactionIdAt } from './ids';
import { isRecord } from './is-record';
import { bodyFromRecorded } from './imported-body';
import { importedCassette } from './imported-cassette';
import { headersFromMap } from './imported-headers';
import { validateDocument } from './schema-validation';
import { rubyVcrSchema, vcrPySchema, type RubyVcrBody, type VcrContent } from './vcr-schema';

function bytesOf(content: VcrContent): Uint8Array {
  if (content === null || content === undefined) return new Uint8Array();
  return typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
}

/** Ruby keeps each string's encoding; Latin-1 text goes back to its own bytes. */
function rubyBytesOf(body: RubyVcrBody): Uint8Array {
  if (body === null || body === undefined) return new Uint8Array();
  if (typeof body.base64_string === 'string') return Buffer.from(body.base64_string, 'base64');
  if (typeof body.string === 'string' && /^ISO-8859-1$/i.test(body.encoding ?? '')) {
    return Buffer.from(body.string, 'latin1');
  }
  return bytesOf(body.string);
}

interface ExchangeParts {
  method: string;
  url: string;
  requestHeaders: Headers;
  requestBytes: Uint8Array;
  status: number;
  responseHeaders: Headers;
  responseBytes: Uint8Array;
}

function exchange(id: string, recordedAt: string, parts: ExchangeParts): HttpInteraction {
  return {
    type: 'Http',
    id,
    recordedAt,
    request: {
      method: parts.method.toUpperCase(),
      url: parts.url,
      headers: parts.requestHeaders,
      body: bodyFromRecorded(parts.requestBytes, parts.requestHeaders),
    },
    response: {
      status: parts.status,
      headers: parts.responseHeaders,
      body: bodyFromRecorded(parts.responseBytes, parts.responseHeaders),
    },
  };
}

function decodeVcrPy(document: unknown, context: DecodeContext, now: string): Cassette {
  const cassette = validateDocument(vcrPySchema, document, context.fileName);
  const interactions = cassette.interactions.map(({ request, response }, index) =>
    exchange(interactionIdAt(index), now, {
      method: request.method,
      url: request.uri,
      requestHeaders: headersFromMap(request.headers),
      requestBytes: bytesOf(request.body),
      status: response.status.code,
      responseHeaders: headersFromMap(response.headers),
      responseBytes: bytesOf(response.body?.string),
    }),
  );
  return importedCassette({
    format: 'vcr',
    version: String(cassette.version ?? 1),
    interactions,
    context,
    defaultName: 'vcr-import',
    description: 'Imported from a VCR.py cassette',
    now,
  });
}

function decodeRubyVcr(document: unknown, context: DecodeContext, now: string): Cassette {
  const cassette = validateDocument(rubyVcrSchema, document, context.fileName);
  const interactions = cassette.http_interactions.map(({ request, response, recorded_at }, index) =>
    exchange(interactionIdAt(index), recorded_at ?? now, {
      method: request.method,
      url: request.uri,
      requestHeaders: headersFromMap(request.headers),
      requestBytes: rubyBytesOf(request.body),
      status: response.status.code,
      responseHeaders: headersFromMap(response.headers),
      responseBytes: rubyBytesOf(response.body),
    }),
  );
  const recordedWith = cassette.recorded_with ?? undefined;
  return importedCassette({
    format: 'vcr',
    version: recordedWith ?? 'VCR',
    interactions,
    context,
    defaultName: 'vcr-import',
    description: `Imported from a Ruby VCR cassette${recordedWith === undefined ? '' : ` (recorded with ${recordedWith})`}`,
    now,
  });
}

/**
 * Ruby VCR has `http_interactions`; VCR.py has `interactions` whose entries have `request.uri`
 * (the studio's and Magneto-Serge's `interactions` have `type` or `kind` and no `uri`). An empty
 * VCR.py cassette is recognised by its `version: 1`.
 */
function matchesVcr(document: unknown): boolean {
  if (!isRecord(document)) return false;
  if (Array.isArray(document.http_interactions)) return true;
  if (!Array.isArray(document.interactions)) return false;
  const first: unknown = document.interactions[0];
  if (first === undefined) return document.version === 1;
  return isRecord(first) && isRecord(first.request) && typeof first.request.uri === 'string';
}

export const vcrFormat: CassetteFormat = {
  id: 'vcr',
  label: 'VCR cassette (VCR.py, Ruby VCR)',
  containers: ['yaml', 'json'],
  matches: matchesVcr,
  decode: (document, context) => {
    const now = new Date().toISOString();
    return isRecord(document) && 'http_interactions' in document
      ? decodeRubyVcr(document, context, now)
      : decodeVcrPy(document, context, now);
  },
};
