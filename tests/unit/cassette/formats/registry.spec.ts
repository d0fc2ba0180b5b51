import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CassetteFormatError } from '../../../../proxy/cassette/errors';
import {
  STORAGE_EXTENSIONS,
  decodeCassette,
  encodeCassette,
  encodeForStorage,
  formatById,
  isFormatId,
  listFormats,
  readCassetteFile,
  readCassetteFileSync,
  storageFormatOfFileName,
} from '../../../../proxy/cassette/formats/registry';
import type { StorageFormat } from '../../../../proxy/cassette/formats/registry';
import { magnetoFixture } from '../../../support/fixtures';
import { richCassette } from './rich-cassette';

let dir: string;
beforeAll(async () => {
  dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'registry-spec-'));
});
afterAll(async () => {
  await fs.promises.rm(dir, { recursive: true, force: true });
});

describe('format list', () => {
  it('lists the formats in detection order', () => {
    expect(listFormats().map((format) => format.id)).toEqual([
      'native',
      'magneto-v1',
      'har',
      'talkback',
      'vcr',
    ]);
    expect(formatById('magneto-v1').label).toBe('Magneto-Serge 1.0');
    expect(isFormatId('har')).toBe(true);
    expect(isFormatId('postman')).toBe(false);
  });
});

describe('storage formats', () => {
  it('maps storage formats to extensions and back, ignoring case', () => {
    expect(STORAGE_EXTENSIONS).toEqual({
      json: '.json',
      msgpack: '.msgpack',
      'json.gz': '.json.gz',
      'msgpack.gz': '.msgpack.gz',
    });
    expect(storageFormatOfFileName('users.json')).toBe('json');
    expect(storageFormatOfFileName('dir/users.JSON.GZ')).toBe('json.gz');
    expect(storageFormatOfFileName('users.msgpack')).toBe('msgpack');
    expect(storageFormatOfFileName('users.msgpack.gz')).toBe('msgpack.gz');
    expect(storageFormatOfFileName('users.har')).toBeUndefined();
    expect(storageFormatOfFileName('users.gz')).toBeUndefined();
  });

  it.each([
    ['json', 'json', false],
    ['msgpack', 'msgpack', false],
    ['json.gz', 'json', true],
    ['msgpack.gz', 'msgpack', true],
  ] as const)('stores %s as native and reads it back', (storage, container, compressed) => {
    const cassette = richCassette();
    const decoded = decodeCassette(encodeForStorage(cassette, storage));
    expect(decoded).toStrictEqual({ cassette, format: 'native', container, compressed });
  });
});

describe('decoding', () => {
  it('detects Magneto-Serge fixtures by content', async () => {
    const json = await readCassetteFile(magnetoFixture('http-basic.json'));
    expect(json).toMatchObject({ format: 'magneto-v1', container: 'json', compressed: false });
    const msgpack = readCassetteFileSync(magnetoFixture('websocket-chat.msgpack'));
    expect(msgpack).toMatchObject({ format: 'magneto-v1', container: 'msgpack' });
    const legacy = await readCassetteFile(
      magnetoFixture('v0.4-template-examples/dynamic-timestamps.json'),
    );
    expect(legacy.format).toBe('magneto-v1');
  });

  it('ignores the file extension', async () => {
    const storage: Array<[StorageFormat, string]> = [
      ['msgpack', 'looks-like.json'],
      ['json.gz', 'looks-like.msgpack'],
      ['msgpack.gz', 'no-extension'],
    ];
    for (const [format, fileName] of storage) {
      const file = path.join(dir, fileName);
      await fs.promises.writeFile(file, encodeForStorage(richCassette(), format));
      const decoded = await readCassetteFile(file);
      expect(decoded.cassette).toStrictEqual(richCassette());
      expect(decoded.format).toBe('native');
    }
  });

  it('names the file when a cassette is invalid', async () => {
    const document = JSON.parse(fs.readFileSync(magnetoFixture('http-basic.json'), 'utf8'));
    document.interactions[3].response.status = '204';
    const file = path.join(dir, 'broken.json');
    await fs.promises.writeFile(file, zlib.gzipSync(JSON.stringify(document)));
    const message = `${file}: interactions[3].response.status: expected number, got string`;
    await expect(readCassetteFile(file)).rejects.toThrow(message);
    expect(() => readCassetteFileSync(file)).toThrow(CassetteFormatError);
  });

  it('says when a document is in no known format', () => {
    const bytes = Buffer.from('{"hello": "world"}');
    expect(() => decodeCassette(bytes, { fileName: 'hello.json' })).toThrow(
      /^hello\.json: not a cassette in a known format \(Magneto Studio native, Magneto-Serge 1\.0, /,
    );
  });

  it('rejects a missing file with the error of the file system', async () => {
    const missing = path.join(dir, 'missing.json');
    await expect(readCassetteFile(missing)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('encoding', () => {
  it('writes Magneto-Serge 1.0 in MessagePack and gzip', () => {
    const bytes = encodeCassette(richCassette(), {
      format: 'magneto-v1',
      container: 'msgpack',
      gzip: true,
    });
    const decoded = decodeCassette(bytes);
    expect(decoded).toMatchObject({ format: 'magneto-v1', container: 'msgpack', compressed: true });
    expect(decoded.cassette.interactions).toHaveLength(richCassette().interactions.length);
  });

  it('writes every writable format in its usual container and refuses the others', () => {
    for (const format of listFormats()) {
      if (format.encode === undefined) {
        expect(() => encodeCassette(richCassette(), { format: format.id })).toThrow(
          `cannot write format "${format.id}" (${format.label}): it can only be read`,
        );
      } else {
        const decoded = decodeCassette(encodeCassette(richCassette(), { format: format.id }));
        expect(decoded).toMatchObject({ format: format.id, container: format.containers[0] });
      }
    }
  });

  it('refuses a container the format is not stored in', () => {
    expect(() => encodeCassette(richCassette(), { format: 'native', container: 'yaml' })).toThrow(
      'format "native" is written as json, msgpack, not yaml',
    );
  });
});
