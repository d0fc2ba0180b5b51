/**
 * Talkback tapes, read only: one exchange per JSON5 file. Human-readable bodies were decompressed
 * by Talkback when `meta.*Uncompressed` is set (the headers still name the coding, so replay
 * encodes them again); base64 bodies are the bytes from the wire.
 */
import type { Body, Cassette, Headers } from '../cassette.model';
import type { CassetteFormat, DecodeContext } from './format';
import { interactionIdAt } from './ids';
import { isRecord } from './is-record';
import { bodyFromDecoded, bodyFromRecorded } from './imported-body';
import { importedCassette } from './imported-cassette';
import { headersFromMap } from './imported-headers';
import { validateDocument } from './schema-validation';
import {
  talkbackBodyForm,
  talkbackTapeSchema,
  talkbackUrl,
  type TalkbackTape,
} from './talkback-schema';

function bodyOf(tape: TalkbackTape, side: 'req' | 'res', headers: Headers): Body | null {
  const body = tape[side].body;
  switch (talkbackBodyForm(tape, side)) {
    case 'none':
      return null;
    case 'json':
      // Talkback replays JSON content pretty-printed.
      return bodyFromDecoded(Buffer.from(JSON.stringify(body, null, 2)), headers);
    case 'text':
      return bodyFromDecoded(Buffer.from(String(body)), headers);
    case 'base64':
      return bodyFromRecorded(Buffer.from(String(body), 'base64'), headers);
  }
}

function decodeTalkback(document: unknown, context: DecodeContext): Cassette {
  const tape = validateDocument(talkbackTapeSchema, document, context.fileName);
  const { meta, req, res } = tape;
  const now = new Date().toISOString();
  const requestHeaders = headersFromMap(req.headers);
  const responseHeaders = headersFromMap(res.headers);
  return importedCassette({
    format: 'talkback',
    version: 'talkback',
    interactions: [
      {
        type: 'Http',
        id: interactionIdAt(0),
        recordedAt: meta.createdAt ?? now,
        request: {
          method: req.method.toUpperCase(),
          url: talkbackUrl(meta.host, req.url),
          headers: requestHeaders,
          body: bodyOf(tape, 'req', requestHeaders),
        },
        response: {
          status: res.status,
          headers: responseHeaders,
          body: bodyOf(tape, 'res', responseHeaders),
        },
      },
    ],
    context,
    defaultName: 'talkback-import',
    description: `Imported from a Talkback tape of ${meta.host}`,
    now,
  });
}

export const talkbackFormat: CassetteFormat = {
  id: 'talkback',
  label: 'Talkback tape',
  containers: ['json5', 'json'],
  matches: (document) =>
    isRecord(document) &&
    isRecord(document.meta) &&
    isRecord(document.req) &&
    isRecord(document.res),
  decode: decodeTalkback,
};
