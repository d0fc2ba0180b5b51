import zlib from 'node:zlib';
import { Packr } from 'msgpackr';
import { describe, expect, it } from 'vitest';
import { parseContainer, serializeContainer } from '../../../../proxy/cassette/formats/container';
import { catchFormatError } from './codec-spec-helpers';

const DOCUMENT = { version: '2.0', name: 'café', list: [1, 2.5, null, true], nested: { a: 'b' } };
const packr = new Packr({ useRecords: false });
const utf8 = (text: string): Uint8Array => Buffer.from(text, 'utf8');

function parseError(bytes: Uint8Array) {
  return catchFormatError(() => parseContainer(bytes, 'tape.json'));
}

/** Deterministic bytes that are neither gzip, MessagePack nor UTF-8. */
function noiseBytes(length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let state = 12345;
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    bytes[i] = state >> 23;
  }
  bytes[0] = 0xff;
  return bytes;
}

describe('container detection', () => {
  it('reads JSON, with leading whitespace or a byte order mark', () => {
    for (const text of [JSON.stringify(DOCUMENT), `\n\t ${JSON.stringify(DOCUMENT)}`]) {
      expect(parseContainer(utf8(text))).toEqual({
        document: DOCUMENT,
        container: 'json',
        compressed: false,
      });
    }
    expect(parseContainer(utf8(`\uFEFF${JSON.stringify(DOCUMENT)}`)).document).toEqual(DOCUMENT);
  });

  it('reads JSON5 when the text is not strict JSON', () => {
    const text = "// a Talkback tape\n{ meta: { createdAt: 1 }, req: { url: '/x', }, }";
    expect(parseContainer(utf8(text))).toEqual({
      document: { meta: { createdAt: 1 }, req: { url: '/x' } },
      container: 'json5',
      compressed: false,
    });
  });

  it('reads YAML, including the binary tags VCR cassettes use', () => {
    const yaml =
      'http_interactions:\n  - body: !binary |-\n      aGVsbG8=\n  - body: !!binary aGk=\n';
    const { document, container } = parseContainer(utf8(yaml));
    expect(container).toBe('yaml');
    const bodies = (document as { http_interactions: Array<{ body: Uint8Array }> })
      .http_interactions;
    expect(bodies.map(({ body }) => Buffer.from(body).toString('utf8'))).toEqual(['hello', 'hi']);
  });

  it('reads MessagePack named maps', () => {
    expect(parseContainer(packr.pack(DOCUMENT))).toEqual({
      document: DOCUMENT,
      container: 'msgpack',
      compressed: false,
    });
  });

  it('unwraps gzip and detects what is inside', () => {
    expect(parseContainer(zlib.gzipSync(packr.pack(DOCUMENT)))).toEqual({
      document: DOCUMENT,
      container: 'msgpack',
      compressed: true,
    });
    expect(parseContainer(zlib.gzipSync(JSON.stringify(DOCUMENT)))).toMatchObject({
      container: 'json',
      compressed: true,
    });
  });
});

describe('container serialisation', () => {
  it('writes JSON pretty with 2 spaces and a final newline', () => {
    const text = Buffer.from(serializeContainer(DOCUMENT, 'json')).toString('utf8');
    expect(text).toBe(`${JSON.stringify(DOCUMENT, null, 2)}\n`);
  });

  it.each(['json', 'json5', 'yaml', 'msgpack'] as const)('reads back what it writes as %s', (c) => {
    for (const gzip of [false, true]) {
      const parsed = parseContainer(serializeContainer(DOCUMENT, c, gzip));
      expect(parsed).toEqual({ document: DOCUMENT, container: c, compressed: gzip });
    }
  });
});

describe('container errors', () => {
  it('says an empty file is empty', () => {
    for (const bytes of [new Uint8Array(0), utf8(' \n\t\n'), zlib.gzipSync(new Uint8Array(0))]) {
      expect(parseError(bytes).message).toMatch(/^tape\.json: the (file|gzip content) is empty$/);
    }
  });

  it('gives the line and column of invalid JSON', () => {
    const truncated = '{\n  "version": "2.0",\n  "interactions": [\n    {"id": "a"},\n';
    expect(parseError(utf8(truncated)).message).toBe(
      'tape.json: not JSON: Unexpected end of JSON input at line 5 column 1',
    );
    const broken = '{\n  "version": "2.0",\n  "name": \n}';
    const error = parseError(utf8(broken));
    expect(error.message).toBe("tape.json: not JSON: Unexpected token '}' at line 4 column 1");
    expect(error).toMatchObject({ file: 'tape.json', path: '', expected: 'JSON' });
    expect(parseError(utf8('{"a": 1}}')).message).toBe(
      'tape.json: not JSON: Unexpected non-whitespace character after JSON at line 1 column 9',
    );
  });

  it('reports invalid YAML with its position', () => {
    expect(parseError(utf8('a: [1, 2\nb: c: d')).message).toMatch(
      /^tape\.json: not YAML: .* at line 2, column 1$/,
    );
  });

  it('rejects random bytes, truncated MessagePack and broken gzip', () => {
    expect(parseError(noiseBytes(64)).message).toBe(
      'tape.json: not a cassette: binary data that is neither gzip nor MessagePack',
    );
    const packed = packr.pack(DOCUMENT);
    expect(parseError(packed.subarray(0, packed.length - 3)).message).toBe(
      'tape.json: not MessagePack: Unexpected end of MessagePack data',
    );
    const gzip = zlib.gzipSync(JSON.stringify(DOCUMENT));
    expect(parseError(gzip.subarray(0, 20)).message).toMatch(/^tape\.json: not valid gzip: /);
  });
});
