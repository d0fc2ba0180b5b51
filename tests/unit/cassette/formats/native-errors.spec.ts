import { describe, expect, it } from 'vitest';
import type { Interaction } from '../../../../proxy/cassette/cassette.model';
import { nativeFormat } from '../../../../proxy/cassette/formats/native';
import { catchFormatError, nativeDocumentOf } from './codec-spec-helpers';
import type { NativeDocument } from './codec-spec-helpers';
import { richCassette } from './rich-cassette';

describe('invalid native cassettes', () => {
  function decodeError(mutate: (document: NativeDocument) => void) {
    const document = nativeDocumentOf(richCassette());
    mutate(document);
    return catchFormatError(() => nativeFormat.decode(document, { fileName: 'studio.json' }));
  }

  it('names the path of a wrong status type', () => {
    const error = decodeError((document) => {
      (document.interactions[3] as { response: { status: unknown } }).response.status = 'ok';
    });
    expect(error.message).toBe(
      'studio.json: interactions[3].response.status: expected number, got string',
    );
    expect(error).toMatchObject({
      file: 'studio.json',
      path: 'interactions[3].response.status',
      expected: 'number',
    });
  });

  it('shows a number that should be an integer', () => {
    const error = decodeError((document) => {
      document.interactions[0]!.response_time_ms = 1.5;
    });
    expect(error.message).toBe(
      'studio.json: interactions[0].response_time_ms: expected integer, got 1.5',
    );
  });

  it('names a missing field', () => {
    const error = decodeError((document) => {
      delete document.interactions[0]?.id;
    });
    expect(error.message).toBe(
      'studio.json: interactions[0].id: expected string, got nothing (the field is missing)',
    );
  });

  it('names an unknown interaction type', () => {
    const error = decodeError((document) => {
      document.interactions[2]!.type = 'Grpc';
    });
    expect(error.message).toBe(
      'studio.json: interactions[2].type: expected "Http" | "HttpError" | "WebSocket", got "Grpc"',
    );
  });

  it('rejects a body in no known form', () => {
    const error = decodeError((document) => {
      document.interactions[1]!.response.body = { yaml: 'a: 1' };
    });
    expect(error.message).toBe(
      'studio.json: interactions[1].response.body: expected null, a string, {"json": …} or {"base64": "…"}, got object',
    );
  });

  const indexOf = (predicate: (interaction: Interaction) => boolean): number =>
    richCassette().interactions.findIndex(predicate);

  it('rejects binary WebSocket data given as text', () => {
    const index = indexOf((interaction) => interaction.id === 'ws');
    const error = decodeError((document) => {
      (document.interactions[index]?.messages as Array<{ data: unknown }>)[1]!.data =
        'AAECf4D+/w==';
    });
    expect(error.message).toBe(
      `studio.json: interactions[${index}].messages[1].data: expected object, got string`,
    );
  });

  it('rejects an error type that does not exist', () => {
    const index = indexOf((interaction) => interaction.type === 'HttpError');
    const error = decodeError((document) => {
      (document.interactions[index]?.error as { error_type: string }).error_type = 'Nope';
    });
    expect(error.path).toBe(`interactions[${index}].error.error_type`);
    expect(error.message).toMatch(
      /: expected "DnsResolutionFailed" \| "ConnectionRefused" \| .*, got "Nope"$/,
    );
  });

  it('rejects duplicate interaction ids', () => {
    const error = decodeError((document) => {
      document.interactions[4]!.id = document.interactions[1]!.id;
    });
    expect(error.message).toBe(
      'studio.json: interactions[4].id: expected an id not used by an earlier interaction, got "json"',
    );
  });

  it('rejects another native version', () => {
    const error = decodeError((document) => {
      document.version = '2.1';
    });
    expect(error.message).toBe('studio.json: version: expected "2.0", got "2.1"');
  });
});
