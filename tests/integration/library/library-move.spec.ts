import fs from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { readCassetteFile } from '../../../proxy/cassette/formats/registry';
import {
  CassetteExistsError,
  CassetteNameError,
  CassetteNotFoundError,
} from '../../../src-main/library/library-errors';
import { clockedLibrary, httpInput, iso, recordChanges, START } from './library-kit';

describe('renaming, duplicating, deleting', () => {
  it('renames the file, keeping its extension, and the name inside', async () => {
    const { library, file, dirs, clock } = await clockedLibrary();
    await library.create('old', { storage: 'msgpack' });
    await library.addInteraction('old', httpInput('https://a.example/'));
    clock.advance(1_000);
    const changes = recordChanges(library);

    const summary = await library.rename('old', 'new name');

    expect(summary).toMatchObject({ name: 'new name', fileName: 'new name.msgpack' });
    expect(await fs.readdir(dirs.cassetteDir)).toEqual(['new name.msgpack']);
    const { cassette } = await readCassetteFile(file('new name.msgpack'));
    expect(cassette.name).toBe('new name');
    expect(cassette.interactions).toHaveLength(1);
    expect(cassette.metadata.modifiedAt).toBe(iso(START + 1_000));
    expect(changes).toEqual([
      {
        type: 'renamed',
        name: 'new name',
        previousName: 'old',
        source: 'app',
        at: iso(START + 1_000),
      },
    ]);
    expect(() => library.summary('old')).toThrow(CassetteNotFoundError);
    expect(library.search('new name').map((hit) => hit.name)).toEqual(['new name']);
  });

  it('renames to another case of the same name', async () => {
    const { library, dirs } = await clockedLibrary();
    await library.create('report');
    await library.rename('report', 'Report');
    expect(await fs.readdir(dirs.cassetteDir)).toEqual(['Report.json']);
    expect(library.list().items.map((s) => s.name)).toEqual(['Report']);
  });

  it('refuses to rename onto an existing or invalid name', async () => {
    const { library, dirs } = await clockedLibrary();
    await library.create('a');
    await library.create('b');
    const changes = recordChanges(library);
    await expect(library.rename('a', 'B')).rejects.toThrow(CassetteExistsError);
    await expect(library.rename('a', 'x:y')).rejects.toThrow(CassetteNameError);
    await expect(library.rename('missing', 'c')).rejects.toThrow(CassetteNotFoundError);
    expect(await library.rename('a', 'a')).toMatchObject({ name: 'a' });
    expect((await fs.readdir(dirs.cassetteDir)).sort()).toEqual(['a.json', 'b.json']);
    expect(changes).toEqual([]);
  });

  it('duplicates with fresh times, leaving the source alone', async () => {
    const { library, clock, file } = await clockedLibrary();
    await library.create('source', {
      recordedAt: '2024-05-05T05:05:05.000Z',
      metadata: { tags: ['x'] },
    });
    await library.addInteraction('source', httpInput('https://a.example/'));
    const sourceBytes = await fs.readFile(file('source.json'));
    clock.advance(60_000);
    const changes = recordChanges(library);

    const copy = await library.duplicate('source', 'copy');

    const now = iso(START + 60_000);
    expect(copy).toMatchObject({
      name: 'copy',
      recordedAt: now,
      createdAt: now,
      modifiedAt: now,
      tags: ['x'],
      interactions: { total: 1 },
    });
    expect(await fs.readFile(file('source.json'))).toEqual(sourceBytes);
    expect((await library.get('copy')).cassette.interactions).toEqual(
      (await library.get('source')).cassette.interactions,
    );
    expect(changes).toEqual([{ type: 'created', name: 'copy', source: 'app', at: now }]);
    await expect(library.duplicate('source', 'copy')).rejects.toThrow(CassetteExistsError);
  });

  it('deletes the file and the row', async () => {
    const { library, dirs } = await clockedLibrary();
    await library.create('doomed');
    const changes = recordChanges(library);
    await library.delete('doomed');
    expect(await fs.readdir(dirs.cassetteDir)).toEqual([]);
    expect(library.list().total).toBe(0);
    expect(changes).toEqual([{ type: 'deleted', name: 'doomed', source: 'app', at: iso(START) }]);
  });
});
