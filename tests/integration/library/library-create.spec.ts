import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCassetteFile } from '../../../proxy/cassette/formats/registry';
import {
  CassetteExistsError,
  CassetteNameError,
  InvalidCassetteError,
} from '../../../src-main/library/library-errors';
import { clockedLibrary, copyFixture, httpInput, iso, recordChanges, START } from './library-kit';

describe('creating cassettes', () => {
  it('writes a native JSON file named after the cassette', async () => {
    const { library, file } = await clockedLibrary();
    const changes = recordChanges(library);
    const summary = await library.create('login flow', {
      metadata: { tags: ['auth', ' auth', ''], description: 'Signs in' },
    });

    expect(summary).toMatchObject({
      name: 'login flow',
      fileName: 'login flow.json',
      storage: 'json',
      format: 'native',
      version: '2.0',
      recordedAt: iso(START),
      createdAt: iso(START),
      modifiedAt: iso(START),
      tags: ['auth'],
      description: 'Signs in',
      interactions: { total: 0 },
    });
    const text = await fs.readFile(file('login flow.json'), 'utf8');
    expect(text).toContain('\n  "name": "login flow",\n');
    const { cassette, format } = await readCassetteFile(file('login flow.json'));
    expect(format).toBe('native');
    expect(cassette.metadata.tags).toEqual(['auth']);
    expect(changes).toEqual([
      { type: 'created', name: 'login flow', source: 'app', at: iso(START) },
    ]);
  });

  it.each([
    ['msgpack', 'c.msgpack'],
    ['json.gz', 'c.json.gz'],
    ['msgpack.gz', 'c.msgpack.gz'],
  ] as const)('stores in %s when asked', async (storage, fileName) => {
    const { library, file } = await clockedLibrary();
    await library.create('c', { storage, interactions: [] });
    const decoded = await readCassetteFile(file(fileName));
    expect(decoded.format).toBe('native');
    expect(decoded.compressed).toBe(storage.endsWith('.gz'));
    expect(library.summary('c').storage).toBe(storage);
  });

  it('keeps given interactions and recording time', async () => {
    const { library } = await clockedLibrary();
    const interaction = { ...httpInput('https://a.example/x'), id: 'first', recordedAt: iso(1) };
    await library.create('given', {
      recordedAt: '2024-01-01T00:00:00.000Z',
      interactions: [interaction as never],
    });
    const { cassette } = await library.get('given');
    expect(cassette.recordedAt).toBe('2024-01-01T00:00:00.000Z');
    expect(cassette.interactions.map((i) => i.id)).toEqual(['first']);
  });

  it('refuses a name in use, also in another case', async () => {
    const { library, file } = await clockedLibrary();
    await library.create('Orders');
    await expect(library.create('Orders')).rejects.toThrow(CassetteExistsError);
    await expect(library.create('orders')).rejects.toThrow(/"Orders" already exists/);
    expect(await fs.readdir(path.dirname(file('x')))).toEqual(['Orders.json']);
  });

  it('refuses a name whose file appeared behind its back, and indexes that file', async () => {
    const { library, file } = await clockedLibrary();
    await copyFixture('http-basic.json', path.dirname(file('x')), 'sneaky.json');
    await expect(library.create('sneaky')).rejects.toThrow(CassetteExistsError);
    expect(library.summary('sneaky').format).toBe('magneto-v1');
    expect((await fs.stat(file('sneaky.json'))).size).toBe(9046);
  });

  it('refuses invalid names and storages without writing anything', async () => {
    const { library, dirs } = await clockedLibrary();
    await expect(library.create('../escape')).rejects.toThrow(CassetteNameError);
    await expect(library.create('a/b')).rejects.toThrow(CassetteNameError);
    await expect(library.create('CON')).rejects.toThrow(/reserved/);
    await expect(library.create('x', { storage: 'yaml' as never })).rejects.toThrow(
      InvalidCassetteError,
    );
    expect(await fs.readdir(dirs.cassetteDir)).toEqual([]);
    expect(await fs.readdir(path.dirname(dirs.cassetteDir))).toEqual(['cassettes', 'data']);
  });
});
