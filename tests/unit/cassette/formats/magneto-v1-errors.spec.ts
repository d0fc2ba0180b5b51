import { describe, expect, it } from 'vitest';
import { magnetoV1Format } from '../../../../proxy/cassette/formats/magneto-v1';
import { catchFormatError, fixtureJson } from './codec-spec-helpers';

describe('invalid Magneto-Serge cassettes', () => {
  function basic(): { interactions: Array<Record<string, unknown>> } {
    return fixtureJson('http-basic.json');
  }

  function decodeError(document: unknown) {
    return catchFormatError(() => magnetoV1Format.decode(document, { fileName: 'bad.json' }));
  }

  it('names the path of a wrong type', () => {
    const document = basic();
    (document.interactions[3]?.response as { status: unknown }).status = '204';
    const error = decodeError(document);
    expect(error.message).toBe(
      'bad.json: interactions[3].response.status: expected number, got string',
    );
    expect(error).toMatchObject({ file: 'bad.json', path: 'interactions[3].response.status' });
  });

  it('names a missing field', () => {
    const document = basic();
    delete document.interactions[2]?.recorded_at;
    expect(decodeError(document).message).toBe(
      'bad.json: interactions[2].recorded_at: expected string, got nothing (the field is missing)',
    );
  });

  it('names an unknown interaction type', () => {
    const document = basic();
    (document.interactions[1] as { type: string }).type = 'Grpc';
    const error = decodeError(document);
    expect(error.message).toBe(
      'bad.json: interactions[1].type: expected "Http" | "HttpError" | "WebSocket", got "Grpc"',
    );
    expect(error.expected).toBe('"Http" | "HttpError" | "WebSocket"');
  });

  it('rejects byte values out of range', () => {
    const document = basic();
    (document.interactions[0]?.response as { body: number[] }).body[5] = 256;
    expect(decodeError(document).message).toBe(
      'bad.json: interactions[0].response.body[5]: expected number <= 255, got 256',
    );
  });

  it('rejects a v0.4 interaction with an unknown kind', () => {
    const document = fixtureJson('v0.4-template-examples/api-auth-with-env.json');
    document.interactions[0]!.kind = { Grpc: {} };
    expect(decodeError(document).message).toBe(
      'bad.json: interactions[0].kind: expected an object with one key: "Http", "HttpError" or "WebSocket", got object',
    );
  });
});
