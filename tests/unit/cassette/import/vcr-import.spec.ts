import fs from 'node:fs';
import zlib from 'node:zlib';
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import type { Cassette, HttpInteraction } from '../../../../proxy/cassette/cassette.model';
import { bodyToBytes } from '../../../../proxy/cassette/body';
import { bodyToWire } from '../../../../proxy/cassette/content-coding';
import { CassetteFormatError } from '../../../../proxy/cassette/errors';
import { vcrFormat } from '../../../../proxy/cassette/formats/vcr';
import { magnetoFixture } from '../../../support/fixtures';
import { importFixture, readYamlFixture } from './import-fixtures';

function decode(name: string): Cassette {
  const document = readYamlFixture(name);
  expect(vcrFormat.matches(document, 'yaml')).toBe(true);
  return vcrFormat.decode(document, { fileName: importFixture(name) });
}

function http(cassette: Cassette, index: number): HttpInteraction {
  const interaction = cassette.interactions[index];
  expect(interaction?.type).toBe('Http');
  return interaction as HttpInteraction;
}

/** The base64 text of a `!!binary` / `!binary` scalar, read without the tag. */
function binaryScalar(name: string, pathInDocument: Array<string | number>): Buffer {
  const document = YAML.parseDocument(fs.readFileSync(importFixture(name), 'utf8'), {
    customTags: [{ tag: '!binary', resolve: (text: string) => text }],
  });
  const node = document.getIn(pathInDocument, true) as YAML.Scalar;
  return Buffer.from(String(node.source ?? node.value), 'base64');
}

describe('VCR.py cassette import', () => {
  const cassette = decode('vcrpy-cassette.yaml');

  it('names the cassette after the file, stamps it with the import time and tags it', () => {
    expect(cassette.name).toBe('vcrpy-cassette');
    expect(cassette.version).toBe('1');
    expect(cassette.metadata.tags).toEqual(['imported:vcr']);
    expect(cassette.metadata.description).toBe('Imported from a VCR.py cassette');
    expect(cassette.interactions.map((i) => i.id)).toEqual(['i0', 'i1', 'i2']);
    expect(Math.abs(Date.parse(cassette.recordedAt) - Date.now())).toBeLessThan(60_000);
    expect(cassette.interactions.every((i) => i.recordedAt === cassette.recordedAt)).toBe(true);
  });

  it('decodes a gzip !!binary body from the wire and gives the same wire bytes back', () => {
    const gzip = http(cassette, 0);
    expect(gzip.request).toEqual({
      method: 'GET',
      url: 'https://httpbin.org/gzip',
      headers: {
        accept: '*/*',
        'accept-encoding': 'gzip, deflate',
        connection: 'keep-alive',
        'user-agent': 'python-requests/2.31.0',
      },
      body: null,
    });
    const body = gzip.response.body!;
    expect(body.kind).toBe('text');
    expect(body.contentEncoding).toBe('gzip');
    const wire = binaryScalar('vcrpy-cassette.yaml', [
      'interactions',
      0,
      'response',
      'body',
      'string',
    ]);
    expect(bodyToBytes(body).equals(zlib.gunzipSync(wire))).toBe(true);
    expect(JSON.parse(bodyToBytes(body).toString('utf8'))).toMatchObject({ gzipped: true });
    expect(bodyToWire(body).equals(wire)).toBe(true);
    expect(gzip.response.headers['content-length']).toBe(String(wire.length));
  });

  it('reads text bodies, lists of header values and flow-style mappings', () => {
    const post = http(cassette, 1);
    expect(post.request.method).toBe('POST');
    expect(post.request.body).toEqual({ kind: 'text', text: '{"name": "widget", "qty": 2}' });
    expect(post.response.status).toBe(201);
    expect(post.response.headers['set-cookie']).toEqual([
      'session=abc123; Path=/; HttpOnly',
      'theme=dark; Path=/',
    ]);
    const missing = http(cassette, 2);
    expect(missing.request.headers).toEqual({});
    expect(missing.response.status).toBe(404);
    expect(missing.response.body).toBeNull();
  });

  it('takes a body as already decoded when the header names a coding it does not have', () => {
    const document = {
      version: 1,
      interactions: [
        {
          request: { method: 'get', uri: 'https://a.example/x', headers: {}, body: null },
          response: {
            status: { code: 200, message: 'OK' },
            headers: { 'Content-Encoding': ['gzip'], 'Content-Type': ['text/plain'] },
            body: { string: 'already decoded by decode_compressed_response' },
          },
        },
      ],
    };
    const body = http(vcrFormat.decode(document, {}), 0).response.body!;
    expect(body).toEqual({
      kind: 'text',
      text: 'already decoded by decode_compressed_response',
      contentEncoding: 'gzip',
    });
    expect(zlib.gunzipSync(bodyToWire(body)).toString()).toBe(
      'already decoded by decode_compressed_response',
    );
  });

  it('names the file, the path and what was expected for invalid entries', () => {
    const document = readYamlFixture('vcrpy-cassette.yaml') as {
      interactions: Array<{ response: { status: { code: unknown } } }>;
    };
    document.interactions[2]!.response.status.code = 'Not Found';
    let error: unknown;
    try {
      vcrFormat.decode(document, { fileName: 'api.yaml' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(CassetteFormatError);
    expect((error as CassetteFormatError).path).toBe('interactions[2].response.status.code');
    expect((error as CassetteFormatError).expected).toBe('number');
    expect((error as CassetteFormatError).file).toBe('api.yaml');
  });
});

describe('Ruby VCR cassette import', () => {
  const cassette = decode('ruby-vcr-cassette.yml');

  it('converts recorded_at to RFC 3339 and dates the cassette at the earliest one', () => {
    expect(cassette.interactions.map((i) => i.recordedAt)).toEqual([
      '2011-11-01T04:58:44.000Z',
      '2011-11-01T04:58:45.000Z',
      '2011-11-01T04:58:40.000Z',
    ]);
    expect(cassette.recordedAt).toBe('2011-11-01T04:58:40.000Z');
    expect(cassette.metadata.createdAt).toBe('2011-11-01T04:58:40.000Z');
    expect(cassette.version).toBe('VCR 6.1.0');
    expect(cassette.metadata.description).toBe(
      'Imported from a Ruby VCR cassette (recorded with VCR 6.1.0)',
    );
  });

  it('upper-cases methods and decodes a gzip !binary body, keeping its wire bytes', () => {
    const repo = http(cassette, 0);
    expect(repo.request.method).toBe('GET');
    expect(repo.request.body).toBeNull();
    expect(repo.request.headers.accept).toBe('*/*');
    const body = repo.response.body!;
    expect(body.contentEncoding).toBe('gzip');
    expect(JSON.parse(bodyToBytes(body).toString('utf8'))).toEqual({
      id: 1012,
      full_name: 'vcr/vcr',
      stargazers_count: 5900,
    });
    const wire = binaryScalar('ruby-vcr-cassette.yml', [
      'http_interactions',
      0,
      'response',
      'body',
      'string',
    ]);
    expect(bodyToWire(body).equals(wire)).toBe(true);
  });

  it('reads UTF-8 strings and base64_string bodies', () => {
    const note = http(cassette, 1);
    expect(note.request.method).toBe('POST');
    expect(note.request.body).toEqual({ kind: 'text', text: '{"title":"Café crème"}' });
    expect(note.response.status).toBe(204);
    expect(note.response.body).toBeNull();
    const image = http(cassette, 2);
    const png = JSON.parse(fs.readFileSync(magnetoFixture('http-binary.json'), 'utf8')) as {
      interactions: Array<{ response: { body: number[] } }>;
    };
    expect(bodyToBytes(image.response.body!)).toEqual(
      Buffer.from(png.interactions[0]!.response.body),
    );
  });

  it('keeps Latin-1 text as its own bytes', () => {
    const document = {
      http_interactions: [
        {
          request: { method: 'get', uri: 'http://legacy.example/', body: null, headers: {} },
          response: {
            status: { code: 200, message: 'OK' },
            headers: { 'Content-Type': ['text/plain; charset=iso-8859-1'] },
            body: { encoding: 'ISO-8859-1', string: 'café' },
          },
        },
      ],
    };
    const body = http(vcrFormat.decode(document, {}), 0).response.body!;
    expect(bodyToBytes(body)).toEqual(Buffer.from([0x63, 0x61, 0x66, 0xe9]));
  });

  it('rejects a base64_string that is not base64', () => {
    const document = readYamlFixture('ruby-vcr-cassette.yml') as {
      http_interactions: Array<{ response: { body: { base64_string?: string } } }>;
    };
    document.http_interactions[2]!.response.body.base64_string = 'iVBORw0KGgo=AAAA*';
    expect(() => vcrFormat.decode(document, {})).toThrow(
      /http_interactions\[2\]\.response\.body\.base64_string: expected base64 text/,
    );
  });

  it('reports a bad recorded_at with its path', () => {
    const document = readYamlFixture('ruby-vcr-cassette.yml') as {
      http_interactions: Array<{ recorded_at: unknown }>;
    };
    document.http_interactions[1]!.recorded_at = 'last Tuesday';
    expect(() => vcrFormat.decode(document, { fileName: 'gh.yml' })).toThrow(
      /gh\.yml: http_interactions\[1\]\.recorded_at: expected a date-time/,
    );
  });
});

describe('VCR detection', () => {
  it('matches VCR.py and Ruby VCR documents only', () => {
    expect(vcrFormat.matches({ http_interactions: [], recorded_with: 'VCR 6.1.0' }, 'yaml')).toBe(
      true,
    );
    expect(vcrFormat.matches({ interactions: [], version: 1 }, 'yaml')).toBe(true);
    expect(vcrFormat.matches({ interactions: [], version: '2.0' }, 'json')).toBe(false);
    expect(
      vcrFormat.matches({ interactions: [{ type: 'Http', request: { url: 'x' } }] }, 'json'),
    ).toBe(false);
    expect(vcrFormat.matches({ log: { entries: [] } }, 'json')).toBe(false);
    const magneto = JSON.parse(
      fs.readFileSync(magnetoFixture('http-basic.json'), 'utf8'),
    ) as unknown;
    expect(vcrFormat.matches(magneto, 'json')).toBe(false);
    const v04 = JSON.parse(
      fs.readFileSync(magnetoFixture('v0.4-template-examples/api-auth-with-env.json'), 'utf8'),
    ) as unknown;
    expect(vcrFormat.matches(v04, 'json')).toBe(false);
  });
});
