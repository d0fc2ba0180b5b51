import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { Cassette, HttpInteraction } from '../../../../proxy/cassette/cassette.model';
import { bodyToBytes } from '../../../../proxy/cassette/body';
import { bodyToWire } from '../../../../proxy/cassette/content-coding';
import { CassetteFormatError } from '../../../../proxy/cassette/errors';
import { talkbackFormat } from '../../../../proxy/cassette/formats/talkback';
import { importFixture, readJson5Fixture } from './import-fixtures';

const PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mPQqr/yHwAE0QJ94jqzegAAAABJRU5ErkJggg==';

function decode(name: string): { cassette: Cassette; http: HttpInteraction } {
  const document = readJson5Fixture(name);
  expect(talkbackFormat.matches(document, 'json5')).toBe(true);
  const cassette = talkbackFormat.decode(document, { fileName: importFixture(name) });
  expect(cassette.interactions).toHaveLength(1);
  return { cassette, http: cassette.interactions[0] as HttpInteraction };
}

function failure(document: unknown): CassetteFormatError {
  try {
    talkbackFormat.decode(document, { fileName: 'tape.json5' });
  } catch (error) {
    expect(error).toBeInstanceOf(CassetteFormatError);
    return error as CassetteFormatError;
  }
  throw new Error('the tape was accepted');
}

describe('Talkback tape import', () => {
  it('reads a human-readable tape: URL on meta.host, JSON body value, createdAt', () => {
    const { cassette, http } = decode('talkback-user.json5');
    expect(cassette.name).toBe('talkback-user');
    expect(cassette.recordedAt).toBe('2024-11-05T16:42:07.918Z');
    expect(cassette.metadata).toEqual({
      createdAt: '2024-11-05T16:42:07.918Z',
      modifiedAt: '2024-11-05T16:42:07.918Z',
      tags: ['imported:talkback'],
      description: 'Imported from a Talkback tape of https://api.github.com',
      settings: {},
    });
    expect(http.id).toBe('i0');
    expect(http.recordedAt).toBe('2024-11-05T16:42:07.918Z');
    expect(http.request.method).toBe('GET');
    expect(http.request.url).toBe('https://api.github.com/users/octocat?fields=login,id');
    expect(http.request.body).toBeNull();
    expect(http.response.status).toBe(200);
    expect(http.response.headers['set-cookie']).toEqual([
      '_octo=GH1.1; Path=/',
      'logged_in=no; Path=/',
    ]);
  });

  it('keeps an uncompressed body decoded and encodes it again for replay', () => {
    const { http } = decode('talkback-user.json5');
    const body = http.response.body!;
    const text = JSON.stringify({ login: 'octocat', id: 583231, name: 'The Octocat' }, null, 2);
    expect(body).toEqual({ kind: 'text', text, contentEncoding: 'gzip' });
    expect(zlib.gunzipSync(bodyToWire(body)).toString('utf8')).toBe(text);
  });

  it('reads base64 bodies of a tape that is not human-readable', () => {
    const { http } = decode('talkback-upload.json5');
    expect(http.request.method).toBe('PUT');
    expect(http.request.url).toBe('http://localhost:8080/uploads/avatar');
    expect(bodyToBytes(http.request.body!)).toEqual(Buffer.from([0, 1, 2, 127, 128, 254, 255]));
    expect(http.response.body).toEqual({ kind: 'binary', base64: PNG_BASE64 });
  });

  it('reads human-readable text as it is and a missing body as none', () => {
    const tape = {
      meta: { host: 'https://a.example', resHumanReadable: true },
      req: { url: '/notes/1', method: 'delete', headers: {} },
      res: { status: 410, headers: { 'content-type': 'text/plain' }, body: 'Gone for good\n' },
    };
    const http = talkbackFormat.decode(tape, { name: 'notes' }).interactions[0] as HttpInteraction;
    expect(http.request.body).toBeNull();
    expect(http.response.body).toEqual({ kind: 'text', text: 'Gone for good\n' });
  });

  it('reads a base64 body that is still gzip from the wire', () => {
    const wire = zlib.gzipSync('plain text from the wire');
    const tape = {
      meta: {
        createdAt: '2024-11-05T16:50:00.000Z',
        host: 'https://a.example',
        resHumanReadable: true,
      },
      req: { url: '/t', method: 'GET', headers: {}, body: '' },
      res: {
        status: 200,
        headers: { 'content-type': 'text/plain', 'content-encoding': 'gzip' },
        body: wire.toString('base64'),
      },
    };
    const body = (talkbackFormat.decode(tape, {}).interactions[0] as HttpInteraction).response
      .body!;
    expect(body).toEqual({
      kind: 'text',
      text: 'plain text from the wire',
      contentEncoding: 'gzip',
    });
    expect(bodyToWire(body).equals(wire)).toBe(true);
  });

  it('reports invalid tapes with the file, the path and what was expected', () => {
    const tape = readJson5Fixture('talkback-upload.json5') as {
      meta: Record<string, unknown>;
      req: Record<string, unknown>;
      res: Record<string, unknown>;
    };
    const badStatus = structuredClone(tape);
    badStatus.res.status = '200';
    expect(failure(badStatus)).toMatchObject({
      file: 'tape.json5',
      path: 'res.status',
      expected: 'number',
    });

    const badHost = structuredClone(tape);
    badHost.meta.host = 'localhost';
    expect(failure(badHost)).toMatchObject({ path: 'meta.host', expected: 'an absolute URL' });

    const objectBody = structuredClone(tape);
    objectBody.res.body = { not: 'base64' };
    expect(failure(objectBody).path).toBe('res.body');

    const textBody = structuredClone(tape);
    textBody.req.body = 'plain text, not base64';
    expect(failure(textBody)).toMatchObject({ path: 'req.body' });
    expect(failure(textBody).expected).toMatch(/^base64 text/);

    const badDate = structuredClone(tape);
    badDate.meta.createdAt = 'soon';
    expect(failure(badDate).path).toBe('meta.createdAt');
  });

  it('matches tapes only', () => {
    expect(talkbackFormat.matches({ meta: {}, req: {}, res: {} }, 'json5')).toBe(true);
    expect(talkbackFormat.matches({ meta: {}, req: {} }, 'json5')).toBe(false);
    expect(talkbackFormat.matches({ log: { entries: [] } }, 'json')).toBe(false);
    expect(talkbackFormat.matches({ interactions: [] }, 'json')).toBe(false);
    expect(talkbackFormat.matches(null, 'json')).toBe(false);
  });
});
