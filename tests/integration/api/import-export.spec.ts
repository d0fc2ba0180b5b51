/** Importing other tools' cassettes and exporting cassettes, over HTTP, with real files. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { decodeCassette } from '../../../proxy/cassette/formats/registry';
import { magnetoFixture } from '../../support/fixtures';
import { gql, gqlData, startStudio } from './api-harness';

const IMPORT_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../fixtures/import',
);

const IMPORT = /* GraphQL */ `
  mutation Import($input: ImportCassetteInput!) {
    importCassette(input: $input) {
      sourceFormat
      replaced
      cassette {
        name
        interactionCount
        metadata {
          format
        }
      }
    }
  }
`;
const EXPORT = /* GraphQL */ `
  mutation Export($names: [String!]!, $format: ExportFormat!, $gzip: Boolean) {
    exportCassettes(names: $names, format: $format, gzip: $gzip) {
      fileName
      contentType
      base64
      byteLength
      cassetteCount
    }
  }
`;

describe('import and export over HTTP', () => {
  it('imports HAR, VCR, Talkback and Magneto-Serge content (text and base64)', async () => {
    const studio = await startStudio();
    const cases: Array<[string, string, 'Text' | 'Base64', string]> = [
      [path.join(IMPORT_DIR, 'chrome-devtools.har'), 'har', 'Text', 'devtools'],
      [path.join(IMPORT_DIR, 'vcrpy-cassette.yaml'), 'vcr', 'Text', 'vcrpy'],
      [path.join(IMPORT_DIR, 'talkback-user.json5'), 'talkback', 'Text', 'talkback'],
      [magnetoFixture('http-basic.json'), 'magneto-v1', 'Text', 'basic'],
      [magnetoFixture('websocket-chat.msgpack'), 'magneto-v1', 'Base64', 'chat'],
    ];
    for (const [file, sourceFormat, encoding, name] of cases) {
      const bytes = await readFile(file);
      const content = encoding === 'Base64' ? bytes.toString('base64') : bytes.toString('utf8');
      const expected = decodeCassette(bytes).cassette.interactions.length;
      const { importCassette } = await gqlData(studio.url, IMPORT, {
        input: { content, encoding, name, fileName: path.basename(file) },
      });
      expect(importCassette, file).toEqual({
        sourceFormat,
        replaced: false,
        cassette: { name, interactionCount: expected, metadata: { format: 'Json' } },
      });
    }
  });

  it('refuses a second import under a taken name unless overwrite, and bad content with BAD_USER_INPUT', async () => {
    const studio = await startStudio();
    const content = await readFile(magnetoFixture('http-basic.json'), 'utf8');
    await gqlData(studio.url, IMPORT, { input: { content, name: 'basic' } });
    const taken = await gql(studio.url, IMPORT, { input: { content, name: 'basic' } });
    expect(taken.errors?.[0]?.extensions?.code).toBe('CASSETTE_EXISTS');
    const replaced = await gqlData(studio.url, IMPORT, {
      input: { content, name: 'basic', overwrite: true, format: 'MessagePack' },
    });
    expect(replaced.importCassette).toMatchObject({
      replaced: true,
      cassette: { name: 'basic', interactionCount: 5 },
    });
    const garbage = await gql(studio.url, IMPORT, {
      input: { content: '{"hello": "world"}', name: 'x' },
    });
    expect(garbage.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(garbage.errors?.[0]?.message).toMatch(/not a cassette/);
    const notBase64 = await gql(studio.url, IMPORT, {
      input: { content: '%%%', encoding: 'Base64', name: 'x' },
    });
    expect(notBase64.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('exports one cassette as its file and several as a zip', async () => {
    const studio = await startStudio();
    const content = await readFile(magnetoFixture('http-basic.json'), 'utf8');
    await gqlData(studio.url, IMPORT, { input: { content, name: 'one' } });
    await gqlData(studio.url, IMPORT, { input: { content, name: 'two' } });

    const single = (await gqlData(studio.url, EXPORT, { names: ['one'], format: 'Har' }))
      .exportCassettes;
    expect(single).toMatchObject({
      fileName: 'one.har',
      contentType: 'application/json',
      cassetteCount: 1,
    });
    const har = Buffer.from(single.base64, 'base64');
    expect(har.byteLength).toBe(single.byteLength);
    expect(decodeCassette(har).format).toBe('har');

    const gzipped = (
      await gqlData(studio.url, EXPORT, { names: ['one'], format: 'MagnetoV1', gzip: true })
    ).exportCassettes;
    expect(gzipped).toMatchObject({ fileName: 'one.json.gz', contentType: 'application/gzip' });
    expect(decodeCassette(Buffer.from(gzipped.base64, 'base64')).format).toBe('magneto-v1');

    const many = (await gqlData(studio.url, EXPORT, { names: ['one', 'two'], format: 'Native' }))
      .exportCassettes;
    expect(many).toMatchObject({
      fileName: 'cassettes.zip',
      contentType: 'application/zip',
      cassetteCount: 2,
    });
    const entries = unzipSync(Buffer.from(many.base64, 'base64'));
    expect(Object.keys(entries).sort()).toEqual(['one.json', 'two.json']);
    expect(
      decodeCassette(entries['one.json'] ?? new Uint8Array()).cassette.interactions,
    ).toHaveLength(5);

    const missing = await gql(studio.url, EXPORT, { names: ['one', 'ghost'], format: 'Native' });
    expect(missing.errors?.[0]?.extensions).toMatchObject({
      code: 'CASSETTE_NOT_FOUND',
      name: 'ghost',
    });
    const none = await gql(studio.url, EXPORT, { names: [], format: 'Native' });
    expect(none.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
